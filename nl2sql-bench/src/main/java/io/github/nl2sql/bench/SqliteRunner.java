package io.github.nl2sql.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs statements on SQLite connections with a per-statement timeout and a row cap. One instance
 * serves one thread at a time (the run loop); {@link #close()} stops its timer thread.
 */
public final class SqliteRunner implements AutoCloseable {
  private final long timeoutMillis;
  private final int maxRows;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "nl2sql-bench-timeout");
    t.setDaemon(true);
    return t;
  });

  /**
   * @param timeoutMillis per statement; past it the statement is interrupted (0 = no timeout)
   * @param maxRows rows read at most per statement; more are reported as {@link Execution#truncated()}
   */
  public SqliteRunner(long timeoutMillis, int maxRows) {
    if (timeoutMillis < 0 || maxRows < 1) {
      throw new IllegalArgumentException("timeoutMillis must be >= 0 and maxRows >= 1");
    }
    this.timeoutMillis = timeoutMillis;
    this.maxRows = maxRows;
  }

  /**
   * Executes {@code sql} with {@code params} bound in order and reads its rows. Never throws for SQL
   * errors: they come back as {@link Execution#errorClass()}.
   */
  public Execution execute(Connection connection, String sql, List<?> params) {
    return execute(connection, sql, params, false);
  }

  /**
   * Like {@link #execute(Connection, String, List)}; with {@code plainSetObject} the values are bound
   * with {@link PreparedStatement#setObject(int, Object)} as the library's executor does (sqlite-jdbc
   * then binds a {@link BigDecimal} as TEXT), else as SQLite would store them ({@link #bind}).
   */
  public Execution execute(Connection connection, String sql, List<?> params, boolean plainSetObject) {
    AtomicBoolean timedOut = new AtomicBoolean();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      if (plainSetObject) {
        for (int i = 0; i < params.size(); i++) {
          ps.setObject(i + 1, params.get(i));
        }
      } else {
        bind(ps, params);
      }
      ScheduledFuture<?> cancel = timeoutMillis == 0 ? null : timer.schedule(() -> {
        timedOut.set(true);
        try {
          ps.cancel();
        } catch (SQLException ignored) {
          // the statement finished meanwhile
        }
      }, timeoutMillis, TimeUnit.MILLISECONDS);
      try {
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        if (ps.execute()) {
          try (ResultSet rs = ps.getResultSet()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              if (rows.size() == maxRows) {
                truncated = true;
                break;
              }
              List<Object> row = new ArrayList<>(n);
              for (int i = 1; i <= n; i++) {
                row.add(rs.getObject(i));
              }
              rows.add(row);
            }
          }
        }
        return new Execution(rows, truncated, null, null);
      } finally {
        if (cancel != null) {
          cancel.cancel(false);
        }
      }
    } catch (SQLException e) {
      if (timedOut.get()) {
        return Execution.failed(SqliteErrors.TIMEOUT, "timed out after " + timeoutMillis + " ms");
      }
      return Execution.failed(SqliteErrors.classify(e.getMessage()), e.getMessage());
    }
  }

  /**
   * Whether SQLite accepts {@code sql} at prepare time (names resolved, syntax correct), without
   * running it.
   *
   * @return {@code null} when accepted, else the error message
   */
  public static String prepareError(Connection connection, String sql) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      return null;
    } catch (SQLException e) {
      return e.getMessage() == null ? "error" : e.getMessage();
    }
  }

  /**
   * Binds IR literal values the way SQLite stores them: integral numbers as INTEGER, other numbers as
   * REAL, booleans as 1/0, strings as TEXT.
   */
  static void bind(PreparedStatement ps, List<?> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object v = params.get(i);
      int p = i + 1;
      if (v == null) {
        ps.setNull(p, Types.NULL);
      } else if (v instanceof Boolean b) {
        ps.setInt(p, b ? 1 : 0);
      } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
        ps.setLong(p, ((Number) v).longValue());
      } else if (v instanceof BigDecimal d) {
        if (d.scale() <= 0 && d.precision() - d.scale() < 19) {
          ps.setLong(p, d.longValueExact());
        } else {
          ps.setDouble(p, d.doubleValue());
        }
      } else if (v instanceof Number n) {
        ps.setDouble(p, n.doubleValue());
      } else {
        ps.setObject(p, v);
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
