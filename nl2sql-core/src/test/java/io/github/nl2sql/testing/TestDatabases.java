package io.github.nl2sql.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;
import org.testcontainers.DockerClientFactory;

/**
 * Real databases for tests. A server-backed database comes from an environment variable when set
 * ({@code NL2SQL_TEST_MARIADB_URL}, {@code NL2SQL_TEST_POSTGRES_URL}; that is how {@code bin/test} and
 * {@code .ci/run} point tests at the local servers); otherwise from a Testcontainers container (one per
 * JVM, started on first use) when a Docker engine is reachable; otherwise a test fails with a message
 * saying how to provide one. Never a silent skip.
 */
public final class TestDatabases {
  public static final String MARIADB_ENV = "NL2SQL_TEST_MARIADB_URL";
  public static final String POSTGRES_ENV = "NL2SQL_TEST_POSTGRES_URL";

  private TestDatabases() {}

  /** The JDBC URL of the MariaDB test database (env variable, container, or a clear failure). */
  public static String mariadbUrl() {
    return url(MARIADB_ENV, "jdbc:mariadb://127.0.0.1:3306/nl2sql_test?user=root", Containers::mariadb);
  }

  /** MariaDB (a database the tests may freely create tables in). */
  public static DataSource mariadb() {
    String url = mariadbUrl();
    try {
      MariaDbDataSource ds = new MariaDbDataSource();
      ds.setUrl(url);
      return ds;
    } catch (SQLException e) {
      throw new IllegalStateException("Bad " + MARIADB_ENV + ": " + e.getMessage(), e);
    }
  }

  /** The JDBC URL of the PostgreSQL test database (env variable, container, or a clear failure). */
  public static String postgresUrl() {
    return url(POSTGRES_ENV, "jdbc:postgresql://127.0.0.1:5432/nl2sql_test?user=postgres",
        Containers::postgres);
  }

  /** PostgreSQL (a database the tests may freely create tables in). */
  public static DataSource postgres() {
    String url = postgresUrl();
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    return ds;
  }

  /** A fresh, private in-memory H2 database (MySQL mode when {@code mysqlMode}), kept while the JVM lives. */
  public static DataSource h2(boolean mysqlMode) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "")
        + ";DB_CLOSE_DELAY=-1" + (mysqlMode ? ";MODE=MySQL;DATABASE_TO_LOWER=TRUE" : ""));
    return ds;
  }

  /**
   * The four databases as {@code (Dialect, DataSource)} arguments of a parameterized test: a fresh
   * in-memory H2 (MySQL mode with lower-case names when {@code h2MysqlMode}, else H2's default mode,
   * which folds names to upper case), a fresh SQLite file in {@code sqliteDir}, and the MariaDB and
   * PostgreSQL test databases.
   */
  public static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> all(Path sqliteDir,
      boolean h2MysqlMode) {
    return java.util.stream.Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(io.github.nl2sql.Dialect.H2, h2(h2MysqlMode)),
        org.junit.jupiter.params.provider.Arguments.of(io.github.nl2sql.Dialect.SQLITE, sqlite(sqliteDir)),
        org.junit.jupiter.params.provider.Arguments.of(io.github.nl2sql.Dialect.MARIADB, mariadb()),
        org.junit.jupiter.params.provider.Arguments.of(io.github.nl2sql.Dialect.POSTGRES, postgres()));
  }

  /** A fresh SQLite database file in {@code dir}. */
  public static DataSource sqlite(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return sqliteFile(dir.resolve("t" + UUID.randomUUID() + ".sqlite"));
  }

  /** An existing (or new) SQLite database file. */
  public static DataSource sqliteFile(Path file) {
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return ds;
  }

  /** Whether a Docker engine is reachable, for Testcontainers-only tests. */
  public static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** Runs each statement of {@code script} (separated by ';' at line ends) on {@code ds}. */
  public static void run(DataSource ds, String script) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (String stmt : script.split(";\\s*(\\r?\\n|$)")) {
        if (!stmt.isBlank()) {
          s.execute(stmt);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Setup SQL failed: " + e.getMessage(), e);
    }
  }

  private static String url(String env, String example, java.util.function.Supplier<String> container) {
    String url = System.getenv(env);
    if (url != null && !url.isBlank()) {
      return url;
    }
    if (dockerAvailable()) {
      return container.get();
    }
    throw new IllegalStateException("Set " + env + " to a JDBC URL of a database the tests may write to, e.g. "
        + example + " (bin/test does this and starts the local server), or run where a Docker engine "
        + "is available for Testcontainers.");
  }

  /** Containers started on first use and kept for the JVM's lifetime (Testcontainers' reaper stops them). */
  private static final class Containers {
    private static String mariadbUrl;
    private static String postgresUrl;

    static synchronized String mariadb() {
      if (mariadbUrl == null) {
        org.testcontainers.containers.MariaDBContainer<?> c =
            new org.testcontainers.containers.MariaDBContainer<>("mariadb:10.11")
                .withDatabaseName("nl2sql_test").withUsername("root").withPassword("");
        c.start();
        mariadbUrl = c.getJdbcUrl() + "?user=root";
      }
      return mariadbUrl;
    }

    static synchronized String postgres() {
      if (postgresUrl == null) {
        org.testcontainers.containers.PostgreSQLContainer<?> c =
            new org.testcontainers.containers.PostgreSQLContainer<>("postgres:15")
                .withDatabaseName("nl2sql_test").withUsername("postgres").withPassword("postgres");
        c.start();
        postgresUrl = c.getJdbcUrl() + "?user=postgres&password=postgres";
      }
      return postgresUrl;
    }
  }

  /** Lower-case a name the way the current test database folds unquoted identifiers. */
  public static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Opens a plain connection to {@code url} (for admin steps in tests). */
  public static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url);
  }
}
