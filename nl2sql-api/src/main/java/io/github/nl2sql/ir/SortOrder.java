package io.github.nl2sql.ir;

/** Sort direction. */
public enum SortOrder {
  ASC, DESC
}
