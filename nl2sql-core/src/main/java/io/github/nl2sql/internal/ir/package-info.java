/**
 * Generic helpers over the IR ({@link io.github.nl2sql.internal.ir.IrTree}: the children and nested
 * subqueries of every expression kind), shared by the validator, the access-policy checker and the
 * linking evaluation. Internal, not API.
 */
package io.github.nl2sql.internal.ir;
