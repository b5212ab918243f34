package io.github.nl2sql.internal.plan;

import io.github.nl2sql.ValidationResult;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.internal.validate.NameSuggester;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic repair of unknown identifiers: when every error is an unknown table or column and each
 * has one clearly best suggestion (the only one, or strictly closer in edit distance than the next),
 * the identifier is replaced as a whole word in the SQL or IR JSON text. Never applied to text that
 * validates. Internal.
 */
final class Repair {
  private static final Set<DiagnosticCode> REPAIRABLE = Set.of(DiagnosticCode.UNKNOWN_COLUMN,
      DiagnosticCode.UNKNOWN_COLUMN_IN_SCOPE, DiagnosticCode.UNKNOWN_TABLE);

  private Repair() {}

  /** The repaired text, or null when the diagnostics do not allow a safe repair. */
  static String repair(String text, ValidationResult result) {
    if (result.isValid() || text == null) {
      return null;
    }
    List<Diagnostic> errors = result.errors();
    if (errors.isEmpty()) {
      return null;
    }
    String out = text;
    for (Diagnostic d : errors) {
      if (!REPAIRABLE.contains(d.code()) || d.subject() == null || d.suggestions().isEmpty()) {
        return null;
      }
      String best = d.suggestions().get(0);
      String bare = best.contains(".") ? best.substring(best.lastIndexOf('.') + 1) : best;
      if (d.suggestions().size() > 1) {
        String second = d.suggestions().get(1);
        String bare2 = second.contains(".") ? second.substring(second.lastIndexOf('.') + 1) : second;
        if (distance(d.subject(), bare) >= distance(d.subject(), bare2)) {
          return null;
        }
      }
      if (distance(d.subject(), bare) > Math.max(2, d.subject().length() / 3)) {
        return null;
      }
      Matcher m = Pattern.compile("(?<![\\w$])" + Pattern.quote(d.subject()) + "(?![\\w$])").matcher(out);
      if (!m.find()) {
        return null;
      }
      out = m.replaceAll(Matcher.quoteReplacement(bare));
    }
    return out.equals(text) ? null : out;
  }

  /** Case-insensitive Levenshtein distance. */
  static int distance(String a, String b) {
    return NameSuggester.levenshtein(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT));
  }
}
