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
import io.github.nl2sql.diagnostics.Position;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.TableRef;
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
    List<String> badPositions = new ArrayList<>();
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
        for (Object node : IrNodes.columnsAndTables(r.statement())) {
          String problem = positionProblem(sql, node, r.positions().positionOf(node));
          if (problem != null) {
            badPositions.add(problem + " in: " + sql);
          }
        }
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
    badPositions.stream().limit(10).forEach(p -> System.out.println("  bad position: " + p));
    assertThat(clean).as("gold queries imported without diagnostics").isGreaterThanOrEqualTo(
        (int) Math.ceil(total * 0.99));
    assertThat(badPositions).as("column/table nodes without a matching source position").isEmpty();
  }

  /** Null when {@code p} points at the text of {@code node}, else what is wrong. */
  static String positionProblem(String sql, Object node, Position p) {
    if (p == null) {
      return "no position for " + node;
    }
    if (p.offset() + p.length() > sql.length()) {
      return "position out of range for " + node;
    }
    String expected;
    if (node instanceof Expr.Column c) {
      expected = c.table() == null ? c.column() : c.table() + "." + c.column();
    } else {
      TableRef.Table t = (TableRef.Table) node;
      expected = t.schema() == null ? t.name() : t.schema() + "." + t.name();
    }
    String actual = sql.substring(p.offset(), p.offset() + p.length()).replaceAll("[\"`\\[\\]]", "");
    if (!actual.replaceAll("\\s+", "").equalsIgnoreCase(expected.replaceAll("\\s+", ""))) {
      return "position of " + node + " points at '" + actual + "'";
    }
    String before = sql.substring(0, p.offset());
    int line = 1 + (int) before.chars().filter(ch -> ch == '\n').count();
    if (p.line() != line) {
      return "wrong line for " + node;
    }
    return null;
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
