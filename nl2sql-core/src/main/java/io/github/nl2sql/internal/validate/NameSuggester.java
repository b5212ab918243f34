package io.github.nl2sql.internal.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Ranks candidate names for a name that was not found ("did you mean"). Internal, not API.
 *
 * <p>The score of a candidate combines, on lower-cased names: case-insensitive equality (always
 * first), the Damerau-Levenshtein (optimal string alignment) distance normalised by length, the
 * Jaro-Winkler similarity, the overlap of snake_case/camelCase tokens (with singular/plural folded),
 * and prefix/containment. A candidate one edit away (insert, delete, substitute, transpose one
 * character; the shapes of a typo) gets a bonus over one two edits away, so single typos rank their
 * original first. Callers may add a per-candidate bias (e.g. "this table has the referenced columns").
 * Ties keep the callers' candidate order, so the ranking is deterministic.
 *
 * <p>Stateless and thread-safe.
 */
public final class NameSuggester {

  /** Candidates scoring below this are not suggested. */
  public static final double THRESHOLD = 0.45;

  /** How many suggestions are returned at most by default. */
  public static final int DEFAULT_LIMIT = 5;

  private NameSuggester() {}

  /**
   * The candidates most similar to {@code name}, best first, at most {@link #DEFAULT_LIMIT}, only
   * those at or above {@link #THRESHOLD}. Duplicates (ignoring case) are collapsed to their first
   * spelling; a candidate equal to {@code name} (same case) is never suggested.
   *
   * @param name the unknown name; {@code null} gives an empty list
   * @param candidates known names; {@code null} elements are skipped
   */
  public static List<String> suggest(String name, Collection<String> candidates) {
    return suggest(name, candidates, Map.of(), DEFAULT_LIMIT);
  }

  /**
   * Like {@link #suggest(String, Collection)} with a per-candidate bias (keyed by the candidate as
   * given) added to the score, and an explicit limit.
   */
  public static List<String> suggest(String name, Collection<String> candidates,
      Map<String, Double> bias, int limit) {
    if (name == null || candidates == null || limit <= 0) {
      return List.of();
    }
    Map<String, String> unique = new LinkedHashMap<>();
    for (String c : candidates) {
      if (c != null && !c.isEmpty() && !c.equals(name)) {
        unique.putIfAbsent(c.toLowerCase(Locale.ROOT), c);
      }
    }
    List<Scored> scored = new ArrayList<>();
    int order = 0;
    for (String c : unique.values()) {
      double b = bias == null ? 0 : bias.getOrDefault(c, 0.0);
      scored.add(new Scored(c, score(name, c) + b, order++));
    }
    scored.sort(Comparator.comparingDouble((Scored s) -> -s.score).thenComparingInt(s -> s.order));
    List<String> out = new ArrayList<>();
    // a clear winner (an exact-ignoring-case or one-typo match) hides the weak also-rans
    double floor = scored.isEmpty() ? THRESHOLD : Math.max(THRESHOLD, scored.get(0).score * 0.7);
    for (Scored s : scored) {
      if (s.score < floor || out.size() >= limit) {
        break;
      }
      out.add(s.name);
    }
    return out;
  }

  private record Scored(String name, double score, int order) {}

  /**
   * The candidates within a small edit distance of {@code name} (at most max(2, a third of the
   * shorter length), ignoring case), best score (plus bias) first, at most {@code limit}: a fallback
   * for short names such as {@code date} for {@code name}, which the similarity score rates too low to
   * suggest but which are still the closest names where the name must be.
   */
  public static List<String> nearby(String name, Collection<String> candidates,
      Map<String, Double> bias, int limit) {
    if (name == null || candidates == null || limit <= 0) {
      return List.of();
    }
    String a = name.toLowerCase(Locale.ROOT);
    Map<String, String> unique = new LinkedHashMap<>();
    for (String c : candidates) {
      if (c != null && !c.isEmpty() && !c.equalsIgnoreCase(name)) {
        unique.putIfAbsent(c.toLowerCase(Locale.ROOT), c);
      }
    }
    List<Scored> scored = new ArrayList<>();
    int order = 0;
    for (Map.Entry<String, String> e : unique.entrySet()) {
      String b = e.getKey();
      if (damerau(a, b) <= Math.max(2, Math.min(a.length(), b.length()) / 3)) {
        double bs = bias == null ? 0 : bias.getOrDefault(e.getValue(), 0.0);
        scored.add(new Scored(e.getValue(), score(name, e.getValue()) + bs, order++));
      }
    }
    scored.sort(Comparator.comparingDouble((Scored s) -> -s.score).thenComparingInt(s -> s.order));
    List<String> out = new ArrayList<>();
    for (Scored s : scored) {
      if (out.size() >= limit) {
        break;
      }
      out.add(s.name);
    }
    return out;
  }

