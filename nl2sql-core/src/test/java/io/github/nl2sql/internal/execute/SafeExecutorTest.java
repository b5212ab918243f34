package io.github.nl2sql.internal.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.ExecutionException;
import io.github.nl2sql.InvalidQueryException;
import io.github.nl2sql.QueryResult;
import io.github.nl2sql.ResultStream;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.ir.TableRef;
import io.github.nl2sql.spi.AuditEvent;
import io.github.nl2sql.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

class SafeExecutorTest {
  @TempDir static Path tmp;

  /** A read IR; the executor only looks at whether the statement is a read. */
  private static final Statement READ = Query.Select.builder()
      .select(Expr.Column.of("n")).from(TableRef.Table.of("exec_t")).build();

  static Stream<Arguments> databases() {
    return TestDatabases.all(tmp, false);
  }

  private static void setUp(DataSource ds) {
    TestDatabases.run(ds, "DROP TABLE IF EXISTS exec_t;\n"
        + "CREATE TABLE exec_t (n INT, s VARCHAR(20));\n"
        + "INSERT INTO exec_t VALUES (1, 'a'), (2, 'b'), (3, NULL), (4, 'd'), (5, 'e');\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void execute_bindsParametersAndReturnsTypedRows(Dialect dialect, DataSource ds) throws Exception {
    setUp(ds);
    List<AuditEvent> events = new CopyOnWriteArrayList<>();
    SafeExecutor ex = new SafeExecutor(ds, dialect, Duration.ofSeconds(10), 100, events::add);
    QueryResult r = ex.execute(new CompiledQuery(
        "SELECT n, s FROM exec_t WHERE n >= ? AND (s <> ? OR s IS NULL) ORDER BY n", List.of(2, "d"),
        dialect, READ));
    assertThat(r.columns()).extracting(c -> c.label().toLowerCase()).containsExactly("n", "s");
    assertThat(r.columns().get(0).type()).isEqualTo(SqlType.INTEGER);
    assertThat(r.rows()).hasSize(3);
    assertThat(((Number) r.rows().get(0).get(0)).intValue()).isEqualTo(2);
    assertThat(r.rows().get(1).get(1)).isNull();
    assertThat(r.truncated()).isFalse();
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(AuditEvent.Kind.EXECUTE);
      assertThat(e.outcome()).isEqualTo("ok");
      assertThat(e.rows()).isEqualTo(3);
    });
    try (Connection c = ds.getConnection()) {
      c.createStatement().execute("DROP TABLE exec_t");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void execute_cutsAtRowCapAndSaysSo(Dialect dialect, DataSource ds) {
    setUp(ds);
    SafeExecutor ex = new SafeExecutor(ds, dialect, Duration.ofSeconds(10), 3, null);
    QueryResult r = ex.execute(new CompiledQuery("SELECT n FROM exec_t ORDER BY n", List.of(), dialect, READ));
    assertThat(r.rows()).hasSize(3);
    assertThat(r.truncated()).isTrue();

    try (ResultStream s = ex.stream(new CompiledQuery("SELECT n FROM exec_t ORDER BY n", List.of(), dialect, READ))) {
      List<Object> seen = new ArrayList<>();
      for (List<Object> row : s) {
        seen.add(((Number) row.get(0)).intValue());
      }
      assertThat(seen).containsExactly(1, 2, 3);
      assertThatThrownBy(s::iterator).isInstanceOf(IllegalStateException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void execute_restoresConnectionStateAfterRead(Dialect dialect, DataSource ds) throws Exception {
    setUp(ds);
    SafeExecutor ex = new SafeExecutor(ds, dialect, Duration.ofSeconds(10), 10, null);
    ex.execute(new CompiledQuery("SELECT n FROM exec_t", List.of(), dialect, READ));
    // a write on a fresh connection still works: the read-only settings did not leak into the database
    TestDatabases.run(ds, "INSERT INTO exec_t VALUES (6, 'f')");
  }

  @Test
  void execute_refusesWrites() {
    DataSource ds = TestDatabases.h2(false);
    SafeExecutor ex = new SafeExecutor(ds, Dialect.H2, Duration.ofSeconds(10), 10, null);
    Statement delete = new Statement.Delete(TableRef.Table.of("exec_t"), null);
    assertThatThrownBy(() -> ex.execute(new CompiledQuery("DELETE FROM exec_t", List.of(), Dialect.H2, delete)))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("not allowed");
  }

  @Test
  void postgres_readOnlyTransactionRejectsWritesHiddenInAQuery() {
    DataSource ds = TestDatabases.postgres();
    setUp(ds);
    SafeExecutor ex = new SafeExecutor(ds, Dialect.POSTGRES, Duration.ofSeconds(10), 10, null);
    assertThatThrownBy(() -> ex.execute(new CompiledQuery(
        "WITH d AS (DELETE FROM exec_t RETURNING n) SELECT n FROM d", List.of(), Dialect.POSTGRES, READ)))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("read-only");
    assertThat(ex.execute(new CompiledQuery("SELECT n FROM exec_t", List.of(), Dialect.POSTGRES, READ)).rows())
        .hasSize(5);
  }

  @Test
  void sqlite_queryOnlyRejectsWrites() {
    DataSource ds = TestDatabases.sqlite(tmp);
    setUp(ds);
    SafeExecutor ex = new SafeExecutor(ds, Dialect.SQLITE, Duration.ofSeconds(10), 10, null);
    assertThatThrownBy(() -> ex.execute(new CompiledQuery(
        "DELETE FROM exec_t RETURNING n", List.of(), Dialect.SQLITE, READ)))
        .isInstanceOf(ExecutionException.class);
    assertThat(ex.execute(new CompiledQuery("SELECT n FROM exec_t", List.of(), Dialect.SQLITE, READ)).rows())
        .hasSize(5);
  }

  @Test
  void postgres_stringBindValuesTakeTheirTypeFromTheContext() {
    DataSource ds = TestDatabases.postgres();
    TestDatabases.run(ds, "DROP TABLE IF EXISTS exec_dates;\nCREATE TABLE exec_dates (d DATE, n INT);\n"
        + "INSERT INTO exec_dates VALUES ('2024-01-05', 1), ('2025-03-01', 2);\n");
    try {
      SafeExecutor ex = new SafeExecutor(ds, Dialect.POSTGRES, Duration.ofSeconds(10), 10, null);
      QueryResult r = ex.execute(new CompiledQuery("SELECT n FROM exec_dates WHERE d > ? AND d <= ? ORDER BY n",
          List.of("2024-06-01", "2025-12-31"), Dialect.POSTGRES, READ));
      assertThat(r.rows()).extracting(row -> ((Number) row.get(0)).intValue()).containsExactly(2);
    } finally {
      TestDatabases.run(ds, "DROP TABLE exec_dates");
    }
  }

  @Test
  void postgres_timeoutIsTyped() {
    DataSource ds = TestDatabases.postgres();
    SafeExecutor ex = new SafeExecutor(ds, Dialect.POSTGRES, Duration.ofSeconds(1), 10, null);
    assertThatThrownBy(() -> ex.execute(new CompiledQuery("SELECT pg_sleep(5)", List.of(), Dialect.POSTGRES, READ)))
        .isInstanceOf(ExecutionException.Timeout.class)
        .hasMessageContaining("timeout");
  }

  @Test
  void mariadb_timeoutIsTyped() {
    DataSource ds = TestDatabases.mariadb();
    SafeExecutor ex = new SafeExecutor(ds, Dialect.MARIADB, Duration.ofSeconds(1), 10, null);
    // a CPU-bound query over the sequence engine (SLEEP() and BENCHMARK() return normally when interrupted)
    assertThatThrownBy(() -> ex.execute(new CompiledQuery(
        "SELECT COUNT(*) FROM seq_1_to_100000 a, seq_1_to_100000 b WHERE a.seq + b.seq = 7", List.of(),
        Dialect.MARIADB, READ)))
        .isInstanceOf(ExecutionException.Timeout.class);
  }

  @Test
  void postgres_missingPrivilegeIsTyped() throws Exception {
    DataSource admin = TestDatabases.postgres();
    setUp(admin);
    TestDatabases.run(admin, "DROP ROLE IF EXISTS nl2sql_noperm;\nCREATE ROLE nl2sql_noperm LOGIN;\n");
    try {
      PGSimpleDataSource limited = new PGSimpleDataSource();
      String url = TestDatabases.postgresUrl();
      limited.setURL(url.replaceAll("user=[^&]*", "user=nl2sql_noperm"));
      SafeExecutor ex = new SafeExecutor(limited, Dialect.POSTGRES, Duration.ofSeconds(5), 10, null);
      assertThatThrownBy(() -> ex.execute(new CompiledQuery("SELECT n FROM exec_t", List.of(), Dialect.POSTGRES, READ)))
          .isInstanceOf(ExecutionException.PermissionDenied.class)
          .hasMessageContaining("privilege");
    } finally {
      TestDatabases.run(admin, "DROP TABLE exec_t;\nDROP ROLE nl2sql_noperm;\n");
    }
  }

  @Test
  void unreachableServerIsTypedAsConnectionLost() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL("jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2");
    SafeExecutor ex = new SafeExecutor(ds, Dialect.POSTGRES, Duration.ofSeconds(5), 10, null);
    assertThatThrownBy(() -> ex.execute(new CompiledQuery("SELECT 1", List.of(), Dialect.POSTGRES, READ)))
        .isInstanceOf(ExecutionException.ConnectionLost.class);
  }
}
