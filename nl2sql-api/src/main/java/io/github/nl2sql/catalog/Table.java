package io.github.nl2sql.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * A table or view. Immutable.
 *
 * @param schema schema name or {@code null} where the database has no schemas (SQLite)
 * @param name table name as stored in the database
 * @param kind table or view
 * @param comment table comment or {@code null}
 * @param columns columns in ordinal order
 * @param primaryKey primary key column names in key order, empty when there is none
 * @param uniqueKeys unique constraints (each a list of column names), primary key excluded
 * @param foreignKeys foreign keys declared on this table
 * @param indexes indexes, including those backing keys
 * @param rowCount estimated or counted rows, or {@code null} when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Table(
    String schema,
    String name,
    Kind kind,
    String comment,
    List<Column> columns,
    List<String> primaryKey,
    List<List<String>> uniqueKeys,
    List<ForeignKey> foreignKeys,
    List<Index> indexes,
    Long rowCount) {

  public Table {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("table name must not be blank");
    }
    kind = kind == null ? Kind.TABLE : kind;
    columns = columns == null ? List.of() : List.copyOf(columns);
    primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
    uniqueKeys = uniqueKeys == null ? List.of() : uniqueKeys.stream().map(List::copyOf).toList();
    foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
    indexes = indexes == null ? List.of() : List.copyOf(indexes);
  }

  /** Finds a column by name (case-insensitive; exact case preferred). */
  public Optional<Column> column(String name) {
    if (name == null) {
      return Optional.empty();
    }
    Column ci = null;
    for (Column c : columns) {
      if (c.name().equals(name)) {
        return Optional.of(c);
      }
      if (ci == null && c.name().equalsIgnoreCase(name)) {
        ci = c;
      }
    }
    return Optional.ofNullable(ci);
  }

  /** {@code schema.name}, or {@code name} when there is no schema. */
  public String qualifiedName() {
    return schema == null ? name : schema + "." + name;
  }

  /** A copy with other columns (e.g. with statistics attached). */
  public Table withColumns(List<Column> columns) {
    return new Table(schema, name, kind, comment, columns, primaryKey, uniqueKeys, foreignKeys, indexes,
        rowCount);
  }

  /** A copy with another row count. */
  public Table withRowCount(Long rowCount) {
    return new Table(schema, name, kind, comment, columns, primaryKey, uniqueKeys, foreignKeys, indexes,
        rowCount);
  }

  /** Table or view. */
  public enum Kind {
    TABLE,
    VIEW
  }
}
