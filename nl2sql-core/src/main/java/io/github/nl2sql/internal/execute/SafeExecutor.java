package io.github.nl2sql.internal.execute;

import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.ExecutionException;
import io.github.nl2sql.InvalidQueryException;
import io.github.nl2sql.QueryResult;
import io.github.nl2sql.ResultColumn;
import io.github.nl2sql.ResultStream;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.internal.catalog.TypeMapping;
import io.github.nl2sql.internal.jdbc.SqlErrors;
import io.github.nl2sql.spi.AuditEvent;
import io.github.nl2sql.spi.AuditSink;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs compiled reads safely: each in its own read-only transaction that is always rolled back, with a
 * statement timeout and a row cap, on a connection borrowed from the {@link DataSource} for the call
 * only. Writes are refused (they are drafts). Thread-safe.
 *
 * <p>How "read-only" is enforced per dialect, as defence in depth behind the validator (which only lets
 * queries through): PostgreSQL and MySQL/MariaDB get a {@code READ ONLY} transaction; SQLite gets
 * {@code PRAGMA query_only}; H2 has no read-only transaction, so there the transaction is rolled back.
 */
public final class SafeExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(SafeExecutor.class);

  private final DataSource dataSource;
  private final Dialect dialect;
  private final int timeoutSeconds;
  private final long maxRows;
  private final AuditSink audit;

  /**
   * @param timeout statement timeout, whole seconds (at least 1)
   * @param maxRows row cap; more rows are cut and the result flagged as truncated
   */
  public SafeExecutor(DataSource dataSource, Dialect dialect, Duration timeout, long maxRows,
      AuditSink audit) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.timeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be >= 1");
    }
    this.maxRows = maxRows;
    this.audit = audit == null ? AuditSink.NONE : audit;
  }

  /**
   * Runs {@code query} and returns all its rows (up to the cap).
   *
   * @throws InvalidQueryException when the query is a write
   * @throws ExecutionException (or a subclass) when the database fails
   */
  public QueryResult execute(CompiledQuery query) {
    String requestId = UUID.randomUUID().toString();
    long start = System.nanoTime();
    try (Open open = open(query, requestId)) {
      List<List<Object>> rows = new ArrayList<>();
      boolean truncated = false;
      int n = open.columns.size();
      while (open.rs.next()) {
        if (rows.size() >= maxRows) {
          truncated = true;
          break;
        }
        rows.add(readRow(open.rs, n));
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      emit(requestId, query, truncated ? "truncated" : "ok", null, rows.size(), elapsed);
      return new QueryResult(open.columns, rows, truncated, elapsed);
    } catch (SQLException e) {
      ExecutionException ex = SqlErrors.translate("Query", e);
      emit(requestId, query, "failed", ex.getMessage(), -1, Duration.ofNanos(System.nanoTime() - start));
      throw ex;
    }
  }

  /**
   * Runs {@code query} and returns an open cursor over its rows; the caller must close it.
   *
   * @throws InvalidQueryException when the query is a write
   * @throws ExecutionException (or a subclass) when the database fails
   */
  public ResultStream stream(CompiledQuery query) {
    String requestId = UUID.randomUUID().toString();
    try {
      Open open = open(query, requestId);
      emit(requestId, query, "ok", "streaming", -1, Duration.ZERO);
      return new Cursor(open);
    } catch (SQLException e) {
      ExecutionException ex = SqlErrors.translate("Query", e);
      emit(requestId, query, "failed", ex.getMessage(), -1, Duration.ZERO);
      throw ex;
    }
  }

  private Open open(CompiledQuery query, String requestId) throws SQLException {
    Objects.requireNonNull(query, "query");
    if (!query.isRead()) {
      String kind = query.statement().getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
      emit(requestId, query, "blocked", "write refused", -1, Duration.ZERO);
      throw new InvalidQueryException(query.sql(), List.of(
          Diagnostic.error(DiagnosticCode.WRITE_NOT_ALLOWED, kind, List.of(), kind)));
    }
    Connection c = dataSource.getConnection();
    Open open = new Open(c);
    try {
      open.previousAutoCommit = c.getAutoCommit();
      open.previousReadOnly = c.isReadOnly();
      open.sqlite = dialect == Dialect.SQLITE;
      beginReadOnly(c);
      PreparedStatement ps = c.prepareStatement(query.sql(), ResultSet.TYPE_FORWARD_ONLY,
          ResultSet.CONCUR_READ_ONLY);
      open.ps = ps;
      ps.setQueryTimeout(timeoutSeconds);
      // one more than the cap, so truncation can be detected
      int cap = (int) Math.min(Integer.MAX_VALUE, maxRows + 1);
      ps.setMaxRows(cap);
      // MySQL Connector/J streams only with MIN_VALUE; the others stream with a positive size <= max rows
      ps.setFetchSize(dialect == Dialect.MYSQL ? Integer.MIN_VALUE : Math.min(500, cap));
      List<Object> params = query.parameters();
      for (int i = 0; i < params.size(); i++) {
        Object p = params.get(i);
        if (p instanceof String && dialect == Dialect.POSTGRES) {
          // untyped, so PostgreSQL infers the type from the context ("d > ?" with a DATE column);
          // bound as varchar it would fail with "operator does not exist: date > character varying"
          ps.setObject(i + 1, p, Types.OTHER);
        } else {
          ps.setObject(i + 1, p);
        }
      }
      open.rs = ps.executeQuery();
      open.columns = columns(open.rs.getMetaData());
      return open;
    } catch (SQLException | RuntimeException e) {
      open.close();
      throw e;
    }
  }

  private void beginReadOnly(Connection c) throws SQLException {
    c.setAutoCommit(false);
    switch (dialect) {
      case POSTGRES:
        // pgjdbc turns this into BEGIN READ ONLY for the transaction
        c.setReadOnly(true);
        try (Statement s = c.createStatement()) {
          s.execute("SET TRANSACTION READ ONLY");
          s.execute("SET LOCAL statement_timeout = " + (timeoutSeconds * 1000L));
        }
        break;
      case MYSQL:
      case MARIADB:
        c.setReadOnly(true);
        try (Statement s = c.createStatement()) {
          // applies to the next transaction, which the query starts (autocommit is off)
          s.execute("SET TRANSACTION READ ONLY");
        }
        break;
      case SQLITE:
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA query_only = 1");
        }
        break;
      case H2:
      default:
        c.setReadOnly(true);
        break;
    }
  }

  private static List<ResultColumn> columns(ResultSetMetaData md) throws SQLException {
    int n = md.getColumnCount();
    List<ResultColumn> cols = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      int jdbc = md.getColumnType(i);
      String typeName = md.getColumnTypeName(i);
      cols.add(new ResultColumn(md.getColumnLabel(i), typeName, jdbc, TypeMapping.fromJdbc(jdbc, typeName, null)));
    }
    return cols;
  }

  static List<Object> readRow(ResultSet rs, int n) throws SQLException {
    Object[] row = new Object[n];
    for (int i = 0; i < n; i++) {
      row[i] = normalise(rs.getObject(i + 1));
    }
    return Arrays.asList(row);
  }

  /** Detaches driver objects from the connection (LOBs, arrays) and uses java.time for temporals. */
  private static Object normalise(Object v) throws SQLException {
    if (v == null) {
      return null;
    }
    if (v instanceof Clob clob) {
      long len = clob.length();
      return clob.getSubString(1, (int) Math.min(len, Integer.MAX_VALUE));
    }
    if (v instanceof Blob blob) {
      long len = blob.length();
      return blob.getBytes(1, (int) Math.min(len, Integer.MAX_VALUE));
    }
    if (v instanceof Array array) {
      Object a = array.getArray();
      if (a instanceof Object[] objects) {
        return List.of(objects);
      }
      return a;
    }
    if (v instanceof java.sql.Timestamp ts) {
      return ts.toLocalDateTime();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (v instanceof java.sql.Time t) {
      return t.toLocalTime();
    }
    return v;
  }

  private void emit(String requestId, CompiledQuery q, String outcome, String detail, long rows,
      Duration elapsed) {
    try {
      audit.onEvent(new AuditEvent(Instant.now(), requestId, AuditEvent.Kind.EXECUTE, q.sql(),
          q.parameters().size(), outcome, detail, rows, elapsed, List.of()));
    } catch (RuntimeException e) {
      LOG.warn("[{}] audit sink {} threw; ignored", requestId, audit.getClass().getName(), e);
    }
  }

  /** An open connection, statement and result set; closing rolls back and releases all three. */
  private static final class Open implements AutoCloseable {
    final Connection connection;
    boolean previousAutoCommit = true;
    boolean previousReadOnly;
    boolean sqlite;
    PreparedStatement ps;
    ResultSet rs;
    List<ResultColumn> columns;

    Open(Connection connection) {
      this.connection = connection;
    }

    @Override
    public void close() {
      closeQuietly(rs);
      closeQuietly(ps);
      try {
        if (!connection.isClosed() && !connection.getAutoCommit()) {
          connection.rollback();
        }
      } catch (SQLException e) {
        LOG.debug("rollback after read failed", e);
      }
      // a pooled connection must go back as it came
      try {
        if (!connection.isClosed()) {
          if (sqlite) {
            try (Statement s = connection.createStatement()) {
              s.execute("PRAGMA query_only = 0");
            }
          }
          connection.setReadOnly(previousReadOnly);
          connection.setAutoCommit(previousAutoCommit);
        }
      } catch (SQLException e) {
        LOG.debug("restoring connection state failed", e);
      }
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("closing connection failed", e);
      }
    }

    private static void closeQuietly(AutoCloseable c) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          LOG.debug("close failed", e);
        }
      }
    }
  }

  /** A {@link ResultStream} over an {@link Open} result set, stopping at the row cap. */
  private final class Cursor implements ResultStream {
    private final Open open;
    private boolean iterated;
    private boolean closed;

    Cursor(Open open) {
      this.open = open;
    }

    @Override
    public List<ResultColumn> columns() {
      return open.columns;
    }

    @Override
    public Iterator<List<Object>> iterator() {
      if (iterated) {
        throw new IllegalStateException("a ResultStream can be iterated only once");
      }
      iterated = true;
      return new Iterator<>() {
        private List<Object> next;
        private long count;
        private boolean done;

        @Override
        public boolean hasNext() {
          if (next != null) {
            return true;
          }
          if (done || closed) {
            return false;
          }
          try {
            if (count < maxRows && open.rs.next()) {
              next = readRow(open.rs, open.columns.size());
              count++;
              return true;
            }
          } catch (SQLException e) {
            done = true;
            close();
            throw SqlErrors.translate("Fetching rows", e);
          }
          done = true;
          return false;
        }

        @Override
        public List<Object> next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          List<Object> r = next;
          next = null;
          return r;
        }
      };
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        open.close();
      }
    }
  }
}
