package io.github.nl2sql.diagnostics;

/**
 * A place in SQL text: 1-based line and column, 0-based character offset and the length of the span.
 */
public record Position(int line, int column, int offset, int length) {
  public Position {
    if (line < 1 || column < 1 || offset < 0 || length < 0) {
      throw new IllegalArgumentException(
          "invalid position line=" + line + " column=" + column + " offset=" + offset + " length=" + length);
    }
  }

  /** The position of {@code length} characters starting at {@code offset} in {@code text}. */
  public static Position of(String text, int offset, int length) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new Position(line, col, offset, length);
  }

  @Override
  public String toString() {
    return "line " + line + ", column " + column;
  }
}
