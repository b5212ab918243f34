package io.github.nl2sql.internal.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plural rules every linker and the offline planner compare words with. */
class WordsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "cities, city", "boxes, box", "churches, church", "addresses, address", "cars, car", "status, status",
      "analysis, analysis",
      // nouns in -us lose the -es of their plural; other words in -uses only the s
      "statuses, status", "campuses, campus", "buses, bus", "houses, house", "warehouses, warehouse",
      "causes, cause"})
  void pluralsBecomeSingular(String plural, String singular) {
    assertThat(Words.singular(plural)).isEqualTo(singular);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"city, cities", "day, days", "box, boxes", "church, churches", "address, addresses", "status, statuses",
      "car, cars", "wish, wishes"})
  void singularsBecomePlural(String singular, String plural) {
    assertThat(Words.plural(singular)).isEqualTo(plural);
    assertThat(Words.singular(Words.plural(singular))).isEqualTo(singular);
  }
}
