package io.github.nl2sql.gnn.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.link.LinkedColumn;
import io.github.nl2sql.link.LinkedTable;
import io.github.nl2sql.link.Linking;
import io.github.nl2sql.link.SchemaLinker;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Measures a linker on Spider-format questions: table and column recall@k and full recall@k (k = 1, 3, 5,
 * 10, 20, 30) against the gold SQL's tables and columns, the size of the selection, and the latency per
 * question. Per database by default; merged, every question is linked against one catalog of all given
 * databases (tables named {@code <db_id>.<table>}), where only the question's own database's elements
 * count as hits. Column metrics count questions with at least one gold column.
 */
public final class LinkEvaluation {
  /** The cut-offs reported. */
  public static final int[] KS = {1, 3, 5, 10, 20, 30};

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private LinkEvaluation() {}

  /**
   * Runs the evaluation.
   *
   * @param set the data folder
   * @param items questions to link
   * @param linker the linker
   * @param options link options (signals, budget)
   * @param mergedDbs databases of the merged catalog, or {@code null} to link per database
   * @param out per-item JSON lines, or {@code null}
   * @param progress where to report progress, or {@code null}
   * @return the summary ({@code command} = {@code link})
   */
  public static ObjectNode run(SpiderSet set, List<SpiderSet.Item> items, SchemaLinker linker, LinkOptions options,
      Collection<String> mergedDbs, Writer out, PrintStream progress) {
    Catalog merged = mergedDbs == null ? null : set.merged(mergedDbs);
    double[] tableRecall = new double[KS.length];
    double[] tableFull = new double[KS.length];
    double[] columnRecall = new double[KS.length];
    double[] columnFull = new double[KS.length];
    int evaluated = 0;
    int withColumns = 0;
    int missing = 0;
    int notImported = 0;
    long selectedTables = 0;
    long selectedColumns = 0;
    int selectionTablesAll = 0;
    int selectionColumnsAll = 0;
    List<Double> times = new ArrayList<>();
    int done = 0;
    for (SpiderSet.Item item : items) {
      done++;
      if (progress != null && done % 100 == 0) {
        progress.printf("\rlink %d/%d", done, items.size());
      }
      Optional<Catalog> own = set.catalog(item.dbId());
      if (own.isEmpty()) {
        missing++;
        continue;
      }
      GoldElements gold = SpiderSet.gold(item.query(), own.get());
      if (gold == null || gold.tables().isEmpty()) {
        notImported++;
        continue;
      }
      Catalog catalog = own.get();
      if (merged != null) {
        gold = SpiderSet.prefixed(gold, item.dbId());
        catalog = merged;
      }
      long t0 = System.nanoTime();
      Linking l = linker.link(item.question(), catalog, options);
      double ms = (System.nanoTime() - t0) / 1e6;
      times.add(ms);
      evaluated++;
      List<String> rankedTables = new ArrayList<>();
      for (LinkedTable t : l.tables()) {
        rankedTables.add(t.table());
      }
      List<String> rankedColumns = new ArrayList<>();
      for (LinkedColumn c : l.columns()) {
        rankedColumns.add(c.qualifiedName());
      }
      accumulate(rankedTables, gold.tables(), tableRecall, tableFull);
      if (!gold.columns().isEmpty()) {
        withColumns++;
        accumulate(rankedColumns, gold.columns(), columnRecall, columnFull);
      }
      selectedTables += l.selection().tables().size();
      selectedColumns += l.selection().columnCount();
      boolean allTables = l.selection().tables().containsAll(gold.tables());
      selectionTablesAll += allTables ? 1 : 0;
      Set<String> selected = new HashSet<>();
      l.selection().columns().forEach((t, cs) -> cs.forEach(c -> selected.add(t + "." + c)));
      selectionColumnsAll += selected.containsAll(gold.columns()) ? 1 : 0;
      if (out != null) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("index", item.index());
        o.put("db_id", item.dbId());
        o.put("question", item.question());
        ArrayNode gt = o.putArray("gold_tables");
        gold.tables().forEach(gt::add);
        ArrayNode gc = o.putArray("gold_columns");
        gold.columns().forEach(gc::add);
        ArrayNode tt = o.putArray("top_tables");
        rankedTables.subList(0, Math.min(5, rankedTables.size())).forEach(tt::add);
        ArrayNode tc = o.putArray("top_columns");
        rankedColumns.subList(0, Math.min(10, rankedColumns.size())).forEach(tc::add);
        ArrayNode st = o.putArray("selected_tables");
        l.selection().tables().forEach(st::add);
        o.put("ms", Math.round(ms * 1000) / 1000.0);
        try {
          out.write(MAPPER.writeValueAsString(o));
          out.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    if (progress != null) {
      progress.println();
    }
    ObjectNode s = MAPPER.createObjectNode();
    s.put("command", "link");
    s.put("items", items.size());
    s.put("evaluated", evaluated);
    s.put("missing_database", missing);
    s.put("not_imported", notImported);
    s.put("questions_with_columns", withColumns);
    put(s, "table_recall", tableRecall, evaluated);
    put(s, "column_recall", columnRecall, withColumns);
    put(s, "table_full_recall", tableFull, evaluated);
    put(s, "column_full_recall", columnFull, withColumns);
    s.put("mean_selected_tables", round(selectedTables / (double) Math.max(1, evaluated)));
    s.put("mean_selected_columns", round(selectedColumns / (double) Math.max(1, evaluated)));
    s.put("selection_table_full_recall", round(selectionTablesAll / (double) Math.max(1, evaluated)));
    s.put("selection_column_full_recall", round(selectionColumnsAll / (double) Math.max(1, evaluated)));
    times.sort(null);
    s.put("median_ms", times.isEmpty() ? 0 : round(times.get(times.size() / 2)));
    s.put("p90_ms", times.isEmpty() ? 0 : round(times.get((int) (times.size() * 0.9))));
    if (merged != null) {
      s.put("merged_tables", merged.tables().size());
      s.put("merged_columns", merged.columnCount());
    }
    return s;
  }

  private static void accumulate(List<String> ranked, Set<String> gold, double[] recall, double[] full) {
    for (int i = 0; i < KS.length; i++) {
      int k = KS[i];
      int hit = 0;
      for (String r : ranked.subList(0, Math.min(k, ranked.size()))) {
        if (gold.contains(r)) {
          hit++;
        }
      }
      recall[i] += hit / (double) gold.size();
      full[i] += hit == gold.size() ? 1 : 0;
    }
  }

  private static void put(ObjectNode s, String key, double[] sums, int n) {
    ObjectNode o = s.putObject(key);
    for (int i = 0; i < KS.length; i++) {
      o.put(Integer.toString(KS[i]), round(sums[i] / Math.max(1, n)));
    }
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
