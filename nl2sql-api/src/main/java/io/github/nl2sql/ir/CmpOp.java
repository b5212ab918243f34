package io.github.nl2sql.ir;

/** Comparison operators. */
public enum CmpOp {
  EQ, NE, LT, LE, GT, GE
}
