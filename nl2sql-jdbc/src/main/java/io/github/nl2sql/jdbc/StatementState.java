package io.github.nl2sql.jdbc;

import io.github.nl2sql.diagnostics.Diagnostic;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;

/**
 * What a wrapped statement remembers about its last execution: our own warnings (guard diagnostics, a
 * question's generated SQL), the guard's diagnostics and a question's plan and answer. Internal.
 */
final class StatementState {
  private SQLWarning warning;
  private List<Diagnostic> diagnostics = List.of();
  private QuestionPlan plan;
  private QuestionAnswer answer;
  /** Whether anything is remembered; keeps the unguarded path to one field read. */
  boolean dirty;

  void guarded(WrappedConnection.Checked checked) {
    warning = checked.warning();
    diagnostics = checked.diagnostics();
    dirty = true;
  }

  void question(QuestionPlan plan) {
    this.plan = plan;
    this.answer = plan.answer();
    this.warning = plan.warning();
    this.diagnostics = List.of();
    dirty = true;
  }

  /** Forgets the last execution and closes a question's statement. */
  void reset() throws SQLException {
    QuestionPlan p = plan;
    warning = null;
    diagnostics = List.of();
    plan = null;
    answer = null;
    dirty = false;
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
    if (dirty && !diagnostics.isEmpty()) {
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
