package io.github.nl2sql.internal.plan;

import io.github.nl2sql.Answer;
import io.github.nl2sql.Conversation;
import io.github.nl2sql.ModelSettings.OutputMode;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.ColumnStats;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.internal.compile.IrJsonSchema;
import io.github.nl2sql.internal.json.Json;
import io.github.nl2sql.link.JoinEdge;
import io.github.nl2sql.link.Selection;
import io.github.nl2sql.plan.Attempt;
import io.github.nl2sql.plan.PlanRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the model prompt for one question: identity facts, the linked schema subset (tables, columns
 * with types, keys, comments, enum and frequent values, join paths), conversation state, rejected
 * attempts with their diagnostics, and the output contract. Deterministic: the same request gives the
 * same text. Stays within a token budget (about four characters a token) by dropping, in order, sample
 * values, older conversation turns, and the lowest-ranked columns. Thread-safe.
 */
public final class PromptBuilder {
  /** The line that introduces the question; the replay server looks for it. */
  public static final String QUESTION_PREFIX = "Question: ";
  /** The line that names the database; the replay server looks for it. */
  public static final String DATABASE_PREFIX = "Database: ";

  private final int tokenBudget;

  /**
   * @param tokenBudget most tokens (estimated as characters / 4) for the user message, at least 50
   */
  public PromptBuilder(int tokenBudget) {
    if (tokenBudget < 50) {
      throw new IllegalArgumentException("tokenBudget must be >= 50, got " + tokenBudget);
    }
    this.tokenBudget = tokenBudget;
  }

  /** The system message: the role and the output contract. */
  public String system(PlanRequest r, OutputMode mode) {
    StringBuilder sb = new StringBuilder();
    sb.append("You translate questions about a relational database into one read-only SQL query for ")
        .append(r.identity().product() != null ? r.identity().product() : r.identity().dialect().name())
        .append(" (").append(r.identity().dialect().name().toLowerCase(Locale.ROOT)).append(" dialect).\n");
    sb.append("Use only the tables and columns listed. Never write INSERT, UPDATE, DELETE or DDL.\n");
    if (mode == OutputMode.SQL) {
      sb.append("Answer with exactly one SELECT statement in a ```sql code block and nothing else.\n");
    } else {
      sb.append("Answer with one JSON object: the query as IR under this JSON Schema, and nothing else.\n");
      sb.append(IrJsonSchema.statementSchema()).append('\n');
    }
    sb.append("If the question is ambiguous, answer instead with a line 'CLARIFY: <question to the user>' "
        + "followed by two or more lines 'OPTION: <choice>'.\n");
    sb.append("If the schema cannot answer it, answer 'CANNOT: <reason>'.");
    return sb.toString();
  }

  /** The user message: facts, schema subset, conversation, attempts and the question. */
  public String user(PlanRequest r) {
    for (int level = 0; level < 4; level++) {
      String s = user(r, level);
      if (s.length() / 4 <= tokenBudget || level == 3) {
        return s;
      }
    }
    throw new AssertionError();
  }

  /** Estimated tokens of a text. */
  public static int tokens(String text) {
    return (text.length() + 3) / 4;
  }

