package io.github.nl2sql.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaGraphTest {
  private final SchemaGraph graph = SchemaGraph.of(Schemas.concerts("fp-graph"), true);

  @Test
  void nodesHaveTextsAndIds() {
    assertThat(graph.nodes().get(graph.indexOf("table:singer")).text())
        .isEqualTo("singer: singer id, name, country, song name, age, is male");
    assertThat(graph.nodes().get(graph.columnIndex("singer", "Song_Name")).text()).isEqualTo("singer song name (text)");
    assertThat(graph.tableCount()).isEqualTo(4);
    assertThat(graph.size()).isEqualTo(4 + 6 + 6 + 5 + 2);
    assertThat(graph.staticFeatures()[0]).hasSize(SchemaGraph.STATIC_FEATURES);
  }

  @Test
  void foreignKeysBecomeEdgesUnlessHidden() {
    int fk = SchemaGraph.Relation.FOREIGN_KEY.ordinal();
    int a = graph.columnIndex("concert", "Stadium_ID");
    int b = graph.columnIndex("stadium", "Stadium_ID");
    assertThat(hasEdge(graph, a, b, fk)).isTrue();
    assertThat(hasEdge(graph, b, a, fk)).isTrue();
    SchemaGraph hidden = SchemaGraph.of(Schemas.concerts("fp-graph"), false);
    assertThat(hasEdge(hidden, a, b, fk)).isFalse();
    // the same-name key columns stay linked by NAME_MATCH
    assertThat(hasEdge(hidden, a, b, SchemaGraph.Relation.NAME_MATCH.ordinal())).isTrue();
  }

  @Test
  void subgraphKeepsChosenTablesWithTheirColumnsAndInnerEdges() {
    BitSet keep = new BitSet();
    keep.set(graph.indexOf("table:stadium"));
    keep.set(graph.indexOf("table:concert"));
    int[][] orig = new int[1][];
    SchemaGraph sub = graph.subgraph(keep, orig);
    assertThat(sub.tableCount()).isEqualTo(2);
    assertThat(sub.size()).isEqualTo(2 + 6 + 5);
    for (int i = 0; i < sub.size(); i++) {
      assertThat(sub.nodes().get(i).id()).isEqualTo(graph.nodes().get(orig[0][i]).id());
    }
    for (int e = 0; e < sub.edgeSource().length; e++) {
      assertThat(sub.edgeSource()[e]).isBetween(0, sub.size() - 1);
      assertThat(sub.edgeTarget()[e]).isBetween(0, sub.size() - 1);
    }
    assertThat(hasEdge(sub, sub.columnIndex("concert", "Stadium_ID"), sub.columnIndex("stadium", "Stadium_ID"),
        SchemaGraph.Relation.FOREIGN_KEY.ordinal())).isTrue();
  }

  @Test
  void emptyCatalogIsRejected() {
    Catalog empty = new Catalog("SQLite", "3", null, null, Dialect.SQLITE, List.of(), "fp", null, null, List.of());
    assertThatThrownBy(() -> SchemaGraph.of(empty, true)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("catalog has no tables to link to");
    // the linkers link nothing, as the lexical linker does, so that the planner explains what is missing
    for (io.github.nl2sql.link.SchemaLinker linker : List.of(new FusedLinker(), new EmbeddingLinker(),
        new SynonymLinker(new FusedLinker(), 0.65, 0.08))) {
      io.github.nl2sql.link.Linking l = linker.link("how many unicorns are there?", empty,
          io.github.nl2sql.link.LinkOptions.defaults());
      assertThat(l.tables()).as(linker.getClass().getSimpleName()).isEmpty();
      assertThat(l.columns()).isEmpty();
      assertThat(l.selection().tables()).isEmpty();
    }
  }

  private static boolean hasEdge(SchemaGraph g, int a, int b, int rel) {
    for (int e = 0; e < g.edgeSource().length; e++) {
      if (g.edgeSource()[e] == a && g.edgeTarget()[e] == b && g.edgeRelation()[e] == rel) {
        return true;
      }
    }
    return false;
  }
}
