package io.github.nl2sql.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.internal.link.LexicalLinker;
import io.github.nl2sql.link.LinkOptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GnnModelTest {
  @Test
  void bundledModelScoresTheNodesAQuestionIsAbout() {
    Catalog catalog = Schemas.concerts("fp-gnn");
    SchemaGraph graph = SchemaGraph.of(catalog, true);
    SchemaEmbeddings emb = SchemaEmbeddings.compute(graph, TextEmbedder.miniLm());
    String question = "What is the average capacity of the stadiums?";
    float[] q = TextEmbedder.miniLm().embed(question);
    float[][] qf = QuestionFeatures.compute(graph, EmbeddingLinker.cosines(q, emb),
        new LexicalLinker().link(question, catalog, LinkOptions.defaults()));
    try (GnnModel model = GnnModel.bundled()) {
      float[] p = model.score(graph, emb, q, qf);
      assertThat(p).hasSize(graph.size());
      int stadium = graph.indexOf(SchemaGraph.tableId("stadium"));
      int capacity = graph.columnIndex("stadium", "Capacity");
      int singer = graph.indexOf(SchemaGraph.tableId("singer"));
      assertThat(p[stadium]).isGreaterThan(0.5f).isGreaterThan(p[singer]);
      assertThat(p[capacity]).isGreaterThan(p[graph.columnIndex("singer", "Age")]);
      assertThat(model.card().path("feature_version").asText()).isEqualTo(SchemaGraph.FEATURE_VERSION);
    }
  }

  @Test
  void modelOfAnotherFeatureVersionIsRefused() {
    assertThatThrownBy(() -> GnnModel.load(empty(), json("{\"feature_version\":\"nl2sql-gnn-features/0\"}")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("GNN model was trained on feature version nl2sql-gnn-features/0 but this library extracts "
            + "nl2sql-gnn-features/1; retrain it with nl2sql-gnn/train/pipeline.sh");
  }

  @Test
  void modelWithOtherFeatureCountsIsRefused() {
    String card = "{\"feature_version\":\"" + SchemaGraph.FEATURE_VERSION + "\",\"static_features\":20,"
        + "\"question_features\":7,\"relations\":7,\"embedding_dim\":384}";
    assertThatThrownBy(() -> GnnModel.load(empty(), json(card)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("static_features = 20 but this library has 24");
  }

  @Test
  void corruptOnnxIsAClearError() {
    String card = "{\"feature_version\":\"" + SchemaGraph.FEATURE_VERSION + "\",\"static_features\":24,"
        + "\"question_features\":7,\"relations\":7,\"embedding_dim\":384}";
    assertThatThrownBy(() -> GnnModel.load(json("not an onnx graph"), json(card)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("could not load the GNN model");
  }

  private static InputStream empty() {
    return new ByteArrayInputStream(new byte[0]);
  }

  private static InputStream json(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
