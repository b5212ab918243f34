package io.github.nl2sql.internal.validate;

import static io.github.nl2sql.internal.validate.Shop.fk;
import static io.github.nl2sql.internal.validate.Shop.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.ValidationResult;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.internal.sql.SqlImporter;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Did you mean" ranking on SQL text for the two confusions a name can hide: a table left out of the
 * FROM (its columns no longer resolve) and a column taken from a table the query does not read.
 */
class SuggestionRankingTest {

  /** A small school schema: several tables share column names, so only context can rank them. */
  static Catalog school() {
    Table head = table("head", List.of("head_id"), List.of(),
        "head_id", SqlType.INTEGER, "name", SqlType.TEXT, "born_state", SqlType.TEXT,
        "age", SqlType.INTEGER);
    Table department = table("department", List.of("department_id"), List.of(),
        "department_id", SqlType.INTEGER, "name", SqlType.TEXT, "budget", SqlType.DECIMAL);
    Table management = table("management", List.of(),
        List.of(fk("department_id", "department", "department_id"), fk("head_id", "head", "head_id")),
        "department_id", SqlType.INTEGER, "head_id", SqlType.INTEGER, "temporary_acting", SqlType.TEXT);
    Table invoices = table("invoices", List.of("invoice_id"), List.of(),
        "invoice_id", SqlType.INTEGER, "billing_city", SqlType.TEXT, "billing_state", SqlType.TEXT,
        "total", SqlType.DECIMAL);
    Table customers = table("customers", List.of("customer_id"), List.of(),
        "customer_id", SqlType.INTEGER, "city", SqlType.TEXT, "state", SqlType.TEXT);
    Table phone = table("phone", List.of("hardware_model_name"), List.of(),
        "hardware_model_name", SqlType.TEXT, "company_name", SqlType.TEXT, "chip_model", SqlType.TEXT);
    Table chip = table("chip", List.of("model_name"), List.of(), "model_name", SqlType.TEXT);
    Table festival = table("festival_detail", List.of("festival_id"), List.of(),
        "festival_id", SqlType.INTEGER, "festival_name", SqlType.TEXT, "chair_name", SqlType.TEXT,
        "num_of_audience", SqlType.INTEGER, "num_of_visitors", SqlType.TEXT);
    Table artwork = table("artwork", List.of("artwork_id"), List.of(),
        "artwork_id", SqlType.INTEGER, "name", SqlType.TEXT, "num_of_visits", SqlType.INTEGER);
    return new Catalog("test", "1", "school", null, Dialect.SQLITE,
        List.of(department, head, management, invoices, customers, phone, chip, festival, artwork), "x", null, null,
        List.of());
  }

  private final Guard guard = new Guard(school(), Dialect.SQLITE, false);

  @BeforeAll
  static void importerAvailable() {
    try {
      new SqlImporter(Dialect.SQLITE).importSql("SELECT 1", null);
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("the SQL importer is not available yet: " + e.getMessage());
    }
  }

  private Diagnostic about(String sql, String subject) {
    ValidationResult r = guard.check(sql);
    assertThat(r.isValid()).as(sql).isFalse();
    return r.errors().stream().filter(d -> subject.equals(d.subject())).findFirst().orElseThrow();
  }

  @Test
  void emptyFrom_tableWithMostOfTheUnresolvedNamesComesFirst() {
    // department also has name, but only head has name, born_state and age
    Diagnostic d = about("SELECT name, born_state, age ORDER BY age", "name");
    assertThat(d.suggestions()).first().isEqualTo("head.name");
    assertThat(d.suggestions()).contains("department.name");
  }

  @Test
  void emptySubqueryFrom_pointsToACatalogTableEvenWhenTheOuterQueryHasASimilarName() {
    // the subquery lost its FROM; the outer department_id is similar but not what was meant
    Diagnostic d = about("SELECT name FROM department WHERE department_id IN "
        + "(SELECT department_idd) AND budget > 0", "department_idd");
    assertThat(d.suggestions()).first().isEqualTo("department_id");
    Diagnostic missing = about("SELECT name FROM department WHERE department_id IN "
        + "(SELECT head_id WHERE temporary_acting = 'Yes')", "head_id");
    assertThat(missing.suggestions()).first().isEqualTo("management.head_id");
  }

