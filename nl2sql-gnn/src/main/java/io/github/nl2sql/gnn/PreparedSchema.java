package io.github.nl2sql.gnn;

/**
 * A catalog's schema graph with its node embeddings: the per-schema work, done once per fingerprint.
 *
 * @param graph the schema graph
 * @param embeddings node vectors, aligned with the graph's nodes
 */
record PreparedSchema(SchemaGraph graph, SchemaEmbeddings embeddings) {}
