package io.github.nl2sql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.InvalidQueryException;
import io.github.nl2sql.Nl2Sql;
import io.github.nl2sql.QueryResult;
import io.github.nl2sql.ResultStream;
import io.github.nl2sql.ValidationResult;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.SchemaDiff;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.OrderItem;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.TableRef;
import io.github.nl2sql.spi.AuditEvent;
import io.github.nl2sql.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The facade end to end on each real database: catalog, validate, compile, execute. */
class Nl2SqlFacadeTest {
  @TempDir static Path tmp;

  static Stream<Arguments> databases() {
    return TestDatabases.all(tmp, true);
  }

  private static void createStore(DataSource ds) {
    TestDatabases.run(ds, "DROP TABLE IF EXISTS fac_items;\nDROP TABLE IF EXISTS fac_products;\n"
        + "CREATE TABLE fac_products (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, brand VARCHAR(20) NOT NULL, "
        + "sale_price DECIMAL(10,2) NOT NULL);\n"
        + "CREATE TABLE fac_items (order_id INT NOT NULL, product_id INT NOT NULL REFERENCES fac_products(id), "
        + "quantity INT NOT NULL, PRIMARY KEY (order_id, product_id));\n"
        + "INSERT INTO fac_products VALUES (1, 'Oxford Shirt', 'Theory', 89.00), (2, 'Linen Shirt', 'Theory', 95.00), "
        + "(3, 'Poplin Shirt', 'Everlane', 48.00), (4, 'Trench Coat', 'Burberry', 1650.00);\n"
        + "INSERT INTO fac_items VALUES (1, 1, 2), (1, 3, 1), (2, 2, 1), (3, 1, 1), (3, 4, 1);\n");
  }

