package io.github.nl2sql.gnn;

import static io.github.nl2sql.gnn.Schemas.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.link.Evidence;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.link.LinkedColumn;
import io.github.nl2sql.link.LinkedTable;
import io.github.nl2sql.link.Linking;
import io.github.nl2sql.link.Signal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoherenceTest {
  /** Two unrelated schemas in one catalog, each with a table named singer, as in a merged catalog. */
  private static Catalog twoSchemas() {
    List<Table> tables = new ArrayList<>();
    for (Table t : Schemas.concerts("unused").tables()) {
      List<ForeignKey> fks = t.foreignKeys().stream()
          .map(fk -> new ForeignKey(fk.name(), fk.columns(), null, "music." + fk.referencedTable(),
              fk.referencedColumns()))
          .toList();
      tables.add(new Table(null, "music." + t.name(), t.kind(), t.comment(), t.columns(), t.primaryKey(),
          t.uniqueKeys(), fks, t.indexes(), t.rowCount()));
    }
    tables.add(0, new Table(null, "tv.singer", Table.Kind.TABLE, null,
        List.of(col("Singer_ID", SqlType.INTEGER), col("Name", SqlType.TEXT), col("Age", SqlType.INTEGER)),
        List.of("Singer_ID"), List.of(), List.of(), List.of(), 5L));
    tables.add(1, new Table(null, "tv.episode", Table.Kind.TABLE, null,
        List.of(col("Episode_ID", SqlType.INTEGER), col("Title", SqlType.TEXT), col("Rating", SqlType.INTEGER),
            col("Singer_ID", SqlType.INTEGER)),
        List.of("Episode_ID"), List.of(),
        List.of(new ForeignKey(null, List.of("Singer_ID"), null, "tv.singer", List.of("Singer_ID"))), List.of(), 9L));
    return new Catalog("SQLite", "3", null, null, Dialect.SQLITE, tables, "fp-two-schemas", null,
        Catalog.StatisticsStatus.COMPLETE, List.of());
  }

  private static List<LinkedTable> tables(Object... nameScore) {
    List<LinkedTable> out = new ArrayList<>();
    for (int i = 0; i < nameScore.length; i += 2) {
      out.add(new LinkedTable((String) nameScore[i], (Double) nameScore[i + 1], List.of()));
    }
    return out;
  }

  @Test
  void sameNamedTablesAreSeparatedByWhatElseTheQuestionMatches() {
    // equal own scores for both singer tables; only music's component also matches a concert and a stadium
    List<LinkedTable> ts = tables("tv.singer", 0.8, "tv.episode", 0.1, "music.stadium", 0.5, "music.singer", 0.8,
        "music.concert", 0.6, "music.singer_in_concert", 0.3);
    Coherence.Ranked r = Coherence.defaults().apply(twoSchemas(), ts, List.of(), List.of(), true);
    List<String> order = r.tables().stream().map(LinkedTable::table).toList();
    assertThat(order.indexOf("music.singer")).isLessThan(order.indexOf("tv.singer"));
    assertThat(r.tables().get(0).evidence()).extracting(Evidence::signal).contains(Signal.STRUCTURE);
    assertThat(r.tables()).allSatisfy(t -> assertThat(t.score()).isBetween(0.0, 1.0));

    Coherence.Ranked off = Coherence.off().apply(twoSchemas(), ts, List.of(), List.of(), true);
    assertThat(off.tables().get(0).table()).isEqualTo("tv.singer");
  }

  @Test
  void aStoredValueMatchPicksTheComponent() {
    List<LinkedTable> ts = tables("tv.singer", 0.8, "tv.episode", 0.5, "music.singer", 0.8, "music.concert", 0.5);
    List<LinkedColumn> cs = List.of(
        new LinkedColumn("tv.singer", "Name", 0.5, List.of()),
        new LinkedColumn("music.singer", "Country", 0.5,
            List.of(new Evidence(Signal.VALUE, "France", "France", 0.95))));
    Coherence.Ranked r = Coherence.defaults().apply(twoSchemas(), ts, cs, List.of(), true);
    assertThat(r.tables().get(0).table()).isEqualTo("music.singer");
    assertThat(r.columns().get(0).qualifiedName()).isEqualTo("music.singer.Country");
  }

  @Test
  void oneConnectedSchemaKeepsItsOrderWithoutTheNeighbourTerm() {
    Catalog one = Schemas.concerts("fp-one");
    List<LinkedTable> ts = tables("singer", 0.9, "stadium", 0.2, "concert", 0.7, "singer_in_concert", 0.1);
    List<LinkedColumn> cs = List.of(new LinkedColumn("singer", "Name", 0.6, List.of()),
        new LinkedColumn("concert", "Year", 0.4, List.of()));
    Coherence.Ranked r = new Coherence(0, 1.0, 2.0).apply(one, ts, cs, List.of(), true);
    assertThat(r.tables()).extracting(LinkedTable::table)
        .containsExactly("singer", "concert", "stadium", "singer_in_concert");
    assertThat(r.tables()).extracting(LinkedTable::score).containsExactly(0.9, 0.7, 0.2, 0.1);
    assertThat(r.columns()).extracting(LinkedColumn::score).containsExactly(0.6, 0.4);
  }

  @Test
  void aBridgeTableBetweenTwoStrongTablesGains() {
    Catalog one = Schemas.concerts("fp-bridge");
    List<LinkedTable> ts = tables("singer", 0.9, "concert", 0.8, "stadium", 0.35, "singer_in_concert", 0.3);
    Coherence.Ranked r = Coherence.defaults().apply(one, ts, List.of(), List.of(), true);
    assertThat(r.tables()).extracting(LinkedTable::table).containsSubsequence("singer_in_concert", "stadium");
  }

  @Test
  void weightsAreCheckedEagerly() {
    assertThatThrownBy(() -> new Coherence(-0.1, 0.5, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("coherence weights");
    assertThatThrownBy(() -> new Coherence(0.2, 1.5, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("component must be in 0..1");
    assertThatThrownBy(() -> new Coherence(0.2, 0.5, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FusedLinker(FusedLinker.Weights.defaults(), null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coherence");
  }

  @Test
  void fusedLinkerPrefersTheSchemaTheWholeQuestionFits() {
    Linking l = new FusedLinker().link("Which singers performed in concerts at a stadium with capacity above 5000?",
        twoSchemas(), LinkOptions.defaults());
    List<String> order = l.tables().stream().map(LinkedTable::table).toList();
    assertThat(order.indexOf("music.singer")).isLessThan(order.indexOf("tv.singer"));
    assertThat(order.subList(0, 3)).allMatch(t -> t.startsWith("music."));
  }
}
