/**
 * The guard and the IR validator with ranked "did you mean" suggestions. Internal, not API: other
 * modules of this project may use these classes, users must not.
 *
 * <p>{@link io.github.nl2sql.internal.validate.Guard} checks SQL text or IR before anything runs (one
 * statement, no DDL, writes only when allowed) and hands the IR to {@link
 * io.github.nl2sql.internal.validate.Validator}, which resolves names with SQL's scoping rules and
 * reports coded diagnostics from {@link io.github.nl2sql.diagnostics.DiagnosticCode}. {@link
 * io.github.nl2sql.internal.validate.NameSuggester} ranks replacement names and {@link
 * io.github.nl2sql.internal.validate.FunctionRegistry} knows each dialect's functions.
 */
package io.github.nl2sql.internal.validate;
