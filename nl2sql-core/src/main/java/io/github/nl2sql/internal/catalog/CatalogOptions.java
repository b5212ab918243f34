package io.github.nl2sql.internal.catalog;

import io.github.nl2sql.Dialect;
import java.time.Duration;

/**
 * What and how to read.
 *
 * @param schema schema to read, or {@code null} for the connection's current schema
 * @param dialect dialect, or {@code null} to detect from the connection
 * @param statistics whether to sample column statistics
 * @param statisticsTimeout time budget for all statistics; tables past it get none
 * @param frequentValues most frequent values kept per short text column
 * @param sampleRows rows sampled per table for statistics
 */
public record CatalogOptions(String schema, Dialect dialect, boolean statistics,
    Duration statisticsTimeout, int frequentValues, int sampleRows) {

  /** Defaults: current schema, detected dialect, statistics on (10 s, 20 values, 10,000 rows). */
  public static CatalogOptions defaults() {
    return new CatalogOptions(null, null, true, Duration.ofSeconds(10), 20, 10_000);
  }

  /** Defaults without statistics. */
  public static CatalogOptions withoutStatistics() {
    return new CatalogOptions(null, null, false, Duration.ofSeconds(10), 0, 0);
  }
}
