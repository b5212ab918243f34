package io.github.nl2sql.link;

import io.github.nl2sql.catalog.Catalog;

/**
 * Decides which tables, columns and values a question is about. Implementations: the lexical and value
 * linker in nl2sql-core (no model needed), the embedding and GNN linkers in nl2sql-gnn, and a fusion of
 * several. Implementations must be thread-safe; they may cache per {@link Catalog#fingerprint()}. They are
 * found by name through {@link SchemaLinkers}.
 */
public interface SchemaLinker {
  /**
   * Links {@code question} to {@code catalog}.
   *
   * @throws IllegalArgumentException when the question is null or blank
   */
  Linking link(String question, Catalog catalog, LinkOptions options);
}
