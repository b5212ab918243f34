package io.github.nl2sql.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.ValidationResult;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.internal.catalog.CatalogOptions;
import io.github.nl2sql.internal.catalog.CatalogReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Did you mean" ranking from the statement's context on a real database (H2 in memory, catalog read
 * with {@link CatalogReader}, statistics on as by default): sampled values, the shape of IN
 * subqueries and set operations, and the foreign keys behind the columns a statement uses. In every
 * case the right table or column comes later in catalog order than a wrong one with the same name, so
 * only the evidence can put it first.
 */
class ContextEvidenceTest {
  private static Connection connection;
  private static Catalog withStats;
  private static Catalog withoutStats;

  @BeforeAll
  static void createDatabase() throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:context_evidence;DATABASE_TO_LOWER=TRUE");
    try (Statement st = connection.createStatement()) {
      // value evidence: the same column names, different values
      st.execute("CREATE TABLE customers (id INT PRIMARY KEY, first_name VARCHAR(40), "
          + "city VARCHAR(40), phone VARCHAR(20))");
      st.execute("CREATE TABLE employees (id INT PRIMARY KEY, first_name VARCHAR(40), "
          + "city VARCHAR(40), phone VARCHAR(20))");
      st.execute("INSERT INTO customers VALUES (1, 'Ana', 'Lisbon', '1'), (2, 'Bo', 'Oslo', '2'), "
          + "(3, 'Cy', 'Porto', '3')");
      st.execute("INSERT INTO employees VALUES (1, 'Nancy', 'Calgary', '7'), "
          + "(2, 'Steve', 'Calgary', '8'), (3, 'Jane', 'Edmonton', '9')");
      st.execute("CREATE TABLE apartments (apt_id INT PRIMARY KEY, apt_number VARCHAR(10), "
          + "apt_type_code VARCHAR(15), room_count INT)");
      st.execute("INSERT INTO apartments VALUES (1, 'A1', 'Studio', 1), (2, 'B2', 'Flat', 3), "
          + "(3, 'C3', 'Duplex', 5), (4, 'D4', 'Studio', 1)");
      st.execute("CREATE TABLE apartment_bookings (apt_booking_id INT PRIMARY KEY, apt_id INT "
          + "REFERENCES apartments (apt_id))");
      // IN (subquery) and set operations
      st.execute("CREATE TABLE mountain (mountain_id INT PRIMARY KEY, name VARCHAR(40))");
      st.execute("CREATE TABLE climber (climber_id INT PRIMARY KEY, name VARCHAR(40), "
          + "mountain_id INT REFERENCES mountain (mountain_id))");
      st.execute("CREATE TABLE expedition (expedition_id INT PRIMARY KEY, "
          + "mountain_id INT REFERENCES mountain (mountain_id))");
      st.execute("CREATE TABLE employee (eid INT PRIMARY KEY, ename VARCHAR(40))");
      st.execute("CREATE TABLE certificate (eid INT REFERENCES employee (eid), aid INT)");
      // foreign keys behind the columns used
      st.execute("CREATE TABLE student (id INT PRIMARY KEY, name VARCHAR(40))");
      st.execute("CREATE TABLE instructor (id INT PRIMARY KEY, name VARCHAR(40))");
      st.execute("CREATE TABLE advisor (s_id INT REFERENCES student (id), "
          + "i_id INT REFERENCES instructor (id))");
      st.execute("CREATE TABLE stadium (id INT PRIMARY KEY, name VARCHAR(40))");
      st.execute("CREATE TABLE game (id INT PRIMARY KEY, stadium_id INT REFERENCES stadium (id))");
      st.execute("CREATE TABLE injury_accident (id INT PRIMARY KEY, game_id INT REFERENCES game (id))");
    }
    withStats = new CatalogReader(CatalogOptions.defaults()).read(connection);
    withoutStats = new CatalogReader(CatalogOptions.withoutStatistics()).read(connection);
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  private static Diagnostic about(Catalog catalog, String sql, String subject) {
    ValidationResult r = new Guard(catalog, Dialect.H2, false).check(sql);
    assertThat(r.isValid()).as(sql).isFalse();
    return r.errors().stream().filter(d -> subject.equalsIgnoreCase(d.subject())).findFirst()
        .orElseThrow(() -> new AssertionError("no diagnostic about " + subject + " in " + r.errors()));
  }

