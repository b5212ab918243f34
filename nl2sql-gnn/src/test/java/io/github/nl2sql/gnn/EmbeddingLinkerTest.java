package io.github.nl2sql.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.link.Linking;
import io.github.nl2sql.link.Signal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class EmbeddingLinkerTest {
  private static final EmbeddingLinker LINKER = new EmbeddingLinker();

  @Test
  void ranksTheTableAndColumnTheQuestionIsAbout() {
    Linking l = LINKER.link("What is the average capacity of the stadiums?", Schemas.concerts("fp-1"),
        LinkOptions.defaults());
    assertThat(l.tables().get(0).table()).isEqualTo("stadium");
    assertThat(l.columns().subList(0, 3)).anySatisfy(c -> assertThat(c.qualifiedName()).isEqualTo("stadium.Capacity"));
    assertThat(l.tables().get(0).evidence()).singleElement()
        .satisfies(e -> assertThat(e.signal()).isEqualTo(Signal.EMBEDDING));
    assertThat(l.selection().tables()).contains("stadium");
  }

  @Test
  void selectionIsClosedUnderForeignKeyPaths() {
    Linking l = LINKER.link("Show the names of singers and the names of the concerts they performed in",
        Schemas.concerts("fp-1"), LinkOptions.defaults());
    assertThat(l.selection().tables()).contains("singer", "concert", "singer_in_concert");
  }

  @Test
  void withoutTheEmbeddingSignalEveryScoreIsZero() {
    Linking l = LINKER.link("How many singers are there?", Schemas.concerts("fp-1"),
        LinkOptions.defaults().withSignals(EnumSet.of(Signal.LEXICAL)));
    assertThat(l.tables()).allSatisfy(t -> assertThat(t.score()).isZero());
  }

  @Test
  void blankQuestionIsRejected() {
    assertThatThrownBy(() -> LINKER.link(" ", Schemas.concerts("fp-1"), LinkOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
  }

  @Test
  void precomputedEmbeddingsRoundTripAndAreUsed() {
    Catalog catalog = Schemas.concerts("fp-pre");
    SchemaGraph graph = SchemaGraph.of(catalog, true);
    SchemaEmbeddings computed = SchemaEmbeddings.compute(graph, TextEmbedder.miniLm());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    computed.write(out, graph);
    EmbeddingLinker linker = new EmbeddingLinker();
    linker.usePrecomputed(catalog, new ByteArrayInputStream(out.toByteArray()));
    Linking l = linker.link("average stadium capacity", catalog, LinkOptions.defaults());
    assertThat(l.tables().get(0).table()).isEqualTo("stadium");
    SchemaEmbeddings back = SchemaEmbeddings.read(new ByteArrayInputStream(out.toByteArray()), graph);
    assertThat(back.vector(3)).containsExactly(computed.vector(3), org.assertj.core.data.Offset.offset(1e-6f));
  }

  @Test
  void precomputedEmbeddingsForAnotherSchemaAreRejected() {
    SchemaGraph graph = SchemaGraph.of(Schemas.concerts("fp-live"), true);
    String json = "{\"schema_fingerprint\":\"fp-other\",\"dim\":384,\"nodes\":[]}";
    assertThatThrownBy(() -> SchemaEmbeddings.read(stream(json), graph))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("precomputed embeddings are for schema fingerprint fp-other but the live catalog has fingerprint fp-live");
  }

  @Test
  void precomputedEmbeddingsWithAnotherDimensionAreRejected() {
    SchemaGraph graph = SchemaGraph.of(Schemas.concerts("fp-live"), true);
    String json = "{\"schema_fingerprint\":\"fp-live\",\"dim\":768,\"nodes\":[]}";
    assertThatThrownBy(() -> SchemaEmbeddings.read(stream(json), graph))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dim 768");
  }

  @Test
  void precomputedEmbeddingsWithWrongNodeIdsAreRejected() {
    Catalog catalog = Schemas.concerts("fp-ids");
    SchemaGraph graph = SchemaGraph.of(catalog, true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SchemaEmbeddings.compute(graph, TextEmbedder.miniLm()).write(out, graph);
    String json = out.toString(StandardCharsets.UTF_8).replace("\"table:singer\"", "\"table:artist\"");
    EmbeddingLinker linker = new EmbeddingLinker();
    assertThatThrownBy(() -> linker.usePrecomputed(catalog, stream(json)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("precomputed embeddings do not match the catalog's nodes: 1 unknown (table:artist); 1 missing (table:singer)");
  }

  @Test
  void precomputedVectorOfWrongLengthIsRejected() {
    SchemaGraph graph = SchemaGraph.of(Schemas.concerts("fp-len"), true);
    String json = "{\"schema_fingerprint\":\"fp-len\",\"dim\":384,\"nodes\":[{\"id\":\"table:singer\",\"vec\":[1,2]}]}";
    assertThatThrownBy(() -> SchemaEmbeddings.read(stream(json), graph))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table:singer must have a \"vec\" of 384 numbers, got 2");
  }

  private static ByteArrayInputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
