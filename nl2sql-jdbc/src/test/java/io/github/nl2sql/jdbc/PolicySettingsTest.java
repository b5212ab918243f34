package io.github.nl2sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.diagnostics.DiagnosticCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code nl2sql.policy}: questions and guarded pass-through SQL held to an access policy file, on each real database. */
class PolicySettingsTest {
  @TempDir static Path tmp;

  static Stream<String[]> databases() {
    return Dbs.all(tmp);
  }

  private static Path policy(String text) throws Exception {
    Path f = Files.createTempFile(tmp, "policy", ".properties");
    Files.writeString(f, text);
    return f;
  }

  private static void create(Statement s) throws SQLException {
    drop(s);
    s.executeUpdate("CREATE TABLE jpol_customers (id INT PRIMARY KEY, name VARCHAR(40), ssn VARCHAR(11))");
    s.executeUpdate("CREATE TABLE jpol_salaries (customer_id INT PRIMARY KEY, amount INT)");
    s.executeUpdate("INSERT INTO jpol_customers VALUES (1, 'Ann', '111'), (2, 'Bob', '222'), (3, 'Cy', '333')");
    s.executeUpdate("INSERT INTO jpol_salaries VALUES (1, 100)");
  }

  private static void drop(Statement s) throws SQLException {
    s.executeUpdate("DROP TABLE IF EXISTS jpol_salaries");
    s.executeUpdate("DROP TABLE IF EXISTS jpol_customers");
  }

  private static int count(ResultSet rs) throws SQLException {
    int n = 0;
    while (rs.next()) {
      n++;
    }
    return n;
  }

  private static String warnings(Statement s) throws SQLException {
    StringBuilder sb = new StringBuilder();
    for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
      sb.append(w.getSQLState()).append(' ').append(w.getMessage()).append('\n');
    }
    return sb.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void policy_isEnforcedOnGuardedSqlAndQuestions_guardOffPassesSqlThrough(String name, String url) throws Exception {
    Path p = policy("tables.deny = jpol_salaries\ncolumns.deny = jpol_customers.ssn\nmaxRows = 2\n");
    String policy = "nl2sql.policy=" + p;
    try (Connection admin = DriverManager.getConnection("jdbc:" + url); Statement as = admin.createStatement();
        Connection c = DriverManager.getConnection("jdbc:nl2sql:" + Dbs.with(Dbs.with(url, "nl2sql.guard=block"),
        policy)); Statement s = c.createStatement()) {
      // the policy denies writing jpol_salaries too, so the tables are made without nl2sql
      create(as);
      // block: a denied column, SELECT * over it, a denied table are refused; nothing is sent
      assertThatThrownBy(() -> s.executeQuery("SELECT ssn FROM jpol_customers"))
          .isInstanceOf(BlockedStatementException.class)
          .hasMessageContaining("access policy (nl2sql.policy) denies")
          .hasMessageContaining(DiagnosticCode.POLICY_COLUMN_DENIED.id())
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("NL002");
      assertThatThrownBy(() -> s.executeQuery("SELECT * FROM jpol_customers"))
          .isInstanceOf(BlockedStatementException.class).hasMessageContaining(DiagnosticCode.POLICY_STAR_DENIED.id());
      assertThatThrownBy(() -> c.prepareStatement("SELECT amount FROM jpol_salaries WHERE customer_id = ?"))
          .isInstanceOf(BlockedStatementException.class).hasMessageContaining(DiagnosticCode.POLICY_TABLE_DENIED.id());
      // allowed SQL runs as typed (the row cap is for questions, not for the user's own SQL)
      try (ResultSet rs = s.executeQuery("SELECT id, name FROM jpol_customers")) {
        assertThat(count(rs)).isEqualTo(3);
      }
      // questions: answered from what the policy allows, their rows capped at the policy's maxRows
      try (ResultSet rs = s.executeQuery("-- nl: list the names of jpol customers")) {
        assertThat(count(rs)).isEqualTo(2);
      }
      QuestionAnswer a = s.unwrap(Nl2SqlStatement.class).lastAnswer().orElseThrow();
      assertThat(a.sql()).doesNotContainIgnoringCase("ssn");
      drop(as);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void warnMode_warns_offMode_checksNothing(String name, String url) throws Exception {
    Path p = policy("columns.deny = jpol_customers.ssn\n");
    try (Connection c = DriverManager.getConnection("jdbc:nl2sql:" + Dbs.with(Dbs.with(url, "nl2sql.guard=warn"),
        "nl2sql.policy=" + p)); Statement s = c.createStatement()) {
      create(s);
      try (ResultSet rs = s.executeQuery("SELECT ssn FROM jpol_customers")) {
        assertThat(count(rs)).isEqualTo(3);
      }
      assertThat(warnings(s)).startsWithIgnoringCase("01N02 nl2sql guard: " + DiagnosticCode.POLICY_COLUMN_DENIED.id()
          + " Column 'ssn' of table 'jpol_customers' may not be used under the access policy");
      drop(s);
    }
    try (Connection c = DriverManager.getConnection("jdbc:nl2sql:" + Dbs.with(url, "nl2sql.policy=" + p));
        Statement s = c.createStatement()) {
      create(s);
      try (ResultSet rs = s.executeQuery("SELECT ssn FROM jpol_customers")) {
        assertThat(count(rs)).isEqualTo(3);
      }
      assertThat((Object) s.getWarnings()).isNull();
      drop(s);
    }
  }

  @Test
  void malformedPolicyFile_failsTheConnection_namingTheSettingTheFileAndTheKey() throws Exception {
    Path p = policy("tables.deny = salaries\nrows = 5\n");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:nl2sql:" + Dbs.h2() + ";nl2sql.policy=" + p))
        .isInstanceOf(InvalidPropertyException.class)
        .hasMessage("Invalid nl2sql property 'nl2sql.policy': Access policy " + p.toAbsolutePath()
            + ": unknown key 'rows'; valid keys are tables.allow, tables.deny, columns.deny, maxRows, writes")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("HY024");
    Path bad = policy("maxRows = -1\n");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:nl2sql:" + Dbs.h2() + ";nl2sql.policy=" + bad))
        .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("'maxRows' must be a whole number");
  }
}