  @Test
  void aComparedValueFoundInAColumnsSampleNamesThatColumn() {
    // apt_booking_id is another table's column; 'Studio' is a sampled value of apt_type_code only
    Diagnostic d = about(withStats, "SELECT avg(room_count) FROM apartments WHERE apt_booking_id = 'Studio'",
        "apt_booking_id");
    assertThat(d.suggestions()).first().isEqualTo("apt_type_code");
    // a LIKE pattern counts too
    Diagnostic like = about(withStats, "SELECT apt_id FROM apartments WHERE apt_booking_id LIKE 'Stu%'",
        "apt_booking_id");
    assertThat(like.suggestions()).first().isEqualTo("apt_type_code");
  }

  @Test
  void aComparedValuePicksTheTableLeftOutOfAnEmptyFrom() {
    String sql = "SELECT phone WHERE city = 'Calgary'";
    assertThat(about(withStats, sql, "phone").suggestions()).first().isEqualTo("employees.phone");
    // the evidence is the sample: without statistics both tables fit and catalog order decides
    assertThat(about(withoutStats, sql, "phone").suggestions()).first().isEqualTo("customers.phone");
  }

  @Test
  void aComparedValuePicksTheTableBehindAnUnknownQualifier() {
    Diagnostic d = about(withStats,
        "SELECT T1.id FROM apartments AS T1 WHERE T2.first_name = 'Nancy'", "T2");
    assertThat(d.suggestions()).first().isEqualTo("employees");
  }

  @Test
  void inSubqueryOverATableMakesThatTableAnUnlikelyHomeOfTheOuterColumn() {
    // climber comes first in catalog order and has both columns, but testing climber's mountain_id
    // against climber's own mountain_id would be vacuous
    Diagnostic d = about(withStats,
        "SELECT name WHERE mountain_id NOT IN (SELECT mountain_id FROM climber)", "name");
    assertThat(d.suggestions()).first().isEqualTo("mountain.name");
  }

  @Test
  void notInSubqueryReadsTheTableThatOwnsTheKey() {
    // expedition (first in catalog order) and climber reference mountain: "mountains no climber
    // climbed" reads mountain, whose whole key is mountain_id
    Diagnostic d = about(withStats,
        "SELECT count(*) WHERE mountain_id NOT IN (SELECT mountain_id FROM climber)", "mountain_id");
    assertThat(d.suggestions()).first().isEqualTo("mountain.mountain_id");
  }

  @Test
  void setOperationWithAnUnfilteredTableMakesThatTableAnUnlikelyHomeOfTheOtherBranch() {
    Diagnostic d = about(withStats, "SELECT eid EXCEPT SELECT eid FROM certificate", "eid");
    assertThat(d.suggestions()).first().isEqualTo("employee.eid");
    // with a filter on the other side, the same table is a fine home: no penalty, catalog order
    Diagnostic filtered = about(withStats,
        "SELECT eid EXCEPT SELECT eid FROM certificate WHERE aid = 3", "eid");
    assertThat(filtered.suggestions()).first().isEqualTo("certificate.eid");
  }

  @Test
  void aForeignKeyColumnTheStatementUsesPointsAtTheTableLeftOut() {
    // advisor.s_id -> student.id; instructor comes first in catalog order and has id and name too
    Diagnostic d = about(withStats,
        "SELECT T1.name FROM advisor AS T2 GROUP BY T2.s_id HAVING count(*) > 1", "T1");
    assertThat(d.suggestions()).first().isEqualTo("student");
  }

