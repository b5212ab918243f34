package io.github.nl2sql.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.internal.compile.SqlCompiler;
import io.github.nl2sql.ir.Query;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;

/**
 * Checks that importing keeps a query's meaning: Spider training gold queries that run on their SQLite
 * database are imported, compiled back to SQLite from the IR (with bind values, no default limit), run
 * again, and must give the same rows (in order when the query orders them). By default every 10th query is checked (a few seconds); set
 * {@code -Dnl2sql.spider.roundtrip=all} to check all of them (about half a minute). Skipped when the data
 * is not on this machine.
 */
class SpiderRoundTripTest {
  private static final Path DATA = io.github.nl2sql.testing.SpiderData.dir()
      .orElse(Path.of("shared/data/spider-train (not found; set NL2SQL_SPIDER_DIR)"));

  @Test
  void spiderTrainGoldQueries_keepTheirResultsThroughTheIr() throws Exception {
    Path questions = DATA.resolve("train_spider.json");
    Path tables = DATA.resolve("tables.json");
    Assumptions.assumeTrue(Files.isRegularFile(questions) && Files.isRegularFile(tables)
        && Files.isDirectory(DATA.resolve("database")),
        "Spider training data with databases not found under " + DATA + " (set NL2SQL_SPIDER_DIR); skipping");
    ObjectMapper mapper = new ObjectMapper();
    Map<String, Catalog> catalogs = SpiderGoldImportTest.catalogs(mapper.readTree(tables.toFile()));
    SqlImporter importer = new SqlImporter(Dialect.SQLITE);
    SqlCompiler compiler = new SqlCompiler(Dialect.SQLITE);
    Map<String, Connection> connections = new HashMap<>();
    int compared = 0;
    int same = 0;
    int goldFailed = 0;
    Map<String, List<String>> failures = new TreeMap<>();
    long started = System.nanoTime();
    int step = "all".equals(System.getProperty("nl2sql.spider.roundtrip")) ? 1 : 10;
    int index = 0;
    try {
      for (JsonNode item : mapper.readTree(questions.toFile())) {
        if (index++ % step != 0) {
          continue;
        }
        String db = item.get("db_id").asText();
        String gold = item.get("query").asText();
        Path file = DATA.resolve("database").resolve(db).resolve(db + ".sqlite");
        if (!Files.isRegularFile(file)) {
          continue;
        }
        Connection c = connections.computeIfAbsent(db, k -> open(file));
        List<String> expected;
        try {
          expected = rows(c, gold, List.of());
        } catch (SQLException e) {
          goldFailed++;
          continue;
        }
        ImportResult r = importer.importSql(gold, catalogs.get(db));
        if (!r.ok()) {
          failures.computeIfAbsent("not imported", k -> new ArrayList<>()).add(gold);
          continue;
        }
        Query q = (Query) r.statement();
        compared++;
        CompiledQuery compiled = compiler.compile(q, 0);
        String rendered = compiled.sql() + "  " + compiled.parameters();
        List<String> actual;
        try {
          actual = rows(c, compiled.sql(), compiled.parameters());
        } catch (SQLException e) {
          failures.computeIfAbsent("rendered IR fails: " + e.getMessage().replaceAll("\\(.*", ""),
              k -> new ArrayList<>()).add(gold + "\n            IR: " + rendered);
          continue;
        }
        boolean ordered = !q.orderBy().isEmpty();
        boolean limitedUnordered = !ordered && q.limit() != null;
        if (limitedUnordered ? expected.size() == actual.size() : sameRows(expected, actual, ordered)) {
          same++;
        } else {
          failures.computeIfAbsent("different result", k -> new ArrayList<>())
              .add(gold + "\n            IR: " + rendered);
        }
      }
    } finally {
      for (Connection c : connections.values()) {
        c.close();
      }
    }
    System.out.printf("Spider round trip: %d / %d same result (gold not runnable: %d) in %d ms%n", same,
        compared, goldFailed, (System.nanoTime() - started) / 1_000_000);
    failures.forEach((reason, list) -> {
      System.out.printf("  %4d  %s%n", list.size(), reason);
      list.stream().limit(5).forEach(s -> System.out.println("          " + s));
    });
    assertThat(compared).isPositive();
    assertThat(failures).as("queries whose meaning changed through the IR").isEmpty();
  }

  private static Connection open(Path file) {
    try {
      SQLiteConfig config = new SQLiteConfig();
      config.setReadOnly(true);
      return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open " + file, e);
    }
  }

  private static List<String> rows(Connection c, String sql, List<Object> parameters) throws SQLException {
    try (java.sql.PreparedStatement st = c.prepareStatement(sql)) {
      st.setQueryTimeout(20);
      st.setMaxRows(100_000);
      for (int i = 0; i < parameters.size(); i++) {
        st.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rs = st.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        List<String> out = new ArrayList<>();
        while (rs.next()) {
          StringBuilder sb = new StringBuilder();
          for (int i = 1; i <= n; i++) {
            sb.append(rs.getString(i)).append('\u0001');
          }
          out.add(sb.toString());
        }
        return out;
      }
    }
  }

  private static boolean sameRows(List<String> a, List<String> b, boolean ordered) {
    if (ordered) {
      return a.equals(b);
    }
    List<String> x = new ArrayList<>(a);
    List<String> y = new ArrayList<>(b);
    Collections.sort(x);
    Collections.sort(y);
    return x.equals(y);
  }
}
