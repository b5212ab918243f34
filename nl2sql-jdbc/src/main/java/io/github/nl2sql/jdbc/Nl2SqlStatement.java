package io.github.nl2sql.jdbc;

import io.github.nl2sql.diagnostics.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * What an nl2sql statement adds to {@link java.sql.Statement}; reach it with
 * {@code statement.unwrap(Nl2SqlStatement.class)}. Not thread-safe, like any JDBC statement.
 */
public interface Nl2SqlStatement extends java.sql.Statement {

  /** The answer of the last question run by this statement, if its last execution was a question. */
  Optional<QuestionAnswer> lastAnswer();

  /** What the guard reported about the last statement (warn and block modes); empty otherwise. */
  List<Diagnostic> lastDiagnostics();
}
