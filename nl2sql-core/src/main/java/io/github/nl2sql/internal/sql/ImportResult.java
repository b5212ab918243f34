package io.github.nl2sql.internal.sql;

import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.ir.Statement;
import java.util.List;

/**
 * The outcome of importing SQL text into IR.
 *
 * @param sql the input text
 * @param kind what kind of statement it is ({@code null} when it could not be parsed)
 * @param statementCount how many statements the text holds
 * @param statement the IR, or {@code null} when it could not be parsed or imported
 * @param diagnostics parse errors and "not expressible" diagnostics, with positions
 * @param positions where the IR's nodes are in {@code sql}
 */
public record ImportResult(String sql, StatementKind kind, int statementCount, Statement statement,
    List<Diagnostic> diagnostics, SourceMap positions) {
  public ImportResult {
    diagnostics = List.copyOf(diagnostics);
    positions = positions == null ? SourceMap.EMPTY : positions;
  }

  /** Whether IR was produced. */
  public boolean ok() {
    return statement != null;
  }
}
