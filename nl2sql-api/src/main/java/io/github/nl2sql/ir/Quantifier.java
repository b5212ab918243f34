package io.github.nl2sql.ir;

/** Quantifier of a subquery comparison. */
public enum Quantifier {
  ANY, ALL
}
