package io.github.nl2sql.catalog;

import java.util.List;

/**
 * A foreign key from {@code columns} of the owning table to {@code referencedColumns} of {@code
 * referencedTable}.
 *
 * @param name constraint name, or {@code null} where the database reports none
 * @param columns referencing columns, in key order
 * @param referencedSchema schema of the referenced table, or {@code null}
 * @param referencedTable referenced table name
 * @param referencedColumns referenced columns, aligned with {@code columns}
 */
public record ForeignKey(
    String name,
    List<String> columns,
    String referencedSchema,
    String referencedTable,
    List<String> referencedColumns) {
  public ForeignKey {
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
    if (referencedTable == null) {
      throw new IllegalArgumentException("referenced table must not be null");
    }
  }
}
