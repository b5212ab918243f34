package io.github.nl2sql.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultComparatorTest {
  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  @Test
  void unorderedResultsCompareAsMultisets() {
    List<List<Object>> a = List.of(row(1, "x"), row(2, "y"), row(1, "x"));
    List<List<Object>> b = List.of(row(2, "y"), row(1, "x"), row(1, "x"));
    assertThat(ResultComparator.same(a, b, false)).isTrue();
    assertThat(ResultComparator.same(a, b, true)).isFalse();
  }

  @Test
  void multisetsCountDuplicates() {
    List<List<Object>> a = List.of(row(1), row(1), row(2));
    List<List<Object>> b = List.of(row(1), row(2), row(2));
    assertThat(ResultComparator.same(a, b, false)).isFalse();
  }

  @Test
  void orderedResultsCompareAsLists() {
    List<List<Object>> a = List.of(row(1), row(2));
    assertThat(ResultComparator.same(a, List.of(row(1L), row(2L)), true)).isTrue();
    assertThat(ResultComparator.same(a, List.of(row(2L), row(1L)), true)).isFalse();
  }

  @Test
  void integralNumbersOfAnyTypeAreEqual() {
    assertThat(ResultComparator.same(List.of(row(3, 5L)), List.of(row(3L, 5.0)), true)).isTrue();
    assertThat(ResultComparator.same(List.of(row(new BigDecimal("7.00"))), List.of(row(7)), true))
        .isTrue();
  }

  @Test
  void doublesAreEqualWithinASmallRelativeTolerance() {
    assertThat(ResultComparator.same(List.of(row(0.1 + 0.2)), List.of(row(0.3)), false)).isTrue();
    assertThat(ResultComparator.same(List.of(row(2.9999999999999996)), List.of(row(3)), false))
        .isTrue();
    assertThat(ResultComparator.same(List.of(row(0.3)), List.of(row(0.3001)), false)).isFalse();
    assertThat(ResultComparator.same(List.of(row(12345678901234L)), List.of(row(12345678901234.0)),
        false)).isTrue();
  }

  @Test
  void textIsNotANumber() {
    assertThat(ResultComparator.same(List.of(row("3")), List.of(row(3)), false)).isFalse();
  }

  @Test
  void bytesCompareByContentAndNullsMatchNulls() {
    assertThat(ResultComparator.same(List.of(row(new byte[] {1, 2}, null)),
        List.of(row(new byte[] {1, 2}, null)), true)).isTrue();
    assertThat(ResultComparator.same(List.of(row((Object) new byte[] {1, 2})),
        List.of(row((Object) new byte[] {1, 3})), true)).isFalse();
  }

  @Test
  void differentRowCountsDiffer() {
    assertThat(ResultComparator.same(List.of(row(1)), List.of(), false)).isFalse();
  }

  @Test
  void anyColumnOrder_matchesAPermutationOfTheColumns() {
    List<List<Object>> gold = List.of(row(2L, "F"), row(1L, "M"));
    List<List<Object>> ours = List.of(row("M", 1), row("F", 2));
    assertThat(ResultComparator.same(gold, ours, false)).isFalse();
    assertThat(ResultComparator.sameAnyColumnOrder(gold, ours, false)).isTrue();
  }

  @Test
  void anyColumnOrder_keepsRowsTogether() {
    // each column holds the same values, but no column order gives the same rows
    List<List<Object>> gold = List.of(row(1, 1), row(2, 2));
    List<List<Object>> ours = List.of(row(1, 2), row(2, 1));
    assertThat(ResultComparator.sameAnyColumnOrder(gold, ours, false)).isFalse();
    // ordered results keep their row order under the permutation
    assertThat(ResultComparator.sameAnyColumnOrder(List.of(row(1, "a"), row(2, "b")),
        List.of(row("b", 2), row("a", 1)), true)).isFalse();
    assertThat(ResultComparator.sameAnyColumnOrder(List.of(row(1, "a"), row(2, "b")),
        List.of(row("a", 1), row("b", 2)), true)).isTrue();
    // a different number of columns never matches
    assertThat(ResultComparator.sameAnyColumnOrder(List.of(row(1, "a")), List.of(row(1, "a", 3)), false)).isFalse();
  }
}
