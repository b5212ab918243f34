package io.github.nl2sql.ir;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/** A common table expression {@code name [(columns)] AS (query)}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Cte(String name, List<String> columns, Query query) {
  public Cte {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("CTE name must not be null or blank");
    }
    columns = columns == null ? List.of() : List.copyOf(columns);
    Objects.requireNonNull(query, "query");
  }
}
