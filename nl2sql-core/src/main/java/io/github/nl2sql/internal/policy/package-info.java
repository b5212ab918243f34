/**
 * Enforcement of an {@link io.github.nl2sql.policy.AccessPolicy}: {@link
 * io.github.nl2sql.internal.policy.PolicyChecker} finds the denied tables and columns a statement uses
 * and hides them from the catalog planners see. Internal: used by the facade and the JDBC driver's guard.
 */
package io.github.nl2sql.internal.policy;
