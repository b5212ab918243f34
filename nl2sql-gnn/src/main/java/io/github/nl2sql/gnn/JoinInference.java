package io.github.nl2sql.gnn;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.ColumnStats;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.link.JoinEdge;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Join inference for schemas that declare no foreign keys: a small model, trained on the declared foreign
 * keys of spider-train's training databases, scores candidate pairs (a column of one table, a primary-key
 * column of another with a compatible type) from name, type, key, statistics and embedding features, and
 * the best target per column above the threshold becomes an inferred {@link JoinEdge}. Runs with DJL's
 * OnnxRuntime engine; the model card's feature version must match {@link #FEATURE_VERSION}. Thread-safe.
 */
public final class JoinInference implements AutoCloseable {
  /** Version of the pair features; models trained on another version are refused. */
  public static final String FEATURE_VERSION = "nl2sql-join-features/1";

  /** Number of pair features. */
  public static final int FEATURES = 14;

  /** Classpath location of the bundled model. */
  public static final String BUNDLED_ONNX = "/io/github/nl2sql/gnn/model/join.onnx";

  /** Classpath location of the bundled model's card. */
  public static final String BUNDLED_CARD = "/io/github/nl2sql/gnn/model/join.json";

  private final Model model;
  private final double threshold;

  private JoinInference(Model model, double threshold) {
    this.model = model;
    this.threshold = threshold;
  }

  /**
   * A candidate join pair.
   *
   * @param fromTable table of the referencing column
   * @param fromColumn referencing column
   * @param toTable table of the referenced key column
   * @param toColumn referenced key column
   * @param features pair features ({@link #FEATURES} values)
   */
  public record Candidate(String fromTable, String fromColumn, String toTable, String toColumn, float[] features) {}

  /** Whether this jar carries a join model. */
  public static boolean isBundled() {
    return Runtimes.isBundled(JoinInference.class, BUNDLED_ONNX, BUNDLED_CARD);
  }

  /**
   * Loads the bundled join model.
   *
   * @throws IllegalStateException when there is none or its card does not match this library
   */
  public static JoinInference bundled() {
    return Runtimes.bundled(JoinInference.class, BUNDLED_ONNX, BUNDLED_CARD, "join model", JoinInference::load);
  }

  /**
   * Loads a join model and checks its card ({@code feature_version}, {@code features}, {@code threshold}).
   *
   * @throws IllegalStateException when the card does not match this library or the model cannot be loaded
   */
  public static JoinInference load(InputStream onnx, InputStream cardJson) {
    JsonNode card = Runtimes.card(cardJson, "join model");
    String version = card.path("feature_version").asText(null);
    if (!FEATURE_VERSION.equals(version)) {
      throw new IllegalStateException("join model was trained on feature version " + version
          + " but this library extracts " + FEATURE_VERSION + "; retrain it with nl2sql-gnn/train/pipeline.sh");
    }
    if (card.path("features").asInt(-1) != FEATURES) {
      throw new IllegalStateException("join model card says features = " + card.path("features")
          + " but this library has " + FEATURES);
    }
    return new JoinInference(Runtimes.load("nl2sql-join", onnx, "join model"), card.path("threshold").asDouble(0.5));
  }

  /**
   * Candidate pairs of a catalog: every column against every primary-key column of another table with a
   * compatible type. Declared foreign keys are ignored (they are what the model predicts).
   *
   * @param catalog the catalog
   * @param embeddings node embeddings of {@code graph}, or {@code null} (embedding features are then 0)
   * @param graph the catalog's schema graph (for embeddings), or {@code null}
   */
  public static List<Candidate> candidates(Catalog catalog, SchemaGraph graph, SchemaEmbeddings embeddings) {
    List<Candidate> out = new ArrayList<>();
    for (Table b : catalog.tables()) {
      for (String pk : b.primaryKey()) {
        Column bc = b.column(pk).orElse(null);
        if (bc == null) {
          continue;
        }
        for (Table a : catalog.tables()) {
          if (a == b) {
            continue;
          }
          for (Column ac : a.columns()) {
            if (compatible(ac.type(), bc.type())) {
              out.add(new Candidate(a.name(), ac.name(), b.name(), bc.name(),
                  features(a, ac, b, bc, graph, embeddings)));
            }
          }
        }
      }
    }
    return out;
  }

  private static boolean compatible(SqlType x, SqlType y) {
    if (x.isNumeric() && y.isNumeric()) {
      return true;
    }
    // SQLite columns without a declared type are OTHER; let them pair with anything
    return x == y || x == SqlType.OTHER || y == SqlType.OTHER;
  }

