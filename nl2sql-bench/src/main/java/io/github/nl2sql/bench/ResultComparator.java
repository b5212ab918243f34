package io.github.nl2sql.bench;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Compares two query results the way an execution-accuracy check does: as ordered lists when the
 * query fixes the order (ORDER BY on its outermost query), else as multisets of rows. Values are
 * normalised first: integral numbers of any Java type are equal when their values are, other numbers
 * are equal within a relative tolerance (rounded to {@value #SIGNIFICANT_DIGITS} significant digits,
 * so 0.1 + 0.2 equals 0.3), {@code byte[]} by content, strings exactly. Stateless.
 */
public final class ResultComparator {
  /** Significant digits kept of non-integral numbers. */
  public static final int SIGNIFICANT_DIGITS = 10;

  private static final MathContext ROUND = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);

  private ResultComparator() {}

  /**
   * Whether {@code expected} and {@code actual} hold the same rows.
   *
   * @param ordered compare as lists (order matters) instead of multisets
   */
  public static boolean same(List<List<Object>> expected, List<List<Object>> actual, boolean ordered) {
    return expected.size() == actual.size() && sameNormalised(normaliseRows(expected), normaliseRows(actual), ordered);
  }

  /** {@link #same} over rows already {@linkplain #normaliseRow normalised}. */
  private static boolean sameNormalised(List<List<Object>> expected, List<List<Object>> actual, boolean ordered) {
    if (expected.size() != actual.size()) {
      return false;
    }
    if (ordered) {
      return expected.equals(actual);
    }
    Map<List<Object>, Integer> counts = new HashMap<>();
    for (List<Object> row : expected) {
      counts.merge(row, 1, Integer::sum);
    }
    for (List<Object> key : actual) {
      Integer c = counts.get(key);
      if (c == null) {
        return false;
      }
      if (c == 1) {
        counts.remove(key);
      } else {
        counts.put(key, c - 1);
      }
    }
    return counts.isEmpty();
  }

  /**
   * Whether {@code actual} holds the same rows as {@code expected} with its columns in some order: the
   * execution match of Spider's test-suite evaluation, where {@code SELECT count(*), sex} and
   * {@code SELECT sex, count(*)} answer the same question. Both results must have the same number of
   * columns; a candidate order maps each expected column to an actual column holding the same values
   * (as a sorted list, or in order when {@code ordered}), and is then checked row by row.
   *
   * @param ordered compare rows as lists (order matters) instead of multisets
   */
  public static boolean sameAnyColumnOrder(List<List<Object>> expected, List<List<Object>> actual, boolean ordered) {
    if (expected.size() != actual.size()) {
      return false;
    }
    List<List<Object>> e = normaliseRows(expected);
    List<List<Object>> a = normaliseRows(actual);
    if (sameNormalised(e, a, ordered)) {
      return true;
    }
    if (expected.isEmpty()) {
      return false;
    }
    int width = expected.get(0).size();
    if (width < 2 || actual.get(0).size() != width || width > 12) {
      return false;
    }
    // candidates: actual columns whose values are those of the expected column
    List<List<Integer>> candidates = new ArrayList<>();
    for (int j = 0; j < width; j++) {
      List<Object> ej = column(e, j, !ordered);
      List<Integer> cs = new ArrayList<>();
      for (int k = 0; k < width; k++) {
        if (column(a, k, !ordered).equals(ej)) {
          cs.add(k);
        }
      }
      if (cs.isEmpty()) {
        return false;
      }
      candidates.add(cs);
    }
    return permute(e, a, ordered, candidates, new int[width], new boolean[width], 0);
  }

  private static boolean permute(List<List<Object>> e, List<List<Object>> a, boolean ordered,
      List<List<Integer>> candidates, int[] map, boolean[] taken, int j) {
    if (j == map.length) {
      List<List<Object>> moved = new ArrayList<>(a.size());
      for (List<Object> row : a) {
        List<Object> m = new ArrayList<>(map.length);
        for (int k : map) {
          m.add(row.get(k));
        }
        moved.add(m);
      }
      return sameNormalised(e, moved, ordered);
    }
    for (int k : candidates.get(j)) {
      if (!taken[k]) {
        taken[k] = true;
        map[j] = k;
        if (permute(e, a, ordered, candidates, map, taken, j + 1)) {
          return true;
        }
        taken[k] = false;
      }
    }
    return false;
  }

  private static List<Object> column(List<List<Object>> rows, int j, boolean sorted) {
    List<Object> out = new ArrayList<>(rows.size());
    for (List<Object> r : rows) {
      out.add(r.get(j));
    }
    if (sorted) {
      out.sort(java.util.Comparator.comparing(v -> v == null ? "" : v.getClass().getName() + ":" + v));
    }
    return out;
  }

  private static List<List<Object>> normaliseRows(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      out.add(normaliseRow(row));
    }
    return out;
  }

  /** The row with every value {@linkplain #normalise normalised}. */
  public static List<Object> normaliseRow(List<Object> row) {
    List<Object> out = new ArrayList<>(row.size());
    for (Object v : row) {
      out.add(normalise(v));
    }
    return out;
  }

  /**
   * A value with a canonical type and {@code equals}: {@code null}; a {@link Long} for integral
   * numbers that fit (including doubles such as {@code 3.0}); a {@link BigDecimal} rounded to
   * {@value #SIGNIFICANT_DIGITS} significant digits without trailing zeros for other numbers; the
   * string {@code "NaN"}/{@code "Infinity"} forms for non-finite doubles; a hex {@code x'..'} string
   * for {@code byte[]}; {@link String#valueOf} for anything else.
   */
  public static Object normalise(Object v) {
    if (v == null || v instanceof String || v instanceof Long) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof byte[] b) {
      return "x'" + HexFormat.of().formatHex(b) + "'";
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return Double.toString(d);
      }
      return normaliseDecimal(new BigDecimal(d));
    }
    if (v instanceof BigDecimal d) {
      return normaliseDecimal(d);
    }
    if (v instanceof BigInteger i) {
      return normaliseDecimal(new BigDecimal(i));
    }
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (v instanceof Object[] a) {
      return Arrays.toString(a);
    }
    return String.valueOf(v);
  }

  private static Object normaliseDecimal(BigDecimal d) {
    if (d.signum() == 0) {
      return 0L;
    }
    BigDecimal exact = d.stripTrailingZeros();
    if (exact.scale() <= 0 && exact.precision() - exact.scale() < 19) {
      return exact.longValueExact();
    }
    BigDecimal r = d.round(ROUND).stripTrailingZeros();
    if (r.scale() <= 0 && r.precision() - r.scale() < 19) {
      return r.longValueExact();
    }
    return r;
  }
}
