/**
 * Internal, not API: evaluation and training-data tools for schema linking on Spider-format data (gold
 * tables and columns from gold SQL, catalogs of Spider SQLite files, recall metrics, the feature export
 * for the GNN training pipeline, join-inference evaluation). Used by the bench and by
 * {@code nl2sql-gnn/train/pipeline.sh}.
 */
package io.github.nl2sql.gnn.eval;
