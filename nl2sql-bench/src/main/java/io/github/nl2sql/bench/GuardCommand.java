package io.github.nl2sql.bench;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.ValidationResult;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.internal.sql.ImportResult;
import io.github.nl2sql.internal.sql.SqlImporter;
import io.github.nl2sql.internal.validate.Guard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code guard}: checks the guard (read-only, SQLite dialect) on real queries.
 *
 * <p>Without {@code --predictions}: (a) every gold query that runs on SQLite must pass; (b) for each
 * gold query that passes, {@link MutationGenerator} (locating names through the importer's source
 * positions; {@code mutation_locator} counts how often) makes invalid mutants (each verified invalid by
 * SQLite) that must all be blocked, and the original name must be the first suggestion of the
 * diagnostic about the mutated name ({@code mutants_top1}, counted over all mutants of every kind;
 * per kind in {@code mutants_by_kind}). {@code --out} receives the failures only. Catalogs carry
 * column statistics, as the library reads them by default ({@code --no-statistics} turns them off).
 *
 * <p>With {@code --predictions FILE} (one SQL per line, aligned with the questions): each prediction
 * is guarded and run on SQLite; the summary crosses blocked/passed with fails/runs. {@code --out}
 * receives one line per prediction.
 */
@Command(name = "guard", mixinStandardHelpOptions = true,
    description = "Gold queries must pass the guard, invalid mutants must be blocked with the right "
        + "suggestion; or, with --predictions, how the guard's verdicts match SQLite's.")
public final class GuardCommand extends BenchCommand {
  @Option(names = "--predictions", paramLabel = "FILE",
      description = "one predicted SQL per line, aligned with the questions (line i = item i)")
  Path predictions;

  @Option(names = "--seed", defaultValue = "20260101", paramLabel = "N",
      description = "seed of the mutation generator (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--mutants-per-kind", defaultValue = "1", paramLabel = "N",
      description = "mutants of each kind per gold query (default: ${DEFAULT-VALUE})")
  int mutantsPerKind;

  @Option(names = "--swap-choice", defaultValue = "SIMILAR", paramLabel = "SIMILAR|RANDOM",
      description = "how swap mutants pick the out-of-scope column: one of the 3 closest to the "
          + "original (SIMILAR) or any (RANDOM) (default: ${DEFAULT-VALUE})")
  MutationGenerator.SwapChoice swapChoice;

  @Option(names = "--statistics", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "read column statistics into the catalogs, as the library does by default; the "
          + "validator's suggestions use sampled values as evidence (default: ${DEFAULT-VALUE}; "
          + "--no-statistics for catalogs without them)")
  boolean statistics;

  private List<String> predictionLines;

  @Override
  protected boolean needsStatistics() {
    return statistics;
  }
  private final Map<String, Guard> guards = new HashMap<>();
  private final SqlImporter importer = new SqlImporter(Dialect.SQLITE);
  private final Map<String, Integer> locators = new TreeMap<>();

  private int goldFailed;
  private int goldTotal;
  private int goldBlocked;
  private int guardExceptions;
  private int skippedGoldBlocked;
  private final Map<String, Integer> goldBlockedByReason = new TreeMap<>();
  private final Map<Mutant.Kind, int[]> byKind = new TreeMap<>();
  private final Map<String, Integer> unblockedByKind = new TreeMap<>();
  private final Map<String, Integer> notTop1ByCode = new TreeMap<>();
  private long guardNanos;
  private long guardCalls;

  private int blockedFails;
  private int blockedRuns;
  private int passedFails;
  private int passedRuns;
  private final Map<String, Integer> passedFailsByError = new TreeMap<>();
  private final Map<String, Integer> blockedByReason = new TreeMap<>();
  private final Map<String, Integer> blockedRunsByReason = new TreeMap<>();
  private final Map<String, Integer> blockedFailsByError = new TreeMap<>();

  @Override
  protected String name() {
    return "guard";
  }

