/**
 * The guard and the IR validator with ranked "did you mean" suggestions. Internal, not API: other
 * modules of this project may use these classes, users must not.
 *
 * <p>{@link io.github.nl2sql.internal.validate.Guard} checks SQL text or IR before anything runs (one
 * statement, no DDL, writes only when allowed) and hands the IR to {@link
 * io.github.nl2sql.internal.validate.Validator}, which resolves names with SQL's scoping rules and
 * reports coded diagnostics from {@link io.github.nl2sql.diagnostics.DiagnosticCode}. {@link
 * io.github.nl2sql.internal.validate.NameSuggester} ranks replacement names by spelling; the checker
 * adds what the statement says (values compared with a column, matched against the catalog's sampled
 * frequent values; the shape of IN subqueries and set operations; foreign keys behind the columns it
 * uses; numbered-alias gaps; GROUP BY keys) to rank the table or column that was meant. {@link
 * io.github.nl2sql.internal.validate.FunctionRegistry} knows each dialect's functions. {@link
 * io.github.nl2sql.internal.validate.CatalogNames} gives the catalog's spelling of the names in valid IR
 * for the compiler, which quotes identifiers (case-sensitive on PostgreSQL and H2).
 */
package io.github.nl2sql.internal.validate;
