package io.github.nl2sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.Nl2Sql;
import io.github.nl2sql.QueryResult;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.OrderItem;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.SelectItem;
import io.github.nl2sql.ir.TableRef;
import io.github.nl2sql.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names written in another case than the catalog's validate (databases resolve unquoted names
 * ignoring case) and must then also run: the compiler quotes identifiers, so it spells tables and
 * columns as the catalog does. H2 here is in its default mode, which folds unquoted names to upper
 * case; PostgreSQL folds to lower case; MariaDB on Linux keeps table names case-sensitive.
 */
class NameCaseTest {
  @TempDir static Path tmp;

  static Stream<Arguments> databases() {
    return TestDatabases.all(tmp, false);
  }

  private static void create(DataSource ds) {
    TestDatabases.run(ds, "DROP TABLE IF EXISTS case_items;\n"
        + "CREATE TABLE case_items (id INT PRIMARY KEY, item_name VARCHAR(20) NOT NULL);\n"
        + "INSERT INTO case_items VALUES (1, 'one'), (2, 'two'), (3, 'three');\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void sqlInAnotherCaseRunsWithTheCatalogsSpelling(Dialect dialect, DataSource ds) {
    create(ds);
    try (Nl2Sql nl2sql = Nl2Sql.builder(ds).build()) {
      QueryResult r = nl2sql.execute(
          "SELECT Ci.Item_Name AS Label FROM Case_Items AS ci WHERE CI.ID > 1 ORDER BY ci.Id");
      assertThat(r.rows()).extracting(row -> row.get(0)).containsExactly("two", "three");

      // a CTE and an alias keep the spelling of their definition, whatever case refers to them
      QueryResult cte = nl2sql.execute("WITH Big AS (SELECT ID, ITEM_NAME FROM CASE_ITEMS WHERE id >= 2) "
          + "SELECT big.item_name FROM BIG ORDER BY Big.Id DESC");
      assertThat(cte.rows()).extracting(row -> row.get(0)).containsExactly("three", "two");
    } finally {
      TestDatabases.run(ds, "DROP TABLE IF EXISTS case_items;\n");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void irInAnotherCaseCompilesToTheCatalogsSpelling(Dialect dialect, DataSource ds) {
    create(ds);
    try (Nl2Sql nl2sql = Nl2Sql.builder(ds).build()) {
      Query q = new Query.Select(null, false,
          List.of(new SelectItem(new Expr.Column("T", "ITEM_NAME"), null)),
          List.of(new TableRef.Table(null, "Case_Items", "t")),
          null, List.of(), null,
          List.of(OrderItem.asc(new Expr.Column(null, "Id"))), null, null);
      CompiledQuery compiled = nl2sql.compile(q);
      String table = nl2sql.catalog().table("case_items").orElseThrow().name();
      assertThat(compiled.sql()).contains(table).doesNotContain("Case_Items");
      assertThat(nl2sql.execute(compiled).rows()).extracting(row -> row.get(0))
          .containsExactly("one", "two", "three");
    } finally {
      TestDatabases.run(ds, "DROP TABLE IF EXISTS case_items;\n");
    }
  }
}
