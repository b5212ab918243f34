package io.github.nl2sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.internal.replay.ReplayServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code nl2sql.link.maxTables} and {@code nl2sql.link.tokenBudget} decide the schema subset the planner
 * sees: a language model (the langchain4j OpenAI client talking to a local {@link ReplayServer}) is shown
 * only the linked tables and columns, on a real H2 database.
 */
class LinkSettingsTest {
  // the model answers in the catalog's spelling: H2 folds unquoted names to upper case
  private static final String QUESTION = "how many products, suppliers and warehouses are there?";
  private ReplayServer server;

  @BeforeEach
  void start() {
    server = new ReplayServer(List.of(new ReplayServer.Record(null, QUESTION,
        List.of("```sql\nSELECT COUNT(*) FROM PRODUCTS\n```"))));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Asks the question over a fresh database with {@code settings}; returns the prompt the model saw. */
  private String prompt(String settings) throws SQLException {
    String url = "jdbc:nl2sql:" + Dbs.h2() + ";nl2sql.planner=llm;nl2sql.model.provider=openai"
        + ";nl2sql.model.baseUrl=" + server.openAiBaseUrl() + ";nl2sql.model.name=replay"
        + ";nl2sql.model.apiKeyEnv=PATH" + settings;
    int before = server.userMessages().size();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE products (id INT PRIMARY KEY, product_name VARCHAR(40), price INT)");
      s.executeUpdate("CREATE TABLE suppliers (id INT PRIMARY KEY, supplier_name VARCHAR(40), city VARCHAR(20))");
      s.executeUpdate("CREATE TABLE warehouses (id INT PRIMARY KEY, warehouse_name VARCHAR(40), size INT)");
      s.executeUpdate("INSERT INTO products VALUES (1, 'shirt', 10), (2, 'coat', 200)");
      try (ResultSet rs = s.executeQuery("-- nl: " + QUESTION)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(2);
      }
    }
    List<String> messages = server.userMessages();
    assertThat(messages).hasSize(before + 1);
    return messages.get(messages.size() - 1);
  }

  private static List<String> tables(String prompt) {
    Matcher m = Pattern.compile("(?im)^TABLE (\\w+)").matcher(prompt);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
    }
    return out;
  }

  @Test
  void maxTables_capsTheTablesThePlannerSees() throws SQLException {
    assertThat(tables(prompt(""))).containsExactlyInAnyOrder("products", "suppliers", "warehouses");
    assertThat(tables(prompt(";nl2sql.link.maxTables=1"))).hasSize(1);
    assertThat(tables(prompt(";nl2sql.link.maxTables=2"))).hasSize(2);
  }

  @Test
  void tokenBudget_capsTheColumnsThePlannerSees() throws SQLException {
    String wide = prompt("").toLowerCase(java.util.Locale.ROOT);
    assertThat(wide).contains("product_name").contains("supplier_name").contains("warehouse_name");
    String narrow = prompt(";nl2sql.link.tokenBudget=1").toLowerCase(java.util.Locale.ROOT);
    // only the key columns of the linked tables fit
    assertThat(tables(narrow)).containsExactlyInAnyOrder("products", "suppliers", "warehouses");
    assertThat(narrow).doesNotContain("product_name").doesNotContain("supplier_name")
        .doesNotContain("warehouse_name");
  }
}
