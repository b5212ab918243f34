package io.github.nl2sql.plan;

/**
 * Turns a question into a draft. Implementations: the offline deterministic planner and the language
 * model planner in nl2sql-core; applications may plug in their own with
 * {@link io.github.nl2sql.Nl2Sql.Builder#planner(Planner)}.
 *
 * <p>A planner never validates or executes: the library validates each {@link Plan.Draft}, and when
 * it fails calls {@link #plan} again with the rejected drafts and their diagnostics in
 * {@link PlanRequest#attempts()} (at most the configured number of regeneration rounds). Implementations
 * must be thread-safe and keep no per-question state between calls.
 */
public interface Planner {

  /** A short name for traces and logs, e.g. {@code "offline"} or {@code "llm"}. */
  String name();

  /** Whether {@link #plan} calls a language model (counted in {@link io.github.nl2sql.Answer.Trace}). */
  default boolean usesModel() {
    return false;
  }

  /**
   * Plans one draft for {@code request}.
   *
   * @return a draft, a clarification or an abstention; never null
   * @throws io.github.nl2sql.ModelException when a language model cannot be reached or fails
   */
  Plan plan(PlanRequest request);
}
