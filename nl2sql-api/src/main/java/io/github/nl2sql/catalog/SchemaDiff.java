package io.github.nl2sql.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What changed between two catalog snapshots. Names are qualified ({@code schema.table} or {@code
 * table}; columns as {@code table.column}).
 *
 * @param addedTables tables present only in the newer snapshot
 * @param removedTables tables present only in the older snapshot
 * @param addedColumns columns present only in the newer snapshot (of tables in both)
 * @param removedColumns columns present only in the older snapshot (of tables in both)
 * @param changedColumns columns in both whose type, nullability, default or comment changed, with a description
 * @param changedTables tables in both whose keys, indexes or comment changed, with a description
 */
public record SchemaDiff(
    List<String> addedTables,
    List<String> removedTables,
    List<String> addedColumns,
    List<String> removedColumns,
    List<String> changedColumns,
    List<String> changedTables) {
  public SchemaDiff {
    addedTables = List.copyOf(addedTables);
    removedTables = List.copyOf(removedTables);
    addedColumns = List.copyOf(addedColumns);
    removedColumns = List.copyOf(removedColumns);
    changedColumns = List.copyOf(changedColumns);
    changedTables = List.copyOf(changedTables);
  }

  /** Whether nothing changed. Not a JSON property (it is derived). */
  @JsonIgnore
  public boolean isEmpty() {
    return addedTables.isEmpty() && removedTables.isEmpty() && addedColumns.isEmpty()
        && removedColumns.isEmpty() && changedColumns.isEmpty() && changedTables.isEmpty();
  }
}
