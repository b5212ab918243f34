package io.github.nl2sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Plain SQL through {@code jdbc:nl2sql:} on each real database, via {@link DriverManager}. */
class PassThroughTest {
  @TempDir static Path tmp;

  static Stream<Arguments> databases() {
    return Dbs.all(tmp).map(a -> Arguments.of(a[0], a[1]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void plainSql_passesThrough_withWrappersAllTheWayDown(String name, String url) throws SQLException {
    String table = Dbs.unique("pt_items");
    try (Connection c = DriverManager.getConnection("jdbc:nl2sql:" + url)) {
      assertThat(c).isInstanceOf(Nl2SqlConnection.class);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(20), price DECIMAL(8,2))");
        try {
          assertThat(s.executeUpdate("INSERT INTO " + table + " VALUES (1, 'tea', 2.50), (2, 'coffee', 3.10)"))
              .isEqualTo(2);
          try (ResultSet rs = s.executeQuery("SELECT id, name FROM " + table + " ORDER BY id")) {
            assertThat(rs.getStatement()).isSameAs(s);
            List<String> names = new ArrayList<>();
            while (rs.next()) {
              names.add(rs.getInt(1) + ":" + rs.getString("name"));
            }
            assertThat(names).containsExactly("1:tea", "2:coffee");
          }
          assertThat(s.getConnection()).isSameAs(c);
          assertThat(s.execute("SELECT COUNT(*) FROM " + table)).isTrue();
          try (ResultSet rs = s.getResultSet()) {
            assertThat(rs.getStatement()).isSameAs(s);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(2);
          }
          try (PreparedStatement ps = c.prepareStatement("SELECT name FROM " + table + " WHERE id = ?")) {
            ps.setInt(1, 2);
            try (ResultSet rs = ps.executeQuery()) {
              assertThat(rs.getStatement()).isSameAs(ps);
              assertThat(rs.next()).isTrue();
              assertThat(rs.getString(1)).isEqualTo("coffee");
            }
            assertThat(ps.getConnection()).isSameAs(c);
            assertThat(ps.unwrap(Nl2SqlStatement.class)).isSameAs(ps);
          }
          DatabaseMetaData md = c.getMetaData();
          assertThat(md.getConnection()).isSameAs(c);
          assertThat(md.getDriverName()).startsWith("nl2sql over ");
          try (ResultSet tables = md.getTables(null, null, "%", new String[] {"TABLE"})) {
            List<String> found = new ArrayList<>();
            while (tables.next()) {
              found.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
            assertThat(found).contains(table);
          }
          // unwrap: the wrapper first, then the real driver's classes
          assertThat(c.unwrap(Nl2SqlConnection.class)).isSameAs(c);
          assertThat(c.unwrap(Connection.class)).isSameAs(c);
          assertThat(c.isWrapperFor(Nl2SqlConnection.class)).isTrue();
          assertThat(s.unwrap(Nl2SqlStatement.class)).isSameAs(s);
          // guard off by default: no warnings of ours
          assertThat(((Nl2SqlStatement) s).lastDiagnostics()).isEmpty();
          assertThat(c.unwrap(Nl2SqlConnection.class).setting(Nl2SqlProperty.GUARD)).isEqualTo("off");
        } finally {
          s.executeUpdate("DROP TABLE " + table);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void transactions_andBatches_passThrough(String name, String url) throws SQLException {
    String table = Dbs.unique("pt_tx");
    try (Connection c = DriverManager.getConnection("jdbc:nl2sql:" + url)) {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("CREATE TABLE " + table + " (id INT PRIMARY KEY)");
      }
      try {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
          for (int i = 1; i <= 3; i++) {
            ps.setInt(1, i);
            ps.addBatch();
          }
          assertThat(ps.executeBatch()).hasSize(3);
        }
        c.rollback();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rs.next();
          assertThat(rs.getInt(1)).isZero();
        }
      } finally {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.executeUpdate("DROP TABLE " + table);
        }
      }
    }
  }

  @Test
  void settingsInUrlAndProperties_areStrippedBeforeTheRealDriverSeesThem() throws SQLException {
    // H2 refuses unknown settings in its URL and properties, so connecting proves they were removed
    java.util.Properties p = new java.util.Properties();
    p.setProperty("nl2sql.rowLimit", "50");
    p.setProperty("user", "sa");
    try (Connection c = DriverManager.getConnection("jdbc:nl2sql:" + Dbs.with(Dbs.h2(), "nl2sql.writes=execute"), p)) {
      Nl2SqlConnection n = c.unwrap(Nl2SqlConnection.class);
      assertThat(n.setting(Nl2SqlProperty.WRITES)).isEqualTo("execute");
      assertThat(n.setting(Nl2SqlProperty.ROW_LIMIT)).isEqualTo("50");
      assertThat(n.setting(Nl2SqlProperty.GUARD)).isEqualTo("off");
    }
  }

  @Test
  void callableStatements_passThrough() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:nl2sql:" + Dbs.h2());
        CallableStatement cs = c.prepareCall("CALL 40 + 2");
        ResultSet rs = cs.executeQuery()) {
      assertThat(cs.getConnection()).isSameAs(c);
      assertThat(rs.getStatement()).isSameAs(cs);
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(42);
    }
  }

