package io.github.nl2sql.internal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Lexical helpers over raw SQL text that do not need a parse: where the statements of a script start
 * (skipping strings, quoted identifiers and comments), and offsets for line/column pairs. Stateless.
 */
final class SqlText {
  private SqlText() {}

  /**
   * Offsets of the first significant character of each non-empty statement in {@code sql}, split at
   * semicolons outside strings, quoted identifiers and comments.
   */
  static List<Integer> statementStarts(String sql, boolean brackets) {
    return scan(sql, brackets, null);
  }

  /**
   * The offset just after the last significant character of {@code sql}: trailing whitespace, comments
   * and semicolons are not significant. JSqlParser rejects an empty statement after a comment, so the
   * importer parses only up to here; offsets into the shortened text are offsets into the original.
   */
  static int significantEnd(String sql, boolean brackets) {
    int[] end = new int[1];
    scan(sql, brackets, end);
    return end[0];
  }

  private static List<Integer> scan(String sql, boolean brackets, int[] lastEnd) {
    List<Integer> starts = new ArrayList<>();
    int n = sql.length();
    boolean inStatement = false;
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        i = skipLine(sql, i);
        continue;
      }
      if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        continue;
      }
      if (c == ';') {
        inStatement = false;
        i++;
        continue;
      }
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (!inStatement) {
        starts.add(i);
        inStatement = true;
      }
      if (c == '\'' || c == '"' || c == '`') {
        i = skipQuoted(sql, i, c);
      } else if (c == '[' && brackets) {
        int end = sql.indexOf(']', i + 1);
        i = end < 0 ? n : end + 1;
      } else {
        i++;
      }
      if (lastEnd != null) {
        lastEnd[0] = i;
      }
    }
    return starts;
  }

  private static int skipLine(String sql, int i) {
    int end = sql.indexOf('\n', i);
    return end < 0 ? sql.length() : end + 1;
  }

  private static int skipQuoted(String sql, int start, char quote) {
    int i = start + 1;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == quote) {
        if (i + 1 < n && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return n;
  }

  /** The 0-based offset of 1-based {@code line} and {@code column}, clamped to the text. */
  static int offsetOf(String sql, int line, int column) {
    int offset = 0;
    int l = 1;
    while (l < line && offset < sql.length()) {
      int nl = sql.indexOf('\n', offset);
      if (nl < 0) {
        return sql.length();
      }
      offset = nl + 1;
      l++;
    }
    return Math.min(sql.length(), offset + Math.max(0, column - 1));
  }
}
