package io.github.nl2sql.internal.sql;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;

/** Imports SQL text into IR with JSqlParser. SKELETON: implemented by the import work. */
public final class SqlImporter {
  private final Dialect dialect;

  public SqlImporter(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * Parses and imports {@code sql}. Never throws for bad SQL; problems come back as diagnostics.
   *
   * @param catalog used to tell SQLite/MySQL double-quoted strings from quoted identifiers; may be null
   */
  public ImportResult importSql(String sql, Catalog catalog) {
    throw new UnsupportedOperationException("not yet implemented for " + dialect);
  }
}
