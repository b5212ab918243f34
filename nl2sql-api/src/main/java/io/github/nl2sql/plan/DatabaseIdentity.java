package io.github.nl2sql.plan;

import io.github.nl2sql.Dialect;
import java.util.Objects;

/**
 * Facts about the database a planner writes for (they go into model prompts).
 *
 * @param product database product name, e.g. {@code PostgreSQL}, or {@code null} when unknown
 * @param productVersion product version, or {@code null}
 * @param databaseName the friendly name configured with
 *     {@link io.github.nl2sql.Nl2Sql.Builder#databaseName(String)}, else the catalog's database name, or
 *     {@code null}
 * @param dialect the SQL dialect drafts must be written in
 */
public record DatabaseIdentity(String product, String productVersion, String databaseName, Dialect dialect) {
  public DatabaseIdentity {
    Objects.requireNonNull(dialect, "dialect");
  }
}
