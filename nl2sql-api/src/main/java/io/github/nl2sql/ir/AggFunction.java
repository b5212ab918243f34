package io.github.nl2sql.ir;

/** Aggregate functions. GROUP_CONCAT renders as STRING_AGG / LISTAGG where the dialect needs it. */
public enum AggFunction {
  COUNT, SUM, AVG, MIN, MAX, GROUP_CONCAT
}
