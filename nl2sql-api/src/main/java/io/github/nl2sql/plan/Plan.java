package io.github.nl2sql.plan;

import io.github.nl2sql.Answer;
import io.github.nl2sql.ir.Statement;
import java.util.List;
import java.util.Objects;

/** What a {@link Planner} proposes for one question. Immutable records. */
public sealed interface Plan permits Plan.Draft, Plan.Clarify, Plan.Abstain, Plan.Unreadable {

  /**
   * A statement to validate: IR, or SQL text that the library imports (exactly one of the two).
   *
   * @param statement the IR, or {@code null} when {@code sql} is given
   * @param sql SQL text in the target dialect, or {@code null} when {@code statement} is given
   * @param confidence 0..1; drafts below the configured threshold are not answered
   * @param explanation how the question was read, in plain words (may be empty, not null)
   */
  record Draft(Statement statement, String sql, double confidence, String explanation) implements Plan {
    public Draft {
      if ((statement == null) == (sql == null)) {
        throw new IllegalArgumentException("a draft has either a statement or SQL text");
      }
      if (!(confidence >= 0 && confidence <= 1)) {
        throw new IllegalArgumentException("confidence must be in 0..1, got " + confidence);
      }
      explanation = explanation == null ? "" : explanation;
    }

    /** A draft holding IR. */
    public static Draft of(Statement statement, double confidence, String explanation) {
      return new Draft(Objects.requireNonNull(statement, "statement"), null, confidence, explanation);
    }

    /** A draft holding SQL text. */
    public static Draft ofSql(String sql, double confidence, String explanation) {
      return new Draft(null, Objects.requireNonNull(sql, "sql"), confidence, explanation);
    }
  }

  /**
   * The question is ambiguous; ask the user.
   *
   * @param kind what is ambiguous
   * @param prompt the question back to the user
   * @param options two or more numbered choices
   */
  record Clarify(Answer.Clarification.Kind kind, String prompt, List<Answer.Clarification.Option> options)
      implements Plan {
    public Clarify {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(prompt, "prompt");
      options = List.copyOf(options);
    }
  }

  /**
   * The planner declines to answer.
   *
   * @param reason why, in plain words
   */
  record Abstain(String reason) implements Plan {
    public Abstain {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The planner's output could not be read (a model answered with malformed JSON, or with no SQL). The
   * library treats it as a rejected draft: it is fed back with {@code problem} and regenerated.
   *
   * @param output the raw output
   * @param problem what is wrong with it, in plain words
   */
  record Unreadable(String output, String problem) implements Plan {
    public Unreadable {
      Objects.requireNonNull(output, "output");
      Objects.requireNonNull(problem, "problem");
    }
  }
}
