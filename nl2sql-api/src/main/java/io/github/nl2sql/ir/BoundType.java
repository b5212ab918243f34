package io.github.nl2sql.ir;

/** Kind of a window frame bound; PRECEDING and FOLLOWING carry an offset. */
public enum BoundType {
  UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING
}
