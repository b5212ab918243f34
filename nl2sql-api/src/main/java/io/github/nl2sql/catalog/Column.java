package io.github.nl2sql.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A column of a table or view. Immutable.
 *
 * @param name column name as stored in the database
 * @param position 1-based ordinal position
 * @param typeName the database's own type name (e.g. {@code varchar}, {@code int4})
 * @param jdbcType {@link java.sql.Types} code reported by the driver
 * @param type portable type category used for validation and linking
 * @param size declared length or precision, or {@code null}
 * @param scale declared scale, or {@code null}
 * @param nullable whether NULL is allowed ({@code true} when unknown)
 * @param defaultValue default expression text as reported by the database, or {@code null}
 * @param comment column comment, or {@code null}
 * @param enumValues allowed values of an ENUM column (MySQL/MariaDB ENUM, PostgreSQL enum types), or empty
 * @param autoIncrement whether values are generated (auto increment, identity, serial)
 * @param stats column statistics, or {@code null} when not read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Column(
    String name,
    int position,
    String typeName,
    int jdbcType,
    SqlType type,
    Integer size,
    Integer scale,
    boolean nullable,
    String defaultValue,
    String comment,
    List<String> enumValues,
    boolean autoIncrement,
    ColumnStats stats) {

  public Column {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("column name must not be empty");
    }
    type = type == null ? SqlType.OTHER : type;
    enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
  }

  /** A copy with the given statistics. */
  public Column withStats(ColumnStats stats) {
    return new Column(name, position, typeName, jdbcType, type, size, scale, nullable, defaultValue,
        comment, enumValues, autoIncrement, stats);
  }
}
