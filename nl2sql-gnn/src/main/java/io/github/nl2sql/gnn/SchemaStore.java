package io.github.nl2sql.gnn;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.nl2sql.catalog.Catalog;

/**
 * Prepared schemas (graph + node embeddings) by fingerprint and FK visibility, computed on first use.
 * Catalogs without a fingerprint (built by hand) are keyed by a hash of their node ids and texts, which
 * costs a graph build per call. Thread-safe.
 */
final class SchemaStore {
  private final Cache<String, PreparedSchema> cache;
  private final TextEmbedder embedder;

  SchemaStore(TextEmbedder embedder, int maximumSize) {
    this.embedder = embedder;
    this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
  }

  PreparedSchema get(Catalog catalog, boolean foreignKeys) {
    SchemaGraph probe = null;
    String fp = catalog.fingerprint();
    if (fp == null) {
      probe = SchemaGraph.of(catalog, foreignKeys);
      fp = probe.fingerprint();
    }
    SchemaGraph built = probe;
    return cache.get(key(fp, foreignKeys), k -> {
      SchemaGraph g = built != null ? built : SchemaGraph.of(catalog, foreignKeys);
      return new PreparedSchema(g, SchemaEmbeddings.compute(g, embedder));
    });
  }

  void put(SchemaGraph graph, SchemaEmbeddings embeddings, boolean foreignKeys) {
    cache.put(key(graph.fingerprint(), foreignKeys), new PreparedSchema(graph, embeddings));
  }

  private static String key(String fingerprint, boolean foreignKeys) {
    return foreignKeys ? fingerprint : fingerprint + "/no-fk";
  }
}
