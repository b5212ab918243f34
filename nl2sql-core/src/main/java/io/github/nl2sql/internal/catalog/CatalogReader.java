package io.github.nl2sql.internal.catalog;

import io.github.nl2sql.catalog.Catalog;
import java.sql.Connection;

/** Reads a {@link Catalog} from a live connection. SKELETON: implemented by the catalog work. */
public final class CatalogReader {
  private final CatalogOptions options;

  public CatalogReader(CatalogOptions options) {
    this.options = options;
  }

  /**
   * Reads tables, views, columns, keys, indexes, comments, enum values and (optionally) statistics.
   *
   * @throws io.github.nl2sql.CatalogException when the metadata cannot be read
   */
  public Catalog read(Connection connection) {
    throw new UnsupportedOperationException("not yet implemented: " + options);
  }
}
