/**
 * The public API of nl2sql-java: the {@link io.github.nl2sql.Nl2Sql} facade and its builder, results,
 * and the exception hierarchy rooted at {@link io.github.nl2sql.Nl2SqlException}.
 */
package io.github.nl2sql;
