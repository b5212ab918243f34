package io.github.nl2sql.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteRunnerTest {
  @Test
  void classifiesSqliteMessages() {
    assertThat(SqliteErrors.classify(
        "[SQLITE_ERROR] SQL error or missing database (no such column: T1.nmae)"))
        .isEqualTo("no such column");
    assertThat(SqliteErrors.classify(
        "[SQLITE_ERROR] SQL error or missing database (no such table: singr)"))
        .isEqualTo("no such table");
    assertThat(SqliteErrors.classify(
        "[SQLITE_ERROR] SQL error or missing database (near \"FROM\": syntax error)"))
        .isEqualTo("syntax error");
    assertThat(SqliteErrors.classify(
        "[SQLITE_ERROR] SQL error or missing database (ambiguous column name: id)"))
        .isEqualTo("ambiguous column name");
    assertThat(SqliteErrors.classify("[SQLITE_ERROR] SQL error or missing database (ORDER BY clause "
        + "should come after INTERSECT not before)")).isEqualTo("order by/limit before set operator");
    assertThat(SqliteErrors.classify("something odd")).isEqualTo("other");
    assertThat(SqliteErrors.classify(null)).isEqualTo("other");
  }

  @Test
  void runsWithBindValuesAndReportsErrors() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = c.createStatement();
        SqliteRunner runner = new SqliteRunner(5_000, 10)) {
      s.execute("CREATE TABLE t (a INTEGER, b REAL, c TEXT)");
      s.execute("INSERT INTO t VALUES (1, 1.5, 'x'), (2, 2.5, 'y')");
      Execution e = runner.execute(c, "SELECT a FROM t WHERE b > ? AND a >= ?",
          List.of(new BigDecimal("2.0"), 1L));
      assertThat(e.ok()).isTrue();
      assertThat(e.rows()).containsExactly(List.of(2));
      Execution bad = runner.execute(c, "SELECT nope FROM t", List.of());
      assertThat(bad.ok()).isFalse();
      assertThat(bad.errorClass()).isEqualTo("no such column");
      assertThat(SqliteRunner.prepareError(c, "SELECT a FROM t")).isNull();
      assertThat(SqliteRunner.prepareError(c, "SELECT a FROM tt")).contains("no such table");
    }
  }

  @Test
  void capsRowsAndStopsLongQueriesAtTheTimeout() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        SqliteRunner runner = new SqliteRunner(300, 5)) {
      Execution many = runner.execute(c,
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) SELECT i FROM n",
          List.of());
      assertThat(many.rows()).hasSize(5);
      assertThat(many.truncated()).isTrue();
      long t0 = System.nanoTime();
      Execution slow = runner.execute(c,
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n",
          List.of());
      assertThat(slow.errorClass()).isEqualTo(SqliteErrors.TIMEOUT);
      assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
    }
  }
}
