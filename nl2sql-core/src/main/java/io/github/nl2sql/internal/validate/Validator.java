package io.github.nl2sql.internal.validate;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.internal.sql.SourceMap;
import io.github.nl2sql.ir.Statement;
import java.util.List;

/** Validates IR against a catalog. SKELETON: implemented by the validator work. */
public final class Validator {
  private final Catalog catalog;
  private final Dialect dialect;

  public Validator(Catalog catalog, Dialect dialect) {
    this.catalog = catalog;
    this.dialect = dialect;
  }

  /** Diagnostics for {@code statement}, errors first; positions from {@code positions} when given. */
  public List<Diagnostic> validate(Statement statement, SourceMap positions) {
    throw new UnsupportedOperationException("not yet implemented: " + catalog + dialect);
  }
}
