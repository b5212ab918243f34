package io.github.nl2sql;

import io.github.nl2sql.diagnostics.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when SQL or IR does not validate (unknown names, parse errors, statements the guard refuses)
 * and so was neither compiled nor executed. Carries the diagnostics with their suggestions.
 */
public class InvalidQueryException extends Nl2SqlException {
  private static final long serialVersionUID = 1L;

  private final String sql;
  private final transient List<Diagnostic> diagnostics;

  public InvalidQueryException(String sql, List<Diagnostic> diagnostics) {
    super(message(diagnostics));
    this.sql = sql;
    this.diagnostics = List.copyOf(diagnostics);
  }

  private static String message(List<Diagnostic> diagnostics) {
    List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
    List<Diagnostic> shown = errors.isEmpty() ? diagnostics : errors;
    return shown.stream().map(Diagnostic::format).collect(Collectors.joining("; "));
  }

  /** The SQL text, or {@code null} when the input was IR. */
  public String sql() {
    return sql;
  }

  /** All diagnostics, errors first. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