  @Test
  void emptySubqueryFrom_theOuterTableItselfCanBeTheMissingOne() {
    // GROUP BY in SQLite does not see the outer query's columns: the subquery lost its own FROM
    Diagnostic d = about("SELECT name FROM head WHERE born_state = "
        + "(SELECT born_state GROUP BY born_state ORDER BY count(*) DESC LIMIT 1)", "born_state");
    assertThat(d.suggestions()).first().isEqualTo("head.born_state");
  }

  @Test
  void severalUnresolvedNames_outweighASimilarNameInScope() {
    // age and born_state both belong to head, left out of the FROM
    Diagnostic d = about("SELECT budget FROM department WHERE age > 56 AND born_state = 'CA'", "age");
    assertThat(d.suggestions()).first().isEqualTo("head.age");
  }

  @Test
  void columnOfAnotherTable_sharingAWordWithAColumnInScope_suggestsThatColumn() {
    // state is customers.state, but invoices (in the FROM) has billing_state: a mix-up, not a
    // missing table, when it is the only unresolved name
    Diagnostic d = about("SELECT sum(total) FROM invoices WHERE billing_city = 'Chicago' "
        + "AND state = 'IL'", "state");
    assertThat(d.suggestions()).first().isEqualTo("billing_state");
    assertThat(d.suggestions()).contains("customers.state");
  }

  @Test
  void qualifiedShortName_fallsBackToTheClosestColumnOfThatTable() {
    // time is far from every column by score, but T1 is head, so head's closest name is meant
    Diagnostic d = about("SELECT T1.time FROM head AS T1", "time");
    assertThat(d.suggestions()).first().isEqualTo("name");
  }

  @Test
  void selectList_aColumnAlreadySelectedIsALessLikelyMeaning() {
    Diagnostic d = about("SELECT T2.hardware_model_name, T2.model_name FROM phone AS T2",
        "model_name");
    assertThat(d.suggestions()).first().isNotEqualTo("hardware_model_name");
    assertThat(d.suggestions()).contains("hardware_model_name", "chip_model");
  }

  @Test
  void groupedColumn_aTableWhereItIsTheWholeKeyIsTheLessLikelyHome() {
    // department_id is department's key and a foreign key in management: grouping by it to count
    // only makes sense where it repeats
    Diagnostic d = about("SELECT department_id, count(*) GROUP BY department_id", "department_id");
    assertThat(d.suggestions()).first().isEqualTo("management.department_id");
    // without grouping, catalog order stands
    Diagnostic plain = about("SELECT department_id", "department_id");
    assertThat(plain.suggestions()).first().isEqualTo("department.department_id");
  }

  @Test
  void unknownQualifier_theTableLinkedToMoreTablesInScopeComesFirst() {
    // T1 used with head_id: head and management both have it, but management links both department
    // (in scope) and head, head links nothing in scope except through management
    Diagnostic d = about("SELECT T2.name FROM department AS T2 WHERE T1.head_id = 3", "T1");
    assertThat(d.suggestions()).first().isEqualTo("management");
  }

  @Test
  void bareName_preferTheColumnNamedAfterItsOwnTable() {
    // name (artwork's) in festival_detail: festival_name is "the name" of a festival
    Diagnostic d = about("SELECT name FROM festival_detail WHERE festival_id = 1", "name");
    assertThat(d.suggestions()).first().isEqualTo("festival_name");
    assertThat(d.suggestions()).contains("chair_name");
  }

  @Test
  void sumOrAvg_preferANumericColumn() {
    // num_of_visits (artwork's) under SUM: num_of_visitors is closer, but a text column
    Diagnostic d = about("SELECT sum(num_of_visits) FROM festival_detail", "num_of_visits");
    assertThat(d.suggestions()).first().isEqualTo("num_of_audience");
    Diagnostic plain = about("SELECT num_of_visits FROM festival_detail", "num_of_visits");
    assertThat(plain.suggestions()).first().isEqualTo("num_of_visitors");
  }
}
