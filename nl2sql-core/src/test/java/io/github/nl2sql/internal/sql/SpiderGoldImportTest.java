package io.github.nl2sql.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.diagnostics.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Imports every gold query of the Spider training split with the catalog of its database and requires
 * at least 99% to import without any diagnostic. Skipped when the data is not on this machine.
 */
class SpiderGoldImportTest {
  private static final Path DATA = Path.of(System.getenv().getOrDefault("NL2SQL_SPIDER_DIR",
      "/work/shared/data/spider-train"));

  @Test
  void spiderTrainGoldQueries_importWithoutDiagnostics() throws IOException {
    Path questions = DATA.resolve("train_spider.json");
    Path tables = DATA.resolve("tables.json");
    Assumptions.assumeTrue(Files.isRegularFile(questions) && Files.isRegularFile(tables),
        "Spider training data not found under " + DATA + " (set NL2SQL_SPIDER_DIR); skipping");
    ObjectMapper mapper = new ObjectMapper();
    Map<String, Catalog> catalogs = catalogs(mapper.readTree(tables.toFile()));
    JsonNode items = mapper.readTree(questions.toFile());
    SqlImporter importer = new SqlImporter(Dialect.SQLITE);

    int total = 0;
    int clean = 0;
    Map<String, List<String>> failures = new TreeMap<>();
    long started = System.nanoTime();
    for (JsonNode item : items) {
      total++;
      String sql = item.get("query").asText();
      Catalog catalog = catalogs.get(item.get("db_id").asText());
      ImportResult r = importer.importSql(sql, catalog);
      if (r.ok() && r.diagnostics().isEmpty()) {
        clean++;
        assertThat(r.kind()).isEqualTo(StatementKind.QUERY);
        assertThat(r.statementCount()).isEqualTo(1);
        continue;
      }
      String reason = r.diagnostics().isEmpty() ? "no IR and no diagnostic" : reason(r.diagnostics().get(0));
      failures.computeIfAbsent(reason, k -> new ArrayList<>()).add(sql);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("Spider train gold import: %d / %d imported without diagnostics (%.2f%%) in %d ms%n",
        clean, total, 100.0 * clean / total, millis);
    failures.entrySet().stream()
        .sorted((a, b) -> b.getValue().size() - a.getValue().size())
        .forEach(e -> {
          System.out.printf("  %4d  %s%n", e.getValue().size(), e.getKey());
          e.getValue().stream().limit(3).forEach(s -> System.out.println("          " + s));
        });
    assertThat(clean).as("gold queries imported without diagnostics").isGreaterThanOrEqualTo(
        (int) Math.ceil(total * 0.99));
  }

  private static String reason(Diagnostic d) {
    String m = d.code().id() + " " + d.message();
    // Group syntax errors by their message without the position, so similar failures collect together.
    return m.replaceAll(" at line \\d+, column \\d+", "");
  }

  /** Minimal catalogs (table and column names only) from Spider's tables.json. */
  static Map<String, Catalog> catalogs(JsonNode tablesJson) {
    Map<String, Catalog> out = new HashMap<>();
    for (JsonNode db : tablesJson) {
      String dbId = db.get("db_id").asText();
      List<String> tableNames = new ArrayList<>();
      db.get("table_names_original").forEach(t -> tableNames.add(t.asText()));
      List<List<Column>> columns = new ArrayList<>();
      tableNames.forEach(t -> columns.add(new ArrayList<>()));
      for (JsonNode c : db.get("column_names_original")) {
        int table = c.get(0).asInt();
        if (table < 0) {
          continue;
        }
        List<Column> cols = columns.get(table);
        cols.add(new Column(c.get(1).asText(), cols.size() + 1, "text", Types.VARCHAR, SqlType.TEXT, null,
            null, true, null, null, null, false, null));
      }
      List<Table> ts = new ArrayList<>();
      for (int i = 0; i < tableNames.size(); i++) {
        ts.add(new Table(null, tableNames.get(i), Table.Kind.TABLE, null, columns.get(i), null, null, null,
            null, null));
      }
      out.put(dbId, new Catalog("SQLite", "3", dbId, null, Dialect.SQLITE, ts, null, null, null, null));
    }
    return out;
  }
}
