package io.github.nl2sql.bench;

import io.github.nl2sql.internal.json.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The run loop shared by every subcommand: checks the common options, reads the items, opens each
 * database once, calls {@link #process} per item with a progress bar, and prints the summary as one
 * JSON object on the last line of stdout. A subcommand adds its own keys in {@link #summarise}.
 * Instances are single-use (one run).
 */
public abstract class BenchCommand implements Callable<Integer> {
  @Mixin
  protected CommonOptions common;

  @Spec
  protected CommandSpec spec;

  /** The subcommand name, the summary's {@code command}. */
  protected abstract String name();

  /** Called once before the loop, after the options were checked; may throw {@link BenchException}. */
  protected void start(List<Item> items) {}

  /** Whether catalogs need column statistics. */
  protected boolean needsStatistics() {
    return false;
  }

  /** Handles one item whose database exists. Exceptions other than {@link BenchException} are bugs. */
  protected abstract void process(Item item, Databases.Db db, Context context);

  /** Adds this subcommand's keys to the summary (which already has command, items, missing_database). */
  protected abstract void summarise(Map<String, Object> summary);

  /** What {@link #process} gets besides the item. */
  public record Context(SqliteRunner runner, JsonLines out) {}

  @Override
  public Integer call() {
    if (!Files.isRegularFile(common.questions)) {
      throw new ParameterException(spec.commandLine(),
          "--questions " + common.questions + " is not a readable file");
    }
    if (common.limit != null && common.limit < 0) {
      throw new ParameterException(spec.commandLine(), "--limit must be >= 0, got " + common.limit);
    }
    if (common.timeoutMillis < 0 || common.maxRows < 1) {
      throw new ParameterException(spec.commandLine(), "--timeout-ms must be >= 0 and --max-rows >= 1");
    }
    if (!List.of("auto", "on", "off").contains(common.progress)) {
      throw new ParameterException(spec.commandLine(),
          "--progress must be auto, on or off, got " + common.progress);
    }
    try {
      SpiderData.checkDataDir(common.data);
    } catch (BenchException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    List<Item> all = SpiderData.readItems(common.questions, common.questionField);
    List<Item> items = common.limit == null || common.limit >= all.size() ? all
        : all.subList(0, common.limit);
    start(items);
    long t0 = System.nanoTime();
    int missing = 0;
    int catalogFailed = 0;
    Map<String, String> catalogErrors = new TreeMap<>();
    Map<String, Integer> missingByDb = new TreeMap<>();
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = new Progress(err, name(), items.size(), common.progress);
    try (Databases dbs = new Databases(common.data, needsStatistics());
        SqliteRunner runner = new SqliteRunner(common.timeoutMillis, common.maxRows);
        JsonLines out = JsonLines.open(common.out)) {
      Context context = new Context(runner, out);
      int done = 0;
      for (Item item : items) {
        if (!dbs.exists(item.dbId())) {
          missing++;
          missingByDb.merge(item.dbId(), 1, Integer::sum);
        } else {
          Databases.Db db = null;
          try {
            db = dbs.get(item.dbId());
          } catch (BenchException e) {
            catalogFailed++;
            if (catalogErrors.putIfAbsent(item.dbId(), e.getMessage()) == null) {
              err.println("nl2sql-bench: " + e.getMessage());
            }
          }
          if (db != null) {
            process(item, db, context);
          }
        }
        progress.update(++done, null);
      }
      progress.update(items.size(), null);
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("command", name());
      summary.put("items", items.size());
      summary.put("missing_database", missing);
      summary.put("missing_database_ids", missingByDb.keySet());
      summary.put("databases", dbs.openedCount());
      summary.put("catalog_failed", catalogFailed);
      if (!catalogErrors.isEmpty()) {
        summary.put("catalog_failed_by_db", catalogErrors);
      }
      summarise(summary);
      summary.put("catalog_ms", dbs.catalogMillis());
      summary.put("elapsed_ms", (System.nanoTime() - t0) / 1_000_000);
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println(Json.toJson(summary));
      stdout.flush();
    }
    return 0;
  }

  /** {@code part / whole} rounded to 4 decimals, 0 when {@code whole} is 0. */
  protected static double rate(long part, long whole) {
    return whole == 0 ? 0.0 : Math.round(10_000.0 * part / whole) / 10_000.0;
  }
}