  /**
   * Similarity of {@code candidate} to {@code name}, roughly in [0, 2]: 2 for case-insensitive
   * equality, about 1 and above for one-edit typos, below {@link #THRESHOLD} for unrelated names.
   */
  public static double score(String name, String candidate) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(candidate, "candidate");
    String a = name.toLowerCase(Locale.ROOT);
    String b = candidate.toLowerCase(Locale.ROOT);
    if (a.equals(b)) {
      return 2.0;
    }
    String sa = stripQuotes(a);
    String sb = stripQuotes(b);
    int d = damerau(sa, sb);
    int maxLen = Math.max(sa.length(), sb.length());
    double dl = maxLen == 0 ? 0 : 1.0 - (double) d / maxLen;
    double jw = jaroWinkler(sa, sb);
    double tok = tokenOverlap(name, candidate);
    double contain = 0;
    if (sa.length() >= 2 && sb.length() >= 2) {
      if (sb.startsWith(sa) || sa.startsWith(sb)) {
        contain = 1.0;
      } else if (sb.contains(sa) || sa.contains(sb)) {
        contain = 0.7;
      }
    }
    double s = 0.40 * dl + 0.25 * jw + 0.25 * tok + 0.10 * contain;
    boolean plural = singular(sa).equals(singular(sb));
    if (plural) {
      s += 0.45;
    } else if (d == 1) {
      // one typo: insert, delete, substitute or transpose; very short names are weaker evidence
      s += sa.length() <= 2 || sb.length() <= 2 ? 0.25 : 0.40;
      if (sameLetters(sa, sb)) {
        s += 0.05; // a transposition keeps every letter, a substitution does not
      }
    } else if (d == 2 && maxLen >= 5) {
      s += 0.15;
    }
    return s;
  }

  private static boolean sameLetters(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    char[] x = a.toCharArray();
    char[] y = b.toCharArray();
    java.util.Arrays.sort(x);
    java.util.Arrays.sort(y);
    return java.util.Arrays.equals(x, y);
  }

  private static String stripQuotes(String s) {
    return s.replace("\"", "").replace("`", "").replace("[", "").replace("]", "");
  }

  /** Levenshtein distance (insertions, deletions, substitutions), case-sensitive. */
  public static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] tmp = prev;
      prev = cur;
      cur = tmp;
    }
    return prev[b.length()];
  }

  /** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
  static int damerau(String a, String b) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[n][m];
  }

  /** Jaro-Winkler similarity in [0, 1]. */
  static double jaroWinkler(String a, String b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1.0;
    }
    if (a.isEmpty() || b.isEmpty()) {
      return 0.0;
    }
    int range = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
    boolean[] ma = new boolean[a.length()];
    boolean[] mb = new boolean[b.length()];
    int matches = 0;
    for (int i = 0; i < a.length(); i++) {
      int lo = Math.max(0, i - range);
      int hi = Math.min(b.length() - 1, i + range);
      for (int j = lo; j <= hi; j++) {
        if (!mb[j] && a.charAt(i) == b.charAt(j)) {
          ma[i] = true;
          mb[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    int t = 0;
    int k = 0;
    for (int i = 0; i < a.length(); i++) {
      if (ma[i]) {
        while (!mb[k]) {
          k++;
        }
        if (a.charAt(i) != b.charAt(k)) {
          t++;
        }
        k++;
      }
    }
    double m = matches;
    double jaro = (m / a.length() + m / b.length() + (m - t / 2.0) / m) / 3.0;
    int prefix = 0;
    for (int i = 0; i < Math.min(4, Math.min(a.length(), b.length())); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        break;
      }
      prefix++;
    }
    return jaro + prefix * 0.1 * (1 - jaro);
  }

  /**
   * How many words of 3+ letters (snake_case/camelCase tokens, plurals folded) the two names share:
   * {@code billing_state} and {@code state} share one, {@code hardware_model_name} and {@code
   * model_name} two. Digits-only tokens do not count.
   */
  public static int sharedWords(String a, String b) {
    if (a == null || b == null) {
      return 0;
    }
    Set<String> tb = tokens(b);
    int n = 0;
    for (String t : tokens(a)) {
      if (t.length() >= 3 && !Character.isDigit(t.charAt(0)) && tb.contains(t)) {
        n++;
      }
    }
    return n;
  }

  /** Jaccard overlap of the names' tokens (snake_case, camelCase, digits), plurals folded. */
  static double tokenOverlap(String a, String b) {
    Set<String> ta = tokens(a);
    Set<String> tb = tokens(b);
    if (ta.isEmpty() || tb.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String t : ta) {
      if (tb.contains(t)) {
        common++;
      }
    }
    Set<String> union = new LinkedHashSet<>(ta);
    union.addAll(tb);
    return (double) common / union.size();
  }

  /** Lower-case, singularised tokens of an identifier. */
  static Set<String> tokens(String name) {
    Set<String> out = new LinkedHashSet<>();
    StringBuilder cur = new StringBuilder();
    char prev = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean boundary = !Character.isLetterOrDigit(c);
      boolean camel = Character.isUpperCase(c) && Character.isLowerCase(prev);
      boolean digitEdge = prev != 0 && Character.isDigit(c) != Character.isDigit(prev)
          && Character.isLetterOrDigit(prev);
      if (boundary || camel || digitEdge) {
        flush(cur, out);
      }
      if (!boundary) {
        cur.append(Character.toLowerCase(c));
      }
      prev = c;
    }
    flush(cur, out);
    return out;
  }

  private static void flush(StringBuilder cur, Set<String> out) {
    if (cur.length() > 0) {
      out.add(singular(cur.toString()));
      cur.setLength(0);
    }
  }

  private static final Map<String, String> IRREGULAR = new HashMap<>();

  static {
    IRREGULAR.put("people", "person");
    IRREGULAR.put("children", "child");
    IRREGULAR.put("men", "man");
    IRREGULAR.put("women", "woman");
    IRREGULAR.put("data", "datum");
    IRREGULAR.put("indices", "index");
  }

  /** A crude English singular of a lower-case word, good enough to fold table-name plurals. */
  static String singular(String w) {
    String irregular = IRREGULAR.get(w);
    if (irregular != null) {
      return irregular;
    }
    if (w.length() > 4 && w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.length() > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses")
        || w.endsWith("xes"))) {
      return w.substring(0, w.length() - 2);
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")
        && !w.endsWith("is")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
