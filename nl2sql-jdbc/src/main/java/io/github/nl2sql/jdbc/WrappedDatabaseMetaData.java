package io.github.nl2sql.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Metadata passed through for SQL clients to browse; {@link #getConnection()} is our connection and
 * the result sets are wrapped (their {@code getStatement()} is {@code null}, as JDBC allows for metadata).
 * Internal.
 */
final class WrappedDatabaseMetaData extends DelegatingDatabaseMetaData {
  private final WrappedConnection connection;

  WrappedDatabaseMetaData(WrappedConnection connection, DatabaseMetaData delegate) {
    super(delegate);
    this.connection = connection;
  }

  @Override
  Connection connection() {
    return connection;
  }

  @Override
  ResultSet wrapResultSet(ResultSet resultSet) {
    return resultSet == null ? null : new WrappedResultSet(null, resultSet);
  }

  @Override
  public String getDriverName() throws SQLException {
    return "nl2sql over " + delegate.getDriverName();
  }

  @Override
  public String toString() {
    return "Nl2SqlDatabaseMetaData[" + delegate + "]";
  }
}
