package io.github.nl2sql.ir;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A WITH clause: one or more common table expressions, optionally RECURSIVE. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record With(boolean recursive, List<Cte> ctes) {
  public With {
    ctes = List.copyOf(ctes);
    if (ctes.isEmpty()) {
      throw new IllegalArgumentException("WITH needs at least one CTE");
    }
  }
}
