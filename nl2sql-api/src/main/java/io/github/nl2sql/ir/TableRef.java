package io.github.nl2sql.ir;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/** An item of a FROM clause: a named table (or CTE), a derived table, or a join of two items. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = TableRef.Table.class, name = "table"),
  @JsonSubTypes.Type(value = TableRef.Derived.class, name = "derived"),
  @JsonSubTypes.Type(value = TableRef.Join.class, name = "join")
})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public sealed interface TableRef {

  /**
   * A table, view or CTE by name.
   *
   * @param schema schema qualifier or {@code null}
   * @param name table name
   * @param alias alias or {@code null}
   */
  record Table(String schema, String name, String alias) implements TableRef {
    public Table {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("table name must not be null or blank");
      }
    }

    /** An unaliased table in the default schema. */
    public static Table of(String name) {
      return new Table(null, name, null);
    }

    /** An aliased table in the default schema. */
    public static Table of(String name, String alias) {
      return new Table(null, name, alias);
    }

    /** The name other parts of the query use to refer to this table: the alias if any, else the name. */
    public String referenceName() {
      return alias != null ? alias : name;
    }
  }

  /**
   * A subquery in FROM: {@code (query) AS alias [(columnAliases)]}. SQLite and MySQL allow the alias to
   * be missing; it is then {@code null}.
   */
  record Derived(Query query, String alias, List<String> columnAliases) implements TableRef {
    public Derived {
      Objects.requireNonNull(query, "query");
      columnAliases = columnAliases == null ? List.of() : List.copyOf(columnAliases);
    }
  }

  /**
   * {@code left [type] JOIN right ON on} or {@code ... USING (using)}. CROSS joins have neither.
   */
  record Join(JoinType type, TableRef left, TableRef right, Expr on, List<String> using)
      implements TableRef {
    public Join {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
      using = using == null ? List.of() : List.copyOf(using);
      if (on != null && !using.isEmpty()) {
        throw new IllegalArgumentException("a join has ON or USING, not both");
      }
    }

    /** {@code left JOIN right ON on}. */
    public static Join inner(TableRef left, TableRef right, Expr on) {
      return new Join(JoinType.INNER, left, right, on, List.of());
    }
  }
}
