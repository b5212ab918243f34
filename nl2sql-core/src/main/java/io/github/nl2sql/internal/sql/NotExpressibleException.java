package io.github.nl2sql.internal.sql;

import io.github.nl2sql.diagnostics.Position;

/**
 * Thrown inside one import when a construct has no IR counterpart; {@link SqlImporter} turns it into a
 * {@code NOT_EXPRESSIBLE} diagnostic and produces no IR. Never escapes the importer.
 */
final class NotExpressibleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String construct;
  private final transient Position position;

  NotExpressibleException(String construct, Position position) {
    super(construct, null, false, false);
    this.construct = construct;
    this.position = position;
  }

  /** Human-readable name of the construct, e.g. {@code NATURAL JOIN}. */
  String construct() {
    return construct;
  }

  /** Where the construct is in the SQL text, or {@code null}. */
  Position position() {
    return position;
  }
}
