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
   * semicolons outside strings, quoted identifiers and comments. {@code brackets}: [x] quotes names;
   * {@code backslash}: a backslash escapes the next character in strings (MySQL, MariaDB).
   */
  static List<Integer> statementStarts(String sql, boolean brackets, boolean backslash) {
    return scan(sql, brackets, backslash, null);
  }

  /**
   * The offset just after the last significant character of {@code sql}: trailing whitespace, comments
   * and semicolons are not significant. JSqlParser rejects an empty statement after a comment, so the
   * importer parses only up to here; offsets into the shortened text are offsets into the original.
   */
  static int significantEnd(String sql, boolean brackets, boolean backslash) {
    int[] end = new int[1];
    scan(sql, brackets, backslash, end);
    return end[0];
  }

  private static List<Integer> scan(String sql, boolean brackets, boolean backslash, int[] lastEnd) {
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
        i = skipQuoted(sql, i, c, backslash && c != '`');
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

  /**
   * The offset of the first parenthesis without a partner outside strings, quoted identifiers and
   * comments: a {@code ')'} with no open {@code '('}, or the innermost {@code '('} left open at the end;
   * -1 when they balance. JSqlParser can take seconds to reject unbalanced input, so it is checked first.
   */
  static int unbalancedParenthesis(String sql, boolean brackets, boolean backslash) {
    java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        i = skipLine(sql, i);
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '\'' || c == '"' || c == '`') {
        i = skipQuoted(sql, i, c, backslash && c != '`');
      } else if (c == '[' && brackets) {
        int end = sql.indexOf(']', i + 1);
        i = end < 0 ? n : end + 1;
      } else {
        if (c == '(') {
          open.push(i);
        } else if (c == ')') {
          if (open.isEmpty()) {
            return i;
          }
          open.pop();
        }
        i++;
      }
    }
    return open.isEmpty() ? -1 : open.peek();
  }

  /** Offsets of the keyword SELECT at or after {@code from}, outside strings, quoted names and comments. */
  static List<Integer> selectStarts(String sql, int from, boolean brackets, boolean backslash) {
    List<Integer> out = new ArrayList<>();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        i = skipLine(sql, i);
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '\'' || c == '"' || c == '`') {
        i = skipQuoted(sql, i, c, backslash && c != '`');
      } else if (c == '[' && brackets) {
        int end = sql.indexOf(']', i + 1);
        i = end < 0 ? n : end + 1;
      } else if (Character.isLetterOrDigit(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
          i++;
        }
        if (start >= from && i - start == 6 && sql.regionMatches(true, start, "SELECT", 0, 6)) {
          out.add(start);
        }
      } else {
        i++;
      }
    }
    return out;
  }

  /**
   * The end of the query starting at {@code at}: the offset of the parenthesis closing the one just
   * before it when it is a subquery, else the end of the text.
   */
  static int subqueryEnd(String sql, int at) {
    int before = at - 1;
    while (before >= 0 && Character.isWhitespace(sql.charAt(before))) {
      before--;
    }
    if (before < 0 || sql.charAt(before) != '(') {
      return sql.length();
    }
    int depth = 0;
    int i = at;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = skipQuoted(sql, i, c, false);
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
      i++;
    }
    return n;
  }

  private static int skipLine(String sql, int i) {
    int end = sql.indexOf('\n', i);
    return end < 0 ? sql.length() : end + 1;
  }

  private static int skipQuoted(String sql, int start, char quote, boolean backslash) {
    int i = start + 1;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (backslash && c == '\\') {
        i += 2;
        continue;
      }
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
