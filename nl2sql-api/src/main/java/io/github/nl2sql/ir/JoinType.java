package io.github.nl2sql.ir;

/** Join kinds. CROSS joins carry no condition. */
public enum JoinType {
  INNER, LEFT, RIGHT, FULL, CROSS
}
