package io.github.nl2sql.internal.compile;

import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.ir.Statement;

/** Compiles validated IR to SQL via a jOOQ query tree. SKELETON: implemented by the compiler work. */
public final class SqlCompiler {
  private final Dialect dialect;

  public SqlCompiler(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * Compiles {@code statement}; a read without LIMIT gets {@code defaultLimit} (0 adds none). Every
   * literal becomes a bind value.
   */
  public CompiledQuery compile(Statement statement, long defaultLimit) {
    throw new UnsupportedOperationException("not yet implemented for " + dialect);
  }
}
