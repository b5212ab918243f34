package io.github.nl2sql.internal.catalog;

import io.github.nl2sql.catalog.SqlType;
import java.sql.Types;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps database types onto the portable {@link SqlType} categories: JDBC type codes for the server
 * databases, declared type names (SQLite's type affinity rules, refined) for SQLite. Stateless.
 */
public final class TypeMapping {
  private static final Pattern SIZE = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

  private TypeMapping() {}

  /** The portable category of a column the driver reports with {@code jdbcType} and {@code typeName}. */
  public static SqlType fromJdbc(int jdbcType, String typeName, Integer size) {
    String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
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
        return SqlType.BOOLEAN;
      case Types.BIT:
        // PostgreSQL reports boolean as BIT; MySQL/MariaDB report BIT(1) and TINYINT(1) as BIT.
        return name.startsWith("bool") || size == null || size <= 1 ? SqlType.BOOLEAN : SqlType.BINARY;
      case Types.DATE:
        return name.equals("year") ? SqlType.INTEGER : SqlType.DATE;
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
        return fromTypeName(name);
    }
  }

  /**
   * The portable category of a declared type name, following SQLite's affinity rules with refinements
   * for booleans, dates and times; an empty or absent declared type gives {@link SqlType#OTHER}.
   */
  static SqlType fromTypeName(String declared) {
    if (declared == null || declared.isBlank()) {
      return SqlType.OTHER;
    }
    String t = declared.toLowerCase(Locale.ROOT).trim();
    if (t.startsWith("bool") || t.equals("bit")) {
      return SqlType.BOOLEAN;
    }
    if (t.contains("datetime") || t.contains("timestamp")) {
      return SqlType.TIMESTAMP;
    }
    if (t.startsWith("date")) {
      return SqlType.DATE;
    }
    if (t.startsWith("time")) {
      return SqlType.TIME;
    }
    if (t.equals("year")) {
      return SqlType.INTEGER;
    }
    if (t.contains("int")) {
      return SqlType.INTEGER;
    }
    if (t.contains("char") || t.contains("clob") || t.contains("text") || t.startsWith("string")
        || t.equals("uuid") || t.equals("name") || t.equals("citext")) {
      return SqlType.TEXT;
    }
    if (t.contains("blob") || t.contains("binary") || t.equals("bytea")) {
      return SqlType.BINARY;
    }
    if (t.contains("real") || t.contains("floa") || t.contains("doub")) {
      return SqlType.FLOAT;
    }
    if (t.startsWith("dec") || t.startsWith("num") || t.contains("money")) {
      return SqlType.DECIMAL;
    }
    return SqlType.OTHER;
  }

  /** A {@link Types} code for a SQLite declared type name (used where the driver reports none). */
  static int jdbcTypeOf(String declared) {
    SqlType type = fromTypeName(declared);
    String t = declared == null ? "" : declared.toLowerCase(Locale.ROOT);
    switch (type) {
      case INTEGER:
        return t.contains("big") ? Types.BIGINT : t.contains("small") || t.contains("tiny")
            ? Types.SMALLINT : Types.INTEGER;
      case DECIMAL:
        return t.startsWith("dec") ? Types.DECIMAL : Types.NUMERIC;
      case FLOAT:
        return t.contains("real") ? Types.REAL : t.contains("floa") ? Types.FLOAT : Types.DOUBLE;
      case TEXT:
        return t.contains("clob") ? Types.CLOB : t.startsWith("char") || t.startsWith("nchar")
            ? Types.CHAR : Types.VARCHAR;
      case BOOLEAN:
        return Types.BOOLEAN;
      case DATE:
        return Types.DATE;
      case TIME:
        return Types.TIME;
      case TIMESTAMP:
        return Types.TIMESTAMP;
      case BINARY:
        return Types.BLOB;
      default:
        return Types.OTHER;
    }
  }

  /** The first number in a declared type's parentheses ({@code varchar(20)} gives 20), or null. */
  static Integer declaredSize(String declared) {
    Matcher m = declared == null ? null : SIZE.matcher(declared);
    return m != null && m.find() ? parse(m.group(1)) : null;
  }

  /** The second number in a declared type's parentheses ({@code decimal(10,2)} gives 2), or null. */
  static Integer declaredScale(String declared) {
    Matcher m = declared == null ? null : SIZE.matcher(declared);
    return m != null && m.find() && m.group(2) != null ? parse(m.group(2)) : null;
  }

  private static Integer parse(String digits) {
    try {
      return Integer.valueOf(digits);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
