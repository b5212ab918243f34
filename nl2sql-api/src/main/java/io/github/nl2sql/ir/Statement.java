package io.github.nl2sql.ir;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/**
 * A complete IR statement: a read ({@link Query}) or a write ({@link Insert}, {@link Update},
 * {@link Delete}). Writes are never executed by the library on their own; they come back as drafts.
 *
 * <p>JSON form: an object with a {@code "kind"} discriminator ({@code select}, {@code set_operation},
 * {@code insert}, {@code update}, {@code delete}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Query.Select.class, name = "select"),
  @JsonSubTypes.Type(value = Query.SetOperation.class, name = "set_operation"),
  @JsonSubTypes.Type(value = Statement.Insert.class, name = "insert"),
  @JsonSubTypes.Type(value = Statement.Update.class, name = "update"),
  @JsonSubTypes.Type(value = Statement.Delete.class, name = "delete")
})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public sealed interface Statement permits Query, Statement.Insert, Statement.Update, Statement.Delete {

  /** Whether this statement only reads. Not part of the JSON form. */
  @JsonIgnore
  default boolean isRead() {
    return this instanceof Query;
  }

  /**
   * {@code INSERT INTO table (columns) VALUES (...), (...)} or {@code INSERT INTO table (columns)
   * query}; exactly one of {@code rows} and {@code query} is given.
   */
  record Insert(TableRef.Table table, List<String> columns, List<List<Expr>> rows, Query query)
      implements Statement {
    public Insert {
      Objects.requireNonNull(table, "table");
      columns = columns == null ? List.of() : List.copyOf(columns);
      rows = rows == null ? List.of() : rows.stream().map(List::copyOf).toList();
      if (rows.isEmpty() == (query == null)) {
        throw new IllegalArgumentException("INSERT needs either rows or a query, not both");
      }
    }
  }

  /** {@code UPDATE table SET ... [WHERE ...]}. */
  record Update(TableRef.Table table, List<Assignment> set, Expr where) implements Statement {
    public Update {
      Objects.requireNonNull(table, "table");
      set = List.copyOf(set);
      if (set.isEmpty()) {
        throw new IllegalArgumentException("UPDATE needs at least one assignment");
      }
    }
  }

  /** {@code DELETE FROM table [WHERE ...]}. */
  record Delete(TableRef.Table table, Expr where) implements Statement {
    public Delete {
      Objects.requireNonNull(table, "table");
    }
  }

  /** {@code column = value} in an UPDATE. */
  record Assignment(String column, Expr value) {
    public Assignment {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(value, "value");
    }
  }
}
