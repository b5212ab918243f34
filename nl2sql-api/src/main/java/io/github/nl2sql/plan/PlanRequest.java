package io.github.nl2sql.plan;

import io.github.nl2sql.Conversation;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.link.Linking;
import java.util.List;
import java.util.Objects;

/**
 * Everything a planner gets for one question. Immutable.
 *
 * @param question the question; after a resolved clarification, the original question
 * @param catalog the whole catalog
 * @param linking the ranked tables, columns and values, and the selection to show a model
 * @param identity database product, name and dialect
 * @param history earlier turns of the conversation, oldest first (empty without a conversation)
 * @param resolutions clarifications the user resolved, oldest first; the last one may be for this question
 * @param lastStatement the IR of the last answer in the conversation, or {@code null}; follow-ups refine it
 * @param attempts rejected drafts for this question, oldest first (empty on the first call)
 */
public record PlanRequest(String question, Catalog catalog, Linking linking, DatabaseIdentity identity,
    List<Conversation.Turn> history, List<Conversation.Resolution> resolutions, Statement lastStatement,
    List<Attempt> attempts) {
  public PlanRequest {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(linking, "linking");
    Objects.requireNonNull(identity, "identity");
    history = history == null ? List.of() : List.copyOf(history);
    resolutions = resolutions == null ? List.of() : List.copyOf(resolutions);
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }

  /** A copy with one more rejected draft. */
  public PlanRequest withAttempt(Attempt attempt) {
    List<Attempt> more = new java.util.ArrayList<>(attempts);
    more.add(Objects.requireNonNull(attempt, "attempt"));
    return new PlanRequest(question, catalog, linking, identity, history, resolutions, lastStatement, more);
  }

  /** Resolutions that answer this very question (the user picked an option for it). */
  public List<Conversation.Resolution> resolutionsForQuestion() {
    return resolutions.stream().filter(r -> r.question().equals(question)).toList();
  }
}
