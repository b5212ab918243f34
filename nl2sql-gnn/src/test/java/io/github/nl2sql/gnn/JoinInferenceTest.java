package io.github.nl2sql.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.link.JoinEdge;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinInferenceTest {
  @Test
  void infersTheForeignKeysOfASchemaWithoutReadingThem() {
    Catalog catalog = Schemas.concerts("fp-join");
    SchemaGraph graph = SchemaGraph.of(catalog, false);
    SchemaEmbeddings emb = SchemaEmbeddings.compute(graph, TextEmbedder.miniLm());
    try (JoinInference joins = JoinInference.bundled()) {
      List<JoinEdge> edges = joins.infer(catalog, graph, emb);
      assertThat(edges).allSatisfy(e -> assertThat(e.inferred()).isTrue());
      assertThat(edges).extracting(e -> e.fromTable() + "." + e.fromColumns().get(0) + "->" + e.toTable() + "." + e.toColumns().get(0))
          .contains("concert.Stadium_ID->stadium.Stadium_ID", "singer_in_concert.Singer_ID->singer.Singer_ID",
              "singer_in_concert.concert_ID->concert.concert_ID")
          .doesNotContain("singer.Age->stadium.Stadium_ID");
    }
  }

  @Test
  void candidatesPairColumnsWithKeyColumnsOfOtherTablesOnly() {
    List<JoinInference.Candidate> c = JoinInference.candidates(Schemas.concerts("fp-join"), null, null);
    assertThat(c).allSatisfy(k -> {
      assertThat(k.fromTable()).isNotEqualTo(k.toTable());
      assertThat(k.features()).hasSize(JoinInference.FEATURES);
    });
    assertThat(c).extracting(JoinInference.Candidate::toColumn).containsOnly("Stadium_ID", "Singer_ID", "concert_ID");
  }

  @Test
  void modelOfAnotherFeatureVersionIsRefused() {
    String card = "{\"feature_version\":\"nl2sql-join-features/0\",\"features\":14}";
    assertThatThrownBy(() -> JoinInference.load(new ByteArrayInputStream(new byte[0]),
        new ByteArrayInputStream(card.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("join model was trained on feature version nl2sql-join-features/0 but this library extracts "
            + "nl2sql-join-features/1; retrain it with nl2sql-gnn/train/pipeline.sh");
  }
}
