package io.github.nl2sql.gnn.eval;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.gnn.JoinInference;
import io.github.nl2sql.gnn.SchemaEmbeddings;
import io.github.nl2sql.gnn.SchemaGraph;
import io.github.nl2sql.gnn.TextEmbedder;
import io.github.nl2sql.link.JoinEdge;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates join inference with the bundled model on databases whose foreign keys are hidden (the
 * candidates and features never read them): precision and recall of the predicted column pairs against
 * every declared foreign-key column pair (including those the candidate generator cannot produce).
 *
 * <p>Usage: {@code JoinEval DATA_DIR [validation|train|all]}; prints one JSON line.
 */
public final class JoinEval {
  private JoinEval() {}

  /** Entry point; see the class comment. */
  public static void main(String[] args) {
    SpiderSet set = new SpiderSet(Path.of(args[0]));
    String split = args.length > 1 ? args[1] : "validation";
    Set<String> dbs = split.equals("all") ? null : SpiderSet.split().get(split);
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int databases = 0;
    try (JoinInference joins = JoinInference.bundled()) {
      for (String db : dbs != null ? dbs : SpiderSet.split().get("train")) {
        Optional<Catalog> c = set.catalog(db);
        if (c.isEmpty()) {
          continue;
        }
        databases++;
        Catalog catalog = c.get();
        SchemaGraph graph = SchemaGraph.of(catalog, false);
        SchemaEmbeddings emb = SchemaEmbeddings.compute(graph, TextEmbedder.miniLm());
        Set<String> predicted = new HashSet<>();
        for (JoinEdge e : joins.infer(catalog, graph, emb)) {
          predicted.add(key(e.fromTable(), e.fromColumns().get(0), e.toTable(), e.toColumns().get(0)));
        }
        Set<String> gold = new HashSet<>();
        for (Table t : catalog.tables()) {
          for (ForeignKey fk : t.foreignKeys()) {
            for (int i = 0; i < fk.columns().size() && i < fk.referencedColumns().size(); i++) {
              gold.add(key(t.name(), fk.columns().get(i), fk.referencedTable(), fk.referencedColumns().get(i)));
            }
          }
        }
        for (String p : predicted) {
          if (gold.contains(p)) {
            tp++;
          } else {
            fp++;
          }
        }
        for (String g : gold) {
          if (!predicted.contains(g)) {
            fn++;
          }
        }
      }
    }
    double precision = tp / (double) Math.max(1, tp + fp);
    double recall = tp / (double) Math.max(1, tp + fn);
    System.out.printf(Locale.ROOT,
        "{\"command\":\"join\",\"split\":\"%s\",\"databases\":%d,\"declared_pairs\":%d,\"predicted_pairs\":%d,"
            + "\"true_positives\":%d,\"precision\":%.4f,\"recall\":%.4f}%n",
        split, databases, tp + fn, tp + fp, tp, precision, recall);
  }

  private static String key(String ft, String fc, String tt, String tc) {
    return (ft + "." + fc + "->" + tt + "." + tc).toLowerCase(Locale.ROOT);
  }
}
