package io.github.nl2sql.jdbc;

import java.sql.ResultSet;
import java.sql.Statement;

/** A result set whose {@link #getStatement()} is our statement wrapper, never the driver's. Internal. */
final class WrappedResultSet extends DelegatingResultSet {
  private final Statement statement;

  /** @param statement our statement that produced it, or {@code null} for metadata result sets */
  WrappedResultSet(Statement statement, ResultSet delegate) {
    super(delegate);
    this.statement = statement;
  }

  @Override
  Statement statement() {
    return statement;
  }

  @Override
  public String toString() {
    return "Nl2SqlResultSet[" + delegate + "]";
  }
}
