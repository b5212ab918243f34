package io.github.nl2sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Questions answered by the real planner (Nl2Sql.ask, offline planner, no model) through the driver, on
 * each real database. Server databases get a private database (MariaDB) or schema (PostgreSQL) so the
 * table can be called {@code products}, as a user would.
 */
class PlannerQuestionTest {
  @TempDir static Path tmp;

  /** Name, URL of a private database (without jdbc:), and the admin URL and statement to drop it. */
  static Stream<Arguments> databases() throws SQLException {
    String id = "jdbc_ask_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String maria = Dbs.mariadb();
    String mariaDb = maria.replaceFirst("(//[^/]+/)[^?]*", "$1" + id);
    String pg = Dbs.postgres();
    String pgSchema = pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + id;
    try (Connection c = DriverManager.getConnection("jdbc:" + maria); Statement s = c.createStatement()) {
      s.executeUpdate("CREATE DATABASE " + id);
    }
    try (Connection c = DriverManager.getConnection("jdbc:" + pg); Statement s = c.createStatement()) {
      s.executeUpdate("CREATE SCHEMA " + id);
    }
    return Stream.of(
        Arguments.of("h2", Dbs.h2(), null, null),
        Arguments.of("sqlite", Dbs.sqlite(tmp), null, null),
        Arguments.of("mariadb", mariaDb, maria, "DROP DATABASE " + id),
        Arguments.of("postgres", pgSchema, pg, "DROP SCHEMA " + id + " CASCADE"));
  }

  private static List<String> column(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    while (rs.next()) {
      out.add(rs.getString(1));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void questions_areAnsweredByThePlanner_andRunOnTheCallersConnection(String name, String url, String admin,
      String cleanup) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:nl2sql:" + url); Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(40), brand VARCHAR(20), "
          + "price DECIMAL(8,2))");
      s.executeUpdate("INSERT INTO products VALUES (1, 'shirt', 'Theory', 10), (2, 'coat', 'Theory', 200), "
          + "(3, 'hat', 'Acme', 5)");

      try (ResultSet rs = s.executeQuery("-- nl: how many products are there?")) {
        assertThat(rs.getStatement()).isSameAs(s);
        assertThat(column(rs)).containsExactly("3");
      }
      assertThat(s.getWarnings().getSQLState()).isEqualTo("01N01");
      assertThat(s.getWarnings().getMessage()).startsWith("nl2sql answered 'how many products are there?' with: ")
          .containsIgnoringCase("count(*)").contains("-- parameters: [");
      QuestionAnswer a = s.unwrap(Nl2SqlStatement.class).lastAnswer().orElseThrow();
      assertThat(a.sql()).containsIgnoringCase("count(*)").doesNotContain("1000");
      assertThat(a.confidence()).isBetween(0.0, 1.0);
      assertThat(a.isRead()).isTrue();

      try (ResultSet rs = s.executeQuery("nl: list the names of products with brand Theory")) {
        assertThat(column(rs)).containsExactlyInAnyOrder("shirt", "coat");
      }
      assertThat(c.unwrap(Nl2SqlConnection.class).lastAnswer().orElseThrow().parameters()).contains("Theory");

      try (PreparedStatement ps = c.prepareStatement("-- nl: how many products of brand Theory are there?");
          ResultSet rs = ps.executeQuery()) {
        assertThat(column(rs)).containsExactly("2");
      }

      // a question the planner will not guess at: a clear error, nothing run, the connection usable
      assertThatThrownBy(() -> s.executeQuery("-- nl: how many unicorns are there?"))
          .isInstanceOf(QuestionFailedException.class)
          .hasMessageStartingWith("nl2sql did not answer 'how many unicorns are there?': ")
          .hasMessageEndingWith("Nothing was sent to the database.");
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM products")) {
        assertThat(column(rs)).containsExactly("3");
      }
      s.executeUpdate("DROP TABLE products");
    } finally {
      if (admin != null) {
        try (Connection c = DriverManager.getConnection("jdbc:" + admin); Statement s = c.createStatement()) {
          s.executeUpdate(cleanup);
        }
      }
    }
  }

  @Test
  void unreachableModel_givesAClearError_andTheConnectionStaysUsable() throws SQLException {
    String url = "jdbc:nl2sql:" + Dbs.h2() + ";nl2sql.planner=llm;nl2sql.model.provider=openai"
        + ";nl2sql.model.baseUrl=http://127.0.0.1:9/v1;nl2sql.model.name=gpt-4o-mini"
        + ";nl2sql.model.apiKeyEnv=PATH;nl2sql.model.timeoutSeconds=5";
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(40))");
      assertThatThrownBy(() -> s.executeQuery("-- nl: how many products are there?"))
          .isInstanceOf(QuestionFailedException.class)
          .hasMessageContaining("the language model failed")
          .hasMessageEndingWith("Nothing was sent to the database.")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(QuestionFailedException.SQLSTATE);
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM products")) {
        assertThat(column(rs)).containsExactly("0");
      }
    }
  }

  @Test
  void auditFile_getsOneJsonLinePerStep() throws Exception {
    Path audit = tmp.resolve("audit-" + UUID.randomUUID() + ".jsonl");
    try (Connection c = DriverManager.getConnection("jdbc:nl2sql:" + Dbs.h2() + ";nl2sql.audit=file:" + audit);
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(40))");
      s.executeUpdate("INSERT INTO products VALUES (1, 'shirt')");
      try (ResultSet rs = s.executeQuery("-- nl: how many products are there?")) {
        assertThat(column(rs)).containsExactly("1");
      }
    }
    List<String> lines = java.nio.file.Files.readAllLines(audit);
    assertThat(lines).isNotEmpty();
    assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("{").contains("\"kind\""));
    assertThat(String.join("\n", lines)).containsIgnoringCase("count(*)");
  }
}
