/**
 * The catalog ("DB brain") machinery: reading a {@link io.github.nl2sql.catalog.Catalog} from a live
 * connection ({@link io.github.nl2sql.internal.catalog.CatalogReader}, with sampled column statistics
 * under a time budget), schema fingerprints, JSON snapshots, diffs between snapshots, a cheap
 * schema-change probe, an in-memory and on-disk store, and the
 * {@link io.github.nl2sql.internal.catalog.CatalogProvider} that keeps one data source's catalog current.
 *
 * <p>Internal: used by the other modules of nl2sql-java, not part of the public API; it may change in
 * any release. Users see catalogs through {@code io.github.nl2sql.Nl2Sql}.
 */
package io.github.nl2sql.internal.catalog;
