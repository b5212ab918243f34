package io.github.nl2sql.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.ValidationResult;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.internal.sql.SqlImporter;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite rejects an ORDER BY or LIMIT on an operand of a set operation ("ORDER BY clause should come
 * after UNION not before"): the guard blocks such SQL text, checked against a real SQLite database;
 * the same IR is fine for the compiler, which wraps the operand in a derived table.
 */
class SetOperandOrderTest {
  @TempDir static Path tmp;

  private final Guard sqlite = new Guard(Shop.catalog(Dialect.SQLITE), Dialect.SQLITE, false);

  @BeforeAll
  static void importerAvailable() {
    try {
      new SqlImporter(Dialect.SQLITE).importSql("SELECT 1", null);
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("the SQL importer is not available yet: " + e.getMessage());
    }
  }

  /** Null when SQLite prepares {@code sql}, else its error message. */
  private static String sqliteError(String sql) throws SQLException {
    try (Connection c = TestDatabases.sqlite(tmp).getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT, sale_price DECIMAL, "
          + "category_id INTEGER, launched DATE, active BOOLEAN)");
      st.execute("CREATE TABLE categories (id INTEGER PRIMARY KEY, name TEXT)");
      try {
        c.prepareStatement(sql).close();
        return null;
      } catch (SQLException e) {
        return e.getMessage();
      }
    }
  }

  @Test
  void orderByOnTheFirstOperand_isBlockedLikeSqliteDoes() throws SQLException {
    String sql = "SELECT name FROM products ORDER BY name UNION SELECT name FROM categories";
    assertThat(sqliteError(sql)).contains("ORDER BY clause should come after UNION not before");
    ValidationResult r = sqlite.check(sql);
    assertThat(r.statement()).isNotNull();
    assertThat(r.errors()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.SET_OPERAND_ORDER);
    assertThat(r.errors().get(0).message()).startsWith("ORDER BY on an operand of UNION");
    // the IR means "sort that operand", which the compiler renders validly (a derived table)
    assertThat(sqlite.check(r.statement()).isValid()).isTrue();
  }

  @Test
  void limitOnTheFirstOperand_isBlocked() throws SQLException {
    String sql = "SELECT name FROM products LIMIT 1 EXCEPT SELECT name FROM categories";
    assertThat(sqliteError(sql)).contains("LIMIT clause should come after EXCEPT not before");
    ValidationResult r = sqlite.check(sql);
    assertThat(r.statement()).isNotNull();
    assertThat(r.errors()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.SET_OPERAND_ORDER);
  }

  @Test
  void orderByAndLimitAfterTheLastOperand_orInADerivedTable_pass() throws SQLException {
    for (String sql : new String[] {
        "SELECT name FROM products UNION SELECT name FROM categories ORDER BY name LIMIT 2",
        "SELECT name FROM (SELECT name FROM products ORDER BY name LIMIT 1) "
            + "UNION SELECT name FROM categories"}) {
      assertThat(sqliteError(sql)).as(sql).isNull();
      ValidationResult r = sqlite.check(sql);
      assertThat(r.isValid()).as(sql + " " + r.diagnostics()).isTrue();
      assertThat(r.statement()).isInstanceOf(Query.SetOperation.class);
    }
  }

  @Test
  void otherDialects_areNotJudgedByThisRule() {
    Guard postgres = new Guard(Shop.catalog(Dialect.POSTGRES), Dialect.POSTGRES, false);
    ValidationResult r = postgres.check(
        "(SELECT name FROM products ORDER BY name LIMIT 1) UNION SELECT name FROM categories");
    assertThat(r.errors()).extracting(Diagnostic::code).doesNotContain(DiagnosticCode.SET_OPERAND_ORDER);
  }
}
