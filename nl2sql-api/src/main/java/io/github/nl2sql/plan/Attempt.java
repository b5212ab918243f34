package io.github.nl2sql.plan;

import io.github.nl2sql.diagnostics.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * A draft that failed validation, fed back to the planner so that it can regenerate.
 *
 * @param output what the planner produced: the SQL text, the IR as JSON, or the raw model output when it
 *     could not be read at all
 * @param diagnostics why it was rejected, with ranked "did you mean" suggestions
 */
public record Attempt(String output, List<Diagnostic> diagnostics) {
  public Attempt {
    Objects.requireNonNull(output, "output");
    diagnostics = List.copyOf(diagnostics);
  }
}
