package io.github.nl2sql.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.nl2sql.Answer;
import io.github.nl2sql.AskOptions;
import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.ModelException;
import io.github.nl2sql.ModelSettings;
import io.github.nl2sql.QueryResult;
import io.github.nl2sql.ValidationResult;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.internal.compile.SqlCompiler;
import io.github.nl2sql.internal.json.Json;
import io.github.nl2sql.internal.link.DiscoveredLinker;
import io.github.nl2sql.internal.plan.Asker;
import io.github.nl2sql.internal.plan.ChatModels;
import io.github.nl2sql.internal.plan.OfflinePlanner;
import io.github.nl2sql.link.SchemaLinkers;
import io.github.nl2sql.internal.replay.ReplayServer;
import io.github.nl2sql.internal.sql.ImportResult;
import io.github.nl2sql.internal.sql.SqlImporter;
import io.github.nl2sql.internal.validate.Guard;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.plan.DatabaseIdentity;
import io.github.nl2sql.plan.Planner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ask}: question -> link -> plan (offline or a model) -> validate (regenerating with hints) ->
 * compile for SQLite -> run -> same rows as the gold query? Only validated answers ever run.
 *
 * <p>Summary keys: {@code answered}, {@code answered_correct}, {@code clarified}, {@code abstained},
 * {@code blocked}, {@code execution_accuracy} (correct / items with a database), {@code model_calls},
 * {@code blocked_before_execution} (drafts rejected by validation, none of which ran), {@code repaired},
 * {@code regenerated}, {@code model_errors}, {@code answered_accuracy}; for the offline planner
 * {@code by_threshold} (coverage and precision at each confidence threshold); and {@code by_difficulty}
 * (Spider's easy/medium/hard/extra computed on the gold query).
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
    description = "Answer the questions with the offline planner or a model and compare results with gold.")
public final class AskCommand extends BenchCommand {
  @Option(names = "--planner", defaultValue = "offline", paramLabel = "offline|llm",
      description = "offline (deterministic, no model) or llm (default: ${DEFAULT-VALUE})")
  String planner;

  @Option(names = "--model", paramLabel = "SPEC",
      description = "openai:<baseUrl>:<model> | ollama:<baseUrl>:<model> | replay:<file.jsonl> (with --planner llm)")
  String model;

  @Option(names = "--api-key-env", paramLabel = "NAME", description = "environment variable holding the API key")
  String apiKeyEnv;

  @Option(names = "--output", defaultValue = "sql", paramLabel = "sql|ir_json",
      description = "what the model writes (default: ${DEFAULT-VALUE})")
  String output;

  @Option(names = "--rounds", defaultValue = "2", paramLabel = "N",
      description = "regeneration rounds after a rejected draft (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--repair", description = "repair an unknown identifier when one candidate is clearly best")
  boolean repair;

