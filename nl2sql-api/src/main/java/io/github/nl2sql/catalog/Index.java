package io.github.nl2sql.catalog;

import java.util.List;

/** An index: name, uniqueness and columns in index order. */
public record Index(String name, boolean unique, List<String> columns) {
  public Index {
    columns = List.copyOf(columns);
  }
}
