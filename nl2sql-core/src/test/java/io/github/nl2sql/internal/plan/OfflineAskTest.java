package io.github.nl2sql.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.Answer;
import io.github.nl2sql.Conversation;
import io.github.nl2sql.Nl2Sql;
import io.github.nl2sql.testing.TestDatabases;
import java.math.BigDecimal;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The offline planner through {@link Nl2Sql#ask}, on a small store in H2 (no model configured). */
class OfflineAskTest {
  private static Nl2Sql nl2sql;

  @BeforeAll
  static void store() {
    DataSource ds = TestDatabases.h2(true);
    TestDatabases.run(ds, "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, city VARCHAR(30), "
        + "age INT);\n"
        + "CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, brand VARCHAR(20) NOT NULL, "
        + "category VARCHAR(20), price DECIMAL(10,2) NOT NULL);\n"
        + "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES customers(id), "
        + "product_id INT NOT NULL REFERENCES products(id), quantity INT NOT NULL);\n"
        + "INSERT INTO customers VALUES (1, 'Ann', 'Paris', 34), (2, 'Bob', 'Berlin', 51), (3, 'Cleo', 'Paris', 27);\n"
        + "INSERT INTO products VALUES (1, 'Oxford Shirt', 'Theory', 'shirts', 89.00), "
        + "(2, 'Linen Shirt', 'Theory', 'shirts', 95.00), (3, 'Poplin Shirt', 'Everlane', 'shirts', 48.00), "
        + "(4, 'Trench Coat', 'Burberry', 'coats', 1650.00);\n"
        + "INSERT INTO orders VALUES (1, 1, 1, 2), (2, 1, 4, 1), (3, 2, 2, 1), (4, 3, 3, 5);\n");
    nl2sql = Nl2Sql.builder(ds).databaseName("test store").build();
  }

  @AfterAll
  static void close() {
    nl2sql.close();
  }

  private static Answer.Answered answered(String q) {
    return answeredOffline(nl2sql, q);
  }

  /** The answer to {@code q}, asserted to be answered by the offline planner with no model call. */
  static Answer.Answered answeredOffline(Nl2Sql nl2sql, String q) {
    Answer a = nl2sql.ask(q);
    assertThat(a).as(q + " -> " + a).isInstanceOf(Answer.Answered.class);
    Answer.Answered ok = (Answer.Answered) a;
    assertThat(ok.trace().planner()).isEqualTo("offline");
    assertThat(ok.trace().modelCalls()).isZero();
    return ok;
  }

  private static List<List<Object>> rows(String q) {
    return answered(q).result().rows();
  }

  @Test
  void count() {
    assertThat(rows("How many customers are there?")).containsExactly(List.of(3L));
  }

  @Test
  void listWithValueFilter_literalIsABindValue() {
    Answer.Answered a = answered("List the names of products of brand Theory.");
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("Oxford Shirt"), List.of("Linen Shirt"));
    assertThat(a.query().parameters()).contains("Theory");
    assertThat(a.query().sql()).doesNotContain("Theory");
  }

  @Test
  void numericComparison_andNegation() {
    assertThat(rows("What are the names of customers older than 30?"))
        .containsExactlyInAnyOrder(List.of("Ann"), List.of("Bob"));
    assertThat(rows("Show the names of customers whose city is not Paris")).containsExactly(List.of("Bob"));
  }

  @Test
  void aggregateByGroup() {
    assertThat(rows("What is the average price for each brand?")).hasSize(3)
        .anySatisfy(r -> assertThat(r.get(0)).isEqualTo("Burberry"));
  }

  @Test
  void superlativeAndTopN() {
    assertThat(rows("What is the name of the product with the highest price?"))
        .containsExactly(List.of("Trench Coat"));
    assertThat(rows("List the names of the customers, ordered by age descending."))
        .containsExactly(List.of("Bob"), List.of("Ann"), List.of("Cleo"));
  }

  @Test
  void joinAlongForeignKey() {
    Answer.Answered a = answered("Show the quantity of orders of customers in Berlin.");
    assertThat(a.result().rows()).containsExactly(List.of(1));
    assertThat(a.query().sql().toLowerCase()).contains("join");
  }

  @Test
  void aggregate() {
    assertThat(rows("What is the maximum price of products?")).singleElement()
        .satisfies(r -> assertThat(new BigDecimal(r.get(0).toString())).isEqualByComparingTo("1650"));
  }

  @Test
  void unclearQuestion_abstainsWithTheReason() {
    Answer a = nl2sql.ask("Which customers bought something in every category they ever browsed?");
    assertThat(a).isInstanceOf(Answer.Abstained.class);
    assertThat(((Answer.Abstained) a).reason()).startsWith(OfflinePlanner.NEEDS_MODEL);
  }

  @Test
  void ambiguousColumn_asksWhichOne_andTheReplyResolvesIt() {
    Conversation c = Conversation.create();
    Answer a = nl2sql.ask("Show the name of customers and products in orders", c);
    assertThat(a).isInstanceOf(Answer.Clarification.class);
    Answer.Clarification cl = (Answer.Clarification) a;
    assertThat(cl.kind()).isEqualTo(Answer.Clarification.Kind.COLUMN);
    assertThat(cl.options()).extracting(Answer.Clarification.Option::value)
        .contains("customers.name", "products.name");
    Answer b = nl2sql.ask("customers.name", c);
    assertThat(c.resolutions()).hasSize(1);
    assertThat(b.question()).isEqualTo("Show the name of customers and products in orders");
  }

  @Test
  void followUps_refineTheLastAnswer() {
    Conversation c = Conversation.create();
    Answer first = nl2sql.ask("List the name and age of customers", c);
    assertThat(first).isInstanceOf(Answer.Answered.class);
    Answer sorted = nl2sql.ask("sort by the second column descending", c);
    assertThat(sorted).isInstanceOf(Answer.Answered.class);
    assertThat(((Answer.Answered) sorted).result().rows().get(0)).containsExactly("Bob", 51);
    Answer only = nl2sql.ask("only Paris", c);
    assertThat(only).isInstanceOf(Answer.Answered.class);
    assertThat(((Answer.Answered) only).result().rows()).extracting(r -> r.get(0)).containsExactly("Ann", "Cleo");
  }

  @Test
  void negationOverARelatedTable_isAnAntiJoin() {
    Answer.Answered a = answered("List the names of customers who do not have any orders.");
    assertThat(a.result().rows()).isEmpty();
    assertThat(a.query().sql().toLowerCase()).contains("not in");
    assertThat(rows("Show the names of products that have no orders")).isEmpty();
  }

  @Test
  void countCondition_overARelatedTable_groupsByTheKeyWithHaving() {
    Answer.Answered a = answered("Which customers have at least two orders?");
    assertThat(a.result().rows()).containsExactly(List.of("Ann"));
    assertThat(a.query().sql().toLowerCase()).contains("group by").contains("having count(*) >=");
    assertThat(a.query().parameters()).contains(2L);
  }

  @Test
  void countCondition_onTheTableItself_groupsByTheColumnShown() {
    assertThat(rows("List the brands that have at least two products.")).containsExactly(List.of("Theory"));
    assertThat(rows("Which brands have 2 or more products?")).containsExactly(List.of("Theory"));
    assertThat(rows("List the brands that have exactly 1 products.")).containsExactlyInAnyOrder(
        List.of("Everlane"), List.of("Burberry"));
  }

  @Test
  void countCondition_theWrongWayAlongTheKey_orPerKey_abstains() {
    // each order has one customer: counting customers per order cannot be what is meant
    Answer a = nl2sql.ask("List the quantities of orders that have at least two customers.");
    assertThat(a).isInstanceOf(Answer.Abstained.class);
    assertThat(((Answer.Abstained) a).reason()).contains("cannot count");
    // grouping products by their own key counts one row each
    Answer b = nl2sql.ask("List the ids of products that have more than 1 products.");
    assertThat(b).isInstanceOf(Answer.Abstained.class);
  }

  @Test
  void comparisonWithTheAverage_isASubquery() {
    Answer.Answered a = answered("Which products have a price higher than the average price?");
    assertThat(a.result().rows()).containsExactly(List.of("Trench Coat"));
    assertThat(a.query().sql().toLowerCase()).contains("(select avg(");
    assertThat(rows("What are the names of products whose price is below the average?"))
        .containsExactlyInAnyOrder(List.of("Oxford Shirt"), List.of("Linen Shirt"), List.of("Poplin Shirt"));
    assertThat(rows("List the names of customers older than the average age.")).containsExactly(List.of("Bob"));
  }

  @Test
  void comparisonWithTheAverage_besideAnotherCondition_abstains() {
    // "the average price of Theory products" or "Theory products above the average": the words do not say
    Answer a = nl2sql.ask("List the names of products of brand Theory whose price is above the average price.");
    assertThat(a).isInstanceOf(Answer.Abstained.class);
  }

  @Test
  void rankingByACountOfTheTableItself_groupsByTheColumnShown() {
    Answer.Answered a = answered("Which brand has the most products?");
    assertThat(a.result().rows()).containsExactly(List.of("Theory"));
    assertThat(a.query().sql().toLowerCase()).contains("group by").contains("order by count(*) desc");
    // "oldest" ranks by a column, not by a count: no grouping by the column shown
    Answer b = nl2sql.ask("What is the city of the oldest customers?");
    if (b instanceof Answer.Answered ok) {
      assertThat(ok.query().sql().toLowerCase()).doesNotContain("count(");
    }
  }

  @Test
  void countingThroughALinkTable_countsTheLinkRows() {
    // customers and products meet in orders, which references both keys
    assertThat(rows("Which customer has the most products?")).containsExactly(List.of("Ann"));
    assertThat(rows("For each customer, show the name and the number of products."))
        .containsExactlyInAnyOrder(List.of("Ann", 2L), List.of("Bob", 1L), List.of("Cleo", 1L));
  }

  @Test
  void aSecondNumber_usesTheColumnOfTheFirst() {
    assertThat(rows("What are the names of customers aged 27 or 51?"))
        .containsExactlyInAnyOrder(List.of("Bob"), List.of("Cleo"));
    // "or lower than 50" is a second comparison, not "1000 or lower"
    assertThat(rows("List the names of products with price higher than 1000 or lower than 50."))
        .containsExactlyInAnyOrder(List.of("Trench Coat"), List.of("Poplin Shirt"));
  }

  @Test
  void aNumberAfterATableName_isItsKey() {
    Answer.Answered a = answered("How many orders does customer 1 have?");
    assertThat(a.result().rows()).containsExactly(List.of(2L));
    assertThat(a.query().sql().toLowerCase()).contains("customer_id").doesNotContain("join");
  }

  @Test
  void aCountBesideTheFocusColumns_countsTheRelatedRowsPerFocusRow() {
    assertThat(rows("Show the names of customers and the number of orders they have."))
        .containsExactlyInAnyOrder(List.of("Ann", 2L), List.of("Bob", 1L), List.of("Cleo", 1L));
  }
}
