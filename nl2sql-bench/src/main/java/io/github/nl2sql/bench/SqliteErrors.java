package io.github.nl2sql.bench;

import java.util.Locale;

/** Turns SQLite error messages into a small set of error classes used as summary keys. Stateless. */
public final class SqliteErrors {
  /** The class of a statement stopped by the per-query timeout. */
  public static final String TIMEOUT = "timeout";

  private static final String[] PREFIXES = {
    "no such column", "no such table", "ambiguous column name", "no such function",
    "misuse of aggregate", "misuse of window function", "wrong number of arguments",
    "sub-select returns", "incomplete input", "unrecognized token", "interrupted",
    "a group by clause is required", "aggregate functions are not allowed", "no tables specified",
  };

  private SqliteErrors() {}

  /**
   * The class of an SQLite error message, e.g. {@code no such column}, {@code no such table},
   * {@code syntax error}, {@code ambiguous column name}; {@code other} when none fits.
   *
   * @param message the driver's message, such as {@code [SQLITE_ERROR] SQL error or missing database
   *     (no such column: T1.nmae)}; {@code null} gives {@code other}
   */
  public static String classify(String message) {
    if (message == null) {
      return "other";
    }
    String m = message;
    int open = m.indexOf('(');
    int close = m.lastIndexOf(')');
    if (m.startsWith("[SQLITE_") && open >= 0 && close > open) {
      m = m.substring(open + 1, close);
    }
    m = m.toLowerCase(Locale.ROOT).trim();
    if (m.contains("syntax error")) {
      return "syntax error";
    }
    if (m.contains("clause should come after")) {
      return "order by/limit before set operator";
    }
    for (String p : PREFIXES) {
      if (m.startsWith(p)) {
        return p.equals("interrupted") ? TIMEOUT : p;
      }
    }
    return "other";
  }
}
