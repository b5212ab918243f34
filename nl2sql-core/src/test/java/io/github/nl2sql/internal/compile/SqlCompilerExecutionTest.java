package io.github.nl2sql.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.testing.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@link Cases} query, compiled per dialect, on a real database of that dialect and compares
 * the rows: H2 and SQLite in-process, MariaDB and PostgreSQL from {@code NL2SQL_TEST_MARIADB_URL} /
 * {@code NL2SQL_TEST_POSTGRES_URL}. MySQL-dialect SQL runs on the MariaDB server (the closest server
 * available here). Server tables get a unique prefix and are dropped afterwards.
 */
class SqlCompilerExecutionTest {
  private static final List<Runnable> CLEANUP = new CopyOnWriteArrayList<>();

  @TempDir
  static Path tmp;

  @AfterAll
  static void cleanup() {
    for (Runnable r : CLEANUP) {
      r.run();
    }
  }

  @TestFactory
  Stream<DynamicTest> h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:cq" + UUID.randomUUID().toString().replace("-", "")
        + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
    return cases(Dialect.H2, ds, "");
  }

  @TestFactory
  Stream<DynamicTest> sqlite() {
    return cases(Dialect.SQLITE, TestDatabases.sqlite(tmp), "");
  }

  @TestFactory
  Stream<DynamicTest> mariadb() {
    return cases(Dialect.MARIADB, TestDatabases.mariadb(), uniquePrefix());
  }

  @TestFactory
  Stream<DynamicTest> mysqlDialectOnMariadb() {
    return cases(Dialect.MYSQL, TestDatabases.mariadb(), uniquePrefix());
  }

  @TestFactory
  Stream<DynamicTest> postgres() {
    return cases(Dialect.POSTGRES, TestDatabases.postgres(), uniquePrefix());
  }

  static String uniquePrefix() {
    return "cq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
  }

  private Stream<DynamicTest> cases(Dialect dialect, DataSource ds, String prefix) {
    exec(ds, Cases.teardownSql(prefix));
    exec(ds, Cases.setupSql(prefix));
    CLEANUP.add(() -> exec(ds, Cases.teardownSql(prefix)));
    SqlCompiler compiler = new SqlCompiler(dialect);
    UnaryOperator<String> names = n -> prefix + n;
    List<DynamicTest> tests = new ArrayList<>();
    for (Cases.Case c : Cases.all()) {
      if (c.skip().contains(dialect)) {
        continue;
      }
      tests.add(DynamicTest.dynamicTest(c.name(), () -> {
        CompiledQuery q = compiler.compile(c.ir().apply(names), 0);
        List<List<String>> rows;
        try {
          rows = query(ds, q);
        } catch (SQLException e) {
          throw new AssertionError(dialect + " rejected: " + q.sql() + " " + q.parameters() + ": "
              + e.getMessage(), e);
        }
        if (c.name().startsWith("group_concat")) {
          rows = rows.stream().map(r -> r.stream().map(SqlCompilerExecutionTest::sortParts).toList()).toList();
        }
        if (c.ordered()) {
          assertThat(rows).as(q.sql()).containsExactlyElementsOf(c.expected());
        } else {
          assertThat(rows).as(q.sql()).containsExactlyInAnyOrderElementsOf(c.expected());
        }
      }));
    }
    tests.add(DynamicTest.dynamicTest("dml_insert_update_delete", () -> dml(compiler, ds, prefix)));
    tests.add(DynamicTest.dynamicTest("default_limit_applies_to_outer_query_only", () -> {
      Statement st = io.github.nl2sql.ir.Query.Select.builder()
          .select(Ir.col("name")).from(Ir.table(prefix + "products"))
          .where(new io.github.nl2sql.ir.Expr.InQuery(Ir.col("id"), io.github.nl2sql.ir.Query.Select.builder()
              .select(Ir.col("product_id")).from(Ir.table(prefix + "orders")).build(), false))
          .orderBy(Ir.col("id"), io.github.nl2sql.ir.SortOrder.ASC).build();
      CompiledQuery q = compiler.compile(st, 2);
      assertThat(query(ds, q)).containsExactly(List.of("Anvil"), List.of("Rocket"));
    }));
    return tests.stream();
  }

  private static void dml(SqlCompiler compiler, DataSource ds, String prefix) throws SQLException {
    var orders = io.github.nl2sql.ir.TableRef.Table.of(prefix + "orders");
    run(ds, compiler.compile(new Statement.Insert(orders, List.of("id", "product_id", "qty"),
        List.of(List.of(Ir.lit(100), Ir.lit(1), Ir.lit(7)), List.of(Ir.lit(101), Ir.lit(2), Ir.lit(8))), null), 0));
    run(ds, compiler.compile(new Statement.Insert(orders, List.of("id", "product_id", "qty"), null,
        io.github.nl2sql.ir.Query.Select.builder().select(Ir.arith(io.github.nl2sql.ir.ArithOp.ADD, Ir.col("id"),
            Ir.lit(200))).select(Ir.col("id")).select(Ir.lit(1))
            .from(Ir.table(prefix + "products")).where(Ir.eq(Ir.col("id"), Ir.lit(6))).build()), 0));
    run(ds, compiler.compile(new Statement.Update(orders, List.of(new Statement.Assignment("qty",
        Ir.arith(io.github.nl2sql.ir.ArithOp.MULTIPLY, Ir.col("qty"), Ir.lit(2)))),
        Ir.cmp(io.github.nl2sql.ir.CmpOp.GE, Ir.col("id"), Ir.lit(100))), 0));
    CompiledQuery check = compiler.compile(io.github.nl2sql.ir.Query.Select.builder().select(Ir.col("id"))
        .select(Ir.col("qty")).from(Ir.table(prefix + "orders"))
        .where(Ir.cmp(io.github.nl2sql.ir.CmpOp.GE, Ir.col("id"), Ir.lit(100)))
        .orderBy(Ir.col("id"), io.github.nl2sql.ir.SortOrder.ASC).build(), 0);
    assertThat(query(ds, check)).containsExactly(List.of("100", "14"), List.of("101", "16"), List.of("206", "2"));
    run(ds, compiler.compile(new Statement.Delete(orders,
        Ir.cmp(io.github.nl2sql.ir.CmpOp.GE, Ir.col("id"), Ir.lit(100))), 0));
    assertThat(query(ds, check)).isEmpty();
  }

  static String sortParts(String s) {
    if (s == null) {
      return null;
    }
    String[] parts = s.split(", ");
    Arrays.sort(parts);
    return String.join(", ", parts);
  }

  static void exec(DataSource ds, List<String> sql) {
    try (Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  static void run(DataSource ds, CompiledQuery q) throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(q.sql())) {
      bind(ps, q);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new SQLException(e.getMessage() + " in " + q.sql(), e);
    }
  }

  static void bind(PreparedStatement ps, CompiledQuery q) throws SQLException {
    for (int i = 0; i < q.parameters().size(); i++) {
      ps.setObject(i + 1, q.parameters().get(i));
    }
  }

  static List<List<String>> query(DataSource ds, CompiledQuery q) throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(q.sql())) {
      bind(ps, q);
      List<List<String>> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            row.add(normalise(rs.getObject(i)));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  static String normalise(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
    if (v instanceof Boolean b) {
      return b ? "1" : "0";
    }
    return v.toString().toLowerCase(Locale.ROOT).equals(v.toString()) ? v.toString() : v.toString();
  }
}
