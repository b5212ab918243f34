package io.github.nl2sql.internal.compile;

/**
 * Counts JDBC {@code ?} placeholders in rendered SQL, skipping string literals ({@code '...'} with
 * doubled quotes or backslash escapes), quoted identifiers ({@code "..."}, {@code `...`}, {@code
 * [...]}) and comments. Used to check that jOOQ bound every value it was given instead of inlining it.
 */
final class Placeholders {
  private Placeholders() {}

  static int count(String sql) {
    int n = 0;
    int i = 0;
    int len = sql.length();
    while (i < len) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = skipQuoted(sql, i, c);
      } else if (c == '[') {
        int end = sql.indexOf(']', i + 1);
        i = end < 0 ? len : end + 1;
      } else if (c == '-' && i + 1 < len && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? len : end + 1;
      } else if (c == '/' && i + 1 < len && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? len : end + 2;
      } else {
        if (c == '?') {
          n++;
        }
        i++;
      }
    }
    return n;
  }

  private static int skipQuoted(String sql, int start, char quote) {
    int i = start + 1;
    int len = sql.length();
    while (i < len) {
      char c = sql.charAt(i);
      if (c == '\\' && quote == '\'') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < len && sql.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return len;
  }
}
