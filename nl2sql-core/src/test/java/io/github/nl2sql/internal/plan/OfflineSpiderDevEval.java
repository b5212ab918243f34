package io.github.nl2sql.internal.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.internal.link.LexicalLinker;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.link.Linking;
import io.github.nl2sql.plan.DatabaseIdentity;
import io.github.nl2sql.plan.Plan;
import io.github.nl2sql.plan.PlanRequest;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Development measurement of the offline planner on Spider (runs only with -Dnl2sql.eval.questions=FILE). */
class OfflineSpiderDevEval {
  @Test
  void measure() throws Exception {
    String qf = System.getProperty("nl2sql.eval.questions");
    Assumptions.assumeTrue(qf != null, "set -Dnl2sql.eval.questions");
    Path data = Path.of(System.getProperty("nl2sql.eval.data", "/work/shared/data/spider-train"));
    JsonNode items = new ObjectMapper().readTree(new File(qf));
    OfflinePlanner planner = new OfflinePlanner();
    LexicalLinker linker = new LexicalLinker();
    Map<String, Catalog> catalogs = new HashMap<>();
    Map<String, Connection> conns = new HashMap<>();
    List<double[]> scored = new ArrayList<>(); // confidence, correct
    try (PrintWriter out = new PrintWriter(System.getProperty("nl2sql.eval.out", "/tmp/offline-eval.txt"))) {
      for (JsonNode it : items) {
        String db = it.get("db_id").asText();
        String question = it.get("question").asText();
        String gold = it.get("query").asText();
        String only = System.getProperty("nl2sql.eval.only");
        if (only != null && !question.contains(only)) {
          continue;
        }
        if (!data.resolve("database").resolve(db).resolve(db + ".sqlite").toFile().isFile()) {
          continue;
        }
        Connection c = conns.computeIfAbsent(db, k -> {
          try {
            return DevSql.open(data.resolve("database").resolve(k).resolve(k + ".sqlite").toString());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        Catalog cat = catalogs.computeIfAbsent(db, k -> {
          try {
            return DevSql.sqliteCatalog(c, k);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        Linking linking = linker.link(question, cat, LinkOptions.defaults());
        if (only != null) {
          System.out.println("values: " + linking.values());
          System.out.println("tables: " + cat.tables().stream().map(t -> t.name()).toList());
        }
        Plan p = planner.plan(new PlanRequest(question, cat, linking, new DatabaseIdentity("SQLite", null, db, Dialect.SQLITE),
            null, null, null, null));
        if (p instanceof Plan.Draft d) {
          String sql = DevSql.print((Query.Select) d.statement());
          boolean ok;
          String err = "";
          try {
            ok = same(rows(c, gold), rows(c, sql), gold.toLowerCase().contains("order by"));
          } catch (Exception e) {
            ok = false;
            err = e.getMessage();
          }
          scored.add(new double[] {d.confidence(), ok ? 1 : 0});
          out.printf("%s %.2f %s | %s%n   gold: %s%n   ours: %s %s%n   why: %s%n", ok ? "OK " : "BAD", d.confidence(), db,
              question, gold, sql, err, d.explanation());
        } else {
          out.printf("--- %s | %s -> %s%n", db, question, p);
        }
      }
    }
    int n = items.size();
    for (double th : new double[] {0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
      long ans = scored.stream().filter(s -> s[0] >= th).count();
      long ok = scored.stream().filter(s -> s[0] >= th && s[1] == 1).count();
      System.out.printf("threshold %.1f: answered %d/%d (%.1f%%), correct %d (precision %.1f%%)%n", th, ans, n,
          100.0 * ans / n, ok, ans == 0 ? 0 : 100.0 * ok / ans);
    }
  }

  static List<String> rows(Connection c, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int k = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= k; i++) {
          Object o = rs.getObject(i);
          if (o instanceof Number num) {
            double d = num.doubleValue();
            o = d == Math.rint(d) ? String.valueOf((long) d) : String.format("%.6f", d);
          }
          sb.append(o).append('\u0001');
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  static boolean same(List<String> a, List<String> b, boolean ordered) {
    if (ordered) {
      return a.equals(b);
    }
    List<String> x = new ArrayList<>(a);
    List<String> y = new ArrayList<>(b);
    x.sort(null);
    y.sort(null);
    return x.equals(y);
  }
}
