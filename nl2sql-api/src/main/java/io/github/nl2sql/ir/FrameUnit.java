package io.github.nl2sql.ir;

/** Unit of a window frame. */
public enum FrameUnit {
  ROWS, RANGE, GROUPS
}
