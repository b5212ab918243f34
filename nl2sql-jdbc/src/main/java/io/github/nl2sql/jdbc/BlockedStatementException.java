package io.github.nl2sql.jdbc;

import io.github.nl2sql.diagnostics.Diagnostic;
import java.util.List;

/**
 * A statement was refused before it reached the database: a plain SQL statement naming unknown tables or
 * columns under {@code nl2sql.guard=block}, or a question whose answer did not validate. SQLState
 * {@value #SQLSTATE}. The message lists each diagnostic with its "did you mean" suggestions;
 * {@link #diagnostics()} has them as data. Nothing was executed and the connection stays usable.
 */
public final class BlockedStatementException extends Nl2SqlJdbcException {
  private static final long serialVersionUID = 1L;

  /** SQLState of this exception. */
  public static final String SQLSTATE = "NL002";

  BlockedStatementException(String message, List<Diagnostic> diagnostics) {
    super(message, SQLSTATE, diagnostics, null);
  }

  static String describe(String headline, List<Diagnostic> diagnostics) {
    StringBuilder sb = new StringBuilder(headline);
    for (Diagnostic d : diagnostics) {
      sb.append("\n  ").append(d.code().id()).append(' ').append(d.format());
    }
    return sb.toString();
  }
}
