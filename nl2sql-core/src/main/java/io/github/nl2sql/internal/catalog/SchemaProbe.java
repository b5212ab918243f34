package io.github.nl2sql.internal.catalog;

import io.github.nl2sql.CatalogException;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A cheap schema-change probe: one query that yields a token which changes when the schema does, at
 * a small fraction of the cost of a full catalog read.
 *
 * <ul>
 *   <li>SQLite: {@code PRAGMA schema_version}, which SQLite bumps on every schema change.
 *   <li>MySQL/MariaDB, H2: a hash computed by the server over the schema's
 *       {@code information_schema} columns (table, column, position, type, nullability, default),
 *       plus the numbers of columns, constraints and indexes.
 *   <li>PostgreSQL: the same over {@code pg_attribute}/{@code pg_attrdef}/{@code pg_constraint}/
 *       {@code pg_index}, the catalogs its {@code information_schema} is built on, which are several
 *       times cheaper to query.
 * </ul>
 *
 * <p>Tokens are only comparable with tokens of the same database, schema and dialect. Changes the
 * probe cannot see (a comment, a view's body) are picked up by the next full read. Stateless and
 * thread-safe.
 */
public final class SchemaProbe {
  private static final String MYSQL = "SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS(':', TABLE_NAME, "
      + "COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE, COALESCE(COLUMN_DEFAULT, '')))), 0), "
      + "(SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = ?), "
      + "(SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?) "
      + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?";
  // PostgreSQL's information_schema views cost milliseconds each (privilege checks on every row); the
  // same facts straight from the catalogs they are built on cost a fraction of that.
  private static final String POSTGRES = "SELECT count(*), md5(coalesce(string_agg(c.relname || '.' "
      + "|| a.attname || ':' || a.attnum || ':' || format_type(a.atttypid, a.atttypmod) || ':' || "
      + "a.attnotnull || ':' || coalesce(pg_get_expr(d.adbin, d.adrelid), ''), ',' "
      + "ORDER BY c.relname, a.attnum), '')), "
      + "(SELECT count(*) FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_namespace kn "
      + "ON kn.oid = k.connamespace WHERE kn.nspname = ?), "
      + "(SELECT count(*) FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
      + "JOIN pg_catalog.pg_namespace inn ON inn.oid = ic.relnamespace WHERE inn.nspname = ?) "
      + "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
      + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
      + "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
      + "WHERE n.nspname = ? AND c.relkind IN ('r', 'v', 'm', 'p', 'f') AND a.attnum > 0 "
      + "AND NOT a.attisdropped";
  private static final String H2 = "SELECT COUNT(*), COALESCE(SUM(CAST(ORA_HASH(CONCAT_WS(':', TABLE_NAME, "
      + "COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE, COALESCE(CHARACTER_MAXIMUM_LENGTH, "
      + "NUMERIC_PRECISION, 0), IS_NULLABLE, COALESCE(COLUMN_DEFAULT, ''))) AS BIGINT)), 0), "
      + "(SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = ?), "
      + "(SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = ?) "
      + "FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ?";

  private SchemaProbe() {}

  /**
   * The token for the schema a catalog was read from (its dialect and default schema).
   *
   * @throws IllegalArgumentException when an argument is null
   * @throws CatalogException when the probe query fails
   */
  public static String token(Connection connection, Catalog catalog) {
    if (catalog == null) {
      throw new IllegalArgumentException("catalog must not be null");
    }
    return token(connection, catalog.dialect(), catalog.defaultSchema());
  }

  /**
   * The token for {@code schema} (the database name for MySQL/MariaDB; ignored for SQLite).
   *
   * @throws IllegalArgumentException when the connection or dialect is null, or the schema is null
   *     for a dialect that needs one
   * @throws CatalogException when the probe query fails
   */
  public static String token(Connection connection, Dialect dialect, String schema) {
    if (connection == null || dialect == null) {
      throw new IllegalArgumentException("connection and dialect must not be null");
    }
    try {
      if (dialect == Dialect.SQLITE) {
        try (Statement s = connection.createStatement();
            ResultSet rs = s.executeQuery("PRAGMA schema_version")) {
          return "sqlite:" + (rs.next() ? rs.getLong(1) : 0);
        }
      }
      if (schema == null) {
        throw new IllegalArgumentException("schema must not be null for " + dialect);
      }
      String sql = dialect == Dialect.POSTGRES ? POSTGRES : dialect == Dialect.H2 ? H2 : MYSQL;
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        ps.setString(1, schema);
        ps.setString(2, schema);
        ps.setString(3, schema);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return dialect.name().toLowerCase(java.util.Locale.ROOT) + ":" + rs.getLong(1) + ":"
              + rs.getString(2) + ":" + rs.getLong(3) + ":" + rs.getLong(4);
        }
      }
    } catch (SQLException e) {
      throw new CatalogException("Schema probe failed on " + dialect + ": " + e.getMessage(), e);
    }
  }
}
