package io.github.nl2sql.internal.sql;

import io.github.nl2sql.diagnostics.Position;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;

/**
 * Turns JSqlParser's exceptions into a short readable message and a position. JSqlParser's own text
 * lists token kinds such as {@code <ST_SEMICOLON>} and can run to dozens of lines; this keeps the
 * offending token, where it is, and a few expected tokens in plain words. Stateless.
 */
final class SyntaxErrors {
  private static final Pattern LINE_COLUMN = Pattern.compile("line (\\d+), column (\\d+)");
  private static final int MAX_EXPECTED = 8;

  private SyntaxErrors() {}

  /** A readable description of a parse failure, with its position where known. */
  record Described(String message, Position position) {}

  static Described describe(Throwable error, String sql) {
    ParseException pe = find(error, ParseException.class);
    if (find(error, TimeoutException.class) != null
        || (error.getMessage() != null && error.getMessage().contains("Time out"))) {
      return new Described("parsing took too long (the statement is too large or too deeply nested)", null);
    }
    if (find(error, StackOverflowError.class) != null) {
      return new Described("the statement is nested too deeply", null);
    }
    if (pe != null && pe.currentToken != null && pe.currentToken.next != null) {
      Token t = pe.currentToken.next;
      String found = t.kind == 0 || t.image == null || t.image.isEmpty() ? "end of input" : "'" + t.image + "'";
      int offset = t.absoluteBegin > 0 && t.absoluteBegin - 1 <= sql.length() ? t.absoluteBegin - 1
          : SqlText.offsetOf(sql, t.beginLine, t.beginColumn);
      if (t.kind == 0) {
        offset = sql.length();
      }
      int length = t.kind == 0 || t.image == null ? 0 : Math.min(t.image.length(), sql.length() - offset);
      Position position = Position.of(sql, offset, Math.max(0, length));
      StringBuilder msg = new StringBuilder("unexpected ").append(found);
      String expected = expected(pe);
      if (!expected.isEmpty()) {
        msg.append("; expected ").append(expected);
      }
      return new Described(msg.toString(), position);
    }
    String raw = rootMessage(error);
    Position position = null;
    Matcher m = LINE_COLUMN.matcher(raw);
    if (m.find()) {
      int offset = SqlText.offsetOf(sql, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      position = Position.of(sql, offset, 0);
    }
    return new Described(firstLine(raw), position);
  }

  /**
   * How far into the text the parser got before {@code error}: the offset of the offending token, or -1
   * when unknown (timeouts and errors without a token).
   */
  static int reach(Throwable error) {
    ParseException pe = find(error, ParseException.class);
    if (pe == null || pe.currentToken == null || pe.currentToken.next == null) {
      return -1;
    }
    Token t = pe.currentToken.next;
    return t.kind == 0 ? Integer.MAX_VALUE : t.absoluteBegin;
  }

  private static String expected(ParseException pe) {
    if (pe.expectedTokenSequences == null || pe.tokenImage == null) {
      return "";
    }
    Set<String> words = new LinkedHashSet<>();
    for (int[] seq : pe.expectedTokenSequences) {
      if (seq.length == 0 || seq[0] < 0 || seq[0] >= pe.tokenImage.length) {
        continue;
      }
      String w = readableToken(pe.tokenImage[seq[0]]);
      if (w != null) {
        words.add(w);
      }
    }
    if (words.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    for (String w : words) {
      if (i == MAX_EXPECTED) {
        sb.append(", ...");
        break;
      }
      if (i > 0) {
        sb.append(i == words.size() - 1 ? " or " : ", ");
      }
      sb.append(w);
      i++;
    }
    return sb.toString();
  }

  private static String readableToken(String image) {
    if (image == null) {
      return null;
    }
    if (image.startsWith("\"") && image.endsWith("\"") && image.length() > 2) {
      String inner = image.substring(1, image.length() - 1);
      return inner.chars().allMatch(Character::isLetter) ? inner.toUpperCase(Locale.ROOT) : "'" + inner + "'";
    }
    switch (image) {
      case "<EOF>":
        return "end of input";
      case "<ST_SEMICOLON>":
        return "';'";
      case "<S_IDENTIFIER>":
      case "<S_QUOTED_IDENTIFIER>":
        return "a name";
      case "<S_LONG>":
      case "<S_DOUBLE>":
        return "a number";
      case "<S_CHAR_LITERAL>":
        return "a string";
      default:
        if (image.startsWith("<K_") && image.endsWith(">")) {
          return image.substring(3, image.length() - 1).replace('_', ' ');
        }
        return null;
    }
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    Throwable cur = t;
    for (int depth = 0; cur != null && depth < 10; depth++) {
      if (type.isInstance(cur)) {
        return type.cast(cur);
      }
      cur = cur.getCause();
    }
    return null;
  }

  private static String rootMessage(Throwable t) {
    Throwable cur = t;
    String msg = null;
    for (int depth = 0; cur != null && depth < 10; depth++) {
      if (cur.getMessage() != null && !cur.getMessage().isBlank()) {
        msg = cur.getMessage();
      }
      cur = cur.getCause();
    }
    if (msg == null) {
      return t.getClass().getSimpleName();
    }
    return msg.replaceFirst("^[\\w.]+(Exception|Error): ", "");
  }

  private static String firstLine(String s) {
    String trimmed = s.strip();
    int nl = trimmed.indexOf('\n');
    return nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
  }
}
