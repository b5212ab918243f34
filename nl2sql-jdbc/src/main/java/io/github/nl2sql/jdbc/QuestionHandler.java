package io.github.nl2sql.jdbc;

import io.github.nl2sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Answers a question: ask, validate, compile. The seam between the driver (which detects questions,
 * runs the compiled SQL on the caller's connection and turns outcomes into result sets, warnings and
 * exceptions) and the planner. Implementations must be thread-safe. Internal.
 */
@FunctionalInterface
interface QuestionHandler {

  /**
   * One question, or the answer to a pending clarification.
   *
   * @param question the question text (for a clarification answer: the original question)
   * @param clarification the clarification being answered, or {@code null}
   * @param chosenOption the chosen option text when answering a clarification, else {@code null}
   * @param chosenNumber the chosen option's number (from 1) when answering a clarification, else 0
   * @param connection the caller's real connection (for reading, never for writing)
   * @param dialect the database's dialect
   * @param settings the connection's settings
   * @param session state the handler keeps per connection (a conversation), never shared
   */
  record Request(String question, QuestionOutcome.Clarify clarification, String chosenOption,
      int chosenNumber, Connection connection, Dialect dialect, Settings settings, Session session) {}

  /** Per-connection state of a handler, e.g. its conversation. Used from one thread at a time. */
  final class Session {
    private Object state;

    /** The handler's state, or {@code null} before it stored any. */
    public Object state() {
      return state;
    }

    /** Replaces the handler's state. */
    public void state(Object state) {
      this.state = state;
    }
  }

  /**
   * Answers {@code request}.
   *
   * @throws SQLException when no answer can be produced (no planner, model unreachable); the driver
   *     passes it to the caller
   */
  QuestionOutcome answer(Request request) throws SQLException;

  /** The handler used while no planner is available: every question fails with a clear message. */
  static QuestionHandler unavailable() {
    return request -> {
      throw new QuestionFailedException("Cannot answer the question '" + request.question()
          + "': no question planner is available (this nl2sql build has no Nl2Sql.ask), so '-- nl:' "
          + "statements cannot be answered yet. Nothing was sent to the database; plain SQL works on "
          + "this connection.", null);
    };
  }
}
