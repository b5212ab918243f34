package io.github.nl2sql.gnn;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.internal.link.LexicalLinker;
import io.github.nl2sql.link.Evidence;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.link.LinkedColumn;
import io.github.nl2sql.link.LinkedTable;
import io.github.nl2sql.link.Linking;
import io.github.nl2sql.link.SchemaLinker;
import io.github.nl2sql.link.Signal;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Links by text-embedding similarity: every table ({@code "table: column, column, ..."}) and column
 * ({@code "table column (type) comment"}) is embedded once per schema fingerprint with the in-process
 * MiniLM model and cached; per question only the question is embedded, and elements are ranked by cosine
 * similarity ({@link Signal#EMBEDDING} evidence). The selection is the lexical linker's FK-closed one.
 *
 * <p>Thread-safe. Scores are cosine similarities clipped to 0..1. When {@link Signal#EMBEDDING} is not in
 * the options' signals, every score is 0 (catalog order).
 */
public final class EmbeddingLinker implements SchemaLinker {
  private final TextEmbedder embedder;
  private final SchemaStore store;
  private final LexicalLinker selector = new LexicalLinker();

  /** A linker using the shared MiniLM model, caching up to 64 schemas. */
  public EmbeddingLinker() {
    this.embedder = TextEmbedder.miniLm();
    this.store = new SchemaStore(embedder, 64);
  }

  /**
   * Uses node vectors computed elsewhere for {@code catalog} instead of embedding its node texts (see
   * {@link SchemaEmbeddings#read} for the format).
   *
   * @param catalog the live catalog
   * @param json the precomputed vectors; not closed
   * @throws IllegalArgumentException when the vectors' fingerprint, node ids or dimension do not match
   */
  public void usePrecomputed(Catalog catalog, InputStream json) {
    SchemaGraph graph = SchemaGraph.of(catalog, true);
    store.put(graph, SchemaEmbeddings.read(json, graph), true);
  }

  SchemaStore store() {
    return store;
  }

  TextEmbedder embedder() {
    return embedder;
  }

  @Override
  public Linking link(String question, Catalog catalog, LinkOptions options) {
    if (question == null || question.isBlank()) {
      throw new IllegalArgumentException("question must not be null or blank");
    }
    if (catalog.tables().isEmpty()) {
      return new Linking(question, List.of(), List.of(), List.of(),
          selector.select(catalog, List.of(), List.of(), options));
    }
    PreparedSchema schema = store.get(catalog, true);
    float[] scores = options.signals().contains(Signal.EMBEDDING)
        ? cosines(embedder.embed(question), schema.embeddings())
        : new float[schema.graph().size()];
    List<LinkedTable> tables = new ArrayList<>(schema.graph().tableCount());
    List<LinkedColumn> columns = new ArrayList<>(schema.graph().size() - schema.graph().tableCount());
    for (SchemaGraph.Node n : schema.graph().nodes()) {
      double s = Math.max(0, Math.min(1, scores[n.index()]));
      List<Evidence> ev = s > 0 ? List.of(new Evidence(Signal.EMBEDDING, null, n.text(), s)) : List.of();
      if (n.kind() == SchemaGraph.Kind.TABLE) {
        tables.add(new LinkedTable(n.table(), s, ev));
      } else {
        columns.add(new LinkedColumn(n.table(), n.column(), s, ev));
      }
    }
    tables.sort(Comparator.comparingDouble(LinkedTable::score).reversed());
    columns.sort(Comparator.comparingDouble(LinkedColumn::score).reversed());
    return new Linking(question, tables, columns, List.of(), selector.select(catalog, tables, columns, options));
  }

  static float[] cosines(float[] q, SchemaEmbeddings embeddings) {
    float[][] v = embeddings.vectors();
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = TextEmbedder.dot(q, v[i]);
    }
    return out;
  }
}
