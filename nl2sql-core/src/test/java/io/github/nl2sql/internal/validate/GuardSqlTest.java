package io.github.nl2sql.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.ValidationResult;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.diagnostics.Position;
import io.github.nl2sql.internal.sql.SqlImporter;
import io.github.nl2sql.ir.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The guard on SQL text: statement kinds, counts, and validation with positions. */
class GuardSqlTest {
  private final Guard sqlite = new Guard(Shop.catalog(Dialect.SQLITE), Dialect.SQLITE, false);
  private final Guard writes = new Guard(Shop.catalog(Dialect.SQLITE), Dialect.SQLITE, true);
  private final Guard postgres = new Guard(Shop.catalog(Dialect.POSTGRES), Dialect.POSTGRES, false);

  @BeforeAll
  static void importerAvailable() {
    try {
      new SqlImporter(Dialect.SQLITE).importSql("SELECT 1", null);
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("the SQL importer is not available yet: " + e.getMessage());
    }
  }

  private static List<DiagnosticCode> codes(ValidationResult r) {
    return r.diagnostics().stream().map(Diagnostic::code).toList();
  }

  @Test
  void validQuery_passesWithItsIr() {
    ValidationResult r = sqlite.check("SELECT p.name FROM products AS p WHERE p.sale_price > 3");
    assertThat(r.isValid()).isTrue();
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.statement()).isInstanceOf(io.github.nl2sql.ir.Query.Select.class);
    assertThat(r.sql()).isEqualTo("SELECT p.name FROM products AS p WHERE p.sale_price > 3");
  }

  @Test
  void unknownColumn_hasMessageSuggestionAndPosition() {
    String sql = "SELECT products.sale_pricee FROM products";
    ValidationResult r = sqlite.check(sql);
    assertThat(r.isValid()).isFalse();
    Diagnostic d = r.errors().get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_COLUMN);
    assertThat(d.position()).isNotNull();
    assertThat(d.position().line()).isEqualTo(1);
    assertThat(sql.substring(d.position().offset())).startsWith("products.sale_pricee");
    assertThat(d.format()).isEqualTo("Column 'sale_pricee' not found in table 'products'; "
        + "did you mean 'sale_price'? (" + d.position() + ")");
  }

  @Test
  void unknownTable_onSecondLine_pointsThere() {
    ValidationResult r = sqlite.check("SELECT name\nFROM prodcts");
    Diagnostic d = r.errors().get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_TABLE);
    assertThat(d.suggestions()).first().isEqualTo("products");
    assertThat(d.position()).isNotNull();
    assertThat(d.position().line()).isEqualTo(2);
  }

  @Test
  void spiderStyleDoubleQuotedStrings_areValues() {
    ValidationResult r = sqlite.check("SELECT name FROM products WHERE name = \"hammer\"");
    assertThat(r.isValid()).isTrue();
  }

  @Test
  void multipleStatements_areRefused() {
    ValidationResult r = sqlite.check("SELECT 1; SELECT 2");
    assertThat(codes(r)).containsExactly(DiagnosticCode.MULTIPLE_STATEMENTS);
    assertThat(r.errors().get(0).message()).isEqualTo("Only one statement is allowed, found 2");
    assertThat(r.isValid()).isFalse();
    ValidationResult sneaky = sqlite.check("SELECT name FROM products; DROP TABLE products");
    assertThat(sneaky.isValid()).isFalse();
    assertThat(codes(sneaky)).contains(DiagnosticCode.MULTIPLE_STATEMENTS);
  }

  @Test
  void ddl_isAlwaysRefused() {
    for (Guard g : List.of(sqlite, writes)) {
      ValidationResult r = g.check("DROP TABLE products");
      assertThat(codes(r)).containsExactly(DiagnosticCode.DDL_NOT_ALLOWED);
      assertThat(r.errors().get(0).message())
          .isEqualTo("DROP TABLE is a schema change (DDL) and is not allowed");
      assertThat(r.errors().get(0).position()).isEqualTo(new Position(1, 1, 0, 4));
    }
    assertThat(codes(sqlite.check("create table x (a int)")))
        .containsExactly(DiagnosticCode.DDL_NOT_ALLOWED);
  }

  @Test
  void writes_onlyWhenAllowed_andThenValidated() {
    String del = "DELETE FROM orders WHERE quantity < 1";
    ValidationResult refused = sqlite.check(del);
    assertThat(codes(refused)).containsExactly(DiagnosticCode.WRITE_NOT_ALLOWED);
    assertThat(refused.errors().get(0).message())
        .isEqualTo("DELETE statements are not allowed here; only reads run unless writes are enabled");
    ValidationResult allowed = writes.check(del);
    assertThat(allowed.isValid()).isTrue();
    assertThat(allowed.statement()).isInstanceOf(Statement.Delete.class);
    ValidationResult bad = writes.check("UPDATE products SET sale_pric = 1 WHERE id = 2");
    assertThat(codes(bad)).containsExactly(DiagnosticCode.UNKNOWN_COLUMN);
    assertThat(bad.errors().get(0).suggestions()).first().isEqualTo("sale_price");
    ValidationResult ins = writes.check("INSERT INTO categories (id, name) VALUES (1, 'a', 3)");
    assertThat(codes(ins)).containsExactly(DiagnosticCode.INSERT_ARITY);
  }

  @Test
  void otherStatements_areRefused() {
    ValidationResult r = sqlite.check("PRAGMA table_info(products)");
    assertThat(r.isValid()).isFalse();
  }

  @Test
  void syntaxErrors_comeFromTheImporter() {
    ValidationResult r = sqlite.check("SELECT name FROM WHERE");
    assertThat(r.isValid()).isFalse();
    assertThat(codes(r)).contains(DiagnosticCode.SYNTAX_ERROR);
    assertThat(r.statement()).isNull();
  }

  @Test
  void grouping_dependsOnDialect() {
    String sql = "SELECT name, COUNT(*) FROM products GROUP BY category_id";
    assertThat(sqlite.check(sql).isValid()).isTrue();
    assertThat(codes(sqlite.check(sql))).containsExactly(DiagnosticCode.NOT_GROUPED);
    assertThat(postgres.check(sql).isValid()).isFalse();
  }

  @Test
  void correlatedSubqueryAndCte_fromSql() {
    assertThat(sqlite.check("WITH t AS (SELECT product_id, SUM(quantity) AS total FROM orders "
        + "GROUP BY product_id) SELECT p.name, t.total FROM t JOIN products p ON p.id = t.product_id "
        + "WHERE EXISTS (SELECT 1 FROM orders o WHERE o.product_id = p.id) ORDER BY total DESC")
        .diagnostics()).isEmpty();
    ValidationResult r = sqlite.check("SELECT name FROM products p WHERE EXISTS "
        + "(SELECT 1 FROM orders o WHERE o.product_id = q.id)");
    assertThat(codes(r)).containsExactly(DiagnosticCode.UNKNOWN_QUALIFIER);
    assertThat(r.errors().get(0).suggestions()).first().isEqualTo("p");
  }
}
