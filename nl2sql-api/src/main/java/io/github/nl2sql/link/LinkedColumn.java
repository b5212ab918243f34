package io.github.nl2sql.link;

import java.util.List;

/** A column ranked by relevance to a question, with the evidence for it. */
public record LinkedColumn(String table, String column, double score, List<Evidence> evidence) {
  public LinkedColumn {
    evidence = List.copyOf(evidence);
  }

  /** {@code table.column}. */
  public String qualifiedName() {
    return table + "." + column;
  }
}
