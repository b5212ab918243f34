/**
 * Internal, not API: question answering. The offline deterministic planner, the language model planner
 * (prompt builder, output parsing), deterministic repair, and {@link io.github.nl2sql.internal.plan.Asker},
 * which links, plans, validates, regenerates with hints, compiles and executes one question.
 */
package io.github.nl2sql.internal.plan;
