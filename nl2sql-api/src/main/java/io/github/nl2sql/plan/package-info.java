/**
 * The planner SPI: a {@link io.github.nl2sql.plan.Planner} turns a question, the linked part of the
 * schema, identity facts and conversation state into a {@link io.github.nl2sql.plan.Plan} (a draft
 * statement or SQL text, a clarification, or an abstention). The library validates every draft, feeds
 * diagnostics back for regeneration, and runs nothing that does not validate.
 */
package io.github.nl2sql.plan;
