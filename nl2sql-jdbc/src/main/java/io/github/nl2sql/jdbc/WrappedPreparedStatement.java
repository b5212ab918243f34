package io.github.nl2sql.jdbc;

import io.github.nl2sql.diagnostics.Diagnostic;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * A prepared statement. Plain SQL with the guard off has no {@link StatementState} and every call passes
 * straight to the real statement: that is the pass-through path, one null check over the real driver.
 * Plain SQL under the guard was checked when prepared, and its state keeps the findings (warnings, an
 * explanation added to database errors). For a question, the real statement is the one the question's
 * plan prepared (compiled read or write description) and each execution binds the plan's values again.
 * Internal.
 */
final class WrappedPreparedStatement extends DelegatingPreparedStatement implements Nl2SqlStatement {
  private final WrappedConnection connection;
  /** {@code null} on the pass-through path; else the guard's findings and SQL, or the question. */
  private final StatementState state;

  WrappedPreparedStatement(WrappedConnection connection, PreparedStatement delegate, StatementState state) {
    super(delegate);
    this.connection = connection;
    this.state = state;
  }

  @Override
  Connection connection() {
    return connection;
  }

  @Override
  ResultSet wrapResultSet(ResultSet resultSet) {
    return resultSet == null ? null : new WrappedResultSet(this, resultSet);
  }

  /** The question's plan, or {@code null} for plain SQL. */
  private QuestionPlan plan() {
    return state == null ? null : state.plan();
  }

  private static SQLException noUpdateForQuestion() {
    return new QuestionFailedException("A '-- nl:' question returns a result set; run it with "
        + "executeQuery or execute, not executeUpdate or addBatch", null);
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    StatementState s = state;
    if (s == null) {
      return wrapResultSet(delegate.executeQuery());
    }
    QuestionPlan plan = s.plan();
    if (plan != null) {
      ResultSet rs = wrapResultSet(plan.execute());
      s.questionResult(rs);
      return rs;
    }
    ResultSet rs;
    try {
      rs = delegate.executeQuery();
    } catch (SQLException e) {
      throw s.explain(e);
    }
    connection.afterExecute(s.sql());
    return wrapResultSet(rs);
  }

  @Override
  public boolean execute() throws SQLException {
    StatementState s = state;
    if (s == null) {
      return delegate.execute();
    }
    if (s.plan() != null) {
      executeQuery();
      return true;
    }
    boolean r;
    try {
      r = delegate.execute();
    } catch (SQLException e) {
      throw s.explain(e);
    }
    connection.afterExecute(s.sql());
    return r;
  }

  @Override
  public int executeUpdate() throws SQLException {
    StatementState s = state;
    if (s == null) {
      return delegate.executeUpdate();
    }
    if (s.plan() != null) {
      throw noUpdateForQuestion();
    }
    int r;
    try {
      r = delegate.executeUpdate();
    } catch (SQLException e) {
      throw s.explain(e);
    }
    connection.afterExecute(s.sql());
    return r;
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    StatementState s = state;
    if (s == null) {
      return delegate.executeLargeUpdate();
    }
    if (s.plan() != null) {
      throw noUpdateForQuestion();
    }
    long r;
    try {
      r = delegate.executeLargeUpdate();
    } catch (SQLException e) {
      throw s.explain(e);
    }
    connection.afterExecute(s.sql());
    return r;
  }

  @Override
  public void addBatch() throws SQLException {
    if (plan() != null) {
      throw noUpdateForQuestion();
    }
    delegate.addBatch();
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    return plan() != null ? state.resultSet() : wrapResultSet(delegate.getResultSet());
  }

  @Override
  public int getUpdateCount() throws SQLException {
    return plan() != null ? -1 : delegate.getUpdateCount();
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    return plan() != null ? -1 : delegate.getLargeUpdateCount();
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    return plan() != null ? state.moreResults(Statement.CLOSE_CURRENT_RESULT) : delegate.getMoreResults();
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    return plan() != null ? state.moreResults(current) : delegate.getMoreResults(current);
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    return state == null ? delegate.getWarnings() : state.warnings(delegate.getWarnings());
  }

  @Override
  public void clearWarnings() throws SQLException {
    if (state != null) {
      state.clearWarnings();
    }
    delegate.clearWarnings();
  }

  @Override
  public void close() throws SQLException {
    QuestionPlan plan = plan();
    if (plan != null) {
      plan.close();
    } else {
      delegate.close();
    }
  }

  @Override
  public Optional<QuestionAnswer> lastAnswer() {
    return state == null ? Optional.empty() : Optional.ofNullable(state.answer());
  }

  @Override
  public List<Diagnostic> lastDiagnostics() {
    return state == null ? List.of() : state.diagnostics();
  }

  @Override
  public String toString() {
    return "Nl2SqlPreparedStatement[" + delegate + "]";
  }
}