  @Override
  protected void start(List<Item> items) {
    if (mutantsPerKind < 0) {
      throw new BenchException("--mutants-per-kind must be >= 0, got " + mutantsPerKind);
    }
    for (Mutant.Kind k : Mutant.Kind.values()) {
      byKind.put(k, new int[3]);
    }
    if (predictions == null) {
      return;
    }
    if (!Files.isRegularFile(predictions)) {
      throw new BenchException("--predictions " + predictions + " is not a readable file");
    }
    try {
      predictionLines = Files.readAllLines(predictions, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BenchException("Cannot read --predictions " + predictions + ": " + e.getMessage(), e);
    }
    int needed = items.isEmpty() ? 0 : items.get(items.size() - 1).index() + 1;
    if (predictionLines.size() < needed) {
      throw new BenchException("--predictions " + predictions + " has " + predictionLines.size()
          + " lines but " + needed + " questions are evaluated (line i must hold the SQL for item i)");
    }
  }

  @Override
  protected void process(Item item, Databases.Db db, Context context) {
    Guard guard = guards.computeIfAbsent(db.id(), id -> new Guard(db.catalog(), Dialect.SQLITE, false));
    if (predictionLines != null) {
      prediction(item, db, guard, context);
    } else {
      goldAndMutants(item, db, guard, context);
    }
  }

  // ------------------------------------------------------------------ gold and mutants

  private void goldAndMutants(Item item, Databases.Db db, Guard guard, Context context) {
    Execution gold = context.runner().execute(db.connection(), item.gold(), List.of());
    if (!gold.ok()) {
      goldFailed++;
      return;
    }
    goldTotal++;
    Check check = check(guard, item.gold());
    if (!check.passed()) {
      goldBlocked++;
      goldBlockedByReason.merge(check.reason(), 1, Integer::sum);
      skippedGoldBlocked++;
      Map<String, Object> rec = record("gold_blocked", item);
      rec.put("reason", check.reason());
      rec.put("diagnostics", check.describe());
      context.out().write(rec);
      return;
    }
    if (mutantsPerKind == 0) {
      return;
    }
    ImportResult imported;
    try {
      imported = importer.importSql(item.gold(), db.catalog());
    } catch (RuntimeException e) {
      imported = null;
    }
    MutationGenerator generator = new MutationGenerator(item.gold(), db.catalog(), imported,
        sql -> SqliteRunner.prepareError(db.connection(), sql)).swapChoice(swapChoice);
    locators.merge(generator.locator(), 1, Integer::sum);
    Random random = new Random(seed * 1_000_003L + item.index());
    for (Mutant m : generator.generate(random, mutantsPerKind)) {
      int[] counts = byKind.get(m.kind());
      counts[0]++;
      Check c = check(guard, m.sql());
      boolean blocked = !c.passed() && c.exception() == null;
      Diagnostic about = blocked ? about(c.result().errors(), m) : null;
      boolean top1 = about != null && !about.suggestions().isEmpty()
          && namesOriginal(about.suggestions().get(0), m);
      if (blocked) {
        counts[1]++;
      } else {
        unblockedByKind.merge(m.kind().key(), 1, Integer::sum);
      }
      if (top1) {
        counts[2]++;
      }
      if (!blocked || !top1) {
        if (blocked) {
          notTop1ByCode.merge(m.kind().key() + ":" + (about == null ? "none" : about.code().id()), 1,
              Integer::sum);
        }
        Map<String, Object> rec = record(blocked ? "mutant_not_top1" : "mutant_not_blocked", item);
        rec.put("kind", m.kind().key());
        rec.put("mutant", m.sql());
        rec.put("original", m.original());
        rec.put("replacement", m.replacement());
        rec.put("sqlite_error", m.sqliteError());
        rec.put("diagnostics", c.describe());
        if (about != null) {
          rec.put("about", about.toString());
        }
        context.out().write(rec);
      }
    }
  }

  /**
   * The error diagnostic about the mutated name: the one whose subject is the replacement (possibly
   * qualified), else the narrowest one whose position overlaps the replacement, else the first error.
   */
  static Diagnostic about(List<Diagnostic> errors, Mutant m) {
    if (errors.isEmpty()) {
      return null;
    }
    if (m.replacement() != null) {
      for (Diagnostic d : errors) {
        if (d.subject() != null && lastSegment(d.subject()).equalsIgnoreCase(m.replacement())) {
          return d;
        }
      }
      Diagnostic best = null;
      for (Diagnostic d : errors) {
        if (d.position() != null && d.position().offset() < m.offset() + m.length()
            && m.offset() < d.position().offset() + Math.max(1, d.position().length())
            && (best == null || d.position().length() < best.position().length())) {
          best = d;
        }
      }
      if (best != null) {
        return best;
      }
    }
    return errors.get(0);
  }

  /** {@code b} of {@code a.b}, without quotes. */
  /**
   * Whether a suggestion names the mutant's original identifier. For a dropped table the validator
   * points at the table that has the now-unresolvable column ({@code head.age}) or at the table itself,
   * so the table part counts; for misspelt and swapped names the name itself (last segment) counts.
   */
  static boolean namesOriginal(String suggestion, Mutant m) {
    if (m.kind() == Mutant.Kind.DROP) {
      int dot = suggestion.indexOf('.');
      String table = dot >= 0 ? suggestion.substring(0, dot) : suggestion;
      return lastSegment(table).equalsIgnoreCase(m.original());
    }
    return lastSegment(suggestion).equalsIgnoreCase(m.original());
  }

  static String lastSegment(String name) {
    String s = name;
    int dot = s.lastIndexOf('.');
    if (dot >= 0) {
      s = s.substring(dot + 1);
    }
    if (s.length() >= 2 && "\"`[".indexOf(s.charAt(0)) >= 0) {
      s = s.substring(1, s.length() - 1);
    }
    return s;
  }

  // ------------------------------------------------------------------ predictions

  private void prediction(Item item, Databases.Db db, Guard guard, Context context) {
    String sql = predictionLines.get(item.index()).trim();
    Check check = check(guard, sql);
    Execution run = sql.isEmpty() ? Execution.failed("empty", "empty prediction")
        : context.runner().execute(db.connection(), sql, List.of());
    Map<String, Object> rec = record("prediction", item);
    rec.put("prediction", sql);
    rec.put("passed", check.passed());
    rec.put("runs", run.ok());
    if (!check.passed()) {
      rec.put("reason", check.reason());
      rec.put("diagnostics", check.describe());
      blockedByReason.merge(check.reason(), 1, Integer::sum);
    }
    if (!run.ok()) {
      rec.put("error", run.errorClass());
      rec.put("sqlite_error", run.errorMessage());
    }
    if (check.passed()) {
      if (run.ok()) {
        passedRuns++;
      } else {
        passedFails++;
        passedFailsByError.merge(run.errorClass(), 1, Integer::sum);
      }
    } else if (run.ok()) {
      blockedRuns++;
      blockedRunsByReason.merge(check.reason(), 1, Integer::sum);
    } else {
      blockedFails++;
      blockedFailsByError.merge(run.errorClass(), 1, Integer::sum);
    }
    context.out().write(rec);
  }

  // ------------------------------------------------------------------ shared

  /** A guard verdict: the result, or the exception the guard threw (a bug: counted, never a pass). */
  record Check(ValidationResult result, RuntimeException exception) {
    boolean passed() {
      return exception == null && result.isValid();
    }

    /** The error codes' ids joined by '+', e.g. {@code NL2SQL-V002}; or {@code exception:Type}. */
    String reason() {
      if (exception != null) {
        return "exception:" + exception.getClass().getSimpleName();
      }
      List<String> ids = new ArrayList<>();
      for (Diagnostic d : result.errors()) {
        if (!ids.contains(d.code().id())) {
          ids.add(d.code().id());
        }
      }
      return ids.isEmpty() ? (result.statement() == null ? "no_statement" : "none") : String.join("+", ids);
    }

    List<String> describe() {
      if (exception != null) {
        return List.of(exception.toString());
      }
      return result.diagnostics().stream().map(Diagnostic::toString).toList();
    }
  }

  private Check check(Guard guard, String sql) {
    long t0 = System.nanoTime();
    try {
      return new Check(guard.check(sql), null);
    } catch (RuntimeException e) {
      guardExceptions++;
      return new Check(null, e);
    } finally {
      guardNanos += System.nanoTime() - t0;
      guardCalls++;
    }
  }

  private static Map<String, Object> record(String type, Item item) {
    Map<String, Object> rec = new LinkedHashMap<>();
    rec.put("type", type);
    rec.putAll(item.record());
    return rec;
  }

  @Override
  protected void summarise(Map<String, Object> s) {
    if (predictionLines != null) {
      s.put("mode", "predictions");
      s.put("predictions", blockedFails + blockedRuns + passedFails + passedRuns);
      s.put("blocked_fails", blockedFails);
      s.put("blocked_runs", blockedRuns);
      s.put("passed_fails", passedFails);
      s.put("passed_runs", passedRuns);
      s.put("passed_fails_by_error", passedFailsByError);
      s.put("blocked_by_reason", blockedByReason);
      s.put("blocked_runs_by_reason", blockedRunsByReason);
      s.put("blocked_fails_by_error", blockedFailsByError);
    } else {
      s.put("mode", "gold_and_mutants");
      s.put("gold_failed", goldFailed);
      s.put("gold_total", goldTotal);
      s.put("gold_blocked", goldBlocked);
      s.put("gold_blocked_by_reason", goldBlockedByReason);
      s.put("mutants_skipped_gold_blocked", skippedGoldBlocked);
      int mutants = 0;
      int blocked = 0;
      Map<String, Object> kinds = new TreeMap<>(Comparator.naturalOrder());
      for (Map.Entry<Mutant.Kind, int[]> e : byKind.entrySet()) {
        int[] c = e.getValue();
        mutants += c[0];
        blocked += c[1];
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("mutants", c[0]);
        k.put("blocked", c[1]);
        k.put("top1", c[2]);
        k.put("blocked_rate", rate(c[1], c[0]));
        k.put("top1_rate", rate(c[2], c[0]));
        kinds.put(e.getKey().key(), k);
      }
      int top1 = 0;
      for (int[] c : byKind.values()) {
        top1 += c[2];
      }
      s.put("mutants", mutants);
      s.put("mutants_blocked", blocked);
      s.put("mutants_blocked_rate", rate(blocked, mutants));
      // over every mutant of every kind: the original name must be the first suggestion
      s.put("mutants_top1", top1);
      s.put("mutants_top1_rate", rate(top1, mutants));
      s.put("mutants_by_kind", kinds);
      s.put("mutants_unblocked_by_kind", unblockedByKind);
      s.put("not_top1_by_kind_and_code", notTop1ByCode);
      s.put("mutation_locator", locators);
      s.put("seed", seed);
      s.put("swap_choice", swapChoice.name().toLowerCase(Locale.ROOT));
    }
    s.put("statistics", statistics);
    s.put("guard_exceptions", guardExceptions);
    s.put("guard_mean_us", guardCalls == 0 ? 0 : Math.round(guardNanos / 1000.0 / guardCalls));
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
