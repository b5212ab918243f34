package io.github.nl2sql.link;

import java.util.EnumSet;
import java.util.Set;

/**
 * How to link: which signals, and how large the schema subset ({@link Selection}) handed to a planner may
 * be. Immutable; the constructor checks the values.
 *
 * @param signals signals to use; a linker ignores signals it does not provide
 * @param tokenBudget prompt-size budget for the selection (rough tokens)
 * @param maxTables most tables in the selection before join closure
 */
public record LinkOptions(Set<Signal> signals, int tokenBudget, int maxTables) {
  public LinkOptions {
    signals = signals.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(signals));
    if (tokenBudget < 1) {
      throw new IllegalArgumentException("tokenBudget must be >= 1, got " + tokenBudget);
    }
    if (maxTables < 1) {
      throw new IllegalArgumentException("maxTables must be >= 1, got " + maxTables);
    }
  }

  /** All signals, a 2,000-token budget, at most 8 tables. */
  public static LinkOptions defaults() {
    return new LinkOptions(EnumSet.allOf(Signal.class), 2000, 8);
  }

  /** A copy using only {@code signals}. */
  public LinkOptions withSignals(Set<Signal> signals) {
    return new LinkOptions(signals, tokenBudget, maxTables);
  }

  /**
   * A copy keeping at most {@code maxTables} tables before join closure.
   *
   * @throws IllegalArgumentException when {@code maxTables} is below 1
   */
  public LinkOptions withMaxTables(int maxTables) {
    return new LinkOptions(signals, tokenBudget, maxTables);
  }

  /**
   * A copy with a token budget of {@code tokenBudget}.
   *
   * @throws IllegalArgumentException when {@code tokenBudget} is below 1
   */
  public LinkOptions withTokenBudget(int tokenBudget) {
    return new LinkOptions(signals, tokenBudget, maxTables);
  }
}
