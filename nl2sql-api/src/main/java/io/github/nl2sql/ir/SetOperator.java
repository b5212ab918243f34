package io.github.nl2sql.ir;

/** Set operators. */
public enum SetOperator {
  UNION, INTERSECT, EXCEPT
}
