package io.github.nl2sql.internal.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The plural rules every linker and the offline planner compare words with. */
class WordsTest {
  @Test
  void regularPlurals_becomeSingular() {
    assertThat(Words.singular("cities")).isEqualTo("city");
    assertThat(Words.singular("boxes")).isEqualTo("box");
    assertThat(Words.singular("churches")).isEqualTo("church");
    assertThat(Words.singular("addresses")).isEqualTo("address");
    assertThat(Words.singular("cars")).isEqualTo("car");
    assertThat(Words.singular("status")).isEqualTo("status");
    assertThat(Words.singular("analysis")).isEqualTo("analysis");
  }

  @Test
  void nounsInUs_loseTheirPluralEs_otherWordsInUses_onlyTheS() {
    assertThat(Words.singular("statuses")).isEqualTo("status");
    assertThat(Words.singular("campuses")).isEqualTo("campus");
    assertThat(Words.singular("buses")).isEqualTo("bus");
    assertThat(Words.singular("houses")).isEqualTo("house");
    assertThat(Words.singular("warehouses")).isEqualTo("warehouse");
    assertThat(Words.singular("causes")).isEqualTo("cause");
  }
}
