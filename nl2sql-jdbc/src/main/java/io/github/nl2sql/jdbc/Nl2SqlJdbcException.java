package io.github.nl2sql.jdbc;

import io.github.nl2sql.diagnostics.Diagnostic;
import java.sql.SQLException;
import java.util.List;

/**
 * The base of the {@link SQLException}s the wrapping driver raises itself (errors of the real driver
 * pass through unchanged). Each subclass has its own SQLState, listed as a constant on it; message text
 * is API. Carries the diagnostics behind the error, if any.
 */
public class Nl2SqlJdbcException extends SQLException {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  /**
   * @param message the full message shown to users
   * @param sqlState the SQLState
   * @param diagnostics the diagnostics behind the error; {@code null} means none
   * @param cause the underlying cause, or {@code null}
   */
  public Nl2SqlJdbcException(String message, String sqlState, List<Diagnostic> diagnostics, Throwable cause) {
    super(message, sqlState, cause);
    this.diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
  }

  /** The diagnostics behind this error (each with its code and "did you mean" suggestions); may be empty. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
