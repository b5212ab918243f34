package io.github.nl2sql.jdbc;

import io.github.nl2sql.ir.Statement;
import java.util.List;
import java.util.Objects;

/**
 * The answer to the last question on a connection or statement, as returned by
 * {@link Nl2SqlConnection#lastAnswer()} and {@link Nl2SqlStatement#lastAnswer()}. Immutable.
 *
 * @param question the question as asked (for a clarification answer: the original question)
 * @param sql the SQL that ran (or, for a write draft, would run), with {@code ?} placeholders
 * @param parameters the bind values in placeholder order (may contain {@code null})
 * @param statement the validated IR the SQL was compiled from
 * @param confidence the planner's confidence in [0, 1], or {@code null} when it gives none
 * @param notes explanations and assumptions, possibly empty
 * @param executed whether the SQL was executed ({@code false} for a write draft)
 */
public record QuestionAnswer(String question, String sql, List<Object> parameters, Statement statement,
    Double confidence, List<String> notes, boolean executed) {
  public QuestionAnswer {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(sql, "sql");
    parameters = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** Whether the statement is a read. */
  public boolean isRead() {
    return statement == null || statement.isRead();
  }
}