  @Test
  void groupingByTheKeyOfTheTableLeftOutPrefersATableTheScopeReferences() {
    // game references stadium; injury_accident references game: grouping by injury_accident.id
    // would make groups of one
    Diagnostic d = about(withStats, "SELECT T1.id, count(*) FROM game AS T2 GROUP BY T1.id", "T1");
    assertThat(d.suggestions()).first().isEqualTo("stadium");
  }

  @Test
  void aPlainSelectColumnOfAGroupedLevelIsMostLikelyItsGroupKey() {
    // a plain select-list column of a grouped level must be grouped: the same unknown name ranks
    // whichever column the level groups by first
    assertThat(about(withStats, "SELECT apt_code, count(*) FROM apartments GROUP BY apt_type_code",
        "apt_code").suggestions()).first().isEqualTo("apt_type_code");
    assertThat(about(withStats, "SELECT apt_code, count(*) FROM apartments GROUP BY apt_number",
        "apt_code").suggestions()).first().isEqualTo("apt_number");
    // grouping by the primary key lets any column of the table be selected: no such evidence
    assertThat(about(withStats, "SELECT apt_code, count(*) FROM apartments GROUP BY apt_id",
        "apt_code").suggestions()).first().isNotEqualTo("apt_id");
  }

  @Test
  void aGapInNumberedAliasesPutsTheTableLeftOutFirst() {
    // T2 without T1: a FROM item was left out, so ename is more likely employee's than a typo of name
    Diagnostic gap = about(withStats, "SELECT T2.name FROM climber AS T2 ORDER BY ename", "ename");
    assertThat(gap.suggestions()).first().isEqualTo("employee.ename");
    // no gap: the similar name in scope comes first, the other table's column after it
    Diagnostic noGap = about(withStats, "SELECT T1.name FROM climber AS T1 ORDER BY ename", "ename");
    assertThat(noGap.suggestions()).first().isEqualTo("name");
    assertThat(noGap.suggestions()).contains("employee.ename");
  }

  @Test
  void aQualifierNamingATableOutsideTheFromSuggestsThatTable() {
    // climber is a real table with those columns, only missing from the FROM
    Diagnostic d = about(withStats,
        "SELECT mountain.name, count(climber.climber_id) FROM mountain GROUP BY mountain.name", "climber");
    assertThat(d.suggestions()).first().isEqualTo("climber");
  }

  @Test
  void setOperationBranchesAreParallel() {
    // apt_code spells closest to apt_type_code; the other branch selects apt_number at that position
    assertThat(about(withStats, "SELECT apt_number FROM apartments WHERE room_count > 1 EXCEPT "
        + "SELECT apt_code FROM apartments WHERE room_count > 3", "apt_code").suggestions())
        .first().isEqualTo("apt_number");
    assertThat(about(withStats, "SELECT apt_type_code FROM apartments WHERE room_count > 1 EXCEPT "
        + "SELECT apt_code FROM apartments WHERE room_count > 3", "apt_code").suggestions())
        .first().isEqualTo("apt_type_code");
  }

  @Test
  void aSumOrAverageIsNotOfAKey() {
    Diagnostic d = about(withStats, "SELECT avg(apt_rooms) FROM apartments", "apt_rooms");
    assertThat(d.suggestions()).first().isEqualTo("room_count");
  }

  @Test
  void valueFitReadsTheSample() {
    Catalog c = withStats;
    var type = c.table("apartments").orElseThrow().column("apt_type_code").orElseThrow();
    assertThat(Checker.valueFit(type, "studio")).isEqualTo(Checker.K_VALUE);
    assertThat(Checker.valueFit(type, "%lex")).isEqualTo(Checker.K_VALUE);
    // every distinct value is in the sample: an absent value is (weak) evidence against
    assertThat(Checker.valueFit(type, "Castle")).isEqualTo(-Checker.K_NO_VALUE);
    assertThat(Checker.valueFit(type, 3L)).isZero();
    var noStats = withoutStats.table("apartments").orElseThrow().column("apt_type_code").orElseThrow();
    assertThat(Checker.valueFit(noStats, "Studio")).isZero();
  }
}
