package io.github.nl2sql.link;

import java.util.List;

/**
 * The result of linking one question to a catalog: every table and column ranked best first with
 * evidence, the value matches found, and the selection to put in a prompt. Immutable.
 */
public record Linking(String question, List<LinkedTable> tables, List<LinkedColumn> columns,
    List<ValueMatch> values, Selection selection) {
  public Linking {
    tables = List.copyOf(tables);
    columns = List.copyOf(columns);
    values = List.copyOf(values);
  }
}
