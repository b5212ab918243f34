package io.github.nl2sql;

import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.link.SchemaLinker;
import io.github.nl2sql.plan.Planner;
import java.util.Objects;

/**
 * How {@link Nl2Sql#ask(String)} answers questions; part of {@link Nl2SqlConfig}. Built by
 * {@link Nl2Sql.Builder}; see its methods for each option. Immutable.
 *
 * @param planner a custom planner (e.g. a chat model planner from nl2sql-core's
 *     {@code io.github.nl2sql.llm.LlmPlanners}), or {@code null}
 * @param model a language model configured by strings, or {@code null}
 * @param maxRegenerationRounds how many times a rejected model draft is regenerated with its diagnostics
 * @param repair whether an unknown identifier with exactly one clearly best suggestion is replaced
 *     deterministically (never applied to SQL that validates)
 * @param confidenceThreshold drafts below this confidence are not answered (offline: abstain; model:
 *     used when the offline planner is below it)
 * @param execute whether answers are executed and carry their rows
 * @param offlineFastPath whether the offline planner is tried before a model (its confident answers save
 *     a model call)
 * @param clock the clock relative dates ("last quarter", "in the last 30 days") are read against; not null
 * @param link how questions are linked to the schema: the most tables and the token budget of the schema
 *     subset the planners see (a language model's prompt lists only that subset); not null
 * @param linker the schema linker that ranks tables and columns and chooses that subset (e.g. nl2sql-gnn's
 *     {@code FusedLinker}), or {@code null} for the best on the class path
 *     ({@link io.github.nl2sql.link.SchemaLinkers#preferred()})
 */
public record AskOptions(Planner planner, ModelSettings model, int maxRegenerationRounds, boolean repair,
    double confidenceThreshold, boolean execute, boolean offlineFastPath, java.time.Clock clock,
    LinkOptions link, SchemaLinker linker) {

  /** Default regeneration rounds. */
  public static final int DEFAULT_MAX_REGENERATION_ROUNDS = 2;

  /** Default confidence threshold, chosen on the validation split of spider-train (README "Measured"). */
  public static final double DEFAULT_CONFIDENCE_THRESHOLD = 0.5;

  public AskOptions {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(link, "link");
    if (planner != null && model != null) {
      throw new IllegalArgumentException("set either planner or model, not both");
    }
    if (maxRegenerationRounds < 0 || maxRegenerationRounds > 10) {
      throw new IllegalArgumentException("maxRegenerationRounds must be in 0..10, got " + maxRegenerationRounds);
    }
    if (!(confidenceThreshold >= 0 && confidenceThreshold <= 1)) {
      throw new IllegalArgumentException("confidenceThreshold must be in 0..1, got " + confidenceThreshold);
    }
  }

  /**
   * Options with the default linker: the best on the class path
   * ({@link io.github.nl2sql.link.SchemaLinkers#preferred()}).
   *
   * @throws IllegalArgumentException as the canonical constructor
   * @throws NullPointerException when {@code clock} or {@code link} is null
   */
  public AskOptions(Planner planner, ModelSettings model, int maxRegenerationRounds, boolean repair,
      double confidenceThreshold, boolean execute, boolean offlineFastPath, java.time.Clock clock,
      LinkOptions link) {
    this(planner, model, maxRegenerationRounds, repair, confidenceThreshold, execute, offlineFastPath, clock, link,
        null);
  }

  /**
   * Options with the default linking ({@link LinkOptions#defaults()}).
   *
   * @throws IllegalArgumentException as the canonical constructor
   * @throws NullPointerException when {@code clock} is null
   */
  public AskOptions(Planner planner, ModelSettings model, int maxRegenerationRounds, boolean repair,
      double confidenceThreshold, boolean execute, boolean offlineFastPath, java.time.Clock clock) {
    this(planner, model, maxRegenerationRounds, repair, confidenceThreshold, execute, offlineFastPath, clock,
        LinkOptions.defaults());
  }

  /**
   * Options on the system clock (relative dates such as "last month" are read against it).
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public AskOptions(Planner planner, ModelSettings model, int maxRegenerationRounds, boolean repair,
      double confidenceThreshold, boolean execute, boolean offlineFastPath) {
    this(planner, model, maxRegenerationRounds, repair, confidenceThreshold, execute, offlineFastPath,
        java.time.Clock.systemDefaultZone());
  }

  /**
   * Offline only, default rounds and threshold, repair off, answers executed, fast path on, default
   * linking.
   */
  public static AskOptions defaults() {
    return new AskOptions(null, null, DEFAULT_MAX_REGENERATION_ROUNDS, false, DEFAULT_CONFIDENCE_THRESHOLD,
        true, true);
  }

  /** Whether a language model (or a custom planner) is configured besides the offline planner. */
  public boolean hasModel() {
    return planner != null || model != null;
  }
}
