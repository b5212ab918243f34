package io.github.nl2sql.internal.validate;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.internal.sql.SourceMap;
import io.github.nl2sql.ir.Statement;
import java.util.List;
import java.util.Objects;

/**
 * Validates IR against a catalog: resolves every table, CTE, alias and column with SQL's scoping
 * rules, checks functions against the dialect's known functions, and checks aggregate, window,
 * grouping, arity and type rules. Unknown names come with ranked "did you mean" suggestions
 * ({@link NameSuggester}).
 *
 * <p>The bar is zero false blocks: where the target database would run a statement, the validator
 * reports at most warnings (e.g. non-grouped columns on SQLite/MySQL/MariaDB, type mismatches).
 * Immutable and thread-safe; each call works on its own state.
 */
public final class Validator {
  private final Catalog catalog;
  private final Dialect dialect;

  /**
   * A validator for {@code catalog}'s tables and {@code dialect}'s rules.
   *
   * @param catalog the schema names resolve against
   * @param dialect the target dialect; when {@code null}, the catalog's dialect, else SQLite rules
   * @throws NullPointerException when {@code catalog} is null
   */
  public Validator(Catalog catalog, Dialect dialect) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.dialect = dialect != null ? dialect
        : catalog.dialect() != null ? catalog.dialect() : Dialect.SQLITE;
  }

  /**
   * Diagnostics for {@code statement}, errors first (then warnings, then infos; otherwise in the
   * order found). Positions are taken from {@code positions} for the offending nodes when the IR came
   * from SQL text.
   *
   * @param statement the IR to check
   * @param positions where the IR's nodes are in the SQL text, or {@code null}
   * @return the diagnostics, empty when the statement is fine; never {@code null}
   * @throws NullPointerException when {@code statement} is null
   */
  public List<Diagnostic> validate(Statement statement, SourceMap positions) {
    Objects.requireNonNull(statement, "statement");
    return List.copyOf(new Checker(catalog, dialect, positions).run(statement));
  }

  /** The dialect whose rules apply. */
  public Dialect dialect() {
    return dialect;
  }
}
