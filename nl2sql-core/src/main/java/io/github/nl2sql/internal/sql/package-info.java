/**
 * Internal, not API: importing SQL text into the IR with JSqlParser.
 *
 * <p>{@link io.github.nl2sql.internal.sql.SqlImporter} parses one piece of SQL, classifies it ({@link
 * io.github.nl2sql.internal.sql.StatementKind}), converts queries and INSERT/UPDATE/DELETE into IR, and
 * reports everything else as diagnostics: syntax errors with positions, several statements, and
 * constructs the IR cannot hold ({@code NOT_EXPRESSIBLE}). A {@link io.github.nl2sql.internal.sql.SourceMap}
 * records where each column and table reference came from so later diagnostics can point into the text.
 * {@link io.github.nl2sql.internal.sql.IrPrinter} renders IR back as readable SQL-like text for logs and
 * tests. Other modules of this project may use these types; applications must not.
 */
package io.github.nl2sql.internal.sql;
