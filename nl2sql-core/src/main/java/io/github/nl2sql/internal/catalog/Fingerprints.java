package io.github.nl2sql.internal.catalog;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Schema fingerprints: the SHA-256 (lower-case hex) of a canonical JSON form of a catalog's schema.
 * The canonical form holds the dialect, database, default schema and every table with its columns,
 * keys, indexes and comments; it leaves out what changes without a schema change (column
 * statistics, row counts, the read time, the statistics status and notes, the product version) and
 * the fingerprint itself. Properties are sorted by the shared {@link Json} mapper, so equal schemas
 * give equal text and equal fingerprints. Stateless and thread-safe.
 */
public final class Fingerprints {
  private Fingerprints() {}

  /**
   * The fingerprint of {@code catalog}'s schema.
   *
   * @throws IllegalArgumentException when {@code catalog} is null
   */
  public static String of(Catalog catalog) {
    return sha256(canonicalJson(catalog));
  }

  /**
   * The canonical JSON text the fingerprint is computed from.
   *
   * @throws IllegalArgumentException when {@code catalog} is null
   */
  public static String canonicalJson(Catalog catalog) {
    if (catalog == null) {
      throw new IllegalArgumentException("catalog must not be null");
    }
    List<Table> tables = new ArrayList<>(catalog.tables().size());
    for (Table t : catalog.tables()) {
      List<Column> columns = new ArrayList<>(t.columns().size());
      for (Column c : t.columns()) {
        columns.add(c.withStats(null));
      }
      tables.add(t.withColumns(columns).withRowCount(null));
    }
    tables.sort(CatalogReader.TABLE_ORDER);
    Map<String, Object> canonical = new LinkedHashMap<>();
    canonical.put("database", catalog.database());
    canonical.put("defaultSchema", catalog.defaultSchema());
    canonical.put("dialect", catalog.dialect());
    canonical.put("tables", tables);
    return Json.toJson(canonical);
  }

  static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
