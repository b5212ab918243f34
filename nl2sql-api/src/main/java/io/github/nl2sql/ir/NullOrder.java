package io.github.nl2sql.ir;

/** Placement of NULLs in ORDER BY; DEFAULT leaves it to the database. */
public enum NullOrder {
  DEFAULT, FIRST, LAST
}
