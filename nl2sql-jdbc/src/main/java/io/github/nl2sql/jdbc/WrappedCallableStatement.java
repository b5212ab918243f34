package io.github.nl2sql.jdbc;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;

/** A callable statement: passed through untouched (the guard does not check procedure calls). Internal. */
final class WrappedCallableStatement extends DelegatingCallableStatement {
  private final WrappedConnection connection;

  WrappedCallableStatement(WrappedConnection connection, CallableStatement delegate) {
    super(delegate);
    this.connection = connection;
  }

  @Override
  Connection connection() {
    return connection;
  }

  @Override
  ResultSet wrapResultSet(ResultSet resultSet) {
    return resultSet == null ? null : new WrappedResultSet(this, resultSet);
  }

  @Override
  public String toString() {
    return "Nl2SqlCallableStatement[" + delegate + "]";
  }
}
