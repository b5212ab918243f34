package io.github.nl2sql.jdbc;

import io.github.nl2sql.diagnostics.Diagnostic;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;

/**
 * What a wrapped statement remembers about its last execution: our own warnings (guard diagnostics, a
 * question's generated SQL), the guard's diagnostics, and a question's plan, answer and result set with
 * the JDBC result navigation over it ({@link #resultSet}, {@link #moreResults}). A statement whose last
 * execution left nothing to remember has none, which keeps the pass-through path to one field read.
 * Internal; used by one statement, so by one thread at a time.
 */
final class StatementState {
  private SQLWarning warning;
  private List<Diagnostic> diagnostics = List.of();
  private QuestionPlan plan;
  private QuestionAnswer answer;
  /** The question's result set (our wrapper) while it is the current result, else {@code null}. */
  private ResultSet questionResult;
  /** The plain SQL of a prepared statement under the guard (for {@link WrappedConnection#afterExecute}). */
  private String sql;

  /** Plain SQL of a prepared statement was checked by the guard when it was prepared. */
  void guarded(String sql, WrappedConnection.Checked checked) {
    this.sql = sql;
    guarded(checked);
  }

  /** The plain SQL given to {@link #guarded(String, WrappedConnection.Checked)}, else {@code null}. */
  String sql() {
    return sql;
  }

  void guarded(WrappedConnection.Checked checked) {
    warning = checked.warning();
    diagnostics = checked.diagnostics();
  }

  /** A question was planned; its result set follows with {@link #questionResult}. */
  void question(QuestionPlan plan) {
    this.plan = plan;
    this.answer = plan.answer();
    this.warning = plan.warning();
    this.diagnostics = List.of();
  }

  /** The question's plan, or {@code null} when the last execution was plain SQL. */
  QuestionPlan plan() {
    return plan;
  }

  /** The question's result set became the statement's current result. */
  void questionResult(ResultSet resultSet) {
    questionResult = resultSet;
  }

  /** Whether the last execution was a question (its result is then ours, not the real statement's). */
  boolean isQuestion() {
    return plan != null;
  }

  /** {@link Statement#getResultSet()} of a question: its result set while current, else {@code null}. */
  ResultSet resultSet() {
    return questionResult;
  }

  /**
   * {@link Statement#getMoreResults(int)} of a question: it has one result, so there are no more; the
   * current one is closed unless {@code current} is {@link Statement#KEEP_CURRENT_RESULT}.
   */
  boolean moreResults(int current) throws SQLException {
    ResultSet rs = questionResult;
    questionResult = null;
    if (rs != null && current != Statement.KEEP_CURRENT_RESULT) {
      rs.close();
    }
    return false;
  }

  /** Forgets the last execution and closes a question's statement. */
  void reset() throws SQLException {
    QuestionPlan p = plan;
    warning = null;
    diagnostics = List.of();
    plan = null;
    answer = null;
    questionResult = null;
    if (p != null) {
      p.close();
    }
  }

  /**
   * Adds the guard's diagnostics of this statement to a failure of the real driver as the next
   * exception (SQLState 01N02), so "did you mean" reaches the user beside the database's own message,
   * which stays first and unchanged.
   */
  SQLException explain(SQLException e) {
    if (!diagnostics.isEmpty()) {
      StringBuilder sb = new StringBuilder("nl2sql guard:");
      for (Diagnostic d : diagnostics) {
        sb.append(' ').append(d.code().id()).append(' ').append(d.format()).append('.');
      }
      e.setNextException(new SQLException(sb.toString(), WrappedConnection.WARNING_GUARD));
    }
    return e;
  }

  QuestionAnswer answer() {
    return answer;
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  void clearWarnings() {
    warning = null;
  }

  /** Our warnings (copied, so the caller's chain is fresh) followed by the real driver's. */
  SQLWarning warnings(SQLWarning theirs) {
    if (warning == null) {
      return theirs;
    }
    SQLWarning head = null;
    SQLWarning tail = null;
    for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
      SQLWarning copy = new SQLWarning(w.getMessage(), w.getSQLState(), w.getErrorCode(), w.getCause());
      if (head == null) {
        head = copy;
      } else {
        tail.setNextWarning(copy);
      }
      tail = copy;
    }
    if (theirs != null) {
      tail.setNextWarning(theirs);
    }
    return head;
  }
}
