package io.github.nl2sql.internal.validate;

import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Name-resolution structures of the validator: relations, scopes, CTE environments, shapes. */
final class Scopes {
  private Scopes() {}

  static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  /**
   * The output columns of a query: names ({@code null} for an unnamed expression) and types ({@code
   * null} when unknown). Not exact when a star over a relation with unknown columns was involved.
   */
  record Shape(List<String> names, List<SqlType> types, boolean exact) {
    static final Shape UNKNOWN = new Shape(List.of(), List.of(), false);

    int size() {
      return names.size();
    }
  }

  /** One FROM item as seen by name resolution: a catalog table, a CTE or a derived table. */
  static final class Relation {
    /** Name that qualifies its columns (alias, else name); {@code null} for an unaliased subquery. */
    final String refName;
    /** Name used in messages: the table or CTE name, or the alias of a derived table. */
    final String displayName;
    /** The catalog table, or {@code null} for CTEs, derived tables and unknown tables. */
    final Table table;
    /** Output column names; {@code null} when unknown (the table itself is unknown). */
    final List<String> columns;
    final List<SqlType> types;
    /** Whether we do not know all output columns (a star over an unknown table), so unknown names are accepted. */
    final boolean partial;
    /** Whether {@link #columns} has exactly as many entries as the relation has columns. */
    final boolean exactCount;
    /** Lower-case USING columns of this relation that a join merged into another relation. */
    final Set<String> mergedAway = new HashSet<>();
    private final Map<String, Integer> index = new HashMap<>();

    Relation(String refName, String displayName, Table table, List<String> columns,
        List<SqlType> types, boolean partial, boolean exactCount) {
      this.exactCount = exactCount;
      this.refName = refName;
      this.displayName = displayName;
      this.table = table;
      this.columns = columns;
      this.types = types;
      this.partial = partial;
      if (columns != null) {
        for (int i = 0; i < columns.size(); i++) {
          String c = columns.get(i);
          if (c != null) {
            index.putIfAbsent(lower(c), i);
          }
        }
      }
    }

    static Relation ofTable(Table t, String alias) {
      List<String> names = new ArrayList<>();
      List<SqlType> types = new ArrayList<>();
      for (Column c : t.columns()) {
        names.add(c.name());
        types.add(c.type());
      }
      return new Relation(alias != null ? alias : t.name(), t.name(), t, names, types, false, true);
    }

    static Relation ofShape(String refName, String displayName, Shape shape) {
      return new Relation(refName, displayName, null, shape.names(), shape.types(), !shape.exact(),
          shape.exact());
    }

    /**
     * Whether {@code name} may be one of this relation's columns that we cannot name: an unaliased
     * expression column is named after its text (e.g. {@code count(*)}), which a reference can only
     * spell as a quoted name that is not a plain identifier.
     */
    boolean mayBeUnnamed(String name) {
      if (columns == null || !columns.contains(null)) {
        return false;
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (!Character.isLetterOrDigit(c) && c != '_' && c != '$') {
          return true;
        }
      }
      return false;
    }

    static Relation opaque(String refName, String displayName) {
      return new Relation(refName, displayName, null, null, null, true, false);
    }

    boolean known() {
      return columns != null;
    }

    boolean has(String column) {
      return index.containsKey(lower(column));
    }

    /** The column's name as stored, or {@code null}. */
    String canonical(String column) {
      Integer i = index.get(lower(column));
      return i == null ? null : columns.get(i);
    }

    SqlType type(String column) {
      Integer i = index.get(lower(column));
      return i == null || types == null || i >= types.size() ? null : types.get(i);
    }

    /** How the relation is named in messages: {@code products} or {@code products (p)}. */
    String describe() {
      if (refName == null) {
        return "(subquery)";
      }
      return refName.equalsIgnoreCase(displayName) ? displayName : displayName + " (" + refName + ")";
    }
  }

  /** What a clause is, for alias visibility and aggregate/window rules. */
  enum Clause {
    SELECT("the select list"),
    FROM("FROM"),
    ON("JOIN ... ON"),
    WHERE("WHERE"),
    GROUP_BY("GROUP BY"),
    HAVING("HAVING"),
    ORDER_BY("ORDER BY"),
    VALUES("VALUES"),
    SET("UPDATE ... SET"),
    LIMIT("LIMIT");

    final String label;

    Clause(String label) {
      this.label = label;
    }
  }

  /** The relations of one query level, its select list (for aliases) and the enclosing level. */
  static final class Scope {
    final Scope parent;
    final List<Relation> relations = new ArrayList<>();
    /** For JOIN ... ON scopes: the whole FROM, tried when the join's own relations miss. */
    Scope fallback;
    /** Select-list aliases (lower-case) to the item index; empty where there is no select list. */
    final Map<String, Integer> aliases = new HashMap<>();
    List<io.github.nl2sql.ir.SelectItem> items = List.of();

    Scope(Scope parent) {
      this.parent = parent;
    }

    Relation byRefName(String name) {
      for (Relation r : relations) {
        if (r.refName != null && r.refName.equalsIgnoreCase(name)) {
          return r;
        }
      }
      return null;
    }
  }

  /** The CTEs visible at a point: a chain of WITH clauses, innermost first. */
  static final class CteEnv {
    static final CteEnv EMPTY = new CteEnv(null);
    final CteEnv parent;
    final Map<String, CteDef> defs = new HashMap<>();

    CteEnv(CteEnv parent) {
      this.parent = parent;
    }

    CteDef lookup(String name) {
      for (CteEnv e = this; e != null; e = e.parent) {
        CteDef d = e.defs.get(lower(name));
        if (d != null) {
          return d;
        }
      }
      return null;
    }

    List<String> names() {
      List<String> out = new ArrayList<>();
      for (CteEnv e = this; e != null; e = e.parent) {
        for (CteDef d : e.defs.values()) {
          out.add(d.name);
        }
      }
      out.sort(null);
      return out;
    }
  }

  /** A CTE's name and output shape ({@code null} shape while its own recursive body is checked). */
  static final class CteDef {
    final String name;
    Shape shape;

    CteDef(String name, Shape shape) {
      this.name = name;
      this.shape = shape;
    }
  }
}
