package io.github.nl2sql.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.nl2sql.internal.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkCommandTest {
  @TempDir
  Path tmp;

  /** A Spider-format folder {@code tmp/data} without databases, and a questions file with {@code json}. */
  private Path emptyData(String json) throws Exception {
    return BenchMainTest.spiderLike(tmp, json);
  }

  @Test
  void realRunOnSpiderValidation_printsTheContractKeys() throws Exception {
    Path spider = TestCatalogs.requireSpider();
    Path out = tmp.resolve("link.jsonl");
    BenchMainTest.Run r = BenchMainTest.run("link", "--data", spider.toString(), "--questions",
        spider.resolve("train_spider.json").toString(), "--split", "validation", "--limit", "20",
        "--out", out.toString(), "--progress", "off");
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    JsonNode s = r.summary();
    for (String key : List.of("command", "items", "table_recall", "column_recall", "table_full_recall",
        "column_full_recall", "mean_selected_tables", "mean_selected_columns", "median_ms")) {
      assertThat(s.has(key)).as(key).isTrue();
    }
    assertThat(s.get("command").asText()).isEqualTo("link");
    for (String k : List.of("1", "3", "5", "10", "20", "30")) {
      assertThat(s.get("table_full_recall").get(k).asDouble()).isBetween(0.0, 1.0);
    }
    assertThat(s.get("table_full_recall").get("5").asDouble()).isGreaterThan(0.9);
    assertThat(s.get("gnn").asBoolean()).isTrue();
    assertThat(s.get("join_inference").asBoolean()).as("built as the library's default linker").isTrue();
    assertThat(s.get("coherence").asText()).contains("0.2");
    assertThat(Files.readAllLines(out)).hasSize(s.get("evaluated").asInt());
    JsonNode first = Json.mapper().readTree(Files.readAllLines(out).get(0));
    assertThat(first.get("gold_tables").size()).isPositive();
  }

  @Test
  void synonymsLinker_showsAModelMoreOfWhatSynonymWordedQuestionsNeed_andAnUnknownLinkerExits2() throws Exception {
    Path spider = TestCatalogs.requireSpider();
    Path syn = spider.resolveSibling("spider-syn-train").resolve("train_spider_syn.json");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(syn), "Spider-Syn data absent");
    double[] recall = new double[2];
    String[] linkers = {"lexical", "synonyms"};
    for (int i = 0; i < 2; i++) {
      BenchMainTest.Run r = BenchMainTest.run("link", "--data", spider.toString(), "--questions", syn.toString(),
          "--question-field", "SpiderSynQuestion", "--split", "validation", "--limit", "300", "--linker",
          linkers[i], "--progress", "off");
      assertThat(r.code()).as(r.err()).isEqualTo(0);
      assertThat(r.summary().get("linker").asText()).isEqualTo(linkers[i]);
      assertThat(r.summary().has("gnn")).as("the fusion's settings are not this linker's").isFalse();
      recall[i] = r.summary().get("selection_table_full_recall").asDouble();
    }
    // "cars" for vehicles: the tables such words name rank higher and are put in the selection
    assertThat(recall[1]).isGreaterThan(recall[0] + 0.02);

    Path q = emptyData("[]");
    BenchMainTest.Run bad = BenchMainTest.run("link", "--data", tmp.resolve("data").toString(), "--questions",
        q.toString(), "--linker", "psychic");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--linker: No schema linker named 'psychic'");
  }

  @Test
  void missingDatabasesAreCounted() throws Exception {
    Path q = emptyData("[{\"question\": \"how many?\", \"query\": \"SELECT 1\", \"db_id\": \"gone\"}]");
    BenchMainTest.Run r = BenchMainTest.run("link", "--data", tmp.resolve("data").toString(), "--questions",
        q.toString(), "--progress", "off", "--signals", "LEXICAL");
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.summary().get("missing_database").asInt()).isEqualTo(1);
  }

  @Test
  void unknownSignal_exits2() throws Exception {
    Path q = emptyData("[]");
    BenchMainTest.Run r = BenchMainTest.run("link", "--data", tmp.resolve("data").toString(), "--questions",
        q.toString(), "--signals", "LEXICAL,TELEPATHY");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown signal TELEPATHY");
  }

  @Test
  void coherenceOffAndNoJoinInference_areRecordedInTheSummary() throws Exception {
    Path spider = TestCatalogs.requireSpider();
    BenchMainTest.Run r = BenchMainTest.run("link", "--data", spider.toString(), "--questions",
        spider.resolve("train_spider.json").toString(), "--split", "validation", "--limit", "5",
        "--signals", "LEXICAL", "--coherence", "off", "--no-join-inference", "--progress", "off");
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.summary().get("join_inference").asBoolean()).isFalse();
    assertThat(r.summary().get("coherence").asText()).contains("neighbour=0.0");
  }

  @Test
  void malformedCoherence_exits2WithTheExpectedShape() throws Exception {
    Path q = emptyData("[]");
    BenchMainTest.Run r = BenchMainTest.run("link", "--data", tmp.resolve("data").toString(), "--questions",
        q.toString(), "--coherence", "0.2,1.0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--coherence needs three numbers N,C,V or off");
    BenchMainTest.Run negative = BenchMainTest.run("link", "--data", tmp.resolve("data").toString(),
        "--questions", q.toString(), "--coherence", "0.2,1.5,2");
    assertThat(negative.code()).isEqualTo(2);
    assertThat(negative.err()).contains("component must be in 0..1");
  }
}
