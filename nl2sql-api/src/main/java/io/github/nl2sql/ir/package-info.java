/**
 * The intermediate representation (IR) of SQL statements that planners produce and the library
 * validates and compiles.
 *
 * <p>All types are immutable records or enums, safe to share between threads, and round-trip through
 * JSON with Jackson ({@code "kind"} discriminators on the sealed interfaces {@link
 * io.github.nl2sql.ir.Statement}, {@link io.github.nl2sql.ir.Query}, {@link io.github.nl2sql.ir.TableRef}
 * and {@link io.github.nl2sql.ir.Expr}). Literal values live only in {@link
 * io.github.nl2sql.ir.Expr.Literal} and always become bind parameters; no node holds SQL text.
 */
package io.github.nl2sql.ir;
