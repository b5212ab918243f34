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
}
