package io.github.nl2sql.link;

import java.util.List;

/** A table ranked by relevance to a question, with the evidence for it. */
public record LinkedTable(String table, double score, List<Evidence> evidence) {
  public LinkedTable {
    evidence = List.copyOf(evidence);
  }
}
