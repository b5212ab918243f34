package io.github.nl2sql.jdbc;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cheap looks at statement text: is it a question, what is its first keyword. Internal. */
final class SqlText {
  private SqlText() {}

  private static final Pattern USE_OPTION = Pattern.compile("(?i)use\\s+(?:option\\s+)?#?(\\d+)\\s*;?");

  /**
   * Whether {@code sql} is a question: after optional whitespace it starts with {@code --}, optional
   * spaces and {@code nl:}, or (for SQL clients that drop comment lines before sending, such as
   * sqlline) directly with {@code nl:}; case-insensitive. Costs a few character reads for plain SQL.
   */
  static boolean isQuestion(String sql) {
    // the pass-through path: plain SQL starts with a keyword or '(' (an ASCII character that is neither
    // white space, '-' nor 'n'), so one character read settles it; the rest stays out of line so this
    // method is small enough to be inlined where statements are executed
    if (sql == null || sql.isEmpty()) {
      return false;
    }
    char c = sql.charAt(0);
    if (c > ' ' && c < 128 && c != '-' && (c | 0x20) != 'n') {
      return false;
    }
    return startsLikeQuestion(sql);
  }

  private static boolean startsLikeQuestion(String sql) {
    int n = sql.length();
    int i = 0;
    while (i < n && Character.isWhitespace(sql.charAt(i))) {
      i++;
    }
    if (i + 1 < n && sql.charAt(i) == '-' && sql.charAt(i + 1) == '-') {
      i += 2;
      while (i < n && (sql.charAt(i) == ' ' || sql.charAt(i) == '\t')) {
        i++;
      }
    }
    return sql.regionMatches(true, i, "nl:", 0, 3);
  }

  /**
   * The question of a statement for which {@link #isQuestion} holds: the text after {@code nl:};
   * following lines (each optionally starting with {@code --}) continue it. Whitespace is collapsed and
   * a trailing {@code ;} dropped.
   */
  static String question(String sql) {
    int at = sql.toLowerCase(Locale.ROOT).indexOf("nl:") + 3;
    StringBuilder sb = new StringBuilder();
    for (String line : sql.substring(at).split("\\R")) {
      String l = line.strip();
      if (l.startsWith("--")) {
        l = l.substring(2).strip();
      }
      if (!l.isEmpty()) {
        sb.append(sb.length() == 0 ? "" : " ").append(l);
      }
    }
    String q = sb.toString().replaceAll("\\s+", " ").strip();
    while (q.endsWith(";")) {
      q = q.substring(0, q.length() - 1).strip();
    }
    return q;
  }

  /** The option number of a clarification answer ({@code use 2}), or -1 when the question is not one. */
  static int chosenOption(String question) {
    Matcher m = USE_OPTION.matcher(question.strip());
    if (!m.matches()) {
      return -1;
    }
    try {
      return Integer.parseInt(m.group(1));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  /** The first keyword, upper-case, after whitespace, comments and opening parentheses; "" if none. */
  static String firstKeyword(String sql) {
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == '(') {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        break;
      }
    }
    int start = i;
    while (i < n && Character.isLetter(sql.charAt(i))) {
      i++;
    }
    return sql.substring(start, i).toUpperCase(Locale.ROOT);
  }

  /**
   * {@code sql} with each JDBC parameter marker {@code ?} (outside quotes and comments) replaced by the
   * literal {@code 0}, so a prepared statement's text can be checked like plain SQL; the text keeps its
   * length, so positions in diagnostics stay right. Returns {@code sql} itself when it has no marker.
   */
  static String withoutParameterMarkers(String sql) {
    if (sql.indexOf('?') < 0) {
      return sql;
    }
    char[] out = sql.toCharArray();
    int n = out.length;
    int i = 0;
    while (i < n) {
      char c = out[i];
      if (c == '\'' || c == '"' || c == '`') {
        int j = i + 1;
        while (j < n && out[j] != c) {
          j++;
        }
        i = j + 1;
      } else if (c == '-' && i + 1 < n && out[i + 1] == '-') {
        while (i < n && out[i] != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && out[i + 1] == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        if (c == '?') {
          out[i] = '0';
        }
        i++;
      }
    }
    return new String(out);
  }

  /** Statements the guard can check: reads and DML. */
  static boolean isGuardable(String keyword) {
    switch (keyword) {
      case "SELECT":
      case "WITH":
      case "INSERT":
      case "UPDATE":
      case "DELETE":
        return true;
      default:
        return false;
    }
  }

  /** Statements after which the cached catalog is stale. */
  static boolean isSchemaChange(String keyword) {
    switch (keyword) {
      case "CREATE":
      case "ALTER":
      case "DROP":
      case "RENAME":
      case "TRUNCATE":
        return true;
      default:
        return false;
    }
  }

  /** Statements that may switch the current database or schema. */
  static boolean isScopeChange(String keyword) {
    return keyword.equals("USE") || keyword.equals("SET");
  }
}
