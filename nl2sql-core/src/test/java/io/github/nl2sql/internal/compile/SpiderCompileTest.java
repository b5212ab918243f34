package io.github.nl2sql.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.internal.json.Json;
import io.github.nl2sql.internal.sql.ImportResult;
import io.github.nl2sql.internal.sql.SqlImporter;
import io.github.nl2sql.testing.SpiderData;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compiler keeps the meaning of real queries: Spider training gold SQL is imported to IR, compiled
 * for SQLite (with and without a default LIMIT) and run on its database; the rows must equal the gold
 * query's rows in the same order (with the default LIMIT: the first 100 of them when there are more).
 * The same IR must also compile for every other dialect. Every 4th query by default (several seconds);
 * {@code -Dnl2sql.spider.compile=all} checks all of them. Skipped, with a message, when the data is not on
 * this machine.
 */
class SpiderCompileTest {

  @Test
  void spiderTrainGoldQueries_compileToSqlWithTheSameResults() throws Exception {
    Path dir = SpiderData.requireDir();
    JsonNode items = Json.mapper().readTree(Files.readString(dir.resolve("train_spider.json")));
    int step = "all".equals(System.getProperty("nl2sql.spider.compile")) ? 1 : 4;
    SqlImporter importer = new SqlImporter(Dialect.SQLITE);
    SqlCompiler sqlite = SqlCompiler.forDialect(Dialect.SQLITE);
    Map<String, Connection> connections = new HashMap<>();
    List<String> failures = new ArrayList<>();
    int compared = 0;
    try {
      for (int i = 0; i < items.size(); i += step) {
        JsonNode item = items.get(i);
        String sql = item.get("query").asText();
        Path file = SpiderData.database(dir, item.get("db_id").asText());
        if (!Files.isRegularFile(file)) {
          continue; // (two training databases are not shipped)
        }
        ImportResult imported = importer.importSql(sql, null);
        if (!imported.ok()) {
          continue; // the importer's tests cover what it cannot import
        }
        Connection c = connections.computeIfAbsent(file.toString(), SpiderCompileTest::open);
        List<String> gold;
        try {
          gold = rows(c, sql, List.of());
        } catch (SQLException e) {
          continue; // a few gold queries do not run on their own database
        }
        for (Dialect d : Dialect.values()) {
          try {
            SqlCompiler.forDialect(d).compile(imported.statement(), 100);
          } catch (RuntimeException e) {
            failures.add(d + " compile: " + e.getMessage() + " :: " + sql);
          }
        }
        boolean ordered = sql.toLowerCase(java.util.Locale.ROOT).contains("order by");
        for (int limit : new int[] {0, 100}) {
          CompiledQuery q = sqlite.compile(imported.statement(), limit);
          try {
            List<String> actual = rows(c, q.sql(), q.parameters());
            boolean ok;
            if (limit == 0 || gold.size() <= limit) {
              ok = sameRows(gold, actual, ordered);
            } else {
              ok = ordered ? gold.subList(0, limit).equals(actual) : actual.size() == limit;
            }
            if (!ok) {
              failures.add("rows differ (limit " + limit + "): " + sql + " => " + q.sql());
            }
          } catch (SQLException e) {
            failures.add("SQLite rejected: " + e.getMessage() + " :: " + sql + " => " + q.sql());
          }
        }
        compared++;
      }
    } finally {
      for (Connection c : connections.values()) {
        c.close();
      }
    }
    assertThat(compared).as("queries compared").isGreaterThan(items.size() / step / 2);
    assertThat(failures).as(failures.size() + " of " + compared + " queries").isEmpty();
  }

  /** Row lists equal in order, or as multisets when the gold query does not fix an order. */
  private static boolean sameRows(List<String> expected, List<String> actual, boolean ordered) {
    if (ordered) {
      return expected.equals(actual);
    }
    List<String> a = new ArrayList<>(expected);
    List<String> b = new ArrayList<>(actual);
    a.sort(null);
    b.sort(null);
    return a.equals(b);
  }

  private static Connection open(String file) {
    try {
      return DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> rows(Connection c, String sql, List<Object> params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setQueryTimeout(20);
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= n; i++) {
            Object v = rs.getObject(i);
            row.append(v instanceof Number num ? new BigDecimal(num.toString()).stripTrailingZeros().toPlainString()
                : String.valueOf(v)).append('\u001f');
          }
          rows.add(row.toString());
        }
      }
      return rows;
    }
  }
}
