package io.github.nl2sql.internal.sql;

import io.github.nl2sql.diagnostics.Position;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where IR nodes came from in the SQL text. Keys are node instances (identity, not equality: two equal
 * column references at different places have different positions). Not thread-safe while being filled;
 * read-only afterwards.
 */
public final class SourceMap {
  /** An empty map, for IR that did not come from SQL. */
  public static final SourceMap EMPTY = new SourceMap();

  private final Map<Object, Position> positions = new IdentityHashMap<>();

  /** Records the position of {@code node}. */
  public void put(Object node, Position position) {
    if (this == EMPTY) {
      throw new UnsupportedOperationException("EMPTY is immutable");
    }
    if (node != null && position != null) {
      positions.put(node, position);
    }
  }

  /** The position of {@code node}, or {@code null}. */
  public Position positionOf(Object node) {
    return node == null ? null : positions.get(node);
  }

  /** Number of recorded positions. */
  public int size() {
    return positions.size();
  }
}
