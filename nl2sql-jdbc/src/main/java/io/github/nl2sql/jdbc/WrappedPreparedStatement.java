package io.github.nl2sql.jdbc;

import io.github.nl2sql.diagnostics.Diagnostic;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.Optional;

/**
 * A prepared statement: plain SQL was guarded when prepared and passes to the real statement; for a
 * question, the real statement is the one the question's plan prepared (compiled read or write
 * description) and each execution binds the plan's values again. Internal.
 */
final class WrappedPreparedStatement extends DelegatingPreparedStatement implements Nl2SqlStatement {
  private final WrappedConnection connection;
  private final String sql;
  private final QuestionPlan plan;
  /** Created on first use: plain SQL with the guard off never needs one; a question always has one. */
  private StatementState state;

  /**
   * @param sql the plain SQL, or {@code null} for a question
   * @param plan the question's plan, or {@code null} for plain SQL
   */
  WrappedPreparedStatement(WrappedConnection connection, PreparedStatement delegate, String sql,
      QuestionPlan plan) {
    super(delegate);
    this.connection = connection;
    this.sql = sql;
    this.plan = plan;
    if (plan != null) {
      state().question(plan);
    }
  }

  void guarded(WrappedConnection.Checked checked) {
    if (checked != WrappedConnection.Checked.NONE) {
      state().guarded(checked);
    }
  }

  private StatementState state() {
    StatementState s = state;
    if (s == null) {
      s = new StatementState();
      state = s;
    }
    return s;
  }

  @Override
  Connection connection() {
    return connection;
  }

  @Override
  ResultSet wrapResultSet(ResultSet resultSet) {
    return resultSet == null ? null : new WrappedResultSet(this, resultSet);
  }

  private void after() {
    if (!connection.guardOff && sql != null) {
      connection.afterExecute(sql);
    }
  }

  /** A failure of the real statement, with the guard's findings added when there are any. */
  private SQLException explained(SQLException e) {
    return state == null ? e : state.explain(e);
  }

  private static SQLException noUpdateForQuestion() {
    return new QuestionFailedException("A '-- nl:' question returns a result set; run it with "
        + "executeQuery or execute, not executeUpdate or addBatch", null);
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    if (plan != null) {
      ResultSet rs = wrapResultSet(plan.execute());
      state.questionResult(rs);
      return rs;
    }
    ResultSet rs;
    try {
      rs = delegate.executeQuery();
    } catch (SQLException e) {
      throw explained(e);
    }
    after();
    return rs == null ? null : new WrappedResultSet(this, rs);
  }

  @Override
  public boolean execute() throws SQLException {
    if (plan != null) {
      executeQuery();
      return true;
    }
    boolean r;
    try {
      r = delegate.execute();
    } catch (SQLException e) {
      throw explained(e);
    }
    after();
    return r;
  }

  @Override
  public int executeUpdate() throws SQLException {
    if (plan != null) {
      throw noUpdateForQuestion();
    }
    int r;
    try {
      r = delegate.executeUpdate();
    } catch (SQLException e) {
      throw explained(e);
    }
    after();
    return r;
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    if (plan != null) {
      throw noUpdateForQuestion();
    }
    long r;
    try {
      r = delegate.executeLargeUpdate();
    } catch (SQLException e) {
      throw explained(e);
    }
    after();
    return r;
  }

  @Override
  public void addBatch() throws SQLException {
    if (plan != null) {
      throw noUpdateForQuestion();
    }
    delegate.addBatch();
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    return plan != null ? state.resultSet() : wrapResultSet(delegate.getResultSet());
  }

  @Override
  public int getUpdateCount() throws SQLException {
    return plan != null ? -1 : delegate.getUpdateCount();
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    return plan != null ? -1 : delegate.getLargeUpdateCount();
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    return plan != null ? state.moreResults(java.sql.Statement.CLOSE_CURRENT_RESULT) : delegate.getMoreResults();
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    return plan != null ? state.moreResults(current) : delegate.getMoreResults(current);
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
