/**
 * Generic helpers over the IR ({@link io.github.nl2sql.internal.ir.IrTree}: the children and nested
 * subqueries of every expression kind, and a pre-order walk over a whole statement), shared by the
 * validator, the compiler's spelling of names, the access-policy checker and the linking evaluation.
 * Internal, not API.
 */
package io.github.nl2sql.internal.ir;
