package io.github.nl2sql.internal.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.nl2sql.CatalogException;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.internal.json.Json;

/**
 * JSON export and import of whole catalogs (schema, statistics, notes, fingerprint), with the shared
 * {@link Json} configuration: {@code fromJson(toJson(c)).equals(c)} for every catalog. Stateless and
 * thread-safe.
 */
public final class CatalogSnapshots {
  private CatalogSnapshots() {}

  /**
   * The catalog as compact JSON with sorted properties.
   *
   * @throws IllegalArgumentException when {@code catalog} is null
   */
  public static String toJson(Catalog catalog) {
    if (catalog == null) {
      throw new IllegalArgumentException("catalog must not be null");
    }
    return Json.toJson(catalog);
  }

  /**
   * Reads a catalog written by {@link #toJson}.
   *
   * @throws IllegalArgumentException when {@code json} is null
   * @throws CatalogException when the text is not a catalog snapshot; the message says where
   */
  public static Catalog fromJson(String json) {
    if (json == null) {
      throw new IllegalArgumentException("json must not be null");
    }
    try {
      Catalog c = Json.mapper().readValue(json, Catalog.class);
      if (c == null) {
        throw new CatalogException("Not a catalog snapshot: empty JSON");
      }
      return c;
    } catch (JsonProcessingException e) {
      throw new CatalogException("Not a catalog snapshot: " + e.getOriginalMessage()
          + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() : ""), e);
    } catch (IllegalArgumentException e) {
      throw new CatalogException("Not a catalog snapshot: " + e.getMessage(), e);
    }
  }
}
