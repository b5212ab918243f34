/**
 * Schema linking with models, for nl2sql-core's {@link io.github.nl2sql.link.SchemaLinker} SPI: in-process
 * MiniLM text embeddings of schema elements ({@link io.github.nl2sql.gnn.EmbeddingLinker}), a schema graph
 * and a relation-aware graph neural network run with DJL's OnnxRuntime engine
 * ({@link io.github.nl2sql.gnn.GnnModel}), and the fusion of these with the lexical/value linker
 * ({@link io.github.nl2sql.gnn.FusedLinker}), re-ranked for coherence over the join graph
 * ({@link io.github.nl2sql.gnn.Coherence}). {@link io.github.nl2sql.gnn.SynonymLinker} adds word-level
 * evidence ("goods" for products, "altitude" for elevation) that nl2sql-core's offline planner reads as
 * mentions of tables and columns. Everything runs offline: the models are inside jars.
 *
 * <p>{@link io.github.nl2sql.gnn.LinkerProviders} registers the linkers by name ({@code synonyms},
 * {@code fused}, {@code embedding}) for {@link io.github.nl2sql.link.SchemaLinkers}; with this module on
 * the class path {@code synonyms} is the linker used when none is chosen.
 *
 * <p>The linkers are the supported entry points; the graph, embedding and model classes are public so the
 * training pipeline and the bench can use them, but their shape may change with the feature version.
 */
package io.github.nl2sql.gnn;
