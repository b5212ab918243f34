package io.github.nl2sql.link;

import java.util.List;
import java.util.Map;

/**
 * The part of the schema a planner gets to see: the top tables and columns that fit a token budget,
 * closed under the joins needed to connect the chosen tables (every table on a join path is included
 * with its key columns).
 *
 * @param tables selected tables, best first
 * @param columns selected columns per selected table, best first
 * @param joins joins connecting the selected tables
 * @param estimatedTokens rough prompt size of the selection
 */
public record Selection(List<String> tables, Map<String, List<String>> columns, List<JoinEdge> joins,
    int estimatedTokens) {
  public Selection {
    tables = List.copyOf(tables);
    columns = Map.copyOf(columns);
    joins = List.copyOf(joins);
  }

  /** Number of selected columns over all tables. */
  public int columnCount() {
    return columns.values().stream().mapToInt(List::size).sum();
  }
}
