package io.github.nl2sql.ir;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** One item of a select list: an expression and an optional alias. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SelectItem(Expr expr, String alias) {
  public SelectItem {
    Objects.requireNonNull(expr, "expr");
  }
}
