package io.github.nl2sql.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.link.Evidence;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.link.Linking;
import io.github.nl2sql.link.Signal;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class FusedLinkerTest {
  private static final FusedLinker LINKER = new FusedLinker();
  private final Catalog catalog = Schemas.concerts("fp-fused");

  @Test
  void usesTheBundledGnn() {
    assertThat(LINKER.hasGnn()).isTrue();
  }

  @Test
  void everySignalContributesEvidence() {
    Linking l = LINKER.link("How many singers are from France?", catalog, LinkOptions.defaults());
    assertThat(l.tables().get(0).table()).isEqualTo("singer");
    assertThat(l.columns().subList(0, 3)).anySatisfy(c -> assertThat(c.qualifiedName()).isEqualTo("singer.Country"));
    assertThat(l.columns().stream().filter(c -> c.qualifiedName().equals("singer.Country")).findFirst().orElseThrow()
        .evidence()).extracting(Evidence::signal).contains(Signal.VALUE, Signal.EMBEDDING, Signal.GNN);
    assertThat(l.values()).anySatisfy(v -> assertThat(v.value()).isEqualTo("France"));
    assertThat(l.selection().tables()).containsExactly("singer");
  }

  @Test
  void switchedOffSignalsLeaveNoEvidence() {
    Linking l = LINKER.link("How many singers are from France?", catalog,
        LinkOptions.defaults().withSignals(EnumSet.of(Signal.EMBEDDING)));
    assertThat(l.tables()).allSatisfy(t -> assertThat(t.evidence()).extracting(Evidence::signal).containsOnly(Signal.EMBEDDING));
    assertThat(l.values()).isEmpty();
    Linking gnnOnly = LINKER.link("How many singers are from France?", catalog,
        LinkOptions.defaults().withSignals(EnumSet.of(Signal.GNN)));
    assertThat(gnnOnly.tables().get(0).table()).isEqualTo("singer");
    assertThat(gnnOnly.tables().get(0).evidence()).extracting(Evidence::signal).containsOnly(Signal.GNN);
  }

  @Test
  void worksWithoutAModel() {
    FusedLinker noGnn = new FusedLinker(FusedLinker.Weights.defaults(), null);
    Linking l = noGnn.link("Show the names of singers and the names of the concerts they performed in", catalog,
        LinkOptions.defaults());
    assertThat(l.selection().tables()).contains("singer", "concert", "singer_in_concert");
    assertThat(l.tables().get(0).evidence()).extracting(Evidence::signal).doesNotContain(Signal.GNN);
  }

  @Test
  void aSchemaWithoutForeignKeysIsJoinedThroughInferredJoins() {
    Catalog noFks = Schemas.withoutForeignKeys(Schemas.concerts("fp-no-fk"));
    Linking l = LINKER.link("Show the names of singers and the names of the concerts they performed in", noFks,
        LinkOptions.defaults());
    assertThat(l.selection().tables()).contains("singer", "concert", "singer_in_concert");
    assertThat(l.selection().joins()).isNotEmpty().allSatisfy(j -> assertThat(j.inferred()).isTrue());
    // with declared keys the declared joins are used
    Linking declared = LINKER.link("Show the names of singers and the names of the concerts they performed in",
        catalog, LinkOptions.defaults());
    assertThat(declared.selection().joins()).isNotEmpty().allSatisfy(j -> assertThat(j.inferred()).isFalse());
  }

  @Test
  void weightsAreCheckedEagerly() {
    assertThatThrownBy(() -> new FusedLinker.Weights(0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not all 0");
    assertThatThrownBy(() -> new FusedLinker.Weights(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
