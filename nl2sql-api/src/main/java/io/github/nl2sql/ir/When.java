package io.github.nl2sql.ir;

import java.util.Objects;

/** One {@code WHEN condition THEN result} arm of a {@link Expr.Case}. */
public record When(Expr condition, Expr result) {
  public When {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(result, "result");
  }
}
