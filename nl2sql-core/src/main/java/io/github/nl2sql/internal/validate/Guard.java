package io.github.nl2sql.internal.validate;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.ValidationResult;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.ir.Statement;

/**
 * Checks raw SQL or IR before anything runs: one statement only, no DDL, no writes unless allowed, every
 * name resolved. SKELETON: implemented by the validator work.
 */
public final class Guard {
  private final Catalog catalog;
  private final Dialect dialect;
  private final boolean allowWrites;

  public Guard(Catalog catalog, Dialect dialect, boolean allowWrites) {
    this.catalog = catalog;
    this.dialect = dialect;
    this.allowWrites = allowWrites;
  }

  /** Imports, guards and validates SQL text. */
  public ValidationResult check(String sql) {
    throw new UnsupportedOperationException("not yet implemented" + catalog + dialect + allowWrites);
  }

  /** Guards and validates IR. */
  public ValidationResult check(Statement statement) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
