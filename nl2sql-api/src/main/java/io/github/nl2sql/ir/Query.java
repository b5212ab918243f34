package io.github.nl2sql.ir;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/**
 * A read query: a {@link Select} or a {@link SetOperation} of two queries. Both may carry common table
 * expressions ({@link With}), ORDER BY, LIMIT and OFFSET.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Query.Select.class, name = "select"),
  @JsonSubTypes.Type(value = Query.SetOperation.class, name = "set_operation")
})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public sealed interface Query extends Statement permits Query.Select, Query.SetOperation {

  /** Common table expressions, or {@code null}. */
  With with();

  /** ORDER BY items, possibly empty. */
  List<OrderItem> orderBy();

  /** LIMIT, or {@code null} for none. */
  Long limit();

  /** OFFSET, or {@code null} for none. */
  Long offset();

  /** A copy with the given LIMIT ({@code null} removes it). */
  Query withLimit(Long limit);

  /**
   * {@code [WITH ...] SELECT [DISTINCT] items [FROM from] [WHERE where] [GROUP BY groupBy] [HAVING
   * having] [ORDER BY orderBy] [LIMIT limit] [OFFSET offset]}. Several {@code from} items are a comma
   * (cross) join.
   */
  record Select(
      With with,
      boolean distinct,
      List<SelectItem> items,
      List<TableRef> from,
      Expr where,
      List<Expr> groupBy,
      Expr having,
      List<OrderItem> orderBy,
      Long limit,
      Long offset)
      implements Query {
    public Select {
      items = List.copyOf(items);
      if (items.isEmpty()) {
        throw new IllegalArgumentException("SELECT needs at least one item");
      }
      from = from == null ? List.of() : List.copyOf(from);
      groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
      orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
      checkLimit(limit, offset);
    }

    /** Starts a builder for a plain SELECT. */
    public static Builder builder() {
      return new Builder();
    }

    @Override
    public Select withLimit(Long limit) {
      return new Select(with, distinct, items, from, where, groupBy, having, orderBy, limit, offset);
    }

    /** A copy with the given WHERE condition ({@code null} removes it). */
    public Select withWhere(Expr where) {
      return new Select(with, distinct, items, from, where, groupBy, having, orderBy, limit, offset);
    }

    /** A copy with the given ORDER BY. */
    public Select withOrderBy(List<OrderItem> orderBy) {
      return new Select(with, distinct, items, from, where, groupBy, having, orderBy, limit, offset);
    }

    /** A copy with the given select list. */
    public Select withItems(List<SelectItem> items) {
      return new Select(with, distinct, items, from, where, groupBy, having, orderBy, limit, offset);
    }

    /** A copy with the given GROUP BY. */
    public Select withGroupBy(List<Expr> groupBy) {
      return new Select(with, distinct, items, from, where, groupBy, having, orderBy, limit, offset);
    }

    /** A copy with the given CTEs. */
    public Select withWith(With with) {
      return new Select(with, distinct, items, from, where, groupBy, having, orderBy, limit, offset);
    }

    /** Mutable, single-use builder of a {@link Select}; not thread-safe. */
    public static final class Builder {
      private With with;
      private boolean distinct;
      private final java.util.ArrayList<SelectItem> items = new java.util.ArrayList<>();
      private final java.util.ArrayList<TableRef> from = new java.util.ArrayList<>();
      private Expr where;
      private final java.util.ArrayList<Expr> groupBy = new java.util.ArrayList<>();
      private Expr having;
      private final java.util.ArrayList<OrderItem> orderBy = new java.util.ArrayList<>();
      private Long limit;
      private Long offset;

      private Builder() {}

      public Builder with(With with) {
        this.with = with;
        return this;
      }

      public Builder distinct(boolean distinct) {
        this.distinct = distinct;
        return this;
      }

      public Builder select(Expr expr) {
        items.add(new SelectItem(expr, null));
        return this;
      }

      public Builder select(Expr expr, String alias) {
        items.add(new SelectItem(expr, alias));
        return this;
      }

      public Builder from(TableRef ref) {
        from.add(ref);
        return this;
      }

      public Builder where(Expr where) {
        this.where = where;
        return this;
      }

      public Builder groupBy(Expr expr) {
        groupBy.add(expr);
        return this;
      }

      public Builder having(Expr having) {
        this.having = having;
        return this;
      }

      public Builder orderBy(Expr expr, SortOrder order) {
        orderBy.add(new OrderItem(expr, order, NullOrder.DEFAULT));
        return this;
      }

      public Builder limit(long limit) {
        this.limit = limit;
        return this;
      }

      public Builder offset(long offset) {
        this.offset = offset;
        return this;
      }

      public Select build() {
        return new Select(with, distinct, items, from, where, groupBy, having, orderBy, limit, offset);
      }
    }
  }

  /** {@code left UNION|INTERSECT|EXCEPT [ALL] right}, with optional ORDER BY/LIMIT over the result. */
  record SetOperation(
      With with,
      SetOperator operator,
      boolean all,
      Query left,
      Query right,
      List<OrderItem> orderBy,
      Long limit,
      Long offset)
      implements Query {
    public SetOperation {
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
      orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
      checkLimit(limit, offset);
    }

    /** A set operation without CTEs, ORDER BY or LIMIT. */
    public static SetOperation of(SetOperator operator, boolean all, Query left, Query right) {
      return new SetOperation(null, operator, all, left, right, List.of(), null, null);
    }

    @Override
    public SetOperation withLimit(Long limit) {
      return new SetOperation(with, operator, all, left, right, orderBy, limit, offset);
    }
  }

  private static void checkLimit(Long limit, Long offset) {
    if (limit != null && limit < 0) {
      throw new IllegalArgumentException("LIMIT must be >= 0, got " + limit);
    }
    if (offset != null && offset < 0) {
      throw new IllegalArgumentException("OFFSET must be >= 0, got " + offset);
    }
  }
}
