package io.github.nl2sql.jdbc;

import java.util.List;
import java.util.Optional;

/**
 * What an nl2sql connection adds to {@link java.sql.Connection}; reach it with
 * {@code connection.unwrap(Nl2SqlConnection.class)} (also through a pool such as HikariCP).
 * Like a JDBC connection, meant for one thread at a time.
 */
public interface Nl2SqlConnection extends java.sql.Connection {

  /** The answer to the last question that produced SQL on this connection, if any. */
  Optional<QuestionAnswer> lastAnswer();

  /**
   * The options of the clarification waiting for an answer ({@code -- nl: use N}), or an empty list
   * when none is pending.
   */
  List<String> pendingClarification();

  /** The effective value of one setting ({@code null} when unset and without default). */
  String setting(Nl2SqlProperty property);

  /**
   * Forgets the guard's cached catalogs so the next guarded statement reads the schema afresh (useful
   * after schema changes made on another connection).
   */
  void refreshCatalog();
}
