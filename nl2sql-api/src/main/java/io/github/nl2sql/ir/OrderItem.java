package io.github.nl2sql.ir;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** One ORDER BY item; {@code direction} defaults to ASC and {@code nulls} to DEFAULT when null. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OrderItem(Expr expr, SortOrder direction, NullOrder nulls) {
  public OrderItem {
    Objects.requireNonNull(expr, "expr");
    direction = direction == null ? SortOrder.ASC : direction;
    nulls = nulls == null ? NullOrder.DEFAULT : nulls;
  }

  /** Ascending order. */
  public static OrderItem asc(Expr expr) {
    return new OrderItem(expr, SortOrder.ASC, NullOrder.DEFAULT);
  }

  /** Descending order. */
  public static OrderItem desc(Expr expr) {
    return new OrderItem(expr, SortOrder.DESC, NullOrder.DEFAULT);
  }
}
