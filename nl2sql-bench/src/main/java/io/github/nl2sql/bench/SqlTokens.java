package io.github.nl2sql.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A small SQL tokenizer for the mutation generator: words, quoted identifiers, strings, numbers and
 * symbols with their offsets. Double-quoted text is its own kind because SQLite (and Spider's gold SQL)
 * uses it for strings as well as identifiers. Comments and whitespace are dropped. Stateless.
 */
public final class SqlTokens {
  /** Token kinds. */
  public enum Kind {
    /** An unquoted word: keyword, identifier or function name. */
    WORD,
    /** {@code `name`} or {@code [name]}. */
    QUOTED,
    /** {@code "text"}: a string or an identifier. */
    DQUOTED,
    /** {@code 'text'}. */
    STRING,
    NUMBER,
    SYMBOL
  }

  /**
   * One token.
   *
   * @param kind its kind
   * @param start offset of its first character
   * @param end offset after its last character
   * @param text the token as written, quotes included
   */
  public record Token(Kind kind, int start, int end, String text) {
    /** The name for WORD, QUOTED and DQUOTED tokens (quotes removed), else the text. */
    public String name() {
      return kind == Kind.QUOTED || kind == Kind.DQUOTED ? text.substring(1, text.length() - 1) : text;
    }

    /** Offset of the name's first character (after an opening quote). */
    public int nameStart() {
      return kind == Kind.QUOTED || kind == Kind.DQUOTED ? start + 1 : start;
    }

    /** Offset after the name's last character (before a closing quote). */
    public int nameEnd() {
      return kind == Kind.QUOTED || kind == Kind.DQUOTED ? end - 1 : end;
    }

    /** Whether this is the keyword or symbol {@code s} (case-insensitive). */
    public boolean is(String s) {
      return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(s);
    }

    /** Whether this is an unquoted SQL keyword. */
    public boolean isKeyword() {
      return kind == Kind.WORD && KEYWORDS.contains(text.toUpperCase(Locale.ROOT));
    }

    /** Whether this can be an identifier (an unquoted non-keyword word or a quoted name). */
    public boolean isIdentifier() {
      return (kind == Kind.WORD && !isKeyword()) || kind == Kind.QUOTED;
    }
  }

  /** Reserved words and clause keywords that are never identifiers in Spider's SQL. */
  public static final Set<String> KEYWORDS = Set.of(
      "SELECT", "FROM", "WHERE", "GROUP", "BY", "HAVING", "ORDER", "LIMIT", "OFFSET", "UNION",
      "INTERSECT", "EXCEPT", "ALL", "DISTINCT", "AS", "ON", "USING", "JOIN", "INNER", "LEFT", "RIGHT",
      "FULL", "OUTER", "CROSS", "NATURAL", "AND", "OR", "NOT", "IN", "IS", "NULL", "LIKE", "GLOB",
      "BETWEEN", "EXISTS", "CASE", "WHEN", "THEN", "ELSE", "END", "ASC", "DESC", "WITH", "CAST",
      "ESCAPE", "COLLATE", "NOCASE", "TRUE", "FALSE", "VALUES", "INSERT", "UPDATE", "DELETE", "INTO",
      "SET", "CREATE", "DROP", "TABLE", "VIEW", "INDEX", "OVER", "PARTITION", "ROWS", "RANGE",
      "PRIMARY", "KEY", "REFERENCES", "FOREIGN", "DEFAULT", "CHECK", "UNIQUE", "CONSTRAINT", "IF",
      "REPLACE", "REGEXP", "MATCH", "NULLS", "FIRST", "LAST", "ISNULL", "NOTNULL", "RECURSIVE");

  private SqlTokens() {}

  /** The tokens of {@code sql}; an unterminated quote runs to the end of the text. */
  public static List<Token> tokenize(String sql) {
    List<Token> out = new ArrayList<>();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int e = sql.indexOf("*/", i + 2);
        i = e < 0 ? n : e + 2;
      } else if (c == '\'' || c == '"' || c == '`') {
        int j = i + 1;
        while (j < n) {
          if (sql.charAt(j) == c) {
            if (j + 1 < n && sql.charAt(j + 1) == c) {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        int end = Math.min(j + 1, n);
        Kind k = c == '\'' ? Kind.STRING : c == '"' ? Kind.DQUOTED : Kind.QUOTED;
        out.add(new Token(k, i, end, sql.substring(i, end)));
        i = end;
      } else if (c == '[') {
        int e = sql.indexOf(']', i + 1);
        int end = e < 0 ? n : e + 1;
        out.add(new Token(Kind.QUOTED, i, end, sql.substring(i, end)));
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
            || sql.charAt(j) == '$')) {
          j++;
        }
        out.add(new Token(Kind.WORD, i, j, sql.substring(i, j)));
        i = j;
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))
          && (out.isEmpty() || !isNameToken(out.get(out.size() - 1))))) {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
          if ((sql.charAt(j) == 'e' || sql.charAt(j) == 'E') && j + 1 < n
              && (sql.charAt(j + 1) == '+' || sql.charAt(j + 1) == '-')) {
            j++;
          }
          j++;
        }
        out.add(new Token(Kind.NUMBER, i, j, sql.substring(i, j)));
        i = j;
      } else {
        int len = 1;
        if (i + 1 < n) {
          String two = sql.substring(i, i + 2);
          if (two.equals("!=") || two.equals("<>") || two.equals("<=") || two.equals(">=")
              || two.equals("||") || two.equals("==")) {
            len = 2;
          }
        }
        out.add(new Token(Kind.SYMBOL, i, i + len, sql.substring(i, i + len)));
        i += len;
      }
    }
    return out;
  }

  private static boolean isNameToken(Token t) {
    return t.kind() == Kind.WORD || t.kind() == Kind.QUOTED || t.kind() == Kind.DQUOTED;
  }
}
