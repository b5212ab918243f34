package io.github.nl2sql.gnn;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.internal.link.LexicalLinker;
import io.github.nl2sql.link.Evidence;
import io.github.nl2sql.link.JoinEdge;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.link.LinkedColumn;
import io.github.nl2sql.link.LinkedTable;
import io.github.nl2sql.link.Linking;
import io.github.nl2sql.link.SchemaLinker;
import io.github.nl2sql.link.Signal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Combines the lexical/value linker, text embeddings and (when a model is present) the GNN into one
 * ranking: each node's score is the weighted mean of the enabled signals' scores (lexical 0..1, cosine
 * clipped to 0..1, GNN probability). {@link LinkOptions#signals()} switches signals off: without LEXICAL,
 * COMMENT and VALUE the lexical score is 0; without EMBEDDING the cosine does not count; without GNN the
 * model's output does not count. The GNN reads the lexical and embedding scores as inputs whatever the
 * options say (that is what it was trained on), so "GNN only" means the model's output alone, not a model
 * blind to words. The selection is the lexical linker's FK-closed one over the fused ranking.
 *
 * <p>Thread-safe. Schema embeddings are computed once per catalog fingerprint and cached.
 */
public final class FusedLinker implements SchemaLinker {
  private static final Set<Signal> LEXICAL_SIGNALS = EnumSet.of(Signal.LEXICAL, Signal.COMMENT, Signal.VALUE);

  /**
   * On catalogs with more tables, the GNN scores only this many candidate tables (and their columns); 20
   * was best of 10, 20, 40, 80 on the merged validation catalog. Internal knob: {@code -Dnl2sql.gnn.candidateTables}.
   */
  static final int GNN_CANDIDATE_TABLES = Integer.getInteger("nl2sql.gnn.candidateTables", 20);

  /**
   * With {@link #GNN_CANDIDATE_TABLES}, the GNN also scores up to this many foreign-key neighbours of the
   * candidate tables (best first). Internal knob: {@code -Dnl2sql.gnn.neighbourTables}.
   */
  static final int GNN_NEIGHBOUR_TABLES = Integer.getInteger("nl2sql.gnn.neighbourTables", 20);

  /**
   * Fusion weights; a weight counts only when its signal is enabled (and, for the GNN, a model is present).
   *
   * @param lexical weight of the lexical/value score
   * @param embedding weight of the cosine similarity
   * @param gnn weight of the GNN probability
   */
  public record Weights(double lexical, double embedding, double gnn) {
    public Weights {
      if (lexical < 0 || embedding < 0 || gnn < 0 || lexical + embedding + gnn == 0) {
        throw new IllegalArgumentException("weights must be >= 0 and not all 0: " + lexical + ", " + embedding + ", " + gnn);
      }
    }

    /**
     * The defaults (0.6, 0.6, 1.0), chosen with {@link Coherence#defaults()} on the validation split of
     * spider-train (merged catalog; see the model card).
     */
    public static Weights defaults() {
      return new Weights(0.6, 0.6, 1.0);
    }
  }

  private final LexicalLinker lexical = new LexicalLinker();
  private final EmbeddingLinker embedding = new EmbeddingLinker();
  private final GnnModel gnn;
  private final Weights weights;
  private final Coherence coherence;
  private final JoinInference joins;
  private final com.github.benmanes.caffeine.cache.Cache<String, List<JoinEdge>> inferred =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(64).build();

  /**
   * Default weights, the bundled GNN model when this jar has one, and the bundled join model (used to
   * close the selection of catalogs that declare no foreign key at all).
   */
  public FusedLinker() {
    this(Weights.defaults(), GnnModel.isBundled() ? GnnModel.bundled() : null,
        JoinInference.isBundled() ? JoinInference.bundled() : null);
  }

  /**
   * @param weights fusion weights
   * @param gnn the GNN model, or {@code null} to link without it
   */
  public FusedLinker(Weights weights, GnnModel gnn) {
    this(weights, gnn, null);
  }

  /**
   * @param weights fusion weights
   * @param gnn the GNN model, or {@code null} to link without it
   * @param joins join inference for catalogs without any declared foreign key, or {@code null}
   */
  public FusedLinker(Weights weights, GnnModel gnn, JoinInference joins) {
    this(weights, Coherence.defaults(), gnn, joins);
  }

  /**
   * @param weights fusion weights
   * @param coherence re-ranking over the join graph ({@link Coherence#off()} to rank by the fused scores alone)
   * @param gnn the GNN model, or {@code null} to link without it
   * @param joins join inference for catalogs without any declared foreign key, or {@code null}
   * @throws IllegalArgumentException when {@code weights} or {@code coherence} is null
   */
  public FusedLinker(Weights weights, Coherence coherence, GnnModel gnn, JoinInference joins) {
    if (weights == null) {
      throw new IllegalArgumentException("weights must not be null");
    }
    if (coherence == null) {
      throw new IllegalArgumentException("coherence must not be null (use Coherence.off())");
    }
    this.weights = weights;
    this.coherence = coherence;
    this.gnn = gnn;
    this.joins = joins;
  }

  /** Whether a GNN model is in use. */
  public boolean hasGnn() {
    return gnn != null;
  }

  @Override
  public Linking link(String question, Catalog catalog, LinkOptions options) {
    if (question == null || question.isBlank()) {
      throw new IllegalArgumentException("question must not be null or blank");
    }
    Set<Signal> signals = options.signals();
    boolean useLexical = signals.stream().anyMatch(LEXICAL_SIGNALS::contains);
    boolean useEmbedding = signals.contains(Signal.EMBEDDING);
    boolean useGnn = signals.contains(Signal.GNN) && gnn != null;

    Linking lex = lexical.link(question, catalog, useGnn ? options.withSignals(LEXICAL_SIGNALS) : options);
    if (catalog.tables().isEmpty()) {
      return lex; // (nothing to rank: the lexical linker's empty result, as without this module)
    }
    PreparedSchema schema = null;
    float[] cos = null;
    float[] prob = null;
    if (useEmbedding || useGnn) {
      schema = embedding.store().get(catalog, true);
      float[] q = embedding.embedder().embed(question);
      cos = EmbeddingLinker.cosines(q, schema.embeddings());
      if (useGnn) {
        // lex was computed with every lexical signal on, as in training
        prob = gnnScores(schema, q, cos, QuestionFeatures.compute(schema.graph(), cos, lex), lex);
      }
    }
    if (useGnn && useLexical && !signals.containsAll(LEXICAL_SIGNALS)) {
      // the GNN saw every lexical signal; the fused lexical score uses only the enabled ones
      lex = lexical.link(question, catalog, options);
    }
    double wl = useLexical ? weights.lexical() : 0;
    double we = useEmbedding ? weights.embedding() : 0;
    double wg = useGnn ? weights.gnn() : 0;
    double total = wl + we + wg;
    if (total == 0) {
      total = 1;
    }

    List<LinkedTable> tables = new ArrayList<>();
    for (LinkedTable t : lex.tables()) {
      List<Evidence> ev = new ArrayList<>(useLexical ? t.evidence() : List.of());
      double s = wl * (useLexical ? t.score() : 0);
      if (schema != null) {
        int i = schema.graph().indexOf(SchemaGraph.tableId(t.table()));
        s += extra(i, cos, prob, we, wg, ev, schema);
      }
      tables.add(new LinkedTable(t.table(), s / total, ev));
    }
    List<LinkedColumn> columns = new ArrayList<>();
    for (LinkedColumn c : lex.columns()) {
      List<Evidence> ev = new ArrayList<>(useLexical ? c.evidence() : List.of());
      double s = wl * (useLexical ? c.score() : 0);
      if (schema != null) {
        int i = schema.graph().columnIndex(c.table(), c.column());
        s += extra(i, cos, prob, we, wg, ev, schema);
      }
      columns.add(new LinkedColumn(c.table(), c.column(), s / total, ev));
    }
    List<JoinEdge> inferredJoins = inferredJoins(catalog);
    Coherence.Ranked ranked = coherence.apply(catalog, tables, columns, inferredJoins,
        signals.contains(Signal.STRUCTURE));
    return new Linking(question, ranked.tables(), ranked.columns(), useLexical ? lex.values() : List.of(),
        lexical.select(catalog, ranked.tables(), ranked.columns(), options, inferredJoins));
  }

  /** Inferred joins of a catalog with more than one table and no declared foreign key; else none. */
  private List<JoinEdge> inferredJoins(Catalog catalog) {
    if (joins == null || catalog.tables().size() < 2
        || catalog.tables().stream().anyMatch(t -> !t.foreignKeys().isEmpty())) {
      return List.of();
    }
    PreparedSchema schema = embedding.store().get(catalog, true);
    return inferred.get(schema.graph().fingerprint(),
        k -> joins.infer(catalog, schema.graph(), schema.embeddings()));
  }

  /**
   * GNN probabilities of every node. On a large catalog the GNN runs on the candidate tables only (the best
   * {@link #GNN_CANDIDATE_TABLES} tables by lexical and embedding score, with their columns); the other
   * nodes get 0. Question features are computed over the whole catalog, as in training.
   */
  private float[] gnnScores(PreparedSchema schema, float[] q, float[] cos, float[][] features, Linking lex) {
    SchemaGraph graph = schema.graph();
    if (graph.tableCount() <= GNN_CANDIDATE_TABLES) {
      return gnn.score(graph, schema.embeddings(), q, features);
    }
    Map<String, Double> lexTable = new HashMap<>();
    for (LinkedTable t : lex.tables()) {
      lexTable.put(t.table(), t.score());
    }
    // a table's candidate score: lexical + cosine of the table, or of its best column if higher
    double[] score = new double[graph.size()];
    java.util.Arrays.fill(score, Double.NEGATIVE_INFINITY);
    for (SchemaGraph.Node n : graph.nodes()) {
      double own = n.kind() == SchemaGraph.Kind.TABLE
          ? lexTable.getOrDefault(n.table(), 0.0) + cos[n.index()]
          : features[n.index()][2] + cos[n.index()];
      score[n.tableNode()] = Math.max(score[n.tableNode()], own);
    }
    List<double[]> ranked = new ArrayList<>();
    for (SchemaGraph.Node n : graph.nodes()) {
      if (n.kind() == SchemaGraph.Kind.TABLE) {
        ranked.add(new double[] {score[n.index()], n.index()});
      }
    }
    ranked.sort((a, b) -> Double.compare(b[0], a[0]));
    BitSet keep = new BitSet(graph.size());
    for (int i = 0; i < GNN_CANDIDATE_TABLES; i++) {
      keep.set((int) ranked.get(i)[1]);
    }
    // then the candidates' join neighbours, best first, so the GNN sees the subgraphs around them
    BitSet near = new BitSet(graph.size());
    for (int e = 0; e < graph.edgeSource().length; e++) {
      if (graph.edgeRelation()[e] == SchemaGraph.Relation.FOREIGN_KEY_TABLE.ordinal() && keep.get(graph.edgeSource()[e])) {
        near.set(graph.edgeTarget()[e]);
      }
    }
    int added = 0;
    for (int i = GNN_CANDIDATE_TABLES; i < ranked.size() && added < GNN_NEIGHBOUR_TABLES; i++) {
      int t = (int) ranked.get(i)[1];
      if (near.get(t)) {
        keep.set(t);
        added++;
      }
    }
    int[][] orig = new int[1][];
    SchemaGraph sub = graph.subgraph(keep, orig);
    float[][] subEmb = new float[sub.size()][];
    float[][] subFeatures = new float[sub.size()][];
    for (int i = 0; i < sub.size(); i++) {
      subEmb[i] = schema.embeddings().vector(orig[0][i]);
      subFeatures[i] = features[orig[0][i]];
    }
    float[] p = gnn.score(sub, SchemaEmbeddings.of(sub.fingerprint(), subEmb), q, subFeatures);
    float[] out = new float[graph.size()];
    for (int i = 0; i < sub.size(); i++) {
      out[orig[0][i]] = p[i];
    }
    return out;
  }

  private static double extra(int i, float[] cos, float[] prob, double we, double wg, List<Evidence> ev,
      PreparedSchema schema) {
    if (i < 0) {
      return 0;
    }
    double s = 0;
    if (we > 0) {
      double c = Math.max(0, Math.min(1, cos[i]));
      s += we * c;
      if (c > 0) {
        ev.add(new Evidence(Signal.EMBEDDING, null, schema.graph().nodes().get(i).text(), c));
      }
    }
    if (wg > 0) {
      s += wg * prob[i];
      ev.add(new Evidence(Signal.GNN, null, null, prob[i]));
    }
    return s;
  }
}
