package io.github.nl2sql;

import java.util.Locale;

/** The SQL dialects the library compiles to and reads catalogs from. */
public enum Dialect {
  MYSQL,
  MARIADB,
  POSTGRES,
  SQLITE,
  H2;

  /**
   * Detects the dialect from a JDBC database product name ({@link
   * java.sql.DatabaseMetaData#getDatabaseProductName()}) or a JDBC URL.
   *
   * @throws IllegalArgumentException when the product is not supported; the message lists the supported ones
   */
  public static Dialect detect(String productNameOrUrl) {
    String p = productNameOrUrl == null ? "" : productNameOrUrl.toLowerCase(Locale.ROOT);
    if (p.contains("mariadb")) {
      return MARIADB;
    }
    if (p.contains("mysql")) {
      return MYSQL;
    }
    if (p.contains("postgres")) {
      return POSTGRES;
    }
    if (p.contains("sqlite")) {
      return SQLITE;
    }
    if (p.equals("h2") || p.startsWith("jdbc:h2:") || p.contains("h2 ")) {
      return H2;
    }
    throw new IllegalArgumentException("Unsupported database '" + productNameOrUrl
        + "'; supported: MySQL, MariaDB, PostgreSQL, SQLite, H2");
  }
}
