package io.github.nl2sql.catalog;

/** Portable type category of a column or expression. */
public enum SqlType {
  INTEGER,
  DECIMAL,
  FLOAT,
  TEXT,
  BOOLEAN,
  DATE,
  TIME,
  TIMESTAMP,
  BINARY,
  /** Anything else (JSON, arrays, spatial, SQLite columns with no declared type, ...). */
  OTHER;

  /** Whether values of this type are numbers. */
  public boolean isNumeric() {
    return this == INTEGER || this == DECIMAL || this == FLOAT;
  }

  /** Whether values of this type are dates or times. */
  public boolean isTemporal() {
    return this == DATE || this == TIME || this == TIMESTAMP;
  }
}