  private String user(PlanRequest r, int level) {
    StringBuilder sb = new StringBuilder();
    Catalog c = r.catalog();
    sb.append(DATABASE_PREFIX).append(r.identity().databaseName() != null ? r.identity().databaseName() : "(unnamed)")
        .append('\n');
    if (r.identity().product() != null) {
      sb.append("Product: ").append(r.identity().product());
      if (r.identity().productVersion() != null) {
        sb.append(' ').append(r.identity().productVersion());
      }
      sb.append('\n');
    }
    sb.append("Dialect: ").append(r.identity().dialect().name().toLowerCase(Locale.ROOT)).append("\n\n");
    sb.append("Schema:\n");
    Selection sel = r.linking().selection();
    List<String> tables = sel.tables().isEmpty() ? c.tables().stream().map(Table::name).toList() : sel.tables();
    for (String tn : tables) {
      Table t = c.table(tn).orElse(null);
      if (t == null) {
        continue;
      }
      List<String> cols = sel.columns().getOrDefault(tn, t.columns().stream().map(Column::name).toList());
      if (level >= 3 && cols.size() > 6) {
        cols = cols.subList(0, 6);
      }
      sb.append("TABLE ").append(t.name());
      if (t.comment() != null && !t.comment().isBlank()) {
        sb.append(" -- ").append(oneLine(t.comment()));
      }
      sb.append('\n');
      for (String cn : cols) {
        Column col = t.column(cn).orElse(null);
        if (col == null) {
          continue;
        }
        sb.append("  ").append(col.name()).append(' ').append(col.type().name());
        if (t.primaryKey().contains(col.name())) {
          sb.append(" PRIMARY KEY");
        }
        if (!col.nullable()) {
          sb.append(" NOT NULL");
        }
        if (col.comment() != null && !col.comment().isBlank()) {
          sb.append(" -- ").append(oneLine(col.comment()));
        }
        if (level < 1) {
          List<String> vals = sampleValues(col);
          if (!vals.isEmpty()) {
            sb.append(" values: ").append(String.join(", ", vals));
          }
        }
        sb.append('\n');
      }
    }
    if (!sel.joins().isEmpty()) {
      sb.append("Joins:\n");
      for (JoinEdge e : sel.joins()) {
        sb.append("  ");
        for (int i = 0; i < e.fromColumns().size(); i++) {
          if (i > 0) {
            sb.append(" AND ");
          }
          sb.append(e.fromTable()).append('.').append(e.fromColumns().get(i)).append(" = ")
              .append(e.toTable()).append('.').append(e.toColumns().get(i));
        }
        sb.append('\n');
      }
    }
    List<Conversation.Turn> history = r.history();
    if (level >= 2 && history.size() > 2) {
      history = history.subList(history.size() - 2, history.size());
    }
    if (!history.isEmpty()) {
      sb.append("\nConversation so far:\n");
      for (Conversation.Turn t : history) {
        sb.append("Q: ").append(oneLine(t.question())).append('\n');
        if (t.answer() instanceof Answer.Answered a) {
          sb.append("SQL: ").append(oneLine(a.query().sql())).append('\n');
        } else if (t.answer() instanceof Answer.Clarification cl) {
          sb.append("(asked back: ").append(oneLine(cl.prompt())).append(")\n");
        }
      }
    }
    if (!r.resolutions().isEmpty()) {
      sb.append("\nThe user clarified:\n");
      for (Conversation.Resolution res : r.resolutions()) {
        sb.append("- for \"").append(oneLine(res.question())).append("\": ").append(res.chosen().label()).append('\n');
      }
    }
    if (r.lastStatement() != null) {
      sb.append("\nThe last answer's query (IR JSON), which a follow-up refines:\n")
          .append(Json.toJson(r.lastStatement())).append('\n');
    }
    if (!r.attempts().isEmpty()) {
      sb.append("\nYour previous answers were rejected; fix them:\n");
      int n = 1;
      for (Attempt a : r.attempts()) {
        sb.append("Attempt ").append(n++).append(":\n").append(a.output().strip()).append('\n');
        sb.append("Problems:\n");
        for (Diagnostic d : a.diagnostics()) {
          sb.append("- ").append(d.format()).append('\n');
        }
      }
    }
    sb.append('\n').append(QUESTION_PREFIX).append(oneLine(r.question())).append('\n');
    return sb.toString();
  }

  private static List<String> sampleValues(Column col) {
    List<String> out = new ArrayList<>();
    for (String e : col.enumValues()) {
      if (out.size() < 8) {
        out.add("'" + e + "'");
      }
    }
    ColumnStats s = col.stats();
    if (out.isEmpty() && s != null && col.type() == io.github.nl2sql.catalog.SqlType.TEXT) {
      for (ColumnStats.FrequentValue fv : s.frequentValues()) {
        if (fv.value() != null && fv.value().length() <= 40 && out.size() < 5) {
          out.add("'" + oneLine(fv.value()) + "'");
        }
      }
    }
    return out;
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
