/**
 * Public helpers to plug a langchain4j chat model into {@link io.github.nl2sql.Nl2Sql} as its planner.
 * The only public (non-internal) package of nl2sql-core.
 */
package io.github.nl2sql.llm;
