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
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The trained schema-linking graph network, run with DJL's OnnxRuntime engine. Given a schema graph, its
 * node embeddings, the question embedding and the question features, it scores every node's relevance
 * (a logit; {@link #score} returns probabilities).
 *
 * <p>A model comes with a card (JSON) that names the {@link SchemaGraph#FEATURE_VERSION} it was trained on;
 * loading refuses a model whose feature version, feature counts, relation count or embedding dimension
 * differ from this library's. Thread-safe; {@link #close()} releases the native session.
 */
public final class GnnModel implements AutoCloseable {
  /** Classpath location of the bundled model. */
  public static final String BUNDLED_ONNX = "/io/github/nl2sql/gnn/model/gnn.onnx";

  /** Classpath location of the bundled model's card. */
  public static final String BUNDLED_CARD = "/io/github/nl2sql/gnn/model/gnn.json";

  private final Model model;
  private final JsonNode card;

  private GnnModel(Model model, JsonNode card) {
    this.model = model;
    this.card = card;
  }

  /**
   * Loads the model bundled in this jar.
   *
   * @throws IllegalStateException when the jar has no model or its card does not match this library
   */
  public static GnnModel bundled() {
    return Runtimes.bundled(GnnModel.class, BUNDLED_ONNX, BUNDLED_CARD, "GNN model", GnnModel::load);
  }

  /** Whether this jar carries a model. */
  public static boolean isBundled() {
    return Runtimes.isBundled(GnnModel.class, BUNDLED_ONNX, BUNDLED_CARD);
  }

  /**
   * Loads a model and checks its card.
   *
   * @param onnx the ONNX graph; not closed
   * @param cardJson the model card (JSON); not closed
   * @throws IllegalStateException when the card's feature version or shapes differ from this library's,
   *     or the ONNX graph cannot be loaded
   * @throws UncheckedIOException when reading fails
   */
  public static GnnModel load(InputStream onnx, InputStream cardJson) {
    JsonNode card = Runtimes.card(cardJson, "GNN model");
    check(card);
    return new GnnModel(Runtimes.load("nl2sql-gnn", onnx, "GNN model"), card);
  }

  private static void check(JsonNode card) {
    String version = card.path("feature_version").asText(null);
    if (!SchemaGraph.FEATURE_VERSION.equals(version)) {
      throw new IllegalStateException("GNN model was trained on feature version " + version
          + " but this library extracts " + SchemaGraph.FEATURE_VERSION + "; retrain it with nl2sql-gnn/train/pipeline.sh");
    }
    expect(card, "static_features", SchemaGraph.STATIC_FEATURES);
    expect(card, "question_features", QuestionFeatures.COUNT);
    expect(card, "relations", SchemaGraph.Relation.values().length);
    expect(card, "embedding_dim", TextEmbedder.DIMENSION);
  }

  private static void expect(JsonNode card, String field, int value) {
    if (card.path(field).asInt(-1) != value) {
      throw new IllegalStateException("GNN model card says " + field + " = " + card.path(field)
          + " but this library has " + value + " (feature version " + SchemaGraph.FEATURE_VERSION + ")");
    }
  }

  /** The model card. */
  public JsonNode card() {
    return card.deepCopy();
  }

  /**
   * Relevance probabilities of every node.
   *
   * @param graph the schema graph
   * @param embeddings its node embeddings
   * @param question the question embedding
   * @param questionFeatures {@link QuestionFeatures#compute} for this question
   * @return one probability per node, in node order
   */
  public float[] score(SchemaGraph graph, SchemaEmbeddings embeddings, float[] question, float[][] questionFeatures) {
    int n = graph.size();
    int s = SchemaGraph.STATIC_FEATURES;
    int q = QuestionFeatures.COUNT;
    int d = TextEmbedder.DIMENSION;
    float[] emb = new float[n * d];
    float[] feat = new float[n * (s + q)];
    for (int i = 0; i < n; i++) {
      System.arraycopy(embeddings.vector(i), 0, emb, i * d, d);
      System.arraycopy(graph.staticFeatures()[i], 0, feat, i * (s + q), s);
      System.arraycopy(questionFeatures[i], 0, feat, i * (s + q) + s, q);
    }
    int e = graph.edgeSource().length;
    long[] src = new long[e];
    long[] dst = new long[e];
    long[] rel = new long[e];
    for (int i = 0; i < e; i++) {
      src[i] = graph.edgeSource()[i];
      dst[i] = graph.edgeTarget()[i];
      rel[i] = graph.edgeRelation()[i];
    }
    try (NDManager manager = model.getNDManager().newSubManager();
        Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
      NDList in = new NDList(
          named(manager.create(emb, new Shape(n, d)), "node_emb"),
          named(manager.create(feat, new Shape(n, s + q)), "node_feat"),
          named(manager.create(question, new Shape(1, d)), "question"),
          named(manager.create(src), "edge_src"),
          named(manager.create(dst), "edge_dst"),
          named(manager.create(rel), "edge_rel"),
          named(manager.create(graph.edgeWeight()), "edge_w"));
      float[] logits = predictor.predict(in).get(0).toFloatArray();
      float[] p = new float[n];
      for (int i = 0; i < n; i++) {
        p[i] = (float) (1.0 / (1.0 + Math.exp(-logits[i])));
      }
      return p;
    } catch (TranslateException ex) {
      throw new IllegalStateException("GNN inference failed: " + ex.getMessage(), ex);
    }
  }

  private static NDArray named(NDArray a, String name) {
    a.setName(name);
    return a;
  }

  @Override
  public void close() {
    model.close();
  }
}
