package io.github.nl2sql.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.diagnostics.DiagnosticCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the message catalogue consistent: unique well-formed ids, patterns that parse, and every call
 * site in the validator and guard passing as many arguments as the pattern uses.
 */
class DiagnosticCatalogueTest {

  @Test
  void idsAreUniqueAndWellFormed() {
    Set<String> ids = new HashSet<>();
    for (DiagnosticCode c : DiagnosticCode.values()) {
      assertThat(c.id()).as(c.name()).matches("NL2SQL-[PGV]\\d{3}");
      assertThat(ids.add(c.id())).as("duplicate id " + c.id()).isTrue();
    }
  }

  @Test
  void idPrefixMatchesTheArea() {
    assertThat(DiagnosticCode.SYNTAX_ERROR.id()).startsWith("NL2SQL-P");
    assertThat(DiagnosticCode.MULTIPLE_STATEMENTS.id()).startsWith("NL2SQL-G");
    assertThat(DiagnosticCode.UNKNOWN_COLUMN.id()).startsWith("NL2SQL-V");
    // query-shape rules (V1xx), the last one added at the end of that section
    assertThat(DiagnosticCode.DISTINCT_ORDER_BY.id()).isEqualTo("NL2SQL-V116");
    assertThat(DiagnosticCode.DISTINCT_ORDER_BY.ordinal())
        .isEqualTo(DiagnosticCode.ALIAS_IN_EXPRESSION.ordinal() + 1);
  }

  @Test
  void patternsParse_andUseConsecutiveArguments() {
    Pattern arg = Pattern.compile("\\{(\\d+)[^}]*}");
    for (DiagnosticCode c : DiagnosticCode.values()) {
      MessageFormat f = new MessageFormat(c.pattern(), Locale.ROOT);
      int n = c.argumentCount();
      assertThat(f.getFormatsByArgumentIndex()).as(c.name()).hasSize(n);
      // arguments are 0..n-1 without gaps
      Set<Integer> used = new HashSet<>();
      Matcher m = arg.matcher(c.pattern().replace("''", ""));
      while (m.find()) {
        used.add(Integer.parseInt(m.group(1)));
      }
      for (int i = 0; i < n; i++) {
        assertThat(used).as(c.name() + " uses {" + i + "}").contains(i);
      }
      // formatting with placeholders leaves no unformatted braces or doubled quotes
      Object[] args = new Object[n];
      for (int i = 0; i < n; i++) {
        args[i] = "a" + i;
      }
      String text = c.format(args);
      assertThat(text).as(c.name()).doesNotContain("{").doesNotContain("''");
      if (c.pattern().contains("''{0}''")) {
        assertThat(text).contains("'a0'");
      }
    }
  }

  /**
   * Every call site {@code (DiagnosticCode.X, node, subject, suggestions, args...)} in this package
   * passes exactly as many message arguments as X's pattern uses.
   */
  @Test
  void callSitesPassTheRightNumberOfArguments() throws Exception {
    Path dir = Path.of("src/main/java/io/github/nl2sql/internal/validate");
    assertThat(dir).isDirectory();
    Map<DiagnosticCode, Integer> seen = new HashMap<>();
    Pattern call = Pattern.compile(
        "(error|report|warning|Diagnostic\\.error|Diagnostic\\.warning)\\(\\s*(?:DiagnosticCode\\.)(\\w+)");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String src = Files.readString(p);
        Matcher m = call.matcher(src);
        while (m.find()) {
          DiagnosticCode code = DiagnosticCode.valueOf(m.group(2));
          int open = src.indexOf('(', m.start());
          int close = matching(src, open);
          int commas = topLevelArgs(src.substring(open + 1, close));
          String method = m.group(1);
          // fixed leading parameters before the message arguments
          int fixed = switch (method) {
            case "error" -> 4; // code, node, subject, suggestions
            case "warning" -> 3; // code, node, subject
            case "report" -> 5; // code, severity, node, subject, suggestions
            case "Diagnostic.error" -> 3; // code, subject, suggestions
            default -> 2; // Diagnostic.warning: code, subject
          };
          int args = commas - fixed;
          assertThat(args).as(p.getFileName() + ": " + src.substring(m.start(), close + 1))
              .isEqualTo(code.argumentCount());
          seen.merge(code, 1, Integer::sum);
        }
      }
    }
    assertThat(seen).isNotEmpty();
  }

  private static int matching(String s, int open) {
    int depth = 0;
    boolean str = false;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' && s.charAt(i - 1) != '\\') {
        str = !str;
      }
      if (str) {
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalStateException("unbalanced call at " + open);
  }

  /** The number of top-level comma-separated arguments of a call's argument text. */
  private static int topLevelArgs(String s) {
    int depth = 0;
    int n = 1;
    boolean str = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
        str = !str;
      }
      if (str) {
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == '<') {
        depth++;
      } else if (c == '>' && i > 0 && s.charAt(i - 1) != '-') {
        depth--;
      } else if (c == ',' && depth == 0) {
        n++;
      }
    }
    return s.isBlank() ? 0 : n;
  }
}
