package io.github.nl2sql.jdbc;

/**
 * A question could not be answered for a reason other than validation or ambiguity: no planner is
 * available, the model endpoint is unreachable, the connection is closed, or the statement method does
 * not suit a question. SQLState {@value #SQLSTATE} (or {@code 08003} for a closed connection). Nothing
 * was executed and, unless it was closed, the connection stays usable.
 */
public final class QuestionFailedException extends Nl2SqlJdbcException {
  private static final long serialVersionUID = 1L;

  /** SQLState of this exception. */
  public static final String SQLSTATE = "NL003";

  QuestionFailedException(String message, Throwable cause) {
    super(message, SQLSTATE, null, cause);
  }

  QuestionFailedException(String message, String sqlState, Throwable cause) {
    super(message, sqlState, null, cause);
  }
}
