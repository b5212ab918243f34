package io.github.nl2sql.internal.catalog;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.ColumnStats;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples column statistics: per table, up to {@code sampleRows} rows are read once and each column's
 * null fraction, distinct count and (for short text columns) most frequent values are computed from
 * them. The whole run is bounded by the statistics timeout: each query gets the time left as its query
 * timeout, rows are abandoned when the deadline passes, and tables after it get no statistics.
 * Failures never escape: they become the catalog's status and notes.
 *
 * <p>Which rows: on PostgreSQL, a table whose row estimate is more than {@value #SAMPLE_FACTOR} times
 * the sample is read with {@code TABLESAMPLE SYSTEM} (random blocks from the whole table, with a fixed
 * seed so the same data gives the same statistics), which costs about as much as the sample itself.
 * Everywhere else the sample is the first rows the database returns: cheap on any size of table, at
 * the cost of bias on tables much larger than the sample (MariaDB, H2 and SQLite have no block
 * sampling, and row-level random sampling reads the whole table).
 */
final class StatisticsSampler {
  private static final Logger LOG = LoggerFactory.getLogger(StatisticsSampler.class);
  /** Text columns whose average sampled value is longer than this get no frequent values. */
  static final int MAX_AVERAGE_LENGTH = 40;
  /** Text columns with more distinct sampled values than this get no frequent values. */
  static final int MAX_DISTINCT_FOR_FREQUENT = 5000;
  private static final int MAX_NAMES_IN_NOTE = 10;
  /** Tables estimated at more than this many times the sample size are block-sampled where possible. */
  static final int SAMPLE_FACTOR = 4;
  /** Seed of PostgreSQL's {@code TABLESAMPLE ... REPEATABLE}: the same data gives the same sample. */
  static final int SAMPLE_SEED = 20261121;

  private final CatalogOptions options;

  StatisticsSampler(CatalogOptions options) {
    this.options = options;
  }

  Catalog sample(Connection c, Catalog schema) {
    List<String> notes = new ArrayList<>(schema.notes());
    Duration budget = options.statisticsTimeout() == null ? Duration.ofSeconds(10)
        : options.statisticsTimeout();
    if (options.sampleRows() <= 0) {
      notes.add("Column statistics not read: the sample size is " + options.sampleRows() + " rows.");
      return schema.withTables(schema.tables(), Catalog.StatisticsStatus.UNAVAILABLE, notes);
    }
    long deadline = System.nanoTime() + Math.max(0, budget.toNanos());
    String quote;
    try {
      quote = c.getMetaData().getIdentifierQuoteString();
    } catch (SQLException e) {
      notes.add("Column statistics not read: " + e.getMessage());
      return schema.withTables(schema.tables(), Catalog.StatisticsStatus.UNAVAILABLE, notes);
    }
    quote = quote == null || quote.isBlank() ? "\"" : quote.trim();

    List<Table> out = new ArrayList<>(schema.tables().size());
    List<String> timedOut = new ArrayList<>();
    Map<String, List<String>> failed = new java.util.TreeMap<>();
    Map<String, String> example = new HashMap<>();
    int eligible = 0;
    int sampled = 0;
    for (Table t : schema.tables()) {
      if (t.kind() != Table.Kind.TABLE || t.columns().isEmpty()) {
        out.add(t);
        continue;
      }
      eligible++;
      if (System.nanoTime() - deadline >= 0) {
        timedOut.add(t.qualifiedName());
        out.add(t);
        continue;
      }
      Savepoint savepoint = null;
      try {
        savepoint = savepoint(c, schema.dialect());
        out.add(sampleTable(c, schema.dialect(), quote, t, deadline));
        sampled++;
        release(c, savepoint);
      } catch (DeadlineException | SQLTimeoutException e) {
        rollback(c, savepoint);
        timedOut.add(t.qualifiedName());
        out.add(t);
      } catch (SQLException e) {
        rollback(c, savepoint);
        String reason = reason(e);
        LOG.debug("Statistics of {} not read: {}", t.qualifiedName(), e.getMessage());
        failed.computeIfAbsent(reason, r -> new ArrayList<>()).add(t.qualifiedName());
        example.putIfAbsent(reason, firstLine(e.getMessage() == null ? e.toString() : e.getMessage()));
        out.add(t);
      } catch (RuntimeException e) {
        // A driver failing in an unchecked way must not cost the catalog either.
        rollback(c, savepoint);
        LOG.debug("Statistics of {} not read", t.qualifiedName(), e);
        failed.computeIfAbsent("read failed", r -> new ArrayList<>()).add(t.qualifiedName());
        example.putIfAbsent("read failed", firstLine(String.valueOf(e)));
        out.add(t);
      }
    }
    if (!timedOut.isEmpty()) {
      notes.add("Column statistics skipped for " + timedOut.size() + " of " + eligible
          + " tables because the statistics time budget of " + format(budget) + " ran out: "
          + names(timedOut) + ".");
    }
    for (Map.Entry<String, List<String>> f : failed.entrySet()) {
      notes.add("Column statistics skipped for " + f.getValue().size() + " of " + eligible
          + " tables (" + f.getKey() + "; first error: " + example.get(f.getKey()) + "): "
          + names(f.getValue()) + ".");
    }
    Catalog.StatisticsStatus status = sampled == eligible ? Catalog.StatisticsStatus.COMPLETE
        : sampled == 0 ? Catalog.StatisticsStatus.UNAVAILABLE : Catalog.StatisticsStatus.PARTIAL;
    return schema.withTables(out, status, notes);
  }

  private Table sampleTable(Connection c, Dialect dialect, String q, Table t, long deadline)
      throws SQLException {
    String from = (t.schema() == null ? "" : quote(q, t.schema()) + ".") + quote(q, t.name());
    List<Column> columns = t.columns();
    StringBuilder select = new StringBuilder("SELECT ");
    for (int i = 0; i < columns.size(); i++) {
      select.append(i == 0 ? "" : ", ").append(quote(q, columns.get(i).name()));
    }
    select.append(" FROM ").append(from);
    String firstRows = select + " LIMIT " + options.sampleRows();

    Long rowCount = t.rowCount();
    try (Statement s = c.createStatement()) {
      s.setFetchSize(Math.min(options.sampleRows(), 1000));
      Accumulator[] acc = null;
      long rows = 0;
      boolean blocks = dialect == Dialect.POSTGRES && rowCount != null
          && rowCount > (long) SAMPLE_FACTOR * options.sampleRows();
      if (blocks) {
        // expected rows = the sample size; twice that at most, so a stale estimate cannot make it large
        double percent = 100.0 * options.sampleRows() / rowCount;
        acc = accumulators(columns.size());
        rows = read(s, select + String.format(Locale.ROOT, " TABLESAMPLE SYSTEM (%.6f) REPEATABLE (%d) LIMIT %d",
            percent, SAMPLE_SEED, 2L * options.sampleRows()), acc, columns, deadline);
      }
      if (rows == 0) {
        // not block-sampled, or the sampled blocks were empty (estimate far off): the first rows
        acc = accumulators(columns.size());
        rows = read(s, firstRows, acc, columns, deadline);
        if (rows < options.sampleRows()) {
          // The sample is the whole table: its size is exact, better than any estimate.
          rowCount = rows;
        } else if (dialect == Dialect.SQLITE && rowCount == null) {
          // SQLite keeps no row estimates; a count is cheap on the databases SQLite is used for.
          s.setQueryTimeout(secondsLeft(deadline));
          try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + from)) {
            rowCount = rs.next() ? rs.getLong(1) : null;
          }
        }
      }
      List<Column> withStats = new ArrayList<>(columns.size());
      for (int i = 0; i < columns.size(); i++) {
        withStats.add(columns.get(i).withStats(acc[i].stats(columns.get(i), rows)));
      }
      return t.withColumns(withStats).withRowCount(rowCount);
    }
  }

  private Accumulator[] accumulators(int n) {
    Accumulator[] acc = new Accumulator[n];
    for (int i = 0; i < n; i++) {
      acc[i] = new Accumulator();
    }
    return acc;
  }

  /** Runs {@code sql} and adds every row to {@code acc}; the number of rows read. */
  private static long read(Statement s, String sql, Accumulator[] acc, List<Column> columns, long deadline)
      throws SQLException {
    s.setQueryTimeout(secondsLeft(deadline));
    long rows = 0;
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        if ((++rows & 511) == 0 && System.nanoTime() - deadline >= 0) {
          throw new DeadlineException();
        }
        for (int i = 0; i < acc.length; i++) {
          acc[i].add(value(rs, i + 1, columns.get(i).type()));
        }
      }
    }
    return rows;
  }

  /**
   * In a PostgreSQL transaction one failed query (no SELECT permission) aborts the transaction and
   * every later query with it; a savepoint per table confines the failure to that table.
   */
  private static Savepoint savepoint(Connection c, Dialect dialect) throws SQLException {
    return dialect == Dialect.POSTGRES && !c.getAutoCommit() ? c.setSavepoint() : null;
  }

  private static void release(Connection c, Savepoint savepoint) throws SQLException {
    if (savepoint != null) {
      c.releaseSavepoint(savepoint);
    }
  }

  private static void rollback(Connection c, Savepoint savepoint) {
    if (savepoint != null) {
      try {
        c.rollback(savepoint);
      } catch (SQLException e) {
        LOG.debug("Rollback to savepoint failed: {}", e.getMessage());
      }
    }
  }

  private static Object value(ResultSet rs, int i, SqlType type) throws SQLException {
    if (type == SqlType.TEXT) {
      return rs.getString(i);
    }
    Object v = rs.getObject(i);
    if (v instanceof byte[]) {
      return ByteBuffer.wrap((byte[]) v);
    }
    return v;
  }

  private static int secondsLeft(long deadline) {
    long nanos = deadline - System.nanoTime();
    if (nanos <= 0) {
      throw new DeadlineException();
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (nanos + 999_999_999L) / 1_000_000_000L));
  }

  static String quote(String q, String identifier) {
    return q + identifier.replace(q, q + q) + q;
  }

  private static String reason(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String lower = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (state.equals("42501") || e.getErrorCode() == 1142 || lower.contains("permission denied")
        || lower.contains("access denied") || lower.contains("command denied")) {
      return "permission denied";
    }
    if (state.startsWith("57014") || lower.contains("timeout") || lower.contains("interrupted")
        || lower.contains("max_statement_time")) {
      return "query timed out";
    }
    return "read failed";
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }

  private static String names(List<String> names) {
    if (names.size() <= MAX_NAMES_IN_NOTE) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, MAX_NAMES_IN_NOTE)) + " and " + (names.size()
        - MAX_NAMES_IN_NOTE) + " more";
  }

  private static String format(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** Thrown inside a table's sampling when the overall deadline passes. */
  private static final class DeadlineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeadlineException() {
      super(null, null, false, false);
    }
  }

  /** Counts of one column's sampled values. */
  private final class Accumulator {
    long nulls;
    final Map<Object, long[]> counts = new HashMap<>();
    long textLength;
    long textValues;
    boolean allStrings = true;

    void add(Object v) {
      if (v == null) {
        nulls++;
        return;
      }
      long[] n = counts.get(v);
      if (n == null) {
        counts.put(v, new long[] {1});
      } else {
        n[0]++;
      }
      if (v instanceof String) {
        textLength += ((String) v).length();
        textValues++;
      } else {
        allStrings = false;
      }
    }

    ColumnStats stats(Column column, long rows) {
      double nullFraction = rows == 0 ? 0.0 : (double) nulls / rows;
      List<ColumnStats.FrequentValue> frequent = List.of();
      boolean text = column.type() == SqlType.TEXT
          || (column.type() == SqlType.OTHER && allStrings && textValues > 0);
      if (text && options.frequentValues() > 0 && textValues > 0
          && counts.size() <= MAX_DISTINCT_FOR_FREQUENT
          && textLength / (double) textValues <= MAX_AVERAGE_LENGTH) {
        frequent = counts.entrySet().stream()
            .sorted(Comparator.comparingLong((Map.Entry<Object, long[]> e) -> -e.getValue()[0])
                .thenComparing(e -> String.valueOf(e.getKey())))
            .limit(options.frequentValues())
            .map(e -> new ColumnStats.FrequentValue(String.valueOf(e.getKey()), e.getValue()[0]))
            .toList();
      }
      return new ColumnStats(rows, nullFraction, counts.size(), frequent);
    }
  }
}
