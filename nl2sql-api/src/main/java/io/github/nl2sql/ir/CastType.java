package io.github.nl2sql.ir;

/** Portable target types of CAST; each dialect maps them to its own type names. */
public enum CastType {
  INTEGER, BIGINT, DECIMAL, DOUBLE, TEXT, DATE, TIME, TIMESTAMP, BOOLEAN
}
