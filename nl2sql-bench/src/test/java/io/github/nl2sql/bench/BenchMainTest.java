package io.github.nl2sql.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.nl2sql.internal.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchMainTest {
  @TempDir
  Path tmp;

  /** Exit code, stdout and stderr of one CLI run. */
  record Run(int code, String out, String err) {
    JsonNode summary() throws Exception {
      String[] lines = out.strip().split("\n");
      return Json.mapper().readTree(lines[lines.length - 1]);
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = BenchMain.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private Path spiderLike(String json) throws Exception {
    return spiderLike(tmp, json);
  }

  /** A Spider-format folder {@code dir/data} without databases, and a questions file {@code dir/q.json}. */
  static Path spiderLike(Path tmp, String json) throws Exception {
    Files.createDirectories(tmp.resolve("data/database"));
    Files.writeString(tmp.resolve("data/tables.json"), "[]");
    Path q = tmp.resolve("q.json");
    Files.writeString(q, json);
    return q;
  }

  @Test
  void withoutSubcommand_exits2() {
    Run r = run();
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Missing subcommand");
  }

  @Test
  void missingRequiredOption_exits2WithTheOptionNamed() {
    Run r = run("roundtrip", "--questions", "x.json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--data");
  }

  @Test
  void absentDataFolder_exits2() throws Exception {
    Path q = spiderLike("[]");
    Run r = run("guard", "--data", tmp.resolve("nowhere").toString(), "--questions", q.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--data").contains("is not a directory");
  }

  @Test
  void absentQuestionsFile_exits2() throws Exception {
    spiderLike("[]");
    Run r = run("roundtrip", "--data", tmp.resolve("data").toString(), "--questions",
        tmp.resolve("none.json").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--questions").contains("not a readable file");
  }

  @Test
  void malformedQuestionsFile_exits2() throws Exception {
    Path q = spiderLike("{\"not\": \"a list\"}");
    Run r = run("roundtrip", "--data", tmp.resolve("data").toString(), "--questions", q.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("must hold a JSON array");
  }

  @Test
  void unknownQuestionField_exits2AndListsTheFields() throws Exception {
    Path q = spiderLike("[{\"question\": \"q\", \"query\": \"SELECT 1\", \"db_id\": \"x\"}]");
    Run r = run("roundtrip", "--data", tmp.resolve("data").toString(), "--questions", q.toString(),
        "--question-field", "SpiderSynQuestion");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("SpiderSynQuestion").contains("db_id");
  }

  @Test
  void predictionsWithTooFewLines_exits2() throws Exception {
    Path q = spiderLike("[{\"question\": \"q\", \"query\": \"SELECT 1\", \"db_id\": \"x\"},"
        + "{\"question\": \"q\", \"query\": \"SELECT 1\", \"db_id\": \"x\"}]");
    Path p = tmp.resolve("p.sql");
    Files.writeString(p, "SELECT 1\n");
    Run r = run("guard", "--data", tmp.resolve("data").toString(), "--questions", q.toString(),
        "--predictions", p.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("has 1 lines but 2 questions");
  }

  @Test
  void missingDatabases_areCountedNotErrors_andTheSummaryIsTheLastLine() throws Exception {
    Path q = spiderLike("[{\"question\": \"a\", \"query\": \"SELECT 1\", \"db_id\": \"gone\"},"
        + "{\"question\": \"b\", \"query\": \"SELECT 2\", \"db_id\": \"gone\"},"
        + "{\"question\": \"c\", \"query\": \"SELECT 3\", \"db_id\": \"gone\"}]");
    for (String cmd : List.of("roundtrip", "guard")) {
      Run r = run(cmd, "--data", tmp.resolve("data").toString(), "--questions", q.toString(),
          "--limit", "2", "--progress", "off");
      assertThat(r.code()).as(r.err()).isEqualTo(0);
      JsonNode s = r.summary();
      assertThat(s.get("command").asText()).isEqualTo(cmd);
      assertThat(s.get("items").asInt()).isEqualTo(2);
      assertThat(s.get("missing_database").asInt()).isEqualTo(2);
    }
  }

  /** A short real run of both commands on Spider: contract keys present, exit 0, --out written. */
  @Test
  void realRunsOnSpider_printTheContractKeys() throws Exception {
    Path spider = TestCatalogs.requireSpider();
    String questions = spider.resolve("train_spider.json").toString();
    Path out = tmp.resolve("rt.jsonl");
    Run rt = run("roundtrip", "--data", spider.toString(), "--questions", questions, "--limit", "12",
        "--out", out.toString(), "--progress", "off");
    assertThat(rt.code()).as(rt.err()).isEqualTo(0);
    JsonNode s = rt.summary();
    for (String key : List.of("command", "items", "missing_database", "runnable", "imported",
        "same_result", "failed_by_reason", "same_result_rate")) {
      assertThat(s.has(key)).as(key).isTrue();
    }
    assertThat(s.get("items").asInt()).isEqualTo(12);
    assertThat(s.get("runnable").asInt()).isEqualTo(12);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(12);
    List<String> outcomes = new ArrayList<>();
    for (String line : lines) {
      JsonNode n = Json.mapper().readTree(line);
      assertThat(n.get("db_id").asText()).isEqualTo("department_management");
      outcomes.add(n.get("outcome").asText());
    }
    assertThat(outcomes).contains("same_result");

    Run guard = run("guard", "--data", spider.toString(), "--questions", questions, "--limit", "12",
        "--progress", "off");
    assertThat(guard.code()).as(guard.err()).isEqualTo(0);
    JsonNode g = guard.summary();
    for (String key : List.of("command", "items", "missing_database", "gold_total", "gold_blocked",
        "mutants", "mutants_blocked", "mutants_top1")) {
      assertThat(g.has(key)).as(key).isTrue();
    }
    assertThat(g.get("gold_total").asInt()).isEqualTo(12);
    assertThat(g.get("mutants").asInt()).isGreaterThan(12);

    Path preds = tmp.resolve("preds.sql");
    Files.writeString(preds, "SELECT count(*) FROM head WHERE age > 56\nSELECT nmae FROM head\n"
        + "SELECT name FROM hed\n");
    Run p = run("guard", "--data", spider.toString(), "--questions", questions, "--limit", "3",
        "--predictions", preds.toString(), "--progress", "off");
    assertThat(p.code()).as(p.err()).isEqualTo(0);
    JsonNode ps = p.summary();
    assertThat(ps.get("passed_runs").asInt() + ps.get("passed_fails").asInt()
        + ps.get("blocked_runs").asInt() + ps.get("blocked_fails").asInt()).isEqualTo(3);
    assertThat(ps.get("passed_runs").asInt()).isEqualTo(1);
    assertThat(ps.get("blocked_fails").asInt()).isEqualTo(2);
    assertThat(ps.has("passed_fails_by_error")).isTrue();
  }
}
