package io.github.nl2sql.link;

import java.util.List;

/**
 * A join between two tables: {@code fromTable(fromColumns) = toTable(toColumns)}, from a declared foreign
 * key or, where {@code inferred}, predicted by join inference.
 */
public record JoinEdge(String fromTable, List<String> fromColumns, String toTable, List<String> toColumns,
    boolean inferred) {
  public JoinEdge {
    fromColumns = List.copyOf(fromColumns);
    toColumns = List.copyOf(toColumns);
  }
}
