/**
 * INTERNAL, not API: compiles validated IR ({@link io.github.nl2sql.ir}) to SQL for one dialect
 * through a jOOQ query tree ({@link io.github.nl2sql.internal.compile.SqlCompiler}), with every literal a
 * bind value, and generates the JSON Schema of the IR that constrains model output ({@link
 * io.github.nl2sql.internal.compile.IrJsonSchema}). Other modules of this project may use these
 * classes; users must not, they may change without notice.
 */
package io.github.nl2sql.internal.compile;
