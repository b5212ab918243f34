package io.github.nl2sql.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.Answer;
import io.github.nl2sql.Nl2Sql;
import io.github.nl2sql.testing.TestDatabases;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the offline planner reads nouns and verbs that name a table or a column without spelling its name:
 * the head of a closed compound ("horses" for racehorse), the verb of a table named as its doer ("climb"
 * for climber), the noun a numeric column counts ("gold medals"), a comparative that names its measure
 * ("longer than 3000"), a verb whose noun names the link table ("assigned" for repair_assignment) and
 * "members" after a table, on H2 through {@link Nl2Sql#ask}.
 * A schema of its own, so that no other table answers to the same words.
 */
class OfflineAskNounsAndVerbsTest {
  private static Nl2Sql nl2sql;

  @BeforeAll
  static void sports() {
    DataSource ds = TestDatabases.h2(true);
    TestDatabases.run(ds, "CREATE TABLE racehorse (id INT PRIMARY KEY, name VARCHAR(20), wins INT);\n"
        + "INSERT INTO racehorse VALUES (1, 'Red Rum', 24), (2, 'Arkle', 22), (3, 'Desert Orchid', 2);\n"
        + "CREATE TABLE mountain (mountain_id INT PRIMARY KEY, name VARCHAR(20), height INT);\n"
        + "CREATE TABLE climber (climber_id INT PRIMARY KEY, name VARCHAR(20), mountain_id INT REFERENCES mountain);\n"
        + "INSERT INTO mountain VALUES (1, 'Kibo', 5895), (2, 'Elbrus', 5642);\n"
        + "INSERT INTO climber VALUES (1, 'Reinhold', 1), (2, 'Wanda', 2);\n"
        + "CREATE TABLE club (club_id INT PRIMARY KEY, name VARCHAR(20));\n"
        + "CREATE TABLE club_rank (rank_id INT PRIMARY KEY, club_id INT REFERENCES club, gold INT, silver INT);\n"
        + "INSERT INTO club VALUES (1, 'Aces'), (2, 'Bears');\n"
        + "INSERT INTO club_rank VALUES (1, 1, 4, 2), (2, 2, 8, 1);\n"
        + "CREATE TABLE roller_coaster (coaster_id INT PRIMARY KEY, title VARCHAR(20), length INT, height INT);\n"
        + "INSERT INTO roller_coaster VALUES (1, 'Boulder Dash', 4500, 50), (2, 'Kingda Ka', 3100, 139), "
        + "(3, 'Loop', 900, 30);\n"
        + "CREATE TABLE technician (technician_id INT PRIMARY KEY, name VARCHAR(20), team VARCHAR(10));\n"
        + "CREATE TABLE machine (machine_id INT PRIMARY KEY, series VARCHAR(20), quality_rank INT);\n"
        + "CREATE TABLE repair_assignment (technician_id INT REFERENCES technician, "
        + "machine_id INT REFERENCES machine, PRIMARY KEY (technician_id, machine_id));\n"
        + "INSERT INTO technician VALUES (1, 'Joe', 'NYY'), (2, 'Tim', 'CLE'), (3, 'Eve', 'NYY');\n"
        + "INSERT INTO machine VALUES (1, 'RL', 2), (2, 'MB', 1);\n"
        + "INSERT INTO repair_assignment VALUES (1, 1), (2, 2);\n"
        + "CREATE TABLE festival_detail (festival_id INT PRIMARY KEY, festival_name VARCHAR(30), \"YEAR\" INT);\n"
        + "INSERT INTO festival_detail VALUES (1, 'Flower Awards', 2007), (2, 'Cherry Awards', 2007), "
        + "(3, 'LA Awards', 2010);\n"
        + "CREATE TABLE rider (rider_id INT PRIMARY KEY, occupation VARCHAR(20), residence VARCHAR(20), age INT, "
        + "job VARCHAR(20));\n"
        + "INSERT INTO rider VALUES (1, 'Researcher', 'Brandon', 35, 'engineer'), (2, 'Farmer', 'Birtle', 28, 'engineer'), "
        + "(3, 'Teacher', 'Brandon', 41, 'clerk');\n");
    nl2sql = Nl2Sql.builder(ds).databaseName("sports").build();
  }

  @AfterAll
  static void close() {
    nl2sql.close();
  }

  private static Answer.Answered answered(String q) {
    return OfflineAskTest.answeredOffline(nl2sql, q);
  }

  @Test
  void theHeadOfAOneWordCompoundTableName_namesTheTable() {
    Answer.Answered a = answered("How many horses have more than 3 wins?");
    assertThat(a.query().sql()).containsIgnoringCase("from \"racehorse\"");
    assertThat(a.result().rows()).containsExactly(List.of(2L));
  }

  @Test
  void theVerbOfATableNamedAsItsDoer_relatesTheJoinedTables() {
    Answer.Answered a = answered("Show the names of climbers and the heights of mountains they climb.");
    assertThat(a.explanation()).contains("read 'climb' as what climber does");
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("Reinhold", 5895), List.of("Wanda", 5642));
  }

  @Test
  void aPluralNounAfterANumericColumn_isWhatTheColumnCounts() {
    Answer.Answered a = answered("What is the average number of gold medals for clubs?");
    assertThat(a.explanation()).contains("read 'medals' as what club_rank.gold counts");
    assertThat(a.query().sql()).containsIgnoringCase("avg(");
    assertThat(((Number) a.result().rows().get(0).get(0)).doubleValue()).isEqualTo(6.0);
  }

  @Test
  void aPluralNounAfterATextColumn_costsAsAWordNotUnderstood() {
    // "name initials" asks for something the schema does not have: it keeps the full cost of a word not
    // understood (0.95 x 0.55), not the lesser one of a noun a numeric column counts
    Answer.Answered a = answered("List the climber name initials.");
    assertThat(a.explanation()).contains("did not understand 'initials'").doesNotContain("counts");
    assertThat(a.confidence()).isLessThan(0.6);
  }

  @Test
  void aComparativeWithoutAColumn_comparesTheMeasureItNames() {
    Answer.Answered a = answered("Show the titles of roller coasters longer than 3000 or higher than 100.");
    assertThat(a.query().sql()).containsIgnoringCase("\"length\" >").containsIgnoringCase("\"height\" >");
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("Boulder Dash"), List.of("Kingda Ka"));
  }

  @Test
  void aVerbWhoseNounNamesTheLinkTable_namesTheJoin() {
    // "assigned" names repair_assignment, the table between technicians and machines
    Answer.Answered a = answered("Show the names of technicians and the series of the machines they are assigned.");
    assertThat(a.explanation()).contains("read 'assigned' as naming repair_assignment");
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("Joe", "RL"), List.of("Tim", "MB"));
  }

  @Test
  void membersAfterATable_areItsRows() {
    assertThat(answered("Which team has the most technician members?").result().rows()).containsExactly(List.of("NYY"));
  }

  @Test
  void aYearNextToATableWordThatNamesATextColumn_isTheTablesYear() {
    // "festivals" also names festival_name; 2007 is the festival's year
    Answer.Answered a = answered("Show the names of festivals in 2007.");
    assertThat(a.query().sql()).containsIgnoringCase("\"year\" =");
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("Flower Awards"), List.of("Cherry Awards"));
  }

  @Test
  void aPluralNounForTheOneTableItsColumnsChose_isReadAsItsRows() {
    // "participants" names no table; occupation and residence are rider's alone
    Answer.Answered a = answered("Show the occupation and residence of all participants.");
    assertThat(a.explanation()).contains("read 'participants' as the rows of rider");
    assertThat(a.result().rows()).hasSize(3);
  }

  @Test
  void aPluralNounThatIsAStoredValue_isNotReadAsTheRows() {
    // "engineers" is a value of rider.job: counting all riders older than 30 would drop that condition
    Answer answer = nl2sql.ask("How many engineers are older than 30?");
    assertThat(answer.toString()).doesNotContain("as the rows of");
    assertThat(answer).isNotInstanceOf(Answer.Answered.class);
  }
}
