package io.github.nl2sql.policy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * What questions and queries may touch: the tables that may be used, the columns that may not be read, a
 * cap on the rows a read returns, and whether writes may be drafted. Enforced where SQL is validated
 * (so nothing denied is compiled or run, and {@code SELECT *} over a table with a denied column is
 * refused rather than leaking it) and shown to planners (a language model never sees a denied table or
 * column in its prompt). Immutable and thread-safe.
 *
 * <p><b>Patterns.</b> Table patterns match a table's name (without schema); column patterns are
 * {@code table.column}, or a bare {@code column} for that column in every table. {@code *} matches any
 * run of characters and {@code ?} one character; matching ignores case. Example:
 * {@code customers.ssn}, {@code *.password*}, {@code audit_*}.
 *
 * <p><b>File format</b> ({@link #load(Path)}): a Java properties file (UTF-8) with these keys, each
 * optional; lists are comma-separated:
 *
 * <pre>
 * # tables questions and queries may use; absent or empty: every table not denied
 * tables.allow = products, orders, customers
 * # tables that may not be used at all (wins over tables.allow)
 * tables.deny = salaries, audit_*
 * # columns that may not be read or written
 * columns.deny = customers.ssn, *.password_hash
 * # most rows a read returns (a cap on top of the caller's own); absent: no cap
 * maxRows = 500
 * # whether questions may draft INSERT/UPDATE/DELETE; default true
 * writes = false
 * </pre>
 *
 * <p>This is a guard against reading what an application should not show, enforced on the SQL nl2sql
 * checks; it is not a substitute for the database's own privileges, which also cover SQL that bypasses
 * nl2sql.
 *
 * @param allowedTables table patterns that may be used; empty allows every table not denied
 * @param deniedTables table patterns that may not be used; they win over {@code allowedTables}
 * @param deniedColumns column patterns ({@code table.column} or {@code column}) that may not be read or written
 * @param maxRows most rows a read returns, or {@code null} for no cap of the policy's own
 * @param allowWrites whether INSERT, UPDATE and DELETE may be drafted (for questions) or validated
 */
public record AccessPolicy(List<String> allowedTables, List<String> deniedTables, List<String> deniedColumns,
    Long maxRows, boolean allowWrites) {

  /** The keys of the file format, in the order they are documented. */
  public static final List<String> KEYS = List.of("tables.allow", "tables.deny", "columns.deny", "maxRows",
      "writes");

  private static final AccessPolicy UNRESTRICTED = new AccessPolicy(List.of(), List.of(), List.of(), null, true);

  /**
   * Checks and copies the patterns.
   *
   * @throws IllegalArgumentException when a pattern is blank or malformed (a column pattern with more than
   *     one dot, characters other than letters, digits, {@code _ $ * ?} and the dot), or {@code maxRows}
   *     is below 1
   * @throws NullPointerException when a list is null
   */
  public AccessPolicy {
    allowedTables = checked(allowedTables, "allowedTables", false);
    deniedTables = checked(deniedTables, "deniedTables", false);
    deniedColumns = checked(deniedColumns, "deniedColumns", true);
    if (maxRows != null && maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be >= 1, got " + maxRows);
    }
  }

  /** A policy that allows everything: every table and column, no row cap, writes allowed. */
  public static AccessPolicy unrestricted() {
    return UNRESTRICTED;
  }

  /** Whether this policy allows everything (and so needs no checking). */
  public boolean isUnrestricted() {
    return allowedTables.isEmpty() && deniedTables.isEmpty() && deniedColumns.isEmpty() && maxRows == null
        && allowWrites;
  }

  /**
   * Whether the table named {@code table} (without schema) may be used.
   *
   * @throws NullPointerException when {@code table} is null
   */
  public boolean allowsTable(String table) {
    Objects.requireNonNull(table, "table");
    for (String p : deniedTables) {
      if (glob(p, table)) {
        return false;
      }
    }
    if (allowedTables.isEmpty()) {
      return true;
    }
    for (String p : allowedTables) {
      if (glob(p, table)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code column} of {@code table} may be read or written (the table itself is checked by
   * {@link #allowsTable}).
   *
   * @throws NullPointerException when an argument is null
   */
  public boolean allowsColumn(String table, String column) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    for (String p : deniedColumns) {
      int dot = p.indexOf('.');
      if (dot < 0 ? glob(p, column) : glob(p.substring(0, dot), table) && glob(p.substring(dot + 1), column)) {
        return false;
      }
    }
    return true;
  }

  /** {@code rows} capped by {@link #maxRows()}; {@code rows <= 0} means "no cap" and yields the policy's. */
  public long capRows(long rows) {
    if (maxRows == null) {
      return rows;
    }
    return rows <= 0 ? maxRows : Math.min(rows, maxRows);
  }

  /**
   * Reads a policy file in the format described above (UTF-8 properties).
   *
   * @throws AccessPolicyException naming the file (and the key) when it cannot be read, has a key that
   *     is not one of {@link #KEYS}, or a malformed value
   * @throws NullPointerException when {@code file} is null
   */
  public static AccessPolicy load(Path file) {
    Objects.requireNonNull(file, "file");
    String source = file.toAbsolutePath().toString();
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw new AccessPolicyException(source, null, "cannot be read as a UTF-8 properties file ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
    return fromProperties(p, source);
  }

  /**
   * Makes a policy from properties in the file format described above.
   *
   * @param source where they came from, for messages
   * @throws AccessPolicyException naming the key when a key is unknown or a value malformed
   */
  public static AccessPolicy fromProperties(Properties properties, String source) {
    Objects.requireNonNull(properties, "properties");
    for (String key : properties.stringPropertyNames()) {
      if (!KEYS.contains(key)) {
        throw new AccessPolicyException(source, key, "unknown key '" + key + "'; valid keys are "
            + String.join(", ", KEYS), null);
      }
    }
    List<String> allow = list(properties, "tables.allow", source, false);
    List<String> deny = list(properties, "tables.deny", source, false);
    List<String> columns = list(properties, "columns.deny", source, true);
    Long maxRows = null;
    String rows = properties.getProperty("maxRows");
    if (rows != null) {
      try {
        maxRows = Long.parseLong(rows.trim());
      } catch (NumberFormatException e) {
        maxRows = 0L;
      }
      if (maxRows < 1) {
        throw new AccessPolicyException(source, "maxRows", "'maxRows' must be a whole number from 1 to "
            + Long.MAX_VALUE + ", got '" + rows.trim() + "'", null);
      }
    }
    boolean writes = true;
    String w = properties.getProperty("writes");
    if (w != null) {
      String v = w.trim().toLowerCase(Locale.ROOT);
      if (!v.equals("true") && !v.equals("false")) {
        throw new AccessPolicyException(source, "writes", "'writes' must be true or false, got '" + w.trim()
            + "'", null);
      }
      writes = v.equals("true");
    }
    return new AccessPolicy(allow, deny, columns, maxRows, writes);
  }

  private static List<String> list(Properties p, String key, String source, boolean columns) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : v.split(",", -1)) {
      String s = part.trim();
      String problem = problem(s, columns);
      if (problem != null) {
        throw new AccessPolicyException(source, key, "'" + key + "' has " + problem + " in '" + v.trim()
            + "'; write comma-separated " + (columns ? "column patterns such as customers.ssn or *.password*"
                : "table patterns such as salaries or audit_*"), null);
      }
      out.add(s);
    }
    return out;
  }

  private static final Set<Character> PATTERN_CHARS = Set.of('_', '$', '*', '?', '.');

  /** What is wrong with a pattern, or {@code null}. */
  private static String problem(String s, boolean column) {
    if (s.isEmpty()) {
      return "an empty entry";
    }
    int dots = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        dots++;
      } else if (!Character.isLetterOrDigit(c) && !PATTERN_CHARS.contains(c)) {
        return "the entry '" + s + "' with the character '" + c + "'";
      }
    }
    if (dots > (column ? 1 : 0) || s.startsWith(".") || s.endsWith(".")) {
      return "the malformed entry '" + s + "'";
    }
    return null;
  }

  private static List<String> checked(List<String> patterns, String name, boolean column) {
    Objects.requireNonNull(patterns, name);
    for (String s : patterns) {
      String problem = s == null ? "a null entry" : problem(s, column);
      if (problem != null) {
        throw new IllegalArgumentException(name + " has " + problem);
      }
    }
    return List.copyOf(patterns);
  }

  /** Case-insensitive glob match with {@code *} and {@code ?}. */
  static boolean glob(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), text.charAt(t)))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  private static boolean same(char a, char b) {
    return a == b || Character.toLowerCase(a) == Character.toLowerCase(b);
  }
}
