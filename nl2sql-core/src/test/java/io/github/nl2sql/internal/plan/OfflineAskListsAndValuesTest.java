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
 * How the offline planner reads lists of columns, count phrases and values that overlap other readings:
 * a table named with a grammar word (Member_of), a column listed after another of its table, a code that
 * is also a stop word ("division AS"), the longer of two values at the same words ("Smith Hall"), "count
 * the number of", "the number and average", "the largest number of" and conditions joined by both "or" and
 * "and", and columns said to hold nothing ("whose email is missing"). On H2 through {@link Nl2Sql#ask}, with
 * a schema of its own.
 */
class OfflineAskListsAndValuesTest {
  private static Nl2Sql nl2sql;
  private static Nl2Sql anyConfidence;

  @BeforeAll
  static void college() {
    DataSource ds = TestDatabases.h2(true);
    TestDatabases.run(ds, "CREATE TABLE department (dno INT PRIMARY KEY, dname VARCHAR(30), division VARCHAR(5), "
        + "room VARCHAR(10), building VARCHAR(20));\n"
        + "INSERT INTO department VALUES (1, 'History', 'AS', '101', 'NEB'), (2, 'Physics', 'EN', '202', 'Krieger'), "
        + "(3, 'Music', 'AS', '303', 'Mergenthaler');\n"
        + "CREATE TABLE faculty (fac_id INT PRIMARY KEY, lname VARCHAR(20), room VARCHAR(10), building VARCHAR(20));\n"
        + "INSERT INTO faculty VALUES (1, 'Hume', '9', 'NEB');\n"
        + "CREATE TABLE member_of (fac_id INT REFERENCES faculty, dno INT REFERENCES department, "
        + "PRIMARY KEY (fac_id, dno));\n"
        + "INSERT INTO member_of VALUES (1, 1);\n"
        + "CREATE TABLE student (stu_id INT PRIMARY KEY, fname VARCHAR(20), lname VARCHAR(20), age INT, "
        + "city_code VARCHAR(5));\n"
        + "INSERT INTO student VALUES (1, 'Ann', 'Smith', 20, 'BAL'), (2, 'Bo', 'Lee', 22, 'BAL'), "
        + "(3, 'Cy', 'Kim', 24, 'NYC');\n"
        + "CREATE TABLE dorm (dorm_id INT PRIMARY KEY, dorm_name VARCHAR(30));\n"
        + "INSERT INTO dorm VALUES (1, 'Smith Hall'), (2, 'Fawlty Towers');\n"
        + "CREATE TABLE lives_in (stu_id INT REFERENCES student, dorm_id INT REFERENCES dorm);\n"
        + "INSERT INTO lives_in VALUES (2, 1), (3, 1), (1, 2);\n"
        + "CREATE TABLE cards (card_id INT PRIMARY KEY, stu_id INT REFERENCES student, card_number VARCHAR(20));\n"
        + "INSERT INTO cards VALUES (1, 1, '4000-1'), (2, 2, '4000-2'), (3, 2, '4000-3');\n"
        + "CREATE TABLE orders (order_id INT PRIMARY KEY, order_date DATE, order_status VARCHAR(10));\n"
        + "CREATE TABLE order_items (order_item_id INT PRIMARY KEY, order_id INT REFERENCES orders, product_id INT);\n"
        + "INSERT INTO orders VALUES (1, DATE '2024-05-02', 'Shipped'), (2, DATE '2024-01-09', 'Packing');\n"
        + "INSERT INTO order_items VALUES (10, 1, 11), (11, 1, 12), (12, 2, 11);\n"
        + "CREATE TABLE customers (customer_id INT PRIMARY KEY, customer_name VARCHAR(20), customer_phone VARCHAR(20), "
        + "customer_email_address VARCHAR(40));\n"
        + "INSERT INTO customers VALUES (1, 'Harold', '555-0100', 'harold@example.org'), "
        + "(2, 'Maude', '555-0199', 'maude@example.org');\n"
        + "CREATE TABLE vehicles (vehicle_id INT PRIMARY KEY, vehicle_details VARCHAR(20));\n"
        + "INSERT INTO vehicles VALUES (1, 'Van'), (2, 'Truck');\n"
        + "CREATE TABLE workshop_groups (group_id INT PRIMARY KEY, store_name VARCHAR(20), "
        + "store_email_address VARCHAR(40), store_phone VARCHAR(20));\n"
        + "INSERT INTO workshop_groups VALUES (1, 'Ink', 'ink@example.org', '555-1'), "
        + "(2, 'Clay', 'clay@example.org', '555-2');\n"
        + "CREATE TABLE printers (printer_id INT PRIMARY KEY, model VARCHAR(20), max_page_size VARCHAR(5));\n"
        + "INSERT INTO printers VALUES (1, 'P1', 'A4'), (2, 'P2', 'A3'), (3, 'P3', 'A4');\n"
        + "CREATE TABLE staff (staff_id INT PRIMARY KEY, staff_name VARCHAR(20) NOT NULL, email VARCHAR(40), "
        + "manager_id INT REFERENCES staff);\n"
        + "INSERT INTO staff VALUES (1, 'Ada', 'ada@example.org', NULL), (2, 'Ben', NULL, 1), "
        + "(3, 'Cat', 'cat@example.org', 1), (4, 'Dan', NULL, 3);\n");
    nl2sql = Nl2Sql.builder(ds).databaseName("college").build();
    anyConfidence = Nl2Sql.builder(ds).databaseName("college").confidenceThreshold(0.0).build();
  }

  @AfterAll
  static void close() {
    nl2sql.close();
    anyConfidence.close();
  }

  private static Answer.Answered answered(String q) {
    return OfflineAskTest.answeredOffline(nl2sql, q);
  }

  @Test
  void aTableNamedWithAGrammarWord_isNotNamedByThatWord() {
    // "of" does not name member_of, and "room" after "department name" is department's room, not faculty's
    Answer.Answered a = answered("Show the department name, room and building of all departments.");
    assertThat(a.query().sql()).doesNotContainIgnoringCase("member_of");
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("History", "101", "NEB"),
        List.of("Physics", "202", "Krieger"), List.of("Music", "303", "Mergenthaler"));
  }

  @Test
  void aColumnListedAfterAnotherOfItsTable_isOfThatTable() {
    Answer.Answered a = answered("What are the department name and room of the History department?");
    assertThat(a.result().rows()).containsExactly(List.of("History", "101"));
  }

  @Test
  void aStopWordInCapitals_isACodeAColumnStoresSo() {
    Answer.Answered a = answered("How many departments are in the division AS?");
    assertThat(a.query().parameters()).contains("AS");
    assertThat(a.result().rows()).containsExactly(List.of(2L));
  }

  @Test
  void theLongerOfTwoValuesAtTheSameWords_wins() {
    // "Smith Hall" is a dorm; "Smith" alone is a student's last name (the join through lives_in, which the
    // question does not name, keeps the confidence low: asked here without a threshold)
    Answer.Answered a = OfflineAskTest.answeredOffline(anyConfidence, "What are the first names of all students in Smith Hall?");
    assertThat(a.query().parameters()).contains("Smith Hall");
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("Bo"), List.of("Cy"));
  }

  @Test
  void countTheNumberOf_isOneCount() {
    // (not cards.card_number shown beside it)
    Answer.Answered a = answered("Count the number of students.");
    assertThat(a.result().rows()).containsExactly(List.of(3L));
  }

  @Test
  void theNumberAndAnAggregate_countsBesideIt() {
    Answer.Answered a = answered("Find the number and average age of students in each city.");
    assertThat(a.query().sql()).containsIgnoringCase("count(*)").containsIgnoringCase("avg(");
    assertThat(a.result().rows()).hasSize(2);
  }

  @Test
  void conditionsJoinedByOrAndAnd_areLeftToAModel() {
    Answer answer = nl2sql.ask("What are the names of departments either in division AS, or in division EN and in building NEB?");
    assertThat(answer).isInstanceOfSatisfying(Answer.Abstained.class,
        a -> assertThat(a.reason()).contains("conditions joined by both 'or' and 'and'"));
  }

  @Test
  void theLargestNumberOf_ranksByACount() {
    // (not by cards.card_number, which "number" alone names)
    Answer.Answered a = answered("What is the first name of the student with the largest number of cards?");
    assertThat(a.query().sql()).containsIgnoringCase("count(*) desc").doesNotContainIgnoringCase("card_number");
    assertThat(a.result().rows()).containsExactly(List.of("Bo"));
  }

  @Test
  void theOrderBeforeAColumnWord_isNotASort() {
    Answer.Answered a = answered("List the order dates of all the orders.");
    assertThat(a.query().sql()).doesNotContainIgnoringCase("order by");
    assertThat(a.result().rows()).hasSize(2);
  }

  @Test
  void theIdOfATable_isOfTheTableTheWordNamesBest() {
    // "the order" is orders (not order_items, which "order" names less well)
    Answer.Answered a = answered("What is the id of the order which has the most items?");
    assertThat(a.query().sql()).doesNotContainIgnoringCase("order_item_id");
    assertThat(a.result().rows()).containsExactly(List.of(1));
  }

  @Test
  void anUnknownWordBeforeId_lowersTheConfidence() {
    // "goods id" is product_id to a reader; the planner does not know "goods" and must not guess order_item_id
    Answer answer = nl2sql.ask("Find the ids of all the order items whose goods id is 11.");
    assertThat(answer).isInstanceOfSatisfying(Answer.Abstained.class,
        a -> assertThat(a.reason()).contains("'goods' may say which id is meant"));
  }

  @Test
  void aQuotedValueRightAfterATable_isItsName_notTheColumnNamedBeforeTheTable() {
    Answer.Answered a = answered("Find the phone and email address of customer \"Harold\".");
    assertThat(a.query().sql()).containsIgnoringCase("\"customer_name\" =");
    assertThat(a.result().rows()).containsExactly(List.of("555-0100", "harold@example.org"));
  }

  @Test
  void aNounBeforeNumberOf_namesANumberColumn_notACount() {
    // "the telephone number of customer 'Maude'": customer_phone, not count(*)
    Answer.Answered a = answered("What is the telephone number of customer \"Maude\"?");
    assertThat(a.query().sql()).doesNotContainIgnoringCase("count(");
    assertThat(a.result().rows()).containsExactly(List.of("555-0199"));
  }

  @Test
  void theInformationOfATable_isItsOneDetailsColumn_allTheInformationEveryColumn() {
    Answer.Answered one = answered("Show the information of vehicle with id 1.");
    assertThat(one.result().columns()).extracting(c -> c.label().toLowerCase()).containsExactly("vehicle_details");
    assertThat(one.result().rows()).containsExactly(List.of("Van"));
    Answer.Answered all = answered("Show all the information of vehicle with id 1.");
    assertThat(all.result().columns()).hasSize(2);
  }

  @Test
  void aQualifiedColumn_isNamedByItsLastTwoWords() {
    // store_email_address is the groups' one column ending in "email address"
    Answer.Answered a = answered("What are the email addresses of the workshop groups?");
    assertThat(a.result().columns()).extracting(c -> c.label().toLowerCase()).containsExactly("store_email_address");
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("ink@example.org"), List.of("clay@example.org"));
  }

  @Test
  void aColumnWhoseFirstWordSaysHowItIsComputed_isNotNamedWithoutIt() {
    // "page size" alone would leave "maximum" to be read as max() over max_page_size
    Answer answer = nl2sql.ask("What is the most common maximum page size?");
    assertThat(answer).isNotInstanceOf(Answer.Answered.class);
  }

  @Test
  void aColumnSaidToHoldNothing_isNull() {
    Answer.Answered a = answered("What are the names of staff whose email is missing?");
    assertThat(a.query().sql()).containsIgnoringCase("where \"email\" is null");
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("Ben"), List.of("Dan"));
    assertThat(answered("List the names of staff with no email.").result().rows())
        .containsExactlyInAnyOrder(List.of("Ben"), List.of("Dan"));
    assertThat(answered("Show the names of staff without a manager.").result().rows())
        .containsExactly(List.of("Ada"));
  }

  @Test
  void aColumnSaidNotToBeEmpty_isNotNull() {
    Answer.Answered a = answered("Show the names of staff whose email is not null.");
    assertThat(a.query().sql()).containsIgnoringCase("where \"email\" is not null");
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("Ada"), List.of("Cat"));
  }

  @Test
  void aColumnThatCannotBeNull_isNotReadAsNull() {
    // staff_name is NOT NULL, so "missing" cannot mean null there
    Answer answer = anyConfidence.ask("Show the emails of staff whose name is missing.");
    if (answer instanceof Answer.Answered a) {
      assertThat(a.query().sql()).doesNotContainIgnoringCase("is null");
    } else {
      assertThat(answer).isInstanceOf(Answer.Abstained.class);
    }
  }
}