  private static void dropStore(DataSource ds) {
    TestDatabases.run(ds, "DROP TABLE IF EXISTS fac_items;\nDROP TABLE IF EXISTS fac_products;\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void catalogValidateCompileExecute(Dialect dialect, DataSource ds) {
    createStore(ds);
    List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    try (Nl2Sql nl2sql = Nl2Sql.builder(ds).auditSink(audit::add).catalogProbeInterval(Duration.ZERO).build()) {
      assertThat(nl2sql.dialect()).isEqualTo(dialect);

      Catalog catalog = nl2sql.catalog();
      Table products = catalog.table("fac_products").orElseThrow();
      assertThat(products.primaryKey()).containsExactly("id");
      assertThat(products.column("sale_price")).isPresent();
      assertThat(catalog.table("fac_items").orElseThrow().foreignKeys())
          .anySatisfy(fk -> assertThat(fk.referencedTable()).isEqualToIgnoringCase("fac_products"));
      assertThat(catalog.fingerprint()).hasSize(64);

      // did you mean
      ValidationResult bad = nl2sql.validate("SELECT name, sale_pricee FROM fac_products");
      assertThat(bad.isValid()).isFalse();
      Diagnostic d = bad.errors().get(0);
      assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_COLUMN);
      assertThat(d.suggestions()).first().isEqualTo("sale_price");
      assertThat(d.position()).isNotNull();
      assertThatThrownBy(() -> nl2sql.execute("SELECT name, sale_pricee FROM fac_products"))
          .isInstanceOf(InvalidQueryException.class).hasMessageContaining("did you mean 'sale_price'");

      // join + group by through SQL text
      QueryResult r = nl2sql.execute("SELECT p.brand, SUM(i.quantity) AS units FROM fac_items i "
          + "JOIN fac_products p ON p.id = i.product_id WHERE p.sale_price < 1000 GROUP BY p.brand ORDER BY units DESC");
      assertThat(r.rows()).hasSize(2);
      assertThat(String.valueOf(r.rows().get(0).get(0))).isEqualTo("Theory");
      assertThat(((Number) r.rows().get(0).get(1)).intValue()).isEqualTo(4);

      // IR in, bind values out, default limit added
      Query.Select ir = Query.Select.builder()
          .select(Expr.Column.of("name"))
          .from(TableRef.Table.of("fac_products"))
          .where(Expr.Comparison.eq(Expr.Column.of("brand"), Expr.Literal.of("Theory' OR '1'='1")))
          .build();
      CompiledQuery q = nl2sql.compile(ir);
      assertThat(q.sql()).doesNotContain("Theory").doesNotContain("1'='1");
      assertThat(q.parameters()).contains("Theory' OR '1'='1");
      assertThat(nl2sql.execute(q).rows()).isEmpty();

      Query.Select theory = ir.withWhere(Expr.Comparison.eq(Expr.Column.of("brand"), Expr.Literal.of("Theory")))
          .withOrderBy(List.of(OrderItem.desc(Expr.Column.of("sale_price"))));
      CompiledQuery tq = nl2sql.compile(theory);
      assertThat(nl2sql.execute(tq).rows()).extracting(row -> row.get(0))
          .containsExactly("Linen Shirt", "Oxford Shirt");
      try (ResultStream s = nl2sql.stream(tq)) {
        List<Object> names = new ArrayList<>();
        s.forEach(row -> names.add(row.get(0)));
        assertThat(names).containsExactly("Linen Shirt", "Oxford Shirt");
      }

      // guard: writes, DDL and stacked statements never run
      assertThat(nl2sql.validate("DELETE FROM fac_items").errors()).extracting(Diagnostic::code)
          .containsExactly(DiagnosticCode.WRITE_NOT_ALLOWED);
      assertThat(nl2sql.validate("DROP TABLE fac_items").errors()).extracting(Diagnostic::code)
          .containsExactly(DiagnosticCode.DDL_NOT_ALLOWED);
      assertThat(nl2sql.validate("SELECT 1; DROP TABLE fac_items").errors()).extracting(Diagnostic::code)
          .contains(DiagnosticCode.MULTIPLE_STATEMENTS);
      assertThat(nl2sql.execute("SELECT COUNT(*) FROM fac_items").rows().get(0).get(0))
          .satisfies(n -> assertThat(((Number) n).intValue()).isEqualTo(5));

      // schema change is noticed by the probe and reported as a diff
      TestDatabases.run(ds, "ALTER TABLE fac_products ADD COLUMN color VARCHAR(20)");
      assertThat(nl2sql.catalog().table("fac_products").orElseThrow().column("color")).isPresent();
      TestDatabases.run(ds, "ALTER TABLE fac_products ADD COLUMN size_label VARCHAR(5)");
      SchemaDiff diff = nl2sql.refreshCatalog();
      assertThat(diff.addedColumns()).anySatisfy(c -> assertThat(c).containsIgnoringCase("size_label"));

      assertThat(audit).extracting(AuditEvent::kind)
          .contains(AuditEvent.Kind.VALIDATE, AuditEvent.Kind.COMPILE, AuditEvent.Kind.EXECUTE);
      assertThat(audit).anySatisfy(e -> assertThat(e.outcome()).isEqualTo("blocked"));
    } finally {
      dropStore(ds);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void closedInstanceRefusesWork(Dialect dialect, DataSource ds) {
    Nl2Sql nl2sql = Nl2Sql.builder(ds).dialect(dialect).build();
    nl2sql.close();
    assertThatThrownBy(nl2sql::catalog).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    nl2sql.close(); // idempotent
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void rowCapAppliesThroughTheFacade(Dialect dialect, DataSource ds) {
    createStore(ds);
    try (Nl2Sql nl2sql = Nl2Sql.builder(ds).maxRows(2).statistics(false).build()) {
      QueryResult r = nl2sql.execute("SELECT id FROM fac_products ORDER BY id");
      assertThat(r.rows()).hasSize(2);
      assertThat(r.truncated()).isTrue();
      assertThat(r.rows().get(1).get(0)).satisfies(n -> assertThat(((Number) n).intValue()).isEqualTo(2));
    } finally {
      dropStore(ds);
    }
  }
}
