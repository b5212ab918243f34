package io.github.nl2sql.gnn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nl2sql.gnn.eval.LinkEvaluation;
import io.github.nl2sql.gnn.eval.SpiderSet;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.testing.SpiderData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fused linker with the bundled GNN on real Spider validation databases (never trained on): the first
 * 300 validation questions, each against its own database. Thresholds sit a little under the measured
 * values on the whole validation split (see MODEL_CARD.md), so a regression fails.
 */
class SpiderLinkingTest {
  @Test
  void fusedLinkerFindsTheGoldTablesAndColumnsOfValidationQuestions() {
    Path dir = SpiderData.requireDir();
    SpiderSet set = new SpiderSet(dir);
    Set<String> validation = SpiderSet.split().get("validation");
    List<SpiderSet.Item> items = new ArrayList<>();
    for (SpiderSet.Item i : SpiderSet.readQuestions(dir.resolve("train_spider.json"), "question")) {
      if (validation.contains(i.dbId()) && items.size() < 300) {
        items.add(i);
      }
    }
    ObjectNode s = LinkEvaluation.run(set, items, new FusedLinker(), LinkOptions.defaults(), null, null, null);
    assertThat(s.get("not_imported").asInt()).isZero();
    assertThat(s.get("evaluated").asInt()).isGreaterThan(250);
    assertThat(s.get("table_full_recall").get("3").asDouble()).isGreaterThanOrEqualTo(0.97);
    assertThat(s.get("column_full_recall").get("10").asDouble()).isGreaterThanOrEqualTo(0.93);
  }

  @Test
  void splitIsDatabaseDisjointAndTwentyPercent() {
    var split = SpiderSet.split();
    assertThat(split.get("validation")).hasSize(28).doesNotContainAnyElementsOf(split.get("train"));
    assertThat(split.get("train")).hasSize(112);
  }
}
