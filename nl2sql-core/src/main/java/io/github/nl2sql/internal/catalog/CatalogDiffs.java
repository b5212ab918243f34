package io.github.nl2sql.internal.catalog;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.Index;
import io.github.nl2sql.catalog.SchemaDiff;
import io.github.nl2sql.catalog.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two catalog snapshots of the same database. Tables are matched by qualified name and
 * columns by name (exact case); statistics and row counts are ignored. Each changed column or table
 * comes with a one-line description of what changed, e.g. {@code products.price: type int(11) ->
 * decimal(10,2); nullable -> NOT NULL}. Stateless and thread-safe.
 */
public final class CatalogDiffs {
  private CatalogDiffs() {}

  /**
   * What changed from {@code older} to {@code newer}. A {@code null} older catalog counts as empty
   * (every table of the newer one is added).
   *
   * @throws IllegalArgumentException when {@code newer} is null
   */
  public static SchemaDiff diff(Catalog older, Catalog newer) {
    if (newer == null) {
      throw new IllegalArgumentException("newer catalog must not be null");
    }
    Map<String, Table> before = byName(older == null ? List.of() : older.tables());
    Map<String, Table> after = byName(newer.tables());
    List<String> addedTables = new ArrayList<>();
    List<String> removedTables = new ArrayList<>();
    List<String> addedColumns = new ArrayList<>();
    List<String> removedColumns = new ArrayList<>();
    List<String> changedColumns = new ArrayList<>();
    List<String> changedTables = new ArrayList<>();
    for (Map.Entry<String, Table> e : after.entrySet()) {
      if (!before.containsKey(e.getKey())) {
        addedTables.add(e.getKey());
      }
    }
    for (Map.Entry<String, Table> e : before.entrySet()) {
      Table old = e.getValue();
      Table now = after.get(e.getKey());
      if (now == null) {
        removedTables.add(e.getKey());
        continue;
      }
      String table = e.getKey();
      for (Column c : now.columns()) {
        if (find(old, c.name()) == null) {
          addedColumns.add(table + "." + c.name());
        }
      }
      for (Column c : old.columns()) {
        Column n = find(now, c.name());
        if (n == null) {
          removedColumns.add(table + "." + c.name());
        } else {
          String change = describe(c, n);
          if (!change.isEmpty()) {
            changedColumns.add(table + "." + c.name() + ": " + change);
          }
        }
      }
      String change = describe(old, now);
      if (!change.isEmpty()) {
        changedTables.add(table + ": " + change);
      }
    }
    return new SchemaDiff(addedTables, removedTables, addedColumns, removedColumns, changedColumns,
        changedTables);
  }

  private static Map<String, Table> byName(List<Table> tables) {
    List<Table> sorted = new ArrayList<>(tables);
    sorted.sort(CatalogReader.TABLE_ORDER);
    Map<String, Table> map = new LinkedHashMap<>();
    for (Table t : sorted) {
      map.put(t.qualifiedName(), t);
    }
    return map;
  }

  private static Column find(Table t, String name) {
    for (Column c : t.columns()) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static String describe(Column a, Column b) {
    List<String> parts = new ArrayList<>();
    String typeA = typeText(a);
    String typeB = typeText(b);
    if (!typeA.equals(typeB) || a.type() != b.type()) {
      parts.add("type " + typeA + " -> " + typeB);
    }
    if (a.nullable() != b.nullable()) {
      parts.add(b.nullable() ? "NOT NULL -> nullable" : "nullable -> NOT NULL");
    }
    if (!Objects.equals(a.defaultValue(), b.defaultValue())) {
      parts.add("default " + a.defaultValue() + " -> " + b.defaultValue());
    }
    if (!Objects.equals(a.comment(), b.comment())) {
      parts.add("comment " + quoted(a.comment()) + " -> " + quoted(b.comment()));
    }
    if (!a.enumValues().equals(b.enumValues())) {
      parts.add("enum values " + a.enumValues() + " -> " + b.enumValues());
    }
    if (a.autoIncrement() != b.autoIncrement()) {
      parts.add(b.autoIncrement() ? "now generated" : "no longer generated");
    }
    return String.join("; ", parts);
  }

  private static String typeText(Column c) {
    StringBuilder s = new StringBuilder(c.typeName() == null || c.typeName().isEmpty() ? "(none)"
        : c.typeName());
    if (c.size() != null && !s.toString().contains("(")) {
      s.append('(').append(c.size());
      if (c.scale() != null && c.scale() != 0) {
        s.append(',').append(c.scale());
      }
      s.append(')');
    }
    return s.toString();
  }

  private static String describe(Table a, Table b) {
    List<String> parts = new ArrayList<>();
    if (a.kind() != b.kind()) {
      parts.add("kind " + a.kind() + " -> " + b.kind());
    }
    if (!Objects.equals(a.comment(), b.comment())) {
      parts.add("comment " + quoted(a.comment()) + " -> " + quoted(b.comment()));
    }
    if (!a.primaryKey().equals(b.primaryKey())) {
      parts.add("primary key " + a.primaryKey() + " -> " + b.primaryKey());
    }
    listChange(parts, "unique key", a.uniqueKeys(), b.uniqueKeys(), Object::toString);
    listChange(parts, "foreign key", a.foreignKeys(), b.foreignKeys(), CatalogDiffs::fkText);
    listChange(parts, "index", a.indexes(), b.indexes(), CatalogDiffs::indexText);
    return String.join("; ", parts);
  }

  private static <T> void listChange(List<String> parts, String what, List<T> a, List<T> b,
      java.util.function.Function<T, String> text) {
    for (T x : b) {
      if (!a.contains(x)) {
        parts.add(what + " added " + text.apply(x));
      }
    }
    for (T x : a) {
      if (!b.contains(x)) {
        parts.add(what + " removed " + text.apply(x));
      }
    }
  }

  private static String fkText(ForeignKey f) {
    return (f.name() == null ? "" : f.name() + " ") + f.columns() + " -> "
        + (f.referencedSchema() == null ? "" : f.referencedSchema() + ".") + f.referencedTable()
        + f.referencedColumns();
  }

  private static String indexText(Index i) {
    return (i.unique() ? "unique " : "") + i.name() + " " + i.columns();
  }

  private static String quoted(String s) {
    return s == null ? "none" : "'" + s + "'";
  }
}