  @Test
  void driver_isRegistered_andDeclinesForeignUrls() throws SQLException {
    Driver d = DriverManager.getDriver("jdbc:nl2sql:h2:mem:x");
    assertThat(d).isInstanceOf(Nl2SqlDriver.class);
    assertThat(d.acceptsURL("jdbc:h2:mem:x")).isFalse();
    assertThat(d.connect("jdbc:h2:mem:x", new java.util.Properties())).isNull();
    assertThat(java.util.ServiceLoader.load(Driver.class).stream().map(p -> p.type().getName()))
        .contains(Nl2SqlDriver.class.getName());
  }

  @Test
  void unknownInnerUrl_givesClearError() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:nl2sql:nosuchdb://host/db?password=hunter2"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("No JDBC driver on the class path accepts 'jdbc:nosuchdb://host/db?password=***'")
        .hasMessageNotContaining("hunter2")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
  }

  @Test
  void emptyAndSelfWrappingUrls_giveClearErrors() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:nl2sql:"))
        .isInstanceOf(SQLException.class).hasMessageContaining("names no real database");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:nl2sql:nl2sql:h2:mem:x"))
        .isInstanceOf(SQLException.class).hasMessageContaining("wraps the nl2sql driver in itself");
  }

  @Test
  void malformedInnerUrl_failsWithTheRealDriversError() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:nl2sql:h2:nosuchmode:x"))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:nl2sql:postgresql://127.0.0.1:1/none?connectTimeout=2"))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).asString().startsWith("08");
  }

  @Test
  void closedConnection_refusesQuestionsAndStatements() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:nl2sql:" + Dbs.h2());
    Statement s = c.createStatement();
    c.close();
    assertThat(c.isClosed()).isTrue();
    assertThatThrownBy(() -> s.executeQuery("-- nl: how many items?"))
        .isInstanceOf(QuestionFailedException.class).hasMessageContaining("connection is closed")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08003");
    assertThatThrownBy(() -> c.prepareStatement("-- nl: how many items?"))
        .isInstanceOf(QuestionFailedException.class).hasMessageContaining("connection is closed");
    assertThatThrownBy(() -> c.createStatement()).isInstanceOf(SQLException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void question_withoutPlanner_failsClearly_andConnectionStaysUsable(String name, String url) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:nl2sql:" + url); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("  -- nl: how many products are there?"))
          .isInstanceOf(QuestionFailedException.class)
          .hasMessageContaining("no question planner is available")
          .hasMessageContaining("how many products are there?")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(QuestionFailedException.SQLSTATE);
      assertThatThrownBy(() -> c.prepareStatement("-- nl: how many products are there?"))
          .isInstanceOf(QuestionFailedException.class);
      try (ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }
}
