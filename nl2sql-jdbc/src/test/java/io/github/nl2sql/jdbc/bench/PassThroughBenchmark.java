package io.github.nl2sql.jdbc.bench;

import io.github.nl2sql.jdbc.FloorConnection;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Pass-through overhead of the wrapping driver: the same queries through the raw driver, through
 * {@code jdbc:nl2sql:} with the guard off and in warn mode, and through p6spy, in the same run, on H2 in
 * memory and on MariaDB ({@code NL2SQL_TEST_MARIADB_URL}). Each operation creates a statement, runs a
 * query, reads every column of every row and closes everything; the connection is opened once per
 * trial. {@code floor} is the raw driver behind {@link FloorConnection}, a wrapper that only forwards
 * (keeping back-references): the cost of wrapping as such, which no wrapping driver can go below. The
 * point selects (one row) are the worst case for a wrapper, whose cost is per statement and
 * per result set; the range select (20 rows) is a typical page of results.
 *
 * <p>Several forks by default: on a 2-core machine one fork's JIT decisions move a point select by
 * about 5%, more than the overhead being measured, so the mean over forks is the figure to read.
 *
 * <p>Run: {@code nl2sql-jdbc/bench.sh} (see the module README).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(5)
public class PassThroughBenchmark {
  @Param({"h2", "mariadb"})
  public String db;

  @Param({"raw", "floor", "nl2sql-off", "nl2sql-warn", "p6spy"})
  public String driver;

  private Connection connection;
  private int id;

  private static String baseUrl(String db) {
    if (db.equals("h2")) {
      return "h2:mem:jmh;DB_CLOSE_DELAY=-1";
    }
    String url = System.getenv("NL2SQL_TEST_MARIADB_URL");
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("Set NL2SQL_TEST_MARIADB_URL, e.g. "
          + "jdbc:mariadb://127.0.0.1:3306/nl2sql_test?user=root");
    }
    return url.substring("jdbc:".length());
  }

  private static String url(String db, String driver) {
    String base = baseUrl(db);
    switch (driver) {
      case "raw":
      case "floor":
        return "jdbc:" + base;
      case "nl2sql-off":
        return "jdbc:nl2sql:" + base;
      case "nl2sql-warn":
        return "jdbc:nl2sql:" + base + (db.equals("h2") ? ";" : "&") + "nl2sql.guard=warn";
      case "p6spy":
        return "jdbc:p6spy:" + base;
      default:
        throw new IllegalArgumentException(driver);
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:" + baseUrl(db)); Statement s = c.createStatement()) {
      s.executeUpdate("DROP TABLE IF EXISTS jmh_items");
      s.executeUpdate("CREATE TABLE jmh_items (id INT PRIMARY KEY, name VARCHAR(40), price DECIMAL(8,2))");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO jmh_items VALUES (?, ?, ?)")) {
        for (int i = 1; i <= 100; i++) {
          ps.setInt(1, i);
          ps.setString(2, "item " + i);
          ps.setBigDecimal(3, BigDecimal.valueOf(i * 101L, 2));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    Connection c = DriverManager.getConnection(url(db, driver));
    connection = driver.equals("floor") ? new FloorConnection(c) : c;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    connection.close();
  }

  private static void consume(ResultSet rs, Blackhole bh) throws SQLException {
    while (rs.next()) {
      bh.consume(rs.getInt(1));
      bh.consume(rs.getString(2));
      bh.consume(rs.getBigDecimal(3));
    }
  }

  /** A plain statement with the same text each time (what a BI tool or report sends). */
  @Benchmark
  public void statementPointSelect(Blackhole bh) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, name, price FROM jmh_items WHERE id = 42")) {
      consume(rs, bh);
    }
  }

  /** A prepared statement with a bind value that changes (what an application sends). */
  @Benchmark
  public void preparedPointSelect(Blackhole bh) throws SQLException {
    id = id % 100 + 1;
    try (PreparedStatement ps = connection.prepareStatement("SELECT id, name, price FROM jmh_items WHERE id = ?")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        consume(rs, bh);
      }
    }
  }

  /** A prepared statement reading a page of 20 rows (what a report or a list screen sends). */
  @Benchmark
  public void preparedRangeSelect(Blackhole bh) throws SQLException {
    id = id % 80 + 1;
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT id, name, price FROM jmh_items WHERE id BETWEEN ? AND ? ORDER BY id")) {
      ps.setInt(1, id);
      ps.setInt(2, id + 19);
      try (ResultSet rs = ps.executeQuery()) {
        consume(rs, bh);
      }
    }
  }
}
