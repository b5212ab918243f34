package io.github.nl2sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The pass-through guard in warn and block modes on each real database. */
class PassThroughGuardTest {
  @TempDir static Path tmp;

  static Stream<Arguments> databases() {
    return Dbs.all(tmp).map(a -> Arguments.of(a[0], a[1]));
  }

  private static void create(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(40), sale_price DECIMAL(8,2))");
      s.executeUpdate("INSERT INTO " + table + " VALUES (1, 'Linen shirt', 49.50), (2, 'Wool coat', 199.00)");
    }
  }

  private static void drop(Connection c, String... tables) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String t : tables) {
        s.executeUpdate("DROP TABLE IF EXISTS " + t);
      }
    }
  }

  private static String systemQuery(String name) {
    switch (name) {
      case "sqlite":
        return "SELECT name FROM sqlite_master";
      case "postgres":
        return "SELECT tablename FROM pg_tables";
      default:
        return "SELECT table_name FROM information_schema.tables";
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void block_refusesUnknownNamesWithSuggestions_butLetsEverythingElseThrough(String name, String url)
      throws SQLException {
    String table = Dbs.unique("g_products");
    String later = Dbs.unique("g_later");
    try (Connection c = DriverManager.getConnection("jdbc:nl2sql:" + Dbs.with(url, "nl2sql.guard=block"));
        Statement s = c.createStatement()) {
      create(c, table);
      try {
        assertThatThrownBy(() -> s.executeQuery("SELECT name, sale_pricee FROM " + table))
            .isInstanceOfSatisfying(BlockedStatementException.class, e -> {
              assertThat(e.getSQLState()).isEqualTo("NL002");
              assertThat(e.getMessage()).startsWith("nl2sql guard blocked this statement (nl2sql.guard=block)")
                  .contains("Column 'sale_pricee' not found").containsIgnoringCase("did you mean 'sale_price'?");
              assertThat(e.diagnostics()).extracting(Diagnostic::code).singleElement().isIn(
                  DiagnosticCode.UNKNOWN_COLUMN, DiagnosticCode.UNKNOWN_COLUMN_IN_SCOPE);
            });
        assertThatThrownBy(() -> c.prepareStatement("SELECT name FROM " + table + "s WHERE id = ?"))
            .isInstanceOfSatisfying(BlockedStatementException.class,
                e -> assertThat(e.getMessage()).containsIgnoringCase("did you mean '" + table + "'?"));
        // misspelled DML is refused too; correct DML runs (the guard never blocks writes as such)
        assertThatThrownBy(() -> s.executeUpdate("UPDATE " + table + " SET sale_pricee = 1 WHERE id = 1"))
            .isInstanceOf(BlockedStatementException.class);
        assertThat(s.executeUpdate("UPDATE " + table + " SET sale_price = 45 WHERE id = 1")).isEqualTo(1);
        // the connection stays usable; correct reads run with no warning of ours
        try (ResultSet rs = s.executeQuery("SELECT name, sale_price FROM " + table + " ORDER BY id")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("Linen shirt");
        }
        assertThat(s.unwrap(Nl2SqlStatement.class).lastDiagnostics()).isEmpty();
        // other schemas and system tables are not the guard's business
        try (ResultSet rs = s.executeQuery(systemQuery(name))) {
          assertThat(rs.next()).isTrue();
        }
        // DDL on this connection refreshes the guard's catalog
        s.executeUpdate("CREATE TABLE " + later + " (id INT)");
        try (ResultSet rs = s.executeQuery("SELECT id FROM " + later)) {
          assertThat(rs.next()).isFalse();
        }
      } finally {
        drop(c, table, later);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void block_seesTablesCreatedOnAnotherConnection(String name, String url) throws SQLException {
    String table = Dbs.unique("g_first");
    String other = Dbs.unique("g_other");
    try (Connection c = DriverManager.getConnection("jdbc:nl2sql:" + Dbs.with(url, "nl2sql.guard=block"));
        Statement s = c.createStatement()) {
      create(c, table);
      try {
        s.executeQuery("SELECT id FROM " + table).close(); // the guard has read the catalog now
        String plainUrl = url.startsWith("sqlite:") || url.startsWith("h2:") ? url : url;
        if (name.equals("h2")) {
          // an in-memory H2 database is private to its URL: create through this connection's raw side
          try (Statement raw = c.unwrap(org.h2.jdbc.JdbcConnection.class).createStatement()) {
            raw.executeUpdate("CREATE TABLE " + other + " (id INT)");
          }
        } else {
          try (Connection plain = DriverManager.getConnection("jdbc:" + plainUrl); Statement p = plain.createStatement()) {
            p.executeUpdate("CREATE TABLE " + other + " (id INT)");
          }
        }
        try (ResultSet rs = s.executeQuery("SELECT id FROM " + other)) {
          assertThat(rs.next()).isFalse();
        }
      } finally {
        drop(c, table, other);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void warn_passesTheStatement_andAddsTheSuggestionToTheDatabasesError(String name, String url)
      throws SQLException {
    String table = Dbs.unique("g_warn");
    try (Connection c = DriverManager.getConnection("jdbc:nl2sql:" + Dbs.with(url, "nl2sql.guard=warn"));
        Statement s = c.createStatement()) {
      create(c, table);
      try {
        assertThatThrownBy(() -> s.executeQuery("SELECT name, sale_pricee FROM " + table))
            .isInstanceOfSatisfying(SQLException.class, e -> {
              assertThat((Object) e).isNotInstanceOf(Nl2SqlJdbcException.class); // the database's own error, first
              assertThat((Object) e.getNextException()).isNotNull();
              assertThat(e.getNextException().getSQLState()).isEqualTo("01N02");
              assertThat(e.getNextException().getMessage()).containsIgnoringCase("did you mean 'sale_price'?");
            });
        assertThat(s.unwrap(Nl2SqlStatement.class).lastDiagnostics()).extracting(Diagnostic::code)
            .singleElement().isIn(DiagnosticCode.UNKNOWN_COLUMN, DiagnosticCode.UNKNOWN_COLUMN_IN_SCOPE);
        if (!name.equals("postgres")) {
          // a clean statement after a failed one: nothing of ours is left
          c.createStatement().close();
        }
        try (ResultSet rs = s.executeQuery("SELECT name FROM " + table + " WHERE id = 1")) {
          assertThat(rs.next()).isTrue();
        }
        assertThat(s.unwrap(Nl2SqlStatement.class).lastDiagnostics()).isEmpty();
        assertThat((Object) s.getWarnings()).isNull();
        if (name.equals("mariadb") || name.equals("sqlite")) {
          // accepted by these databases, but suspicious: a warning rides along with the result
          try (ResultSet rs = s.executeQuery("SELECT name FROM " + table + " WHERE sale_price = 'cheap'")) {
            assertThat(rs.next()).isFalse();
          }
          assertThat(s.getWarnings().getSQLState()).isEqualTo("01N02");
          assertThat(s.getWarnings().getMessage()).startsWith("nl2sql guard: NL2SQL-V110");
        }
        // prepared statements are checked when prepared; on drivers that prepare lazily the warning is
        // there before anything runs
        if (name.equals("mariadb") || name.equals("postgres")) {
          try (PreparedStatement ps = c.prepareStatement("SELECT nme FROM " + table + " WHERE id = ?")) {
            assertThat(ps.getWarnings().getMessage()).contains("Column 'nme' not found").contains("did you mean 'name'?");
          }
        }
      } finally {
        drop(c, table);
      }
    }
  }
}
