package io.github.nl2sql.internal.plan;

import io.github.nl2sql.Answer;
import io.github.nl2sql.AskOptions;
import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Conversation;
import io.github.nl2sql.QueryResult;
import io.github.nl2sql.ValidationResult;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.internal.json.Json;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.link.Linking;
import io.github.nl2sql.link.SchemaLinker;
import io.github.nl2sql.plan.Attempt;
import io.github.nl2sql.plan.DatabaseIdentity;
import io.github.nl2sql.plan.Plan;
import io.github.nl2sql.plan.PlanRequest;
import io.github.nl2sql.plan.Planner;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one question: resolves a pending clarification, links, plans (offline first, then the model
 * planner), validates every draft, regenerates with the diagnostics up to the configured rounds,
 * optionally repairs, compiles and executes. Nothing that fails validation is compiled or executed.
 * Thread-safe (per-question state lives on the stack; the conversation is the caller's).
 */
public final class Asker {
  private static final Logger LOG = LoggerFactory.getLogger(Asker.class);

  /** What the asker needs from the facade: the catalog, validation, compilation and execution. */
  public interface Backend {
    /** The current catalog. */
    Catalog catalog();

    /** Identity facts for prompts. */
    DatabaseIdentity identity();

    /** Imports and validates SQL text. */
    ValidationResult check(String sql);

    /** Validates IR. */
    ValidationResult check(Statement statement);

    /** Compiles validated IR. */
    CompiledQuery compile(Statement statement);

    /** Runs a compiled read. */
    QueryResult execute(CompiledQuery query);
  }

  private final AskOptions options;
  private final Planner offline;
  private final Planner model;
  private final SchemaLinker linker;

  /**
   * @param options ask options
   * @param offline the offline planner (always present)
   * @param model the model (or custom) planner, or {@code null}
   * @param linker the schema linker
   */
  public Asker(AskOptions options, Planner offline, Planner model, SchemaLinker linker) {
    this.options = Objects.requireNonNull(options, "options");
    this.offline = Objects.requireNonNull(offline, "offline");
    this.model = model;
    this.linker = Objects.requireNonNull(linker, "linker");
  }

  /**
   * Answers {@code question}; records the turn in {@code conversation} when given.
   *
   * @throws IllegalArgumentException when the question is blank
   */
  public Answer ask(String question, Conversation conversation, Backend backend) {
    if (question == null || question.isBlank()) {
      throw new IllegalArgumentException("question must not be null or blank");
    }
    String asked = question.strip();
    String effective = asked;
    if (conversation != null) {
      Optional<Answer.Clarification> pending = conversation.pendingClarification();
      if (pending.isPresent()) {
        Optional<Answer.Clarification.Option> choice = pending.get().choose(asked);
        if (choice.isPresent()) {
          conversation.resolve(choice.get());
          effective = pending.get().question();
        }
      }
    }
    Answer a = answer(effective, conversation, backend);
    if (conversation != null) {
      conversation.record(effective, a);
    }
    return a;
  }

  private Answer answer(String question, Conversation conversation, Backend backend) {
    Catalog catalog = backend.catalog();
    Linking linking = linker.link(question, catalog, options.link());
    PlanRequest req = new PlanRequest(question, catalog, linking, backend.identity(),
        conversation == null ? List.of() : conversation.turns(),
        conversation == null ? List.of() : conversation.resolutions(),
        conversation == null ? null : conversation.lastStatement().orElse(null), List.of());
    Counters n = new Counters();
    String offlineReason = OfflinePlanner.NEEDS_MODEL;
    if (model == null || options.offlineFastPath()) {
      Plan p = offline.plan(req);
      if (p instanceof Plan.Clarify c) {
        return clarification(question, c, trace(offline, n));
      }
      if (p instanceof Plan.Draft d) {
        if (d.confidence() >= options.confidenceThreshold()) {
          n.drafts++;
          ValidationResult v = validate(d, backend);
          if (v.isValid()) {
            return answered(question, v.statement(), d.confidence(), d.explanation(), backend, trace(offline, n));
          }
          n.rejected++;
          LOG.debug("offline draft rejected: {}", v.diagnostics());
          offlineReason = OfflinePlanner.NEEDS_MODEL + " (my own reading did not validate)";
        } else {
          offlineReason = OfflinePlanner.NEEDS_MODEL + String.format(" (confidence %.2f is below %.2f: %s)",
              d.confidence(), options.confidenceThreshold(), d.explanation());
        }
      } else if (p instanceof Plan.Abstain ab) {
        offlineReason = ab.reason();
      }
    }
    if (model == null) {
      return new Answer.Abstained(question, offlineReason, trace(offline, n));
    }
    String lastSql = null;
    List<Diagnostic> lastDiagnostics = List.of();
    for (int round = 0; round <= options.maxRegenerationRounds(); round++) {
      Plan p = model.plan(req);
      if (model.usesModel()) {
        n.modelCalls++;
      }
      if (p instanceof Plan.Clarify c) {
        return clarification(question, c, trace(model, n));
      }
      if (p instanceof Plan.Abstain ab) {
        return new Answer.Abstained(question, ab.reason(), trace(model, n));
      }
      n.drafts++;
      String output;
      ValidationResult v;
      if (p instanceof Plan.Unreadable u) {
        output = u.output();
        v = new ValidationResult(null, null, List.of(
            Diagnostic.error(DiagnosticCode.SYNTAX_ERROR, null, List.of(), u.problem())));
        lastSql = u.output();
      } else {
        Plan.Draft d = (Plan.Draft) p;
        output = d.sql() != null ? d.sql() : Json.toJson(d.statement());
        v = validate(d, backend);
        lastSql = d.sql();
        if (v.isValid()) {
          n.regenerated = n.rejected > 0;
          return answered(question, v.statement(), d.confidence(), d.explanation(), backend, trace(model, n));
        }
        if (options.repair()) {
          String fixed = Repair.repair(output, v);
          if (fixed != null) {
            ValidationResult rv = d.sql() != null ? backend.check(fixed) : checkJson(fixed, backend);
            if (rv.isValid()) {
              n.repaired = true;
              n.rejected++;
              return answered(question, rv.statement(), d.confidence() * 0.9,
                  d.explanation() + "; repaired: " + describe(v.errors()), backend, trace(model, n));
            }
          }
        }
      }
      n.rejected++;
      lastDiagnostics = v.diagnostics();
      req = req.withAttempt(new Attempt(output, v.diagnostics()));
    }
    return new Answer.Blocked(question, lastSql, lastDiagnostics, trace(model, n));
  }

  private static ValidationResult checkJson(String json, Backend backend) {
    try {
      return backend.check(Json.readStatement(json));
    } catch (RuntimeException e) {
      return new ValidationResult(null, null, List.of(
          Diagnostic.error(DiagnosticCode.SYNTAX_ERROR, null, List.of(), e.getMessage())));
    }
  }

  private static String describe(List<Diagnostic> ds) {
    return String.join("; ", ds.stream().map(Diagnostic::format).toList());
  }

  private static ValidationResult validate(Plan.Draft d, Backend backend) {
    return d.sql() != null ? backend.check(d.sql()) : backend.check(d.statement());
  }

  private Answer answered(String question, Statement statement, double confidence, String explanation,
      Backend backend, Answer.Trace trace) {
    CompiledQuery q = backend.compile(statement);
    QueryResult result = options.execute() && q.isRead() ? backend.execute(q) : null;
    return new Answer.Answered(question, q, Math.max(0, Math.min(1, confidence)), explanation, result, trace);
  }

  private static Answer clarification(String question, Plan.Clarify c, Answer.Trace trace) {
    return new Answer.Clarification(question, c.kind(), c.prompt(), c.options(), trace);
  }

  private static Answer.Trace trace(Planner p, Counters n) {
    return new Answer.Trace(p.name(), n.modelCalls, n.drafts, n.rejected, n.repaired, n.regenerated);
  }

  private static final class Counters {
    int modelCalls;
    int drafts;
    int rejected;
    boolean repaired;
    boolean regenerated;
  }
}
