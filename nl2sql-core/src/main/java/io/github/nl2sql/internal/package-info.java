/**
 * Internal, not API: the default implementation of {@link io.github.nl2sql.Nl2Sql} and the parts it is
 * made of, one sub-package per step of a statement's path: {@code catalog} (introspection, fingerprint,
 * cache, probe, diff), {@code sql} (import of SQL text into IR), {@code validate} (guard, name resolution,
 * "did you mean"), {@code compile} (IR to jOOQ to SQL with bind values), {@code execute} (read-only,
 * time- and row-bounded execution), {@code jdbc} and {@code json} (shared helpers). Other nl2sql modules
 * may use these packages; applications must not.
 */
package io.github.nl2sql.internal;
