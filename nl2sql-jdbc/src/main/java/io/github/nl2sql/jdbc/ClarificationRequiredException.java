package io.github.nl2sql.jdbc;

import java.util.List;

/**
 * A question was ambiguous: instead of guessing, the driver asks back. SQLState {@value #SQLSTATE}. The
 * message shows the clarifying question and numbered options; answer on the same connection with
 * {@code -- nl: use N} (N from 1). Nothing was executed and the connection stays usable; the pending
 * clarification is replaced by the next question.
 */
public final class ClarificationRequiredException extends Nl2SqlJdbcException {
  private static final long serialVersionUID = 1L;

  /** SQLState of this exception. */
  public static final String SQLSTATE = "NL001";

  private final String question;
  private final String prompt;
  private final List<String> options;

  ClarificationRequiredException(String question, String prompt, List<String> options) {
    super(describe(question, prompt, options), SQLSTATE, null, null);
    this.question = question;
    this.prompt = prompt;
    this.options = List.copyOf(options);
  }

  /** The question that was asked. */
  public String question() {
    return question;
  }

  /** The clarifying question. */
  public String prompt() {
    return prompt;
  }

  /** The options, in the order numbered in the message (option 1 first). */
  public List<String> options() {
    return options;
  }

  private static String describe(String question, String prompt, List<String> options) {
    StringBuilder sb = new StringBuilder("Clarification needed for '").append(question).append("': ")
        .append(prompt);
    for (int i = 0; i < options.size(); i++) {
      sb.append("\n  ").append(i + 1).append(") ").append(options.get(i));
    }
    sb.append("\nAnswer with: -- nl: use <number>  (or, where a client drops comments: nl: use <number>)");
    return sb.toString();
  }
}
