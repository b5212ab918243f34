package io.github.nl2sql.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.nl2sql.Dialect;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A snapshot of a database's schema (the "DB brain"): its tables and views with columns, keys, indexes,
 * comments, enum values and column statistics, plus identity facts about the database.
 *
 * <p>Immutable and thread-safe. Lookups by name are case-insensitive, as identifier resolution is in
 * the supported databases for unquoted names; an exact-case match wins when names differ only by case.
 *
 * @param product database product name as reported by the driver (e.g. {@code MariaDB})
 * @param productVersion database product version
 * @param database database (catalog) name, or {@code null} where the database has none
 * @param defaultSchema schema that unqualified names resolve in, or {@code null}
 * @param dialect SQL dialect used to compile queries for this database
 * @param tables tables and views, in a stable order (schema, name)
 * @param fingerprint SHA-256 (hex) of the canonical JSON form of the schema, statistics excluded
 * @param readAt when the snapshot was read
 * @param statistics whether and how column statistics were read
 * @param notes human-readable notes about what could not be read (e.g. statistics skipped), possibly empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Catalog(
    String product,
    String productVersion,
    String database,
    String defaultSchema,
    Dialect dialect,
    List<Table> tables,
    String fingerprint,
    Instant readAt,
    StatisticsStatus statistics,
    List<String> notes) {

  public Catalog {
    tables = tables == null ? List.of() : List.copyOf(tables);
    notes = notes == null ? List.of() : List.copyOf(notes);
    statistics = statistics == null ? StatisticsStatus.DISABLED : statistics;
  }

  /** Finds a table or view by name (case-insensitive; exact case preferred), in any schema. */
  public Optional<Table> table(String name) {
    if (name == null) {
      return Optional.empty();
    }
    Table ci = null;
    for (Table t : tables) {
      if (t.name().equals(name)) {
        return Optional.of(t);
      }
      if (ci == null && t.name().equalsIgnoreCase(name)) {
        ci = t;
      }
    }
    return Optional.ofNullable(ci);
  }

  /** Finds a table or view by schema and name; a {@code null} schema searches all schemas. */
  public Optional<Table> table(String schema, String name) {
    if (schema == null) {
      return table(name);
    }
    String s = schema.toLowerCase(Locale.ROOT);
    return tables.stream()
        .filter(t -> t.schema() != null && t.schema().toLowerCase(Locale.ROOT).equals(s))
        .filter(t -> t.name().equalsIgnoreCase(name))
        .findFirst();
  }

  /** Number of columns over all tables. */
  @JsonIgnore
  public int columnCount() {
    return tables.stream().mapToInt(t -> t.columns().size()).sum();
  }

  /** A copy with other statistics, status and notes; used when statistics are refreshed. */
  public Catalog withTables(List<Table> tables, StatisticsStatus statistics, List<String> notes) {
    return new Catalog(product, productVersion, database, defaultSchema, dialect, tables, fingerprint,
        readAt, statistics, notes);
  }

  /** Whether and how column statistics were read. */
  public enum StatisticsStatus {
    /** Statistics were switched off. */
    DISABLED,
    /** Statistics were read for every table. */
    COMPLETE,
    /** Statistics were read for some tables only (time budget, permissions); see the notes. */
    PARTIAL,
    /** Statistics could not be read at all; see the notes. */
    UNAVAILABLE
  }
}
