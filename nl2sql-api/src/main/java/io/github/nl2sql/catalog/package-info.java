/**
 * The catalog model ("DB brain"): immutable snapshots of a database's tables, columns, keys, indexes and
 * column statistics, and the diff between two snapshots. Read by the core module's introspection;
 * serialisable to JSON with Jackson.
 */
package io.github.nl2sql.catalog;
