package io.github.nl2sql;

import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of a dialogue with {@link Nl2Sql#ask(String, Conversation)}: the last turns, the
 * clarifications the user resolved, the clarification waiting for a reply, and the IR of the last
 * answer, so that follow-ups ("only for 2024", "and per region", "sort by the second column") and replies
 * to clarifications ("2") work.
 *
 * <p>Cheap to create (no I/O, a few small collections) and bounded: at most {@link #maxTurns()} turns
 * and as many resolutions are kept, older ones are dropped. <b>Not thread-safe</b>: use one conversation
 * from one thread at a time (a conversation belongs to one user's dialogue). The {@link Nl2Sql} instance
 * itself may be shared.
 */
public final class Conversation {
  /** Turns kept by {@link #create()}. */
  public static final int DEFAULT_MAX_TURNS = 8;

  private final int maxTurns;
  private final Deque<Turn> turns = new ArrayDeque<>();
  private final Deque<Resolution> resolutions = new ArrayDeque<>();
  private Answer.Clarification pending;
  private Statement lastStatement;

  private Conversation(int maxTurns) {
    this.maxTurns = maxTurns;
  }

  /** A new, empty conversation keeping {@value #DEFAULT_MAX_TURNS} turns. */
  public static Conversation create() {
    return new Conversation(DEFAULT_MAX_TURNS);
  }

  /**
   * A new, empty conversation keeping at most {@code maxTurns} turns.
   *
   * @throws IllegalArgumentException when {@code maxTurns < 1}
   */
  public static Conversation create(int maxTurns) {
    if (maxTurns < 1) {
      throw new IllegalArgumentException("maxTurns must be >= 1, got " + maxTurns);
    }
    return new Conversation(maxTurns);
  }

  /** One question and its answer. */
  public record Turn(String question, Answer answer) {
    public Turn {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(answer, "answer");
    }
  }

  /**
   * A clarification the user answered.
   *
   * @param question the question that was ambiguous
   * @param kind what was ambiguous
   * @param chosen the chosen option
   */
  public record Resolution(String question, Answer.Clarification.Kind kind, Answer.Clarification.Option chosen) {
    public Resolution {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(chosen, "chosen");
    }
  }

  /** The most turns kept. */
  public int maxTurns() {
    return maxTurns;
  }

  /** The kept turns, oldest first (an immutable copy). */
  public List<Turn> turns() {
    return List.copyOf(turns);
  }

  /** The resolved clarifications kept, oldest first (an immutable copy). */
  public List<Resolution> resolutions() {
    return List.copyOf(resolutions);
  }

  /** The clarification waiting for the user's reply, if the last answer was one. */
  public Optional<Answer.Clarification> pendingClarification() {
    return Optional.ofNullable(pending);
  }

  /** The IR of the last {@link Answer.Answered} answer, if any; follow-ups refine it. */
  public Optional<Statement> lastStatement() {
    return Optional.ofNullable(lastStatement);
  }

  /** The last answered read, if the last answered statement is a query. */
  public Optional<Query> lastQuery() {
    return lastStatement instanceof Query q ? Optional.of(q) : Optional.empty();
  }

  /**
   * Records a turn. Called by the {@link Nl2Sql} implementation after each question; applications
   * normally do not call it. An {@link Answer.Answered} answer becomes the last statement; a
   * {@link Answer.Clarification} becomes the pending clarification; any other answer clears it.
   *
   * @throws NullPointerException when an argument is null
   */
  public void record(String question, Answer answer) {
    Turn t = new Turn(question, answer);
    turns.addLast(t);
    while (turns.size() > maxTurns) {
      turns.removeFirst();
    }
    pending = answer instanceof Answer.Clarification c ? c : null;
    if (answer instanceof Answer.Answered a) {
      lastStatement = a.statement();
    }
  }

  /**
   * Records that the user chose {@code option} for the pending clarification and clears it. Called by
   * the {@link Nl2Sql} implementation when a reply picks an option.
   *
   * @throws IllegalStateException when no clarification is pending
   */
  public Resolution resolve(Answer.Clarification.Option option) {
    Objects.requireNonNull(option, "option");
    if (pending == null) {
      throw new IllegalStateException("no clarification is pending");
    }
    Resolution r = new Resolution(pending.question(), pending.kind(), option);
    resolutions.addLast(r);
    while (resolutions.size() > maxTurns) {
      resolutions.removeFirst();
    }
    pending = null;
    return r;
  }

  /** Forgets everything. */
  public void clear() {
    turns.clear();
    resolutions.clear();
    pending = null;
    lastStatement = null;
  }

  /** The questions of the kept turns, oldest first. */
  public List<String> questions() {
    List<String> out = new ArrayList<>(turns.size());
    for (Turn t : turns) {
      out.add(t.question());
    }
    return out;
  }

  @Override
  public String toString() {
    return "Conversation[turns=" + turns.size() + "/" + maxTurns + ", resolutions=" + resolutions.size()
        + ", pending=" + (pending != null) + ", lastStatement=" + (lastStatement != null) + "]";
  }
}
