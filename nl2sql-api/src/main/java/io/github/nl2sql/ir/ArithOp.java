package io.github.nl2sql.ir;

/** Arithmetic and string operators. */
public enum ArithOp {
  ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO, CONCAT
}
