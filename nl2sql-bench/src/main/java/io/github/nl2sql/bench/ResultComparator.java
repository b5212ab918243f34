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
    if (expected.size() != actual.size()) {
      return false;
    }
    if (ordered) {
      for (int i = 0; i < expected.size(); i++) {
        if (!normaliseRow(expected.get(i)).equals(normaliseRow(actual.get(i)))) {
          return false;
        }
      }
      return true;
    }
    Map<List<Object>, Integer> counts = new HashMap<>();
    for (List<Object> row : expected) {
      counts.merge(normaliseRow(row), 1, Integer::sum);
    }
    for (List<Object> row : actual) {
      List<Object> key = normaliseRow(row);
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
