package io.github.nl2sql;

import java.util.Iterator;
import java.util.List;

/**
 * Rows of an executed read fetched lazily from an open cursor. Must be closed (use try-with-resources);
 * closing releases the connection. Not thread-safe; iterate once.
 */
public interface ResultStream extends AutoCloseable, Iterable<List<Object>> {
  /** The result columns. */
  List<ResultColumn> columns();

  /**
   * The rows. Iteration stops at the row cap.
   *
   * @throws IllegalStateException when called twice
   * @throws ExecutionException when fetching fails
   */
  @Override
  Iterator<List<Object>> iterator();

  /** Closes the cursor, statement and connection. Never throws. */
  @Override
  void close();
}
