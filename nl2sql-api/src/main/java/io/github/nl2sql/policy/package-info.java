/**
 * Access policies: which tables and columns questions and queries may read, a row cap, and whether writes
 * may be drafted ({@link io.github.nl2sql.policy.AccessPolicy}), loaded from a properties file and
 * enforced by the {@link io.github.nl2sql.Nl2Sql} facade (see
 * {@link io.github.nl2sql.Nl2Sql.Builder#accessPolicy(AccessPolicy)}) and the JDBC driver's
 * {@code nl2sql.policy} setting.
 */
package io.github.nl2sql.policy;
