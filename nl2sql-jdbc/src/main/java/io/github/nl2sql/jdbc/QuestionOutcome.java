package io.github.nl2sql.jdbc;

import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.diagnostics.Diagnostic;
import java.util.List;
import java.util.Objects;

/** What answering one question produced: SQL to run, a clarification, or a refusal. Internal. */
sealed interface QuestionOutcome {

  /**
   * A validated, compiled statement.
   *
   * @param query the parameterized SQL and its IR
   * @param confidence the planner's confidence in [0, 1], or {@code null} when it gives none
   * @param notes explanations and assumptions, possibly empty
   */
  record Answered(CompiledQuery query, Double confidence, List<String> notes) implements QuestionOutcome {
    public Answered {
      Objects.requireNonNull(query, "query");
      notes = notes == null ? List.of() : List.copyOf(notes);
    }
  }

  /**
   * The question is ambiguous.
   *
   * @param prompt the clarifying question
   * @param options the choices, at least one
   */
  record Clarify(String prompt, List<String> options) implements QuestionOutcome {
    public Clarify {
      Objects.requireNonNull(prompt, "prompt");
      options = List.copyOf(options);
      if (options.isEmpty()) {
        throw new IllegalArgumentException("a clarification needs at least one option");
      }
    }
  }

  /** The planner's best answer did not validate; nothing may run. */
  record Blocked(List<Diagnostic> diagnostics) implements QuestionOutcome {
    public Blocked {
      diagnostics = List.copyOf(diagnostics);
    }
  }
}
