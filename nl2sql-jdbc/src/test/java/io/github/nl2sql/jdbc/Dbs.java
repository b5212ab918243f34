package io.github.nl2sql.jdbc;

import io.github.nl2sql.testing.TestDatabases;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

/** The real databases the driver tests run on, as URLs without {@code jdbc:}. */
final class Dbs {
  private Dbs() {}

  static String h2() {
    return "h2:mem:j" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
  }

  static String sqlite(Path dir) {
    return "sqlite:" + dir.resolve("j" + UUID.randomUUID() + ".sqlite").toAbsolutePath();
  }

  static String mariadb() {
    return server(TestDatabases.MARIADB_ENV, "jdbc:mariadb://127.0.0.1:3306/nl2sql_test?user=root");
  }

  static String postgres() {
    return server(TestDatabases.POSTGRES_ENV, "jdbc:postgresql://127.0.0.1:5432/nl2sql_test?user=postgres");
  }

  private static String server(String env, String example) {
    String url = System.getenv(env);
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("Set " + env + " to a JDBC URL of a database the tests may write to, "
          + "e.g. " + example + " (.ci/run does this and starts the local server)");
    }
    return url.substring("jdbc:".length());
  }

  /** Name and URL (without jdbc:) of each database. */
  static Stream<String[]> all(Path dir) {
    return Stream.of(new String[] {"h2", h2()}, new String[] {"sqlite", sqlite(dir)},
        new String[] {"mariadb", mariadb()}, new String[] {"postgres", postgres()});
  }

  /** Appends {@code param} to a URL with the right separator for its syntax. */
  static String with(String url, String param) {
    if (url.startsWith("h2:")) {
      return url + ";" + param;
    }
    return url + (url.contains("?") ? "&" : "?") + param;
  }

  static String unique(String base) {
    return base + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }
}
