package io.github.nl2sql.internal.jdbc;

import io.github.nl2sql.catalog.SqlType;
import java.sql.Types;
import java.util.Locale;

/** Maps JDBC type codes and database type names to the portable {@link SqlType}. Internal. */
public final class JdbcTypes {
  private JdbcTypes() {}

  /** The portable category of a {@link Types} code, refined by the type name where codes are vague. */
  public static SqlType of(int jdbcType, String typeName) {
    switch (jdbcType) {
      case Types.TINYINT:
      case Types.SMALLINT:
      case Types.INTEGER:
      case Types.BIGINT:
        return SqlType.INTEGER;
      case Types.DECIMAL:
      case Types.NUMERIC:
        return SqlType.DECIMAL;
      case Types.REAL:
      case Types.FLOAT:
      case Types.DOUBLE:
        return SqlType.FLOAT;
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.LONGVARCHAR:
      case Types.NCHAR:
      case Types.NVARCHAR:
      case Types.LONGNVARCHAR:
      case Types.CLOB:
      case Types.NCLOB:
        return SqlType.TEXT;
      case Types.BOOLEAN:
      case Types.BIT:
        return SqlType.BOOLEAN;
      case Types.DATE:
        return SqlType.DATE;
      case Types.TIME:
      case Types.TIME_WITH_TIMEZONE:
        return SqlType.TIME;
      case Types.TIMESTAMP:
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return SqlType.TIMESTAMP;
      case Types.BINARY:
      case Types.VARBINARY:
      case Types.LONGVARBINARY:
      case Types.BLOB:
        return SqlType.BINARY;
      default:
        return ofTypeName(typeName);
    }
  }

  /**
   * The portable category of a declared type name, using SQLite's affinity rules for names it does not
   * know exactly ({@code varchar(20)}, {@code INT}, {@code number}, {@code datetime}, ...).
   */
  public static SqlType ofTypeName(String typeName) {
    if (typeName == null || typeName.isBlank()) {
      return SqlType.OTHER;
    }
    String t = typeName.toLowerCase(Locale.ROOT);
    if (t.startsWith("bool")) {
      return SqlType.BOOLEAN;
    }
    if (t.startsWith("datetime") || t.startsWith("timestamp")) {
      return SqlType.TIMESTAMP;
    }
    if (t.startsWith("date")) {
      return SqlType.DATE;
    }
    if (t.startsWith("time")) {
      return SqlType.TIME;
    }
    if (t.contains("int")) {
      return SqlType.INTEGER;
    }
    if (t.contains("char") || t.contains("clob") || t.contains("text") || t.equals("string")) {
      return SqlType.TEXT;
    }
    if (t.contains("blob") || t.contains("binary") || t.equals("bytea")) {
      return SqlType.BINARY;
    }
    if (t.contains("real") || t.contains("floa") || t.contains("doub")) {
      return SqlType.FLOAT;
    }
    if (t.contains("dec") || t.contains("num") || t.contains("money")) {
      return SqlType.DECIMAL;
    }
    return SqlType.OTHER;
  }
}
