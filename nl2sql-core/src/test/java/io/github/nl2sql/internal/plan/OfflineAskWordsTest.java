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
 * How the offline planner reads words that name columns by their head noun ("ids", "names"), coded values
 * ("female" for {@code sex = 'F'}) and "alphabetical order", on H2 through {@link Nl2Sql#ask}.
 */
class OfflineAskWordsTest {
  private static Nl2Sql nl2sql;

  @BeforeAll
  static void school() {
    DataSource ds = TestDatabases.h2(true);
    TestDatabases.run(ds, "CREATE TABLE students (student_id INT PRIMARY KEY, student_name VARCHAR(40) NOT NULL, "
        + "sex CHAR(1), age INT, advisor_id INT);\n"
        + "INSERT INTO students VALUES (1, 'Cleo', 'F', 21, 7), (2, 'Ann', 'F', 19, 7), (3, 'Bob', 'M', 23, 8);\n"
        + "CREATE TABLE courses (course_id INT PRIMARY KEY, title VARCHAR(40) NOT NULL);\n"
        + "CREATE TABLE enrolments (enrolment_id INT PRIMARY KEY, student_id INT NOT NULL REFERENCES students, "
        + "course_id INT NOT NULL REFERENCES courses);\n"
        + "INSERT INTO courses VALUES (10, 'Algebra'), (11, 'Botany');\n"
        + "INSERT INTO enrolments VALUES (100, 1, 10), (101, 2, 10), (102, 2, 11);\n"
        + "CREATE TABLE clubs (club_id INT PRIMARY KEY, club_name VARCHAR(40), founded INT, members INT);\n"
        + "INSERT INTO clubs VALUES (1, 'Chess', 1990, 12), (2, 'Rowing', 2004, 30), (3, 'Drama', 1975, 8);\n"
        + "CREATE TABLE teachers (teacher_id INT PRIMARY KEY, first_name VARCHAR(20), last_name VARCHAR(20), "
        + "join_year INT);\n"
        + "INSERT INTO teachers VALUES (1, 'Ada', 'Byron', 2001), (2, 'Alan', 'Turing', 1999), "
        + "(3, 'Ada', 'Byron', 2010);\n"
        + "CREATE TABLE payments (payment_id INT PRIMARY KEY, payment_method_code VARCHAR(10), amount INT);\n"
        + "INSERT INTO payments VALUES (1, 'CARD', 10), (2, 'CASH', 5), (3, 'CARD', 7);\n"
        + "CREATE TABLE gadgets (gadget_id INT PRIMARY KEY, gadget_name VARCHAR(20), gadget_price INT);\n"
        + "INSERT INTO gadgets VALUES (1, 'Pen', 3), (2, 'Lamp', 40), (3, 'Clock', 25);\n"
        + "CREATE TABLE apartments (apt_id INT PRIMARY KEY, apt_number VARCHAR(10), number_rooms INT, "
        + "price_in_dollars INT);\n"
        + "INSERT INTO apartments VALUES (1, 'A1', 2, 900), (2, 'B7', 5, 2100), (3, 'C3', 3, 1200);\n"
        + "CREATE TABLE stations (station_id INT PRIMARY KEY, city VARCHAR(20), lat DECIMAL(6, 2), "
        + "\"LONG\" DECIMAL(6, 2));\n"
        + "INSERT INTO stations VALUES (1, 'Oslo', 59.90, 10.70), (2, 'Oslo', 59.95, 10.80), "
        + "(3, 'Bergen', 60.40, 5.30);\n"
        + "CREATE TABLE video_games (game_id INT PRIMARY KEY, gname VARCHAR(30), gtype VARCHAR(20));\n"
        + "INSERT INTO video_games VALUES (1, 'Chess Master', 'Board'), (2, 'Go Pro', 'Board'), "
        + "(3, 'Space Race', 'Arcade');\n"
        + "CREATE TABLE ref_club_categories (club_category_code VARCHAR(5) PRIMARY KEY, club_category_description VARCHAR(20));\n"
        + "INSERT INTO ref_club_categories VALUES ('SPT', 'Sport'), ('ART', 'Art');\n"
        + "CREATE TABLE readings (reading_id INT PRIMARY KEY, \"DATE\" VARCHAR(10), max_temperature_f INT, "
        + "bathroom_count INT);\n"
        + "INSERT INTO readings VALUES (1, '8/1/2015', 90, 1), (2, '8/2/2015', 80, 3);\n"
        + "CREATE TABLE meetings (meeting_id INT PRIMARY KEY, \"DATE\" VARCHAR(10));\n"
        + "CREATE TABLE elimination (elimination_id INT PRIMARY KEY, club_id INT NOT NULL REFERENCES clubs);\n"
        + "INSERT INTO elimination VALUES (1, 2);\n"
        + "CREATE TABLE memberships (membership_id INT PRIMARY KEY, membership_level VARCHAR(10), member_phone "
        + "VARCHAR(20));\n"
        + "INSERT INTO memberships VALUES (1, 'Gold', '555-1'), (2, 'Basic', '555-2'), (3, 'Gold', '555-3'), "
        + "(4, 'Basic', '555-4'), (5, 'Gold', '555-5');\n"
        + "CREATE TABLE drivers (driver_id INT PRIMARY KEY, forename VARCHAR(20), surname VARCHAR(20), "
        + "date_of_birth DATE, date_joined DATE, date_left DATE);\n"
        + "INSERT INTO drivers VALUES (1, 'Lewis', 'Hamilton', DATE '1985-01-07', DATE '2007-03-18', NULL), "
        + "(2, 'Nico', 'Rosberg', DATE '1985-06-27', DATE '2006-03-12', DATE '2016-11-27');\n"
        + "CREATE TABLE roles (role_code VARCHAR(5) PRIMARY KEY, role_name VARCHAR(20), role_description VARCHAR(40));\n"
        + "CREATE TABLE staff (staff_id INT PRIMARY KEY, staff_name VARCHAR(20), "
        + "role_code VARCHAR(5) REFERENCES roles, team VARCHAR(20));\n"
        + "INSERT INTO roles VALUES ('ED', 'Editor', 'Edits texts'), ('MG', 'Manager', 'Manages people');\n"
        + "INSERT INTO staff VALUES (1, 'Ebba', 'ED', 'Red Lions'), (2, 'Otto', 'MG', 'Blue Owls');\n"
        + "CREATE TABLE campuses (campus_id INT PRIMARY KEY, campus VARCHAR(20), location VARCHAR(20), "
        + "county VARCHAR(20));\n"
        + "INSERT INTO campuses VALUES (1, 'Northridge', 'Los Angeles', 'Los Angeles'), "
        + "(2, 'Pomona', 'Pomona', 'Los Angeles'), (3, 'Chico', 'Chico', 'Butte');\n"
        + "CREATE TABLE rental (rental_id INT PRIMARY KEY, rental_date DATE, last_update DATE, "
        + "driver_id INT REFERENCES drivers);\n"
        + "INSERT INTO rental VALUES (1, DATE '2020-05-01', DATE '2021-01-01', 2), "
        + "(2, DATE '2019-03-01', DATE '2021-01-01', 1);\n"
        + "CREATE TABLE shops (shop_id INT PRIMARY KEY, shop_name VARCHAR(20), manager_name VARCHAR(20));\n"
        + "INSERT INTO shops VALUES (1, 'Corner', 'Mia'), (2, 'Harbour', 'Tom');\n"
        + "CREATE TABLE drama_coaches (coach_id INT PRIMARY KEY, coach_details VARCHAR(20));\n"
        + "INSERT INTO drama_coaches VALUES (1, 'stage'), (2, 'voice');\n"
        + "CREATE TABLE hosts (host_id INT PRIMARY KEY, name VARCHAR(20), nationality VARCHAR(20), age INT, "
        + "agency_name VARCHAR(20));\n"
        + "INSERT INTO hosts VALUES (1, 'Ines', 'Spain', 30, 'Acme'), (2, 'Luca', 'Italy', 41, 'Acme'), "
        + "(3, 'Pia', 'Italy', 35, 'Zeta');\n"
        + "CREATE TABLE parties (party_id INT PRIMARY KEY, number_of_hosts INT);\n"
        + "CREATE TABLE wines (wine_id INT PRIMARY KEY, wine_name VARCHAR(20), appelation VARCHAR(20), price INT);\n"
        + "INSERT INTO wines VALUES (1, 'Ridge', 'St. Helena', 40), (2, 'Opus', 'St. Helena', 90), "
        + "(3, 'Clos', 'Napa Valley', 60);\n"
        + "CREATE TABLE channels (channel_id INT PRIMARY KEY, channel_name VARCHAR(20), owner VARCHAR(20), "
        + "rating_in_percent DECIMAL(4, 2));\n"
        + "INSERT INTO channels VALUES (1, 'CCTV-1', 'CCTV', 0.73), (2, 'Hunan', 'HBS', 0.59), (3, 'BTV', 'BTV', 0.21);\n");
    nl2sql = Nl2Sql.builder(ds).databaseName("school").build();
  }

  @AfterAll
  static void close() {
    nl2sql.close();
  }

  private static Answer.Answered answered(String q) {
    return OfflineAskTest.answeredOffline(nl2sql, q);
  }

  @Test
  void idsAndNames_areTheKeyAndTheOneNameColumn() {
    Answer.Answered a = answered("Show the ids and names of all students.");
    assertThat(a.result().columns()).extracting(c -> c.label().toLowerCase()).containsExactly("student_id", "student_name");
    assertThat(a.result().rows()).hasSize(3);
  }

  @Test
  void alphabeticalOrder_sortsByTheTextColumnShown() {
    assertThat(answered("What are the names and ids of students in alphabetical order?").result().rows())
        .containsExactly(List.of("Ann", 2), List.of("Bob", 3), List.of("Cleo", 1));
  }

  @Test
  void aWordForASex_isTheCodeTheColumnStores() {
    Answer.Answered a = answered("What are the names of the female students?");
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("Cleo"), List.of("Ann"));
    assertThat(a.query().parameters()).contains("F");
    assertThat(answered("How many male students are there?").result().rows()).containsExactly(List.of(1L));
  }

  @Test
  void negatedVerbOverALinkTable_isAnAntiJoinOnTheLinkRows() {
    Answer.Answered a = answered("What are the names of students who are not enrolled in any course?");
    assertThat(a.result().rows()).containsExactly(List.of("Bob"));
    assertThat(a.query().sql().toLowerCase()).contains("not in (select").contains("enrolments");
    // "don't" reads "do not"
    assertThat(answered("Which students don't have any enrolments?").result().rows()).containsExactly(List.of("Bob"));
  }

  @Test
  void countConditionOverALinkTable_countsTheLinkRows() {
    assertThat(answered("Which students have at least two courses?").result().rows()).containsExactly(List.of("Ann"));
    // "enrolments" names the enrolments table through its verb as well as its name
    assertThat(answered("Which students have at least two enrolments?").result().rows()).containsExactly(List.of("Ann"));
  }

  @Test
  void mostRecently_ordersByTheDateTheVerbNames() {
    Answer.Answered a = answered("Which club was founded most recently?");
    assertThat(a.result().rows()).containsExactly(List.of("Rowing"));
    assertThat(answered("What is the name of the club founded the earliest?").result().rows())
        .containsExactly(List.of("Drama"));
  }

  @Test
  void fullName_isTheFirstAndLastNameColumns() {
    Answer.Answered a = answered("What are the full names of all teachers?");
    assertThat(a.result().columns()).extracting(c -> c.label().toLowerCase()).containsExactly("first_name", "last_name");
    assertThat(a.result().rows()).hasSize(3);
    assertThat(answered("What is the most common full name of the teachers?").result().rows())
        .containsExactly(List.of("Ada", "Byron"));
  }

  @Test
  void aGerund_namesTheColumnOfItsVerb() {
    assertThat(answered("List the last names of teachers ordered by joining year.").result().rows())
        .containsExactly(List.of("Turing"), List.of("Byron"), List.of("Byron"));
  }

  @Test
  void aCodedColumn_isNamedByItsWordsWithoutCode() {
    assertThat(answered("For each payment method, how many payments are there?").result().rows())
        .containsExactlyInAnyOrder(List.of("CARD", 2L), List.of("CASH", 1L));
  }

  @Test
  void anAggregateOverAll_doesNotShowThePopulation() {
    Answer.Answered a = answered("What is the maximum amount across all payment methods?");
    assertThat(a.result().rows()).containsExactly(List.of(10));
    // a table's name between the aggregate word and the column: "the average club members"
    assertThat(answered("What is the average club members?").result().columns()).hasSize(1);
  }

  @Test
  void aSynonymOfAColumnsLastWord_namesIt() {
    // "expensive" is a word for price; gadget_price is the table's one price
    assertThat(answered("What is the name of the most expensive gadget?").result().rows())
        .containsExactly(List.of("Lamp"));
  }

  @Test
  void aggregateWordsInAList_allApplyToTheColumn() {
    // "number of rooms" is number_rooms (a name's words with "of" between them)
    Answer.Answered a = answered("What are the maximum and minimum number of rooms of the apartments?");
    assertThat(a.result().rows()).containsExactly(List.of(5, 2));
    // superlatives listed with an aggregate word are aggregates too
    assertThat(answered("What is the highest, lowest and average number of rooms of the apartments?")
        .result().columns()).hasSize(3);
  }

  @Test
  void abbreviatedCoordinates_answerToTheirWords() {
    Answer.Answered a = answered("What is the average latitude and longitude of stations in Oslo?");
    assertThat(a.result().columns()).hasSize(2);
    assertThat(a.query().sql().toLowerCase()).contains("avg(").contains("lat").contains("long");
    assertThat(((Number) a.result().rows().get(0).get(0)).doubleValue()).isBetween(59.92, 59.93);
  }

  @Test
  void aSuperlativeOnAColumnPerGroup_isItsMaximum() {
    Answer.Answered a = answered("For each city, what is the highest latitude of its stations?");
    assertThat(a.query().sql().toLowerCase()).contains("max(").contains("group by");
    assertThat(a.result().rows()).hasSize(2);
  }

  @Test
  void aColumnWithAUnit_isNamedWithoutIt() {
    // price_in_dollars is "price"; "dollars" after the number names the same column
    Answer.Answered a = answered("What are the apartment numbers with a price above 1000 dollars?");
    assertThat(a.result().columns()).hasSize(1);
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("B7"), List.of("C3"));
  }

  @Test
  void theSortKeyFollowsTheLastOrderWord() {
    assertThat(answered("Sort the apartment numbers in descending order of price.").result().rows())
        .containsExactly(List.of("B7"), List.of("C3"), List.of("A1"));
  }

  @Test
  void aCountBeforeTheTable_isTheLimitOfALaterSuperlative() {
    assertThat(answered("What are the numbers of the 2 apartments with the highest price?").result().rows())
        .containsExactly(List.of("B7"), List.of("C3"));
    // a column named by a verb right before "the most"
    assertThat(answered("Which gadget costs the most?").result().rows()).containsExactly(List.of("Lamp"));
  }

  @Test
  void aColumnNamedByTheTablesInitial_answersToItsWords() {
    // gname and gtype in video_games are the game's name and type
    assertThat(answered("What is the type of the video game Space Race?").result().rows())
        .containsExactly(List.of("Arcade"));
    // "how many ... types": the distinct values of a column are counted
    Answer.Answered a = answered("How many video game types exist?");
    assertThat(a.query().sql().toLowerCase()).contains("count(distinct");
    assertThat(a.result().rows()).containsExactly(List.of(2L));
  }

  @Test
  void columnsAndTheNumberOfTheirRows_groupByTheColumns() {
    Answer.Answered a = answered("Show the game types and the number of video games.");
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("Board", 2L), List.of("Arcade", 1L));
    // ordered by a count of the focus rows: one group per value shown
    assertThat(answered("List the game types in descending order of the number of video games.").result().rows())
        .containsExactly(List.of("Board"), List.of("Arcade"));
  }

  @Test
  void allTheInformation_isEveryColumn() {
    Answer.Answered a = answered("What is all the information about video games, ordered by name?");
    assertThat(a.result().columns()).hasSize(3);
    assertThat(a.result().rows().get(0).get(1)).isEqualTo("Chess Master");
  }

  @Test
  void aLookupTablesPrefix_isNotSaid() {
    assertThat(answered("How many club categories are there?").result().rows()).containsExactly(List.of(2L));
  }

  @Test
  void withoutATableName_theOneTableWithEveryColumnNamedIsAsked() {
    // "dates" are in readings and meetings; only readings has the maximum temperature (in Fahrenheit)
    assertThat(answered("Give me the dates when the max temperature was higher than 85.").result().rows())
        .containsExactly(List.of("8/1/2015"));
    // a count column answers to what it counts
    assertThat(answered("What are the dates with more than 2 bathrooms?").result().rows())
        .containsExactly(List.of("8/2/2015"));
  }

  @Test
  void aVerbInTheParticiple_namesItsNounTable() {
    // "eliminated" is the elimination table: clubs with no elimination rows
    assertThat(answered("What are the names of clubs that have not been eliminated?").result().rows())
        .containsExactlyInAnyOrder(List.of("Chess"), List.of("Drama"));
  }

  @Test
  void aNegationAFewWordsBeforeAValue_negatesItsFilter() {
    Answer.Answered a = answered("What are the ids of stations that are not located in the city Oslo?");
    assertThat(a.result().rows()).containsExactly(List.of(3));
    assertThat(a.query().sql()).contains("<>");
  }

  @Test
  void orYoungerAndInOrAfter_includeTheBound() {
    Answer.Answered a = answered("What are the names of students aged 21 or younger?");
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("Cleo"), List.of("Ann"));
    assertThat(a.result().columns()).hasSize(1);
    assertThat(answered("How many clubs were founded in or after 1990?").result().rows()).containsExactly(List.of(2L));
  }

  @Test
  void aSecondSortKeyAfterADirection_isRead() {
    Answer.Answered a = answered("List the first and last names of teachers sorted by first name descending and "
        + "join year ascending.");
    assertThat(a.query().sql().toLowerCase().replace("\"", "")).contains("order by first_name desc, join_year asc");
  }

  @Test
  void allValuesOfACategoryColumn_areListedOnce() {
    Answer.Answered a = answered("Show all membership levels.");
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("Gold"), List.of("Basic"));
    // a column with few repeats is not a category: every row's value
    assertThat(answered("List the member phones of all memberships.").result().rows()).hasSize(5);
  }

  @Test
  void orderedByFrequency_countsTheValuesShown() {
    assertThat(answered("What are the game types, ordered by frequency descending?").result().rows())
        .containsExactly(List.of("Board"), List.of("Arcade"));
  }

  @Test
  void alphabetically_sortsByTheNameShown() {
    assertThat(answered("What are the names and types of video games, sorted alphabetically?").result().rows())
        .extracting(r -> r.get(0)).containsExactly("Chess Master", "Go Pro", "Space Race");
    // "phone number" is the phone column
    assertThat(answered("What is the phone number of the membership with id 2?").result().rows())
        .containsExactly(List.of("555-2"));
  }

  @Test
  void forenameAndSurname_areTheFirstAndLastName() {
    Answer.Answered a = answered("What are the first and last names of all drivers?");
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("Lewis", "Hamilton"), List.of("Nico", "Rosberg"));
    assertThat(answered("What is the surname of the driver Nico?").result().rows()).containsExactly(List.of("Rosberg"));
  }

  @Test
  void when_showsTheDateTheVerbNames() {
    Answer.Answered a = answered("When did the driver Nico Rosberg leave?");
    assertThat(a.result().columns()).extracting(c -> c.label().toLowerCase()).containsExactly("date_left");
    assertThat(answered("When did Lewis Hamilton join?").result().columns())
        .extracting(c -> c.label().toLowerCase()).containsExactly("date_joined");
  }

  @Test
  void aValueNamedFarFromTheSelectList_leavesItsColumns() {
    // "named Ebba" filters staff_name; "the name and description" are still the role's columns, and "played"
    // is read as how roles and staff relate
    Answer.Answered a = answered("Show the name and description of the role played by the staff named Ebba.");
    assertThat(a.result().rows()).containsExactly(List.of("Editor", "Edits texts"));
  }

  @Test
  void nameAfterATextColumn_isThatColumn() {
    // "team name" is the team column, not staff_name
    assertThat(answered("List the team names of all staff.").result().columns())
        .extracting(c -> c.label().toLowerCase()).containsExactly("team");
  }

  @Test
  void namesOfATableWithoutANameColumn_areItsSameNamedColumn() {
    // campuses has no name column; campus is its name. "Los Angeles" is in location and county: the column
    // named right after the value is the one meant
    Answer.Answered a = answered("Report the names of all campuses in Los Angeles county.");
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("Northridge"), List.of("Pomona"));
    assertThat(answered("What is the count of campuses in Butte county?").result().rows()).containsExactly(List.of(1L));
  }

  @Test
  void aSuperlativeThatNamesAColumn_ranksTheTableAfterIt() {
    // "youngest" is a word for age: the student with the lowest age, not a count of students
    assertThat(answered("What is the name of the youngest student?").result().rows()).containsExactly(List.of("Ann"));
    assertThat(answered("Which gadget is the cheapest gadget?").result().rows()).containsExactly(List.of("Pen"));
  }

  @Test
  void aSuperlativeOfAnAggregate_ranksTheGroups() {
    // the city whose stations have the highest average latitude: groups of the focus table's own rows
    Answer.Answered a = answered("Which city has the highest average latitude of stations?");
    assertThat(a.result().rows()).containsExactly(List.of("Bergen"));
    assertThat(a.query().sql().toLowerCase()).contains("group by").contains("order by avg(");
    // a total of the focus table's own column, per value shown
    assertThat(answered("Which club has the highest total members?").result().rows()).containsExactly(List.of("Rowing"));
  }

  @Test
  void theFirstOfATable_isItsEarliestByTheDateNamedAfterIt() {
    // rental has rental_date and last_update: "first" orders by the date named after the table
    assertThat(answered("Return the surname of the driver who made the first rental.").result().rows())
        .containsExactly(List.of("Hamilton"));
  }

  @Test
  void aPatternWithTheWordOrLetter_isALikeOnItsSubject() {
    Answer.Answered a = answered("Show all club names that contain the word 'ow'.");
    assertThat(a.result().rows()).containsExactly(List.of("Rowing"));
    assertThat(a.query().parameters()).contains("%ow%");
    // (H2's LIKE is case-sensitive: Clock, not Lamp)
    assertThat(answered("How many gadgets have names containing the letter 'l'?").result().rows())
        .containsExactly(List.of(1L));
  }

  @Test
  void anIsoDateWithAComparator_filtersTheDateTheVerbNames() {
    // "joined" names date_joined (beside date_of_birth and date_left)
    Answer.Answered a = answered("What are the surnames of drivers who joined after 2006-06-01?");
    assertThat(a.result().rows()).containsExactly(List.of("Hamilton"));
    assertThat(a.query().parameters()).contains("2006-06-01");
    assertThat(answered("What are the surnames of drivers who joined between 2006-01-01 and 2006-12-31?")
        .result().rows()).containsExactly(List.of("Rosberg"));
  }

  @Test
  void aNegatedRelation_keepsTheRowsWithNoRelatedRow() {
    // "students not enrolled in any course": no verb before "not"; the link table's rows are what is absent
    Answer.Answered a = answered("Show the names of students not enrolled in any course.");
    assertThat(a.result().rows()).containsExactly(List.of("Bob"));
    assertThat(a.query().sql().toLowerCase()).contains("not in (select");
    // "records" only restates the related table
    assertThat(answered("Which clubs have no elimination records? Show their names.").result().rows())
        .containsExactlyInAnyOrder(List.of("Chess"), List.of("Drama"));
    // a participle at the end of the clause names the related table
    assertThat(answered("List the names of clubs that are not eliminated.").result().rows())
        .containsExactlyInAnyOrder(List.of("Chess"), List.of("Drama"));
  }

  @Test
  void aComparisonWithSomeOrAllOfAFilteredTable_isAgainstItsMinimumOrMaximum() {
    // clubs founded before 2000 have 12 and 8 members: more than some is above 8, more than all above 12
    Answer.Answered some = answered("Show the names of clubs with more members than some club founded before 2000.");
    assertThat(some.result().rows()).containsExactlyInAnyOrder(List.of("Chess"), List.of("Rowing"));
    assertThat(some.query().sql().toLowerCase()).contains("(select min(");
    assertThat(answered("Show the names of clubs with more members than all clubs founded before 2000.")
        .result().rows()).containsExactly(List.of("Rowing"));
  }

  @Test
  void anAggregateWithAComparison_isAConditionOnTheGroups() {
    // Oslo's two stations average 59.925, Bergen's one 60.40
    Answer.Answered a = answered("Which cities have an average latitude below 60?");
    assertThat(a.result().rows()).containsExactly(List.of("Oslo"));
    assertThat(a.query().sql().toLowerCase()).contains("group by").contains("having avg(");
  }

  @Test
  void aTwoWordColumnNamedInTheOtherOrderWithOf_isThatColumn() {
    // "managers" names no table: "the names of the managers" is manager_name
    Answer.Answered a = answered("What are the names of the managers of all shops?");
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("Mia"), List.of("Tom"));
    assertThat(a.query().sql().toLowerCase()).contains("manager_name").doesNotContain("shop_name");
  }

  @Test
  void aTableNameOfSeveralWords_outweighsAValueItContains() {
    // "Drama" is a club's name, but "drama coaches" names the table drama_coaches
    Answer.Answered a = answered("List the details of all drama coaches in alphabetical order.");
    assertThat(a.result().rows()).containsExactly(List.of("stage"), List.of("voice"));
    assertThat(a.query().parameters()).doesNotContain("Drama");
  }

  @Test
  void theMostOfATableWhoseNameAlsoNamesAColumn_countsItsRows() {
    // "hosts" names the hosts table and the column number_of_hosts of parties, which cannot rank the
    // nationalities: they are ranked by a count of rows (Italy has two hosts, Spain one)
    Answer.Answered a = answered("Which nationality has the most hosts?");
    assertThat(a.query().sql().toLowerCase()).contains("group by").contains("count(*)");
    assertThat(a.result().rows()).containsExactly(List.of("Italy"));
  }

  @Test
  void who_showsTheColumnNamedName_overColumnsWhoseNamesContainIt() {
    // hosts has name and agency_name: "who" is the name
    Answer.Answered a = answered("Who is the host with the highest age?");
    assertThat(a.result().rows()).containsExactly(List.of("Luca"));
  }

  @Test
  void inAlphabeticalOrderBeforeTheColumns_sortsByThemAndShowsThem() {
    Answer.Answered a = answered("List in alphabetical order the names of all hosts.");
    assertThat(a.result().rows()).containsExactly(List.of("Ines"), List.of("Luca"), List.of("Pia"));
  }

  @Test
  void yearsOld_isTheAge() {
    assertThat(answered("What are the names of the students who are at least 21 years old?").result().rows())
        .containsExactlyInAnyOrder(List.of("Cleo"), List.of("Bob"));
    assertThat(answered("List the names of students 21 years old or younger.").result().rows())
        .containsExactlyInAnyOrder(List.of("Cleo"), List.of("Ann"));
  }

  @Test
  void aVerbOverOneTable_saysWhatItsRowsAre() {
    // "used" names no column of payments and no second table: the question is still answered
    Answer.Answered a = answered("Which payment method code is used the most often?");
    assertThat(a.result().rows()).containsExactly(List.of("CARD"));
    assertThat(a.explanation()).contains("read 'used' as what the rows of");
  }

  @Test
  void aValueWithAnAbbreviation_matchesWithOrWithoutItsPeriod() {
    Answer.Answered a = answered("What is the maximum price of wines produced in the appelation St. Helena.");
    assertThat(a.query().parameters()).contains("St. Helena");
    assertThat(a.result().rows()).containsExactly(List.of(90));
    assertThat(answered("How many wines are from appelation St Helena?").result().rows()).containsExactly(List.of(2L));
  }

  @Test
  void comparisonSymbolsAndOrEqualTo_readAsTheirWords() {
    assertThat(answered("Which gadgets have a gadget price > 20?").result().rows())
        .containsExactlyInAnyOrder(List.of("Lamp"), List.of("Clock"));
    assertThat(answered("Which gadgets have a gadget price <= 25?").result().rows())
        .containsExactlyInAnyOrder(List.of("Pen"), List.of("Clock"));
    assertThat(answered("Which gadgets have a gadget price greater than or equal to 25?").result().rows())
        .containsExactlyInAnyOrder(List.of("Lamp"), List.of("Clock"));
    assertThat(answered("Which gadgets have a gadget price less than or equal to 3?").result().rows())
        .containsExactly(List.of("Pen"));
    // a minus sign before a number is the number's
    assertThat(answered("Which gadgets have a gadget price between -10 and 5?").result().rows())
        .containsExactly(List.of("Pen"));
  }

  @Test
  void theNumberOf_countsEvenWhereNumberAloneNamesAColumn() {
    // apartments.apt_number answers to "number"; "the number of apartments" still counts them
    Answer.Answered a = answered("Find the number of apartments.");
    assertThat(a.result().rows()).containsExactly(List.of(3L));
    assertThat(a.query().sql().toLowerCase()).contains("count(*)").doesNotContain("apt_number");
  }

  @Test
  void theVerbOfADatedColumn_namesThatColumnWithoutShowingIt() {
    // teachers.join_year: "joined after 2000" filters on it, "joined latest" orders by it
    Answer.Answered a = answered("How many teachers joined after 2000?");
    assertThat(a.query().sql()).containsIgnoringCase("\"join_year\" >");
    assertThat(a.result().rows()).containsExactly(List.of(2L));
    Answer.Answered latest = answered("What is the last name of the teacher who joined latest?");
    assertThat(latest.result().columns()).hasSize(1);
    assertThat(latest.result().rows()).containsExactly(List.of("Byron"));
  }

  @Test
  void aComparatorBeforeTheColumnOfItsNumber_comparesThatColumn() {
    assertThat(answered("How many hosts are above age 32?").result().rows()).containsExactly(List.of(2L));
    assertThat(answered("Which hosts are under age 35?").result().rows()).containsExactly(List.of("Ines"));
  }

  @Test
  void anImperativeSort_listsWhatFollows_andALaterOrderWordSaysHow() {
    Answer.Answered a = answered("Sort the names of all students in alphabetical order.");
    assertThat(a.query().sql().toLowerCase()).contains("order by \"student_name\" asc");
    assertThat(a.result().rows()).containsExactly(List.of("Ann"), List.of("Bob"), List.of("Cleo"));
    Answer.Answered byAge = answered("Sort all student names by their ages.");
    assertThat(byAge.result().columns()).extracting(c -> c.label().toLowerCase()).containsExactly("student_name");
    assertThat(byAge.result().rows()).containsExactly(List.of("Ann"), List.of("Cleo"), List.of("Bob"));
  }

  @Test
  void fromOldToYoung_sortsAgesDown_andDatesOfBirthUp() {
    Answer.Answered ages = answered("Sort all student names by their ages from old to young.");
    assertThat(ages.result().columns()).extracting(c -> c.label().toLowerCase()).containsExactly("student_name");
    assertThat(ages.result().rows()).containsExactly(List.of("Bob"), List.of("Cleo"), List.of("Ann"));
    Answer.Answered births = answered("List the surnames of all drivers in the order of their date of birth from old "
        + "to young.");
    assertThat(births.query().sql().toLowerCase()).contains("order by \"date_of_birth\" asc");
    assertThat(births.result().rows()).containsExactly(List.of("Hamilton"), List.of("Rosberg"));
  }

  @Test
  void aColumnInPercent_isNamedWithoutItsUnit() {
    // "rating" is rating_in_percent, as "budget" is budget_in_billions
    Answer.Answered a = answered("Show the owner of the channel with the highest rating.");
    assertThat(a.query().sql()).containsIgnoringCase("rating_in_percent");
    assertThat(a.result().rows()).containsExactly(List.of("CCTV"));
  }
}
