package io.github.nl2sql.diagnostics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One problem found in SQL or IR: a code from the {@link DiagnosticCode} catalogue, the formatted
 * message, the offending name, its position in the SQL text when the input was SQL, and "did you mean"
 * suggestions ranked best first. Immutable.
 *
 * @param code catalogue entry
 * @param severity ERROR blocks, WARNING does not
 * @param message message formatted from the code's pattern, without suggestions
 * @param subject the offending identifier or construct, or {@code null}
 * @param position where in the SQL text, or {@code null} when the input was IR or the place is unknown
 * @param suggestions replacement names ranked best first, possibly empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Diagnostic(
    DiagnosticCode code,
    Severity severity,
    String message,
    String subject,
    Position position,
    List<String> suggestions) {

  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
  }

  /** An error diagnostic with the message formatted from {@code code} and {@code args}. */
  public static Diagnostic error(DiagnosticCode code, String subject, List<String> suggestions,
      Object... args) {
    return new Diagnostic(code, Severity.ERROR, code.format(args), subject, null, suggestions);
  }

  /** A warning diagnostic with the message formatted from {@code code} and {@code args}. */
  public static Diagnostic warning(DiagnosticCode code, String subject, Object... args) {
    return new Diagnostic(code, Severity.WARNING, code.format(args), subject, null, List.of());
  }

  /** A copy placed at {@code position}. */
  public Diagnostic at(Position position) {
    return new Diagnostic(code, severity, message, subject, position, suggestions);
  }

  /** Whether this diagnostic blocks the statement. */
  @JsonIgnore
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * The full text a user sees: message, "did you mean" with up to three suggestions, and the position,
   * e.g. {@code Column 'sale_pricee' not found in table 'products'; did you mean 'sale_price'? (line 1,
   * column 8)}.
   */
  public String format() {
    StringBuilder sb = new StringBuilder(message);
    if (!suggestions.isEmpty()) {
      sb.append("; did you mean ")
          .append(suggestions.stream().limit(3).map(s -> "'" + s + "'")
              .collect(Collectors.joining(" or ")))
          .append('?');
    }
    if (position != null) {
      sb.append(" (").append(position).append(')');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return code.id() + " " + severity + ": " + format();
  }
}