  static float[] features(Table a, Column ac, Table b, Column bc, SchemaGraph graph, SchemaEmbeddings emb) {
    float[] f = new float[FEATURES];
    String an = ac.name().toLowerCase(Locale.ROOT);
    String bn = bc.name().toLowerCase(Locale.ROOT);
    List<String> aw = SchemaGraph.words(ac.name());
    List<String> bw = SchemaGraph.words(bc.name());
    List<String> tw = SchemaGraph.words(b.name());
    f[0] = an.equals(bn) ? 1 : 0;
    String bt = String.join("", tw);
    String aj = String.join("", aw);
    f[1] = aj.equals(bt + String.join("", bw)) || aj.equals(bt + "id") ? 1 : 0;
    Set<String> bs = new HashSet<>(bw);
    bs.addAll(tw);
    Set<String> as = new HashSet<>(aw);
    Set<String> inter = new HashSet<>(as);
    inter.retainAll(bs);
    Set<String> union = new HashSet<>(as);
    union.addAll(bs);
    f[2] = union.isEmpty() ? 0 : inter.size() / (float) union.size();
    boolean tableWord = false;
    for (String w : tw) {
      for (String x : aw) {
        tableWord |= x.equals(w) || x.equals(w + "s") || w.equals(x + "s") || (x.length() >= 4 && w.startsWith(x));
      }
    }
    f[3] = tableWord ? 1 : 0;
    f[4] = ac.type() == bc.type() ? 1 : 0;
    f[5] = b.primaryKey().size() == 1 ? 1 : 0;
    f[6] = a.primaryKey().contains(ac.name()) ? 1 : 0;
    f[7] = a.primaryKey().size() == 1 && a.primaryKey().get(0).equals(ac.name()) ? 1 : 0;
    if (graph != null && emb != null) {
      int ai = graph.columnIndex(a.name(), ac.name());
      int bi = graph.columnIndex(b.name(), bc.name());
      int bti = graph.indexOf(SchemaGraph.tableId(b.name()));
      if (ai >= 0 && bi >= 0 && bti >= 0) {
        f[8] = TextEmbedder.dot(emb.vector(ai), emb.vector(bi));
        f[9] = TextEmbedder.dot(emb.vector(ai), emb.vector(bti));
      }
    }
    f[10] = bw.size() == 1 && (bw.get(0).equals("id") || bw.get(0).equals("code") || bw.get(0).equals("no")) ? 1 : 0;
    f[11] = ratio(ac.stats());
    f[12] = ratio(bc.stats());
    f[13] = nameSimilarity(an, bn);
    return f;
  }

  private static float ratio(ColumnStats s) {
    return s == null || s.sampledRows() == 0 ? 0 : (float) Math.min(1.0, s.distinctCount() / (double) s.sampledRows());
  }

  private static float nameSimilarity(String x, String y) {
    int[] prev = new int[y.length() + 1];
    int[] cur = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    int max = Math.max(x.length(), y.length());
    return max == 0 ? 1 : 1f - prev[y.length()] / (float) max;
  }

  /** Whether {@code from.column} references {@code to.toColumn} by a declared foreign key. */
  public static boolean declared(Table from, String column, String toTable, String toColumn) {
    for (ForeignKey fk : from.foreignKeys()) {
      for (int i = 0; i < fk.columns().size() && i < fk.referencedColumns().size(); i++) {
        if (fk.columns().get(i).equalsIgnoreCase(column) && fk.referencedTable().equalsIgnoreCase(toTable)
            && fk.referencedColumns().get(i).equalsIgnoreCase(toColumn)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Probabilities of the candidates, in order. */
  public float[] score(List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return new float[0];
    }
    float[] flat = new float[candidates.size() * FEATURES];
    for (int i = 0; i < candidates.size(); i++) {
      System.arraycopy(candidates.get(i).features(), 0, flat, i * FEATURES, FEATURES);
    }
    try (NDManager manager = model.getNDManager().newSubManager();
        Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
      NDArray in = manager.create(flat, new Shape(candidates.size(), FEATURES));
      in.setName("pair_feat");
      float[] logits = predictor.predict(new NDList(in)).get(0).toFloatArray();
      float[] p = new float[logits.length];
      for (int i = 0; i < p.length; i++) {
        p[i] = (float) (1.0 / (1.0 + Math.exp(-logits[i])));
      }
      return p;
    } catch (TranslateException e) {
      throw new IllegalStateException("join inference failed: " + e.getMessage(), e);
    }
  }

  /**
   * Inferred joins of a catalog: for each column, its best-scoring key column of another table when the
   * probability reaches the model's threshold.
   *
   * @param catalog the catalog (its declared foreign keys are not consulted)
   * @param graph its schema graph, or {@code null}
   * @param embeddings the graph's node embeddings, or {@code null}
   */
  public List<JoinEdge> infer(Catalog catalog, SchemaGraph graph, SchemaEmbeddings embeddings) {
    List<Candidate> cands = candidates(catalog, graph, embeddings);
    float[] p = score(cands);
    Map<String, Integer> best = new HashMap<>();
    for (int i = 0; i < cands.size(); i++) {
      if (p[i] < threshold) {
        continue;
      }
      String key = cands.get(i).fromTable() + "\u0000" + cands.get(i).fromColumn();
      Integer prev = best.get(key);
      if (prev == null || p[i] > p[prev]) {
        best.put(key, i);
      }
    }
    List<JoinEdge> out = new ArrayList<>();
    for (int i = 0; i < cands.size(); i++) {
      Candidate c = cands.get(i);
      Integer b = best.get(c.fromTable() + "\u0000" + c.fromColumn());
      if (b != null && b == i) {
        out.add(new JoinEdge(c.fromTable(), List.of(c.fromColumn()), c.toTable(), List.of(c.toColumn()), true));
      }
    }
    return out;
  }

  @Override
  public void close() {
    model.close();
  }
}
