package io.github.nl2sql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of an executed read. Immutable; rows may contain {@code null} values.
 *
 * @param columns result columns in order
 * @param rows rows, each aligned with {@code columns}
 * @param truncated whether more rows existed than the row cap allowed
 * @param elapsed time spent executing and fetching
 */
public record QueryResult(List<ResultColumn> columns, List<List<Object>> rows, boolean truncated,
    Duration elapsed) {
  public QueryResult {
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> r : rows) {
      copy.add(Collections.unmodifiableList(new ArrayList<>(r)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  /** Number of rows returned. */
  public int rowCount() {
    return rows.size();
  }
}
