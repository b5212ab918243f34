package io.github.nl2sql.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ask} on a small Spider-format folder: offline, and a model replayed over HTTP. */
class AskCommandTest {
  @TempDir
  Path tmp;

  private Path data;
  private Path questions;

  @BeforeEach
  void shop() throws Exception {
    data = tmp.resolve("data");
    Path db = data.resolve("database/shop/shop.sqlite");
    Files.createDirectories(db.getParent());
    Files.writeString(data.resolve("tables.json"), "[]");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE product (id INTEGER PRIMARY KEY, name TEXT, brand TEXT, price REAL)");
      s.execute("INSERT INTO product VALUES (1, 'Oxford Shirt', 'Theory', 89), (2, 'Linen Shirt', 'Theory', 95), "
          + "(3, 'Poplin Shirt', 'Everlane', 48)");
    }
    questions = tmp.resolve("q.json");
    Files.writeString(questions, "["
        + "{\"db_id\": \"shop\", \"question\": \"How many products are there?\", \"query\": \"SELECT count(*) FROM product\"},"
        + "{\"db_id\": \"shop\", \"question\": \"What are the names of products with price above 50?\","
        + " \"query\": \"SELECT name FROM product WHERE price > 50\"},"
        + "{\"db_id\": \"shop\", \"question\": \"Which brands sell shirts made of linen and cotton blends?\","
        + " \"query\": \"SELECT brand FROM product WHERE name LIKE '%Linen%'\"},"
        + "{\"db_id\": \"gone\", \"question\": \"How many?\", \"query\": \"SELECT 1\"}]");
  }

  static JsonNode summary(String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = BenchMain.run(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    String[] lines = out.toString().strip().split("\n");
    return io.github.nl2sql.internal.json.Json.mapper().readTree(lines[lines.length - 1]);
  }

  @Test
  void offline_answersWhatItCan_andReportsTheThresholdTable() throws Exception {
    JsonNode s = summary("ask", "--data", data.toString(), "--questions", questions.toString(), "--progress", "off");
    assertThat(s.get("command").asText()).isEqualTo("ask");
    assertThat(s.get("items").asInt()).isEqualTo(4);
    assertThat(s.get("missing_database").asInt()).isEqualTo(1);
    assertThat(s.get("answered").asInt()).isEqualTo(2);
    assertThat(s.get("answered_correct").asInt()).isEqualTo(2);
    assertThat(s.get("abstained").asInt()).isEqualTo(1);
    assertThat(s.get("model_calls").asInt()).isZero();
    assertThat(s.get("executed_invalid").asInt()).isZero();
    assertThat(s.get("execution_accuracy").asDouble()).isEqualTo(0.6667);
    for (String k : List.of("clarified", "blocked", "blocked_before_execution", "repaired", "by_threshold",
        "by_difficulty")) {
      assertThat(s.has(k)).as(k).isTrue();
    }
    assertThat(s.get("by_threshold").get("0.0").get("answered").asInt()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void replay_misspelledGoldIsBlocked_andRecoversWhenTheGoldFollows() throws Exception {
    Path blocked = tmp.resolve("blocked.jsonl");
    Files.writeString(blocked,
        "{\"db_id\": \"shop\", \"question\": \"How many products are there?\", \"response\": \"SELECT count(*) FROM productt\"}\n"
        + "{\"db_id\": \"shop\", \"question\": \"What are the names of products with price above 50?\","
        + " \"response\": \"SELECT namee FROM product WHERE price > 50\"}\n");
    JsonNode s = summary("ask", "--data", data.toString(), "--questions", questions.toString(), "--progress", "off",
        "--planner", "llm", "--model", "replay:" + blocked, "--rounds", "1");
    assertThat(s.get("blocked").asInt()).isEqualTo(2);
    assertThat(s.get("answered").asInt()).isZero();
    assertThat(s.get("blocked_before_execution").asInt()).isEqualTo(4);
    assertThat(s.get("model_calls").asInt()).isEqualTo(5); // 2 x 2 rounds + the unrecorded question once
    assertThat(s.get("abstained").asInt()).isEqualTo(1);

    Path recover = tmp.resolve("recover.jsonl");
    Files.writeString(recover,
        "{\"db_id\": \"shop\", \"question\": \"How many products are there?\","
        + " \"response\": [\"SELECT count(*) FROM productt\", \"SELECT count(*) FROM product\"]}\n"
        + "{\"db_id\": \"shop\", \"question\": \"What are the names of products with price above 50?\","
        + " \"response\": [\"SELECT namee FROM product WHERE price > 50\", \"SELECT name FROM product WHERE price > 50\"]}\n");
    JsonNode r = summary("ask", "--data", data.toString(), "--questions", questions.toString(), "--progress", "off",
        "--planner", "llm", "--model", "replay:" + recover);
    assertThat(r.get("answered").asInt()).isEqualTo(2);
    assertThat(r.get("answered_correct").asInt()).isEqualTo(2);
    assertThat(r.get("regenerated").asInt()).isEqualTo(2);
    assertThat(r.get("blocked_before_execution").asInt()).isEqualTo(2);
  }

  @Test
  void badPlannerOrModel_exits2() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = BenchMain.run(new String[] {"ask", "--data", data.toString(), "--questions", questions.toString(),
        "--planner", "llm"}, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--model");
  }

  @Test
  void synonymsLinker_answersAQuestionInOtherWords_andABadLinkerExits2() throws Exception {
    Path fleet = data.resolve("database/fleet/fleet.sqlite");
    Files.createDirectories(fleet.getParent());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fleet); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE vehicles (vehicle_id INTEGER PRIMARY KEY, make TEXT)");
      s.execute("CREATE TABLE drivers (driver_id INTEGER PRIMARY KEY, name TEXT)");
      s.execute("INSERT INTO vehicles VALUES (1, 'Volvo'), (2, 'Fiat')");
    }
    Path goods = tmp.resolve("cars.json");
    Files.writeString(goods, "[{\"db_id\": \"fleet\", \"question\": \"How many cars are there?\","
        + " \"query\": \"SELECT count(*) FROM vehicles\"}]");
    JsonNode lexical = summary("ask", "--data", data.toString(), "--questions", goods.toString(), "--progress",
        "off", "--linker", "lexical");
    assertThat(lexical.get("linker").asText()).isEqualTo("lexical");
    assertThat(lexical.get("answered").asInt()).isZero();
    JsonNode synonyms = summary("ask", "--data", data.toString(), "--questions", goods.toString(), "--progress",
        "off", "--linker", "synonyms");
    assertThat(synonyms.get("linker").asText()).isEqualTo("synonyms");
    assertThat(synonyms.get("answered_correct").asInt()).isEqualTo(1);
    // the default is what Nl2Sql.ask uses: the best linker on the class path, nl2sql-gnn's synonyms here
    JsonNode auto = summary("ask", "--data", data.toString(), "--questions", goods.toString(), "--progress", "off");
    assertThat(auto.get("linker").asText()).isEqualTo("synonyms");
    assertThat(auto.get("answered_correct").asInt()).isEqualTo(1);

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = BenchMain.run(new String[] {"ask", "--data", data.toString(), "--questions", goods.toString(),
        "--linker", "fancy"}, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--linker: No schema linker named 'fancy'")
        .contains("[synonyms, fused, embedding, lexical]");
  }
}
