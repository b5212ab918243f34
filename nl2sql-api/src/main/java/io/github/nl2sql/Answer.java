package io.github.nl2sql;

import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.ir.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Nl2Sql#ask(String)} returns for one question: exactly one of
 * <ul>
 *   <li>{@link Answered}: validated, parameterized SQL with its IR, a confidence, an explanation and,
 *       when execution is enabled, the rows;</li>
 *   <li>{@link Clarification}: the question is ambiguous; a question back with numbered options;</li>
 *   <li>{@link Abstained}: the planner is not sure enough to answer, with the reason;</li>
 *   <li>{@link Blocked}: every draft failed validation; the diagnostics with their "did you mean"
 *       suggestions. Nothing was executed.</li>
 * </ul>
 * All implementations are immutable records. Use {@code instanceof} to tell them apart.
 */
public sealed interface Answer
    permits Answer.Answered, Answer.Clarification, Answer.Abstained, Answer.Blocked {

  /** The question as asked (after resolving a pending clarification: the original question). */
  String question();

  /** How the answer was produced. */
  Trace trace();

  /**
   * How an answer was produced.
   *
   * @param planner the planner that produced the final outcome ({@code "offline"}, {@code "llm"}, or a
   *     custom planner's name)
   * @param modelCalls how many times a language model was called
   * @param drafts how many drafts were validated (each model answer and each offline plan is a draft)
   * @param rejectedDrafts how many drafts failed validation and were never executed
   * @param repaired whether the final SQL came from deterministic repair of an unknown identifier
   * @param regenerated whether the final SQL came from a model after at least one rejected draft
   */
  record Trace(String planner, int modelCalls, int drafts, int rejectedDrafts, boolean repaired,
      boolean regenerated) {
    public Trace {
      Objects.requireNonNull(planner, "planner");
    }
  }

  /**
   * A validated answer.
   *
   * @param question the question
   * @param query the compiled SQL with bind values; its {@link CompiledQuery#statement()} is the IR
   * @param confidence the planner's confidence, 0..1
   * @param explanation how the question was read, in plain words
   * @param result the rows, or {@code null} when execution was not requested or the statement is a write
   *     draft
   * @param trace how it was produced
   */
  record Answered(String question, CompiledQuery query, double confidence, String explanation,
      QueryResult result, Trace trace) implements Answer {
    public Answered {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(explanation, "explanation");
      Objects.requireNonNull(trace, "trace");
      if (!(confidence >= 0 && confidence <= 1)) {
        throw new IllegalArgumentException("confidence must be in 0..1, got " + confidence);
      }
    }

    /** The validated IR. */
    public Statement statement() {
      return query.statement();
    }

    /** Whether rows were fetched. */
    public boolean executed() {
      return result != null;
    }
  }

  /**
   * The question is ambiguous: answer with {@link Nl2Sql#ask(String, Conversation)} on the same
   * conversation, giving an option's number or its label.
   *
   * @param question the original question
   * @param kind what is ambiguous
   * @param prompt the question back to the user, e.g. "Which date do you mean?"
   * @param options the choices, numbered from 1
   * @param trace how it was produced
   */
  record Clarification(String question, Kind kind, String prompt, List<Option> options, Trace trace)
      implements Answer {
    public Clarification {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(prompt, "prompt");
      Objects.requireNonNull(trace, "trace");
      options = List.copyOf(options);
      if (options.size() < 2) {
        throw new IllegalArgumentException("a clarification needs at least two options");
      }
      for (int i = 0; i < options.size(); i++) {
        if (options.get(i).number() != i + 1) {
          throw new IllegalArgumentException("options must be numbered 1.." + options.size());
        }
      }
    }

    /**
     * The option a user's reply picks: its number ("2"), its label or value (ignoring case), or the one
     * option whose label contains the reply. Empty when the reply picks none or several.
     */
    public java.util.Optional<Option> choose(String reply) {
      if (reply == null || reply.isBlank()) {
        return java.util.Optional.empty();
      }
      String r = reply.trim().replaceAll("[.)]$", "").trim();
      if (r.matches("\\d{1,3}")) {
        int n = Integer.parseInt(r);
        return n >= 1 && n <= options.size() ? java.util.Optional.of(options.get(n - 1))
            : java.util.Optional.empty();
      }
      for (Option o : options) {
        if (o.label().equalsIgnoreCase(r) || o.value().equalsIgnoreCase(r)) {
          return java.util.Optional.of(o);
        }
      }
      String lower = r.toLowerCase(java.util.Locale.ROOT);
      List<Option> hits = options.stream()
          .filter(o -> o.label().toLowerCase(java.util.Locale.ROOT).contains(lower)).toList();
      return hits.size() == 1 ? java.util.Optional.of(hits.get(0)) : java.util.Optional.empty();
    }

    /** The prompt followed by the numbered options, one a line. */
    public String format() {
      StringBuilder sb = new StringBuilder(prompt);
      for (Option o : options) {
        sb.append('\n').append(o.number()).append(". ").append(o.label());
      }
      return sb.toString();
    }

    /** What a clarification is about. */
    public enum Kind {
      /** Two or more columns fit a word of the question equally well. */
      COLUMN,
      /** Two or more tables fit equally well. */
      TABLE,
      /** Several plausible join paths connect the tables. */
      JOIN_PATH,
      /** A relative date with no date column chosen. */
      DATE_COLUMN,
      /** A value that is not known in the data, or fits several columns. */
      VALUE,
      /** Anything else a model asked about. */
      OTHER
    }

    /**
     * One choice.
     *
     * @param number 1-based position
     * @param label what the user sees, e.g. {@code orders.order_date}
     * @param value what the planner uses when chosen: a qualified column or table name, a value, or
     *     free text for {@link Kind#OTHER}
     */
    public record Option(int number, String label, String value) {
      public Option {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
      }
    }
  }

  /**
   * The planner declined to answer rather than guess.
   *
   * @param question the question
   * @param reason why, in plain words (e.g. "I can answer this only with a language model configured")
   * @param trace how it was produced
   */
  record Abstained(String question, String reason, Trace trace) implements Answer {
    public Abstained {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(trace, "trace");
    }
  }

  /**
   * Every draft failed validation, so nothing ran.
   *
   * @param question the question
   * @param sql the last draft's SQL text as the planner wrote it, or {@code null} when it produced IR
   * @param diagnostics the last draft's diagnostics, errors first
   * @param trace how it was produced
   */
  record Blocked(String question, String sql, List<Diagnostic> diagnostics, Trace trace)
      implements Answer {
    public Blocked {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(trace, "trace");
      diagnostics = List.copyOf(diagnostics);
    }

    /** The "did you mean" suggestions of all diagnostics, best first, without duplicates. */
    public List<String> suggestions() {
      LinkedHashSet<String> out = new LinkedHashSet<>();
      for (Diagnostic d : diagnostics) {
        out.addAll(d.suggestions());
      }
      return new ArrayList<>(out);
    }
  }
}
