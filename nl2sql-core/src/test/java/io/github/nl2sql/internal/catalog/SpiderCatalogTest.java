package io.github.nl2sql.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.internal.json.Json;
import io.github.nl2sql.testing.SpiderData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Reads the real Spider training databases and checks tables and columns against Spider's own
 * {@code tables.json}. Skipped (with the reason) where the data folder is absent (see {@link
 * SpiderData}).
 */
class SpiderCatalogTest {
  static Path spider;
  static JsonNode tablesJson;

  @BeforeAll
  static void load() throws IOException {
    spider = SpiderData.requireDir();
    Assumptions.assumeTrue(Files.isDirectory(spider.resolve("database")),
        "Spider databases not found under " + spider.resolve("database"));
    tablesJson = Json.mapper().readTree(spider.resolve("tables.json").toFile());
  }

  static SQLiteDataSource open(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return ds;
  }

  static Path file(String dbId) {
    return SpiderData.database(spider, dbId);
  }

  /** Expected column count per lower-cased table name, from tables.json (sqlite_* tables left out). */
  static Map<String, Integer> expected(JsonNode db) {
    List<String> tables = new ArrayList<>();
    db.get("table_names_original").forEach(n -> tables.add(n.asText().toLowerCase(Locale.ROOT)));
    Map<String, Integer> counts = new TreeMap<>();
    for (String t : tables) {
      if (!t.startsWith("sqlite_")) {
        counts.put(t, 0);
      }
    }
    for (JsonNode col : db.get("column_names_original")) {
      int table = col.get(0).asInt();
      if (table >= 0 && counts.containsKey(tables.get(table))) {
        counts.merge(tables.get(table), 1, Integer::sum);
      }
    }
    return counts;
  }

  static Map<String, Integer> actual(Catalog c) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Table t : c.tables()) {
      if (t.kind() == Table.Kind.TABLE) {
        counts.put(t.name().toLowerCase(Locale.ROOT), t.columns().size());
      }
    }
    return counts;
  }

  @Test
  void everySpiderDatabase_matchesTablesJson() throws SQLException {
    int read = 0;
    int missing = 0;
    for (JsonNode db : tablesJson) {
      String id = db.get("db_id").asText();
      if (!Files.isRegularFile(file(id))) {
        missing++;
        continue;
      }
      try (Connection c = open(file(id)).getConnection()) {
        Catalog catalog = new CatalogReader(CatalogOptions.defaults()).read(c);
        assertThat(actual(catalog)).as(id).isEqualTo(expected(db));
        assertThat(catalog.database()).isEqualTo(id);
        assertThat(catalog.statistics()).as(id + " " + catalog.notes())
            .isEqualTo(Catalog.StatisticsStatus.COMPLETE);
        assertThat(catalog.fingerprint()).matches("[0-9a-f]{64}");
        read++;
      }
    }
    System.out.printf(Locale.ROOT, "[catalog] Spider: %d databases read, %d absent%n", read, missing);
    assertThat(read).isGreaterThan(100);
  }

  @Test
  void foreignKeysAndPrimaryKeys_ofAKnownDatabase() throws SQLException {
    Assumptions.assumeTrue(Files.isRegularFile(file("college_2")), "college_2 absent");
    try (Connection c = open(file("college_2")).getConnection()) {
      Catalog catalog = new CatalogReader(CatalogOptions.defaults()).read(c);
      Table takes = catalog.table("takes").orElseThrow();
      assertThat(takes.primaryKey()).containsExactly("ID", "course_id", "sec_id", "semester", "year");
      assertThat(takes.foreignKeys()).anySatisfy(fk -> {
        assertThat(fk.referencedTable()).isEqualTo("section");
        assertThat(fk.columns()).containsExactly("course_id", "sec_id", "semester", "year");
        assertThat(fk.referencedColumns()).containsExactly("course_id", "sec_id", "semester", "year");
      });
      assertThat(catalog.table("department").orElseThrow().column("building").orElseThrow().stats()
          .frequentValues()).isNotEmpty();
    }
  }

  /** Timings for the report: median over the first 20 databases, after a warm-up pass. */
  @Test
  void timings() throws SQLException {
    List<Long> schemaOnly = new ArrayList<>();
    List<Long> withStats = new ArrayList<>();
    List<Long> probe = new ArrayList<>();
    CatalogReader plain = new CatalogReader(CatalogOptions.withoutStatistics());
    CatalogReader full = new CatalogReader(CatalogOptions.defaults());
    for (int pass = 0; pass < 2; pass++) {
      int n = 0;
      for (JsonNode db : tablesJson) {
        String id = db.get("db_id").asText();
        if (!Files.isRegularFile(file(id)) || n++ >= 20) {
          continue;
        }
        try (Connection c = open(file(id)).getConnection()) {
          long t0 = System.nanoTime();
          plain.read(c);
          long t1 = System.nanoTime();
          full.read(c);
          long t2 = System.nanoTime();
          plain.probe(c);
          long t3 = System.nanoTime();
          if (pass == 1) {
            schemaOnly.add(t1 - t0);
            withStats.add(t2 - t1);
            probe.add(t3 - t2);
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "[catalog] Spider SQLite, median of %d databases: read without "
        + "statistics %.2f ms, with statistics %.2f ms, probe %.3f ms (max with statistics %.2f ms)%n",
        schemaOnly.size(), median(schemaOnly), median(withStats), median(probe),
        Collections.max(withStats) / 1e6);
    assertThat(median(probe)).isLessThan(median(schemaOnly));

    for (String id : List.of("college_2", "bike_1")) {
      if (!Files.isRegularFile(file(id))) {
        continue;
      }
      List<Long> a = new ArrayList<>();
      List<Long> b = new ArrayList<>();
      List<Long> p = new ArrayList<>();
      Catalog catalog = null;
      try (Connection c = open(file(id)).getConnection()) {
        for (int i = 0; i < 5; i++) {
          long t0 = System.nanoTime();
          plain.read(c);
          long t1 = System.nanoTime();
          catalog = full.read(c);
          long t2 = System.nanoTime();
          plain.probe(c);
          long t3 = System.nanoTime();
          a.add(t1 - t0);
          b.add(t2 - t1);
          p.add(t3 - t2);
        }
      }
      long rows = catalog.tables().stream().mapToLong(t -> t.rowCount() == null ? 0 : t.rowCount()).sum();
      System.out.printf(Locale.ROOT, "[catalog] Spider %s (%d tables, %d columns, %d rows): read without "
          + "statistics %.2f ms, with statistics %.2f ms, probe %.3f ms%n", id, catalog.tables().size(),
          catalog.columnCount(), rows, median(a), median(b), median(p));
    }
  }

  static double median(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2) / 1e6;
  }
}
