package io.github.nl2sql.internal.sql;

/** What kind of statement a piece of SQL is, as far as the guard cares. */
public enum StatementKind {
  QUERY,
  INSERT,
  UPDATE,
  DELETE,
  /** CREATE, ALTER, DROP, TRUNCATE, RENAME, GRANT, ... */
  DDL,
  /** Anything else (SET, CALL, MERGE, transaction control, ...). */
  OTHER
}
