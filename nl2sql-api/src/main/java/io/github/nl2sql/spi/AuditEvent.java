package io.github.nl2sql.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One audited step.
 *
 * @param at when it happened
 * @param requestId id shared by the steps of one call
 * @param kind what happened
 * @param sql SQL text involved (with {@code ?} placeholders after compilation), or {@code null}
 * @param parameterCount number of bind values, or 0
 * @param outcome {@code ok}, {@code blocked}, {@code failed} or {@code truncated}
 * @param detail diagnostics or error message, or {@code null}
 * @param rows rows returned by an execution, or -1
 * @param elapsed time the step took
 * @param objects tables the statement touches, possibly empty
 */
public record AuditEvent(
    Instant at,
    String requestId,
    Kind kind,
    String sql,
    int parameterCount,
    String outcome,
    String detail,
    long rows,
    Duration elapsed,
    List<String> objects) {
  public AuditEvent {
    objects = objects == null ? List.of() : List.copyOf(objects);
  }

  /** Kinds of audited steps. */
  public enum Kind {
    VALIDATE,
    COMPILE,
    EXECUTE
  }
}
