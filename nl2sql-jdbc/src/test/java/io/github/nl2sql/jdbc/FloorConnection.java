package io.github.nl2sql.jdbc;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The floor for any wrapping driver that keeps JDBC's back-references: a connection whose statements and
 * result sets are forwarding wrappers ({@code getConnection()} and {@code getStatement()} return the
 * wrappers) and that does nothing else (no question routing, no guard, no state). The pass-through
 * benchmarks run it beside {@code jdbc:nl2sql:} so the cost of wrapping itself is told apart from the
 * cost of what nl2sql adds to it. Test code: not a driver anyone should use.
 */
public final class FloorConnection extends DelegatingConnection {
  public FloorConnection(Connection delegate) {
    super(delegate);
  }

  @Override
  Statement wrapStatement(Statement statement) {
    return new FloorStatement(this, statement);
  }

  @Override
  PreparedStatement wrapPrepared(String sql, PreparedStatement statement) {
    return new FloorPrepared(this, statement);
  }

  @Override
  CallableStatement wrapCallable(String sql, CallableStatement statement) {
    throw new UnsupportedOperationException("the floor wrapper has no callable statements");
  }

  @Override
  DatabaseMetaData wrapMetaData(DatabaseMetaData metaData) {
    throw new UnsupportedOperationException("the floor wrapper has no metadata wrapper");
  }

  private static final class FloorStatement extends DelegatingStatement {
    private final FloorConnection connection;

    FloorStatement(FloorConnection connection, Statement delegate) {
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
  }

  private static final class FloorPrepared extends DelegatingPreparedStatement {
    private final FloorConnection connection;

    FloorPrepared(FloorConnection connection, PreparedStatement delegate) {
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
  }
}