  @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "X",
      description = "confidence threshold of the offline planner (default: ${DEFAULT-VALUE})")
  double threshold;

  @Option(names = "--column-order", defaultValue = "any", paramLabel = "any|strict",
      description = "any: an answer is correct when its rows match with the columns in some order, as Spider's "
          + "test-suite evaluation counts it; strict: also in the gold query's column order (default: ${DEFAULT-VALUE})")
  String columnOrder;

  @Option(names = "--fast-path", description = "with --planner llm: try the offline planner first")
  boolean fastPath;

  @Option(names = "--linker", defaultValue = "auto", paramLabel = "auto|NAME",
      description = "auto: the linker Nl2Sql.ask uses by default, the best on the class path (synonyms "
          + "here); lexical: nl2sql-core's lexical and value linker; synonyms: nl2sql-gnn's fused ranking "
          + "plus words that name a table or column by another word (SynonymLinker, from the in-process "
          + "MiniLM model); fused, embedding: nl2sql-gnn's other linkers (default: ${DEFAULT-VALUE})")
  String linkerName;

  @Option(names = "--split", paramLabel = "validation|FILE",
      description = "keep only questions of the split's validation databases: 'validation' for the bundled "
          + "spider-train split, or a JSON file with a validation list of db_ids")
  String split;

  @Option(names = "--model-timeout-ms", defaultValue = "60000", paramLabel = "MS",
      description = "time limit of one model call (default: ${DEFAULT-VALUE})")
  long modelTimeoutMillis;

  private static final double[] THRESHOLDS = {0.0, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9};

  private Asker asker;
  private ReplayServer replay;
  private io.github.nl2sql.link.SchemaLinker linker;
  private final SqlCompiler compiler = new SqlCompiler(Dialect.SQLITE);
  private final SqlImporter importer = new SqlImporter(Dialect.SQLITE);
  private Set<String> keepDbs;
  private int considered;
  private int answered;
  private int correct;
  /** Answers correct with their columns in the gold query's order too. */
  private int correctStrictColumns;

  private boolean strictColumns() {
    return columnOrder.equals("strict");
  }
  private int clarified;
  private int abstained;
  private int blocked;
  private int modelCalls;
  private int rejectedDrafts;
  private int repaired;
  private int regenerated;
  private int executedInvalid;
  private int answerFailedToRun;
  private int skippedBySplit;
  private final Map<String, Integer> modelErrors = new TreeMap<>();
  private final List<double[]> scored = new ArrayList<>(); // confidence, correct, difficulty index
  private final Map<String, int[]> byDifficulty = new TreeMap<>(); // items, answered, correct

  @Override
  protected String name() {
    return "ask";
  }

  @Override
  protected boolean needsStatistics() {
    return true;
  }

  @Override
  protected void start(List<Item> items) {
    if (!planner.equals("offline") && !planner.equals("llm")) {
      throw new BenchException("--planner must be offline or llm, got " + planner);
    }
    if (!columnOrder.equals("any") && !columnOrder.equals("strict")) {
      throw new BenchException("--column-order must be any or strict, got " + columnOrder);
    }
    if (rounds < 0 || rounds > 10) {
      throw new BenchException("--rounds must be in 0..10, got " + rounds);
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new BenchException("--threshold must be in 0..1, got " + threshold);
    }
    ModelSettings.OutputMode mode;
    try {
      mode = ModelSettings.OutputMode.valueOf(output.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BenchException("--output must be sql or ir_json, got " + output);
    }
    Planner modelPlanner = null;
    if (planner.equals("llm")) {
      if (model == null) {
        throw new BenchException("--planner llm needs --model");
      }
      ModelSettings settings;
      if (model.startsWith("replay:")) {
        Path file = Path.of(model.substring("replay:".length()));
        try {
          replay = new ReplayServer(ReplayServer.read(file));
        } catch (IOException e) {
          throw new BenchException("cannot read replay file " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
          throw new BenchException(e.getMessage());
        }
        settings = new ModelSettings(ModelSettings.Provider.OPENAI, replay.openAiBaseUrl(), "replay", null,
            java.time.Duration.ofMillis(modelTimeoutMillis), mode);
      } else {
        try {
          ModelSettings parsed = ModelSettings.parse(model, apiKeyEnv);
          settings = new ModelSettings(parsed.provider(), parsed.baseUrl(), parsed.modelName(), parsed.apiKeyEnv(),
              java.time.Duration.ofMillis(modelTimeoutMillis), mode);
        } catch (IllegalArgumentException e) {
          throw new BenchException("--model: " + e.getMessage());
        }
      }
      try {
        modelPlanner = ChatModels.planner(settings);
      } catch (IllegalArgumentException e) {
        throw new BenchException(e.getMessage());
      }
    }
    // the offline planner runs with threshold 0 so that one run yields the whole threshold table;
    // answers below --threshold are counted as abstentions
    boolean offline = planner.equals("offline");
    AskOptions options = new AskOptions(null, null, rounds, repair, offline ? 0.0 : threshold, false,
        offline || fastPath);
    if (linkerName.equals("auto")) {
      // as Nl2Sql.ask: the preferred linker, falling back to the lexical one if it cannot run here
      linker = DiscoveredLinker.create();
      linkerName = linker instanceof DiscoveredLinker d ? d.name() : SchemaLinkers.preferredName();
    } else {
      try {
        linker = SchemaLinkers.named(linkerName);
      } catch (IllegalArgumentException e) {
        throw new BenchException("--linker: " + e.getMessage());
      }
    }
    asker = new Asker(options, new OfflinePlanner(), modelPlanner, linker);
    if (split != null) {
      keepDbs = readSplit(split);
    }
  }

  /**
   * The validation databases of a split: {@code validation} is the committed database-disjoint split of
   * spider-train (the one the GNN was trained and evaluated on), anything else a JSON file with a
   * {@code validation} (or {@code validation_db_ids}) list of db_ids.
   */
  static Set<String> readSplit(String split) {
    if (split.equals("validation")) {
      return io.github.nl2sql.gnn.eval.SpiderSet.split().get("validation");
    }
    try (InputStream in = Files.newInputStream(Path.of(split))) {
      JsonNode n = Json.mapper().readTree(in);
      Set<String> ids = new HashSet<>();
      n.path("validation").forEach(x -> ids.add(x.asText()));
      n.path("validation_db_ids").forEach(x -> ids.add(x.asText()));
      if (ids.isEmpty()) {
        throw new BenchException("split " + split + " has no validation db_ids");
      }
      return ids;
    } catch (IOException e) {
      throw new BenchException("cannot read split " + split + ": " + e.getMessage());
    }
  }

  @Override
  protected void process(Item item, Databases.Db db, Context context) {
    if (keepDbs != null && !keepDbs.contains(item.dbId())) {
      skippedBySplit++;
      return;
    }
    considered++;
    Map<String, Object> rec = item.record();
    try {
      run(item, db, context, rec);
    } finally {
      context.out().write(rec);
    }
  }

  private void run(Item item, Databases.Db db, Context context, Map<String, Object> rec) {
    String difficulty = "unknown";
    ImportResult gi = importer.importSql(item.gold(), db.catalog());
    if (gi.ok()) {
      difficulty = SpiderHardness.of(gi.statement());
    }
    rec.put("difficulty", difficulty);
    int[] d = byDifficulty.computeIfAbsent(difficulty, k -> new int[3]);
    d[0]++;
    Catalog catalog = db.catalog();
    Guard guard = new Guard(catalog, Dialect.SQLITE, false);
    Asker.Backend backend = new Asker.Backend() {
      @Override
      public Catalog catalog() {
        return catalog;
      }

      @Override
      public DatabaseIdentity identity() {
        return new DatabaseIdentity("SQLite", catalog.productVersion(), item.dbId(), Dialect.SQLITE);
      }

      @Override
      public ValidationResult check(String sql) {
        return guard.check(sql);
      }

      @Override
      public ValidationResult check(Statement statement) {
        return guard.check(statement);
      }

      @Override
      public CompiledQuery compile(Statement statement) {
        return compiler.compile(statement, 0);
      }

      @Override
      public QueryResult execute(CompiledQuery query) {
        throw new IllegalStateException("the bench runs answers itself");
      }
    };
    Answer a;
    try {
      a = asker.ask(item.question(), null, backend);
    } catch (ModelException e) {
      modelErrors.merge(e.reason().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
      rec.put("outcome", "model_error");
      rec.put("detail", e.getMessage());
      return;
    }
    Answer.Trace t = a.trace();
    modelCalls += t.modelCalls();
    rejectedDrafts += t.rejectedDrafts();
    rec.put("planner", t.planner());
    rec.put("model_calls", t.modelCalls());
    rec.put("rejected_drafts", t.rejectedDrafts());
    if (a instanceof Answer.Answered ok) {
      rec.put("confidence", ok.confidence());
      rec.put("sql", ok.query().sql());
      rec.put("params", new ArrayList<>(ok.query().parameters()));
      rec.put("explanation", ok.explanation());
      // only validated answers reach this point; re-check so the figure is measured, not assumed
      if (!guard.check(ok.statement()).isValid()) {
        executedInvalid++;
      }
      Execution gold = context.runner().execute(db.connection(), item.gold(), List.of());
      Execution ours = context.runner().execute(db.connection(), ok.query().sql(), ok.query().parameters());
      boolean ordered = gi.ok() && gi.statement() instanceof Query q && !q.orderBy().isEmpty();
      boolean strictSame = gold.ok() && ours.ok() && ResultComparator.same(gold.rows(), ours.rows(), ordered);
      boolean same = strictSame || !strictColumns() && gold.ok() && ours.ok()
          && ResultComparator.sameAnyColumnOrder(gold.rows(), ours.rows(), ordered);
      if (same && !strictSame) {
        rec.put("columns_reordered", true);
      }
      if (!ours.ok()) {
        answerFailedToRun++;
        rec.put("error", ours.errorMessage());
      }
      scored.add(new double[] {ok.confidence(), same ? 1 : 0, 0});
      boolean counts = !planner.equals("offline") || ok.confidence() >= threshold || !t.planner().equals("offline");
      if (!counts) {
        abstained++;
        rec.put("outcome", "abstained");
        rec.put("reason", "confidence below threshold");
        rec.put("correct_if_answered", same);
        return;
      }
      answered++;
      d[1]++;
      if (same) {
        correct++;
        d[2]++;
      }
      if (strictSame) {
        correctStrictColumns++;
      }
      if (t.repaired()) {
        repaired++;
      }
      if (t.regenerated()) {
        regenerated++;
      }
      rec.put("outcome", "answered");
      rec.put("correct", same);
    } else if (a instanceof Answer.Clarification c) {
      clarified++;
      rec.put("outcome", "clarified");
      rec.put("clarification", c.format());
    } else if (a instanceof Answer.Abstained ab) {
      abstained++;
      rec.put("outcome", "abstained");
      rec.put("reason", ab.reason());
    } else if (a instanceof Answer.Blocked b) {
      blocked++;
      rec.put("outcome", "blocked");
      rec.put("sql", b.sql());
      rec.put("diagnostics", b.diagnostics().stream().map(x -> x.toString()).toList());
    }
  }

  @Override
  protected void summarise(Map<String, Object> s) {
    s.put("planner", planner);
    if (linker instanceof DiscoveredLinker d && d.fellBack()) {
      s.put("linker", "lexical");
      s.put("linker_failed", linkerName); // (its warning is in the log)
    } else {
      s.put("linker", linkerName);
    }
    if (model != null) {
      s.put("model", model.startsWith("replay:") ? model : model.replaceAll("//[^@/]*@", "//***@"));
    }
    s.put("split", split);
    s.put("skipped_by_split", skippedBySplit);
    s.put("considered", considered);
    s.put("threshold", threshold);
    s.put("answered", answered);
    s.put("answered_correct", correct);
    s.put("column_order", columnOrder);
    s.put("answered_correct_strict_columns", correctStrictColumns);
    s.put("clarified", clarified);
    s.put("abstained", abstained);
    s.put("blocked", blocked);
    s.put("execution_accuracy", rate(correct, considered));
    s.put("answered_accuracy", rate(correct, answered));
    s.put("coverage", rate(answered, considered));
    s.put("model_calls", modelCalls);
    s.put("blocked_before_execution", rejectedDrafts);
    s.put("executed_invalid", executedInvalid);
    s.put("answers_failed_to_run", answerFailedToRun);
    s.put("repaired", repaired);
    s.put("regenerated", regenerated);
    s.put("model_errors", modelErrors);
    if (planner.equals("offline")) {
      Map<String, Object> table = new LinkedHashMap<>();
      for (double th : THRESHOLDS) {
        long ans = scored.stream().filter(x -> x[0] >= th).count();
        long ok = scored.stream().filter(x -> x[0] >= th && x[1] == 1).count();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("answered", ans);
        row.put("correct", ok);
        row.put("coverage", rate(ans, considered));
        row.put("precision", rate(ok, ans));
        table.put(String.valueOf(th), row);
      }
      s.put("by_threshold", table);
    }
    Map<String, Object> diff = new LinkedHashMap<>();
    for (Map.Entry<String, int[]> e : byDifficulty.entrySet()) {
      int[] v = e.getValue();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("items", v[0]);
      row.put("answered", v[1]);
      row.put("correct", v[2]);
      row.put("coverage", rate(v[1], v[0]));
      row.put("precision", rate(v[2], v[1]));
      diff.put(e.getKey(), row);
    }
    s.put("by_difficulty", diff);
    if (replay != null) {
      s.put("replay_http_calls", replay.calls());
      replay.close();
    }
  }
}
