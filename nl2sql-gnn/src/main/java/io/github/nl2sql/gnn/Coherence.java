package io.github.nl2sql.gnn;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.link.Evidence;
import io.github.nl2sql.link.JoinEdge;
import io.github.nl2sql.link.LinkedColumn;
import io.github.nl2sql.link.LinkedTable;
import io.github.nl2sql.link.Signal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Re-ranking by coherence over the join graph: a question nearly always touches tables that join. First a
 * table's score is raised by its second-best join neighbour's score, so a bridge such as a membership table
 * between two strong tables gains, and a table hanging off one strong table does not. Then every connected component of the join graph (declared
 * foreign keys, plus given inferred joins) is scored by how well it matches the question as a whole: its two
 * best tables, its three best columns and its best stored-value match; the scores of a component's tables
 * and columns are multiplied by {@code 1 - component + component * (its score / the best component's)}.
 * On a catalog of several unrelated schemas this separates two schemas' same-named tables by what else the
 * question mentions. On one connected schema the factor is 1 for every element, so only the neighbour
 * term moves tables; schemas without joins get one component per table, where the factor favours tables
 * whose own columns match.
 *
 * <p>Scores stay in 0..1. Immutable and thread-safe; the join structure (from the catalog's foreign keys and
 * the given joins) is cached per catalog instance when there are no extra joins, else computed per call
 * (linear in tables and keys).
 *
 * @param neighbour weight of a table's second-best neighbour score (the sum is divided by
 *     {@code 1 + neighbour})
 * @param component how strongly the component factor scales scores, 0..1 (0: off; 1: elements of a component
 *     with no match get 0)
 * @param value weight of a component's best VALUE evidence inside the component score
 */
public record Coherence(double neighbour, double component, double value) {
  /** Tables counted in a component's score. */
  static final int COMPONENT_TABLES = 2;

  /** Columns counted in a component's score. */
  static final int COMPONENT_COLUMNS = 3;

  /**
   * @throws IllegalArgumentException when a weight is negative or not finite, or {@code component > 1}
   */
  public Coherence {
    for (double w : new double[] {neighbour, component, value}) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("coherence weights must be finite and >= 0: " + neighbour + ", "
            + component + ", " + value);
      }
    }
    if (component > 1) {
      throw new IllegalArgumentException("coherence component must be in 0..1, got " + component);
    }
  }

  /**
   * The defaults: neighbour 0.2, component 1.0, value 2.0. Chosen on the merged catalog of the validation
   * questions (see the model card).
   */
  public static Coherence defaults() {
    return new Coherence(0.2, 1.0, 2.0);
  }

  /** No re-ranking. */
  public static Coherence off() {
    return new Coherence(0, 0, 0);
  }

  /** Whether this re-ranking changes anything. */
  public boolean isOff() {
    return neighbour == 0 && component == 0;
  }

  /** Join structures of catalogs without extra joins, by catalog identity. */
  private static final com.github.benmanes.caffeine.cache.Cache<Catalog, Structure> STRUCTURES =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().maximumSize(64).build();

  /** Rankings after re-ranking. */
  record Ranked(List<LinkedTable> tables, List<LinkedColumn> columns) {}

  /**
   * Re-ranks. Tables and columns not in {@code catalog} keep their score.
   *
   * @param catalog the catalog the rankings refer to
   * @param tables tables with scores in 0..1, any order
   * @param columns columns with scores in 0..1, any order
   * @param extraJoins joins beside the declared foreign keys (e.g. inferred ones); may be empty
   * @param evidence whether tables get a {@link Signal#STRUCTURE} evidence with the neighbour and component terms
   * @return both rankings, best first (ties keep the input order)
   */
  Ranked apply(Catalog catalog, List<LinkedTable> tables, List<LinkedColumn> columns, List<JoinEdge> extraJoins,
      boolean evidence) {
    if (isOff()) {
      return new Ranked(sorted(tables, LinkedTable::score), sorted(columns, LinkedColumn::score));
    }
    Structure st = extraJoins.isEmpty()
        ? STRUCTURES.get(catalog, c -> Structure.of(c, List.of()))
        : Structure.of(catalog, extraJoins);
    int n = st.names.length;
    double[] own = new double[n];
    Arrays.fill(own, Double.NaN);
    for (LinkedTable t : tables) {
      Integer i = st.indexOf(t.table());
      if (i != null) {
        own[i] = t.score();
      }
    }
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(own[i])) {
        own[i] = 0;
      }
    }
    // neighbour term: the second-best neighbour's score, so only a bridge between two strong tables gains
    // (a table hanging off one strong table does not)
    double[] withNeighbours = new double[n];
    double[] nb = new double[n];
    for (int i = 0; i < n; i++) {
      double b1 = 0;
      double b2 = 0;
      for (int j : st.neighbours[i]) {
        double s = own[j];
        if (s > b1) {
          b2 = b1;
          b1 = s;
        } else if (s > b2) {
          b2 = s;
        }
      }
      nb[i] = b2;
      withNeighbours[i] = own[i] + neighbour * nb[i];
    }
    // component term
    int components = st.componentCount;
    double[][] bestTables = new double[components][COMPONENT_TABLES];
    for (int i = 0; i < n; i++) {
      insert(bestTables[st.component[i]], withNeighbours[i]);
    }
    double[][] bestColumns = new double[components][COMPONENT_COLUMNS];
    double[] bestValue = new double[components];
    for (LinkedColumn c : columns) {
      Integer i = st.indexOf(c.table());
      if (i == null) {
        continue;
      }
      int k = st.component[i];
      insert(bestColumns[k], c.score());
      for (Evidence e : c.evidence()) {
        if (e.signal() == Signal.VALUE) {
          bestValue[k] = Math.max(bestValue[k], e.score());
        }
      }
    }
    double[] comp = new double[components];
    double max = 0;
    for (int k = 0; k < components; k++) {
      comp[k] = sum(bestTables[k]) + sum(bestColumns[k]) + value * bestValue[k];
      max = Math.max(max, comp[k]);
    }
    for (int k = 0; k < components; k++) {
      comp[k] = max > 0 ? comp[k] / max : 0;
    }
    double tableTotal = 1 + neighbour;
    List<LinkedTable> outTables = new ArrayList<>(tables.size());
    for (LinkedTable t : tables) {
      Integer i = st.indexOf(t.table());
      if (i == null) {
        outTables.add(t);
        continue;
      }
      double factor = 1 - component + component * comp[st.component[i]];
      double s = (t.score() + neighbour * nb[i]) / tableTotal * factor;
      List<Evidence> ev = t.evidence();
      if (evidence) {
        ev = new ArrayList<>(ev);
        ev.add(new Evidence(Signal.STRUCTURE, null, "join neighbours " + round(nb[i]) + ", component factor "
            + round(factor), s));
      }
      outTables.add(new LinkedTable(t.table(), clip(s), ev));
    }
    List<LinkedColumn> outColumns = new ArrayList<>(columns.size());
    for (LinkedColumn c : columns) {
      Integer i = st.indexOf(c.table());
      double factor = i == null ? 1 : 1 - component + component * comp[st.component[i]];
      outColumns.add(factor == 1 ? c
          : new LinkedColumn(c.table(), c.column(), clip(c.score() * factor), c.evidence()));
    }
    return new Ranked(sorted(outTables, LinkedTable::score), sorted(outColumns, LinkedColumn::score));
  }

  private static <T> List<T> sorted(List<T> list, java.util.function.ToDoubleFunction<T> score) {
    List<T> out = new ArrayList<>(list);
    out.sort(Comparator.comparingDouble(score).reversed());
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static double clip(double v) {
    return Math.max(0, Math.min(1, v));
  }

  /** Keeps the largest values of {@code best} (descending) with {@code v} inserted. */
  private static void insert(double[] best, double v) {
    for (int i = 0; i < best.length; i++) {
      if (v > best[i]) {
        System.arraycopy(best, i, best, i + 1, best.length - i - 1);
        best[i] = v;
        return;
      }
    }
  }

  private static double sum(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }

  private static String key(String table) {
    return table.toLowerCase(Locale.ROOT);
  }

  /** Tables, their join neighbours and connected components. */
  private static final class Structure {
    final String[] names;
    final Map<String, Integer> index = new HashMap<>();
    final Map<String, Integer> exact = new HashMap<>();
    final int[][] neighbours;
    final int[] component;
    final int componentCount;

    private Structure(List<Table> tables, List<int[]> edges) {
      int n = tables.size();
      names = new String[n];
      for (int i = 0; i < n; i++) {
        names[i] = tables.get(i).name();
        index.putIfAbsent(key(names[i]), i);
        exact.putIfAbsent(names[i], i);
      }
      List<Set<Integer>> adj = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        adj.add(new HashSet<>());
      }
      int[] parent = new int[n];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
      }
      for (int[] e : edges) {
        if (e[0] != e[1]) {
          adj.get(e[0]).add(e[1]);
          adj.get(e[1]).add(e[0]);
          parent[find(parent, e[0])] = find(parent, e[1]);
        }
      }
      neighbours = new int[n][];
      for (int i = 0; i < n; i++) {
        neighbours[i] = adj.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
      }
      component = new int[n];
      Map<Integer, Integer> ids = new HashMap<>();
      for (int i = 0; i < n; i++) {
        int root = find(parent, i);
        Integer id = ids.get(root);
        if (id == null) {
          id = ids.size();
          ids.put(root, id);
        }
        component[i] = id;
      }
      componentCount = ids.size();
    }

    /** The index of a table: exact name first, then case-insensitively; {@code null} when absent. */
    Integer indexOf(String table) {
      Integer i = exact.get(table);
      return i != null ? i : index.get(key(table));
    }

    static Structure of(Catalog catalog, List<JoinEdge> extraJoins) {
      List<Table> tables = catalog.tables();
      Map<String, Integer> idx = new HashMap<>();
      for (int i = 0; i < tables.size(); i++) {
        idx.putIfAbsent(key(tables.get(i).name()), i);
      }
      List<int[]> edges = new ArrayList<>();
      for (int i = 0; i < tables.size(); i++) {
        for (ForeignKey fk : tables.get(i).foreignKeys()) {
          Integer to = idx.get(key(fk.referencedTable()));
          if (to != null) {
            edges.add(new int[] {i, to});
          }
        }
      }
      for (JoinEdge e : extraJoins) {
        Integer a = idx.get(key(e.fromTable()));
        Integer b = idx.get(key(e.toTable()));
        if (a != null && b != null) {
          edges.add(new int[] {a, b});
        }
      }
      return new Structure(tables, edges);
    }

    private static int find(int[] parent, int x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }
  }
}
