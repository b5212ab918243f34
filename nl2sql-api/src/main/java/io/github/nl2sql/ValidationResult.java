package io.github.nl2sql;

import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.ir.Statement;
import java.util.List;

/**
 * The outcome of validating SQL text or IR against the catalog. Immutable.
 *
 * @param sql the SQL text that was validated, or {@code null} when the input was IR
 * @param statement the IR, or {@code null} when the SQL could not be parsed or imported
 * @param diagnostics errors and warnings, errors first; empty when all is well
 */
public record ValidationResult(String sql, Statement statement, List<Diagnostic> diagnostics) {
  public ValidationResult {
    diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
  }

  /** Whether the statement can be compiled: there is IR and no error diagnostic. */
  public boolean isValid() {
    return statement != null && diagnostics.stream().noneMatch(Diagnostic::isError);
  }

  /** The error diagnostics only. */
  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  /** The IR if valid. @throws InvalidQueryException with the diagnostics when not valid */
  public Statement orThrow() {
    if (!isValid()) {
      throw new InvalidQueryException(sql, diagnostics);
    }
    return statement;
  }
}
