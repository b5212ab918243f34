package io.github.nl2sql.gnn;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.ColumnStats;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The schema of a catalog as a graph: one node per table and per column, with a text to embed, static
 * features (kind, type, keys, statistics) and typed edges ({@link Relation}). The layout of the features
 * and relations is versioned by {@link #FEATURE_VERSION}; a trained model records the version it was
 * trained on and is refused when it differs. Immutable and thread-safe.
 */
public final class SchemaGraph {
  /**
   * Version of the node features, question features, relations and node texts. Change it whenever any of
   * them changes; models trained on another version are refused.
   */
  public static final String FEATURE_VERSION = "nl2sql-gnn-features/1";

  /** Number of static node features ({@link #staticFeatures()} columns). */
  public static final int STATIC_FEATURES = 24;

  /** Tables with at most this many columns get {@link Relation#SAME_TABLE} edges between their columns. */
  static final int SAME_TABLE_MAX_COLUMNS = 40;

  private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Set<String> GENERIC = Set.of("id", "name", "code", "type", "number", "date", "no");

  /** Edge types; the ordinal is the relation index the model sees. */
  public enum Relation {
    /** Table to each of its columns. */
    CONTAINS,
    /** Column to its table. */
    BELONGS,
    /** Table to its primary-key columns. */
    PRIMARY_KEY,
    /** Foreign-key column to the referenced column, and back. */
    FOREIGN_KEY,
    /** Table to table along a foreign key, both ways. */
    FOREIGN_KEY_TABLE,
    /** Column to column of the same (small) table. */
    SAME_TABLE,
    /** Column to a key column of another table with the same name and a compatible type. */
    NAME_MATCH
  }

  /** Table or column. */
  public enum Kind {
    TABLE,
    COLUMN
  }

  /**
   * One node.
   *
   * @param index position in the node arrays
   * @param id {@code table:<table>} or {@code column:<table>.<column>}
   * @param kind table or column
   * @param table table name
   * @param column column name, {@code null} for a table node
   * @param tableNode index of the table node (itself for a table)
   * @param text the text that is embedded for this node
   */
  public record Node(int index, String id, Kind kind, String table, String column, int tableNode, String text) {}

  private final String fingerprint;
  private final List<Node> nodes;
  private final Map<String, Integer> byId;
  private final float[][] staticFeatures;
  private final int[] edgeSource;
  private final int[] edgeTarget;
  private final int[] edgeRelation;
  private final float[] edgeWeight;
  private final int tableCount;

  private SchemaGraph(String fingerprint, List<Node> nodes, float[][] staticFeatures, List<int[]> edges) {
    this.fingerprint = fingerprint;
    this.nodes = List.copyOf(nodes);
    this.byId = new HashMap<>();
    int tables = 0;
    for (Node n : nodes) {
      byId.put(n.id(), n.index());
      if (n.kind() == Kind.TABLE) {
        tables++;
      }
    }
    this.tableCount = tables;
    this.staticFeatures = staticFeatures;
    int e = edges.size();
    edgeSource = new int[e];
    edgeTarget = new int[e];
    edgeRelation = new int[e];
    edgeWeight = new float[e];
    // mean aggregation: each incoming edge of relation r weighs 1 / (in-degree of the target under r)
    int r = Relation.values().length;
    int[] inDegree = new int[nodes.size() * r];
    for (int[] edge : edges) {
      inDegree[edge[1] * r + edge[2]]++;
    }
    for (int i = 0; i < e; i++) {
      int[] edge = edges.get(i);
      edgeSource[i] = edge[0];
      edgeTarget[i] = edge[1];
      edgeRelation[i] = edge[2];
      edgeWeight[i] = 1f / inDegree[edge[1] * r + edge[2]];
    }
  }

  /**
   * Builds the graph of {@code catalog}.
   *
   * @param foreignKeys whether declared foreign keys become edges; {@code false} hides them (used to
   *     evaluate join inference on schemas that declare none)
   * @throws IllegalArgumentException when the catalog has no tables
   */
  public static SchemaGraph of(Catalog catalog, boolean foreignKeys) {
    if (catalog.tables().isEmpty()) {
      throw new IllegalArgumentException("catalog has no tables to link to");
    }
    List<Node> nodes = new ArrayList<>();
    List<float[]> features = new ArrayList<>();
    List<int[]> edges = new ArrayList<>();
    Map<String, Integer> tableIndex = new HashMap<>();
    Map<String, Integer> columnIndex = new HashMap<>();
    for (Table t : catalog.tables()) {
      int ti = nodes.size();
      tableIndex.put(t.name().toLowerCase(Locale.ROOT), ti);
      nodes.add(new Node(ti, tableId(t.name()), Kind.TABLE, t.name(), null, ti, tableText(t)));
      features.add(tableFeatures(t));
      for (Column c : t.columns()) {
        int ci = nodes.size();
        columnIndex.put(t.name().toLowerCase(Locale.ROOT) + "\u0000" + c.name().toLowerCase(Locale.ROOT), ci);
        nodes.add(new Node(ci, columnId(t.name(), c.name()), Kind.COLUMN, t.name(), c.name(), ti, columnText(t, c)));
        features.add(columnFeatures(t, c, catalog));
        edges.add(new int[] {ti, ci, Relation.CONTAINS.ordinal()});
        edges.add(new int[] {ci, ti, Relation.BELONGS.ordinal()});
        if (t.primaryKey().contains(c.name())) {
          edges.add(new int[] {ti, ci, Relation.PRIMARY_KEY.ordinal()});
        }
      }
      if (t.columns().size() <= SAME_TABLE_MAX_COLUMNS) {
        for (int a = 1; a <= t.columns().size(); a++) {
          for (int b = 1; b <= t.columns().size(); b++) {
            if (a != b) {
              edges.add(new int[] {ti + a, ti + b, Relation.SAME_TABLE.ordinal()});
            }
          }
        }
      }
    }
    if (foreignKeys) {
      Set<Long> tablePairs = new HashSet<>();
      for (Table t : catalog.tables()) {
        String tk = t.name().toLowerCase(Locale.ROOT);
        for (ForeignKey fk : t.foreignKeys()) {
          Integer to = tableIndex.get(fk.referencedTable().toLowerCase(Locale.ROOT));
          if (to == null) {
            continue;
          }
          int from = tableIndex.get(tk);
          for (int k = 0; k < fk.columns().size() && k < fk.referencedColumns().size(); k++) {
            Integer a = columnIndex.get(tk + "\u0000" + fk.columns().get(k).toLowerCase(Locale.ROOT));
            Integer b = columnIndex.get(nodes.get(to).table().toLowerCase(Locale.ROOT) + "\u0000"
                + fk.referencedColumns().get(k).toLowerCase(Locale.ROOT));
            if (a != null && b != null && !a.equals(b)) {
              edges.add(new int[] {a, b, Relation.FOREIGN_KEY.ordinal()});
              edges.add(new int[] {b, a, Relation.FOREIGN_KEY.ordinal()});
            }
          }
          if (from != to && tablePairs.add(((long) Math.min(from, to) << 32) | Math.max(from, to))) {
            edges.add(new int[] {from, to, Relation.FOREIGN_KEY_TABLE.ordinal()});
            edges.add(new int[] {to, from, Relation.FOREIGN_KEY_TABLE.ordinal()});
          }
        }
      }
    }
    addNameMatches(catalog, nodes, columnIndex, edges);
    String fp = catalog.fingerprint() != null ? catalog.fingerprint() : computeFingerprint(nodes);
    return new SchemaGraph(fp, nodes, features.toArray(new float[0][]), edges);
  }

  /**
   * The subgraph induced by some tables: each kept table with all its columns, edges between kept nodes
   * only (mean-aggregation weights recomputed), node order kept. Used to run the GNN on the candidate
   * tables of a large catalog.
   *
   * @param tableNodes indexes of table nodes to keep
   * @param originalIndex filled with, for each node of the subgraph, its index in this graph
   * @return the subgraph; its fingerprint is this graph's
   */
  public SchemaGraph subgraph(java.util.BitSet tableNodes, int[][] originalIndex) {
    int[] map = new int[nodes.size()];
    java.util.Arrays.fill(map, -1);
    List<Node> kept = new ArrayList<>();
    List<float[]> feats = new ArrayList<>();
    List<Integer> orig = new ArrayList<>();
    for (Node n : nodes) {
      if (tableNodes.get(n.tableNode())) {
        int i = kept.size();
        map[n.index()] = i;
        int tn = n.kind() == Kind.TABLE ? i : map[n.tableNode()];
        kept.add(new Node(i, n.id(), n.kind(), n.table(), n.column(), tn, n.text()));
        feats.add(staticFeatures[n.index()]);
        orig.add(n.index());
      }
    }
    List<int[]> edges = new ArrayList<>();
    for (int e = 0; e < edgeSource.length; e++) {
      int a = map[edgeSource[e]];
      int b = map[edgeTarget[e]];
      if (a >= 0 && b >= 0) {
        edges.add(new int[] {a, b, edgeRelation[e]});
      }
    }
    originalIndex[0] = orig.stream().mapToInt(Integer::intValue).toArray();
    return new SchemaGraph(fingerprint, kept, feats.toArray(new float[0][]), edges);
  }

  /** Key columns that share a non-generic name and a type category with a column of another table. */
  private static void addNameMatches(Catalog catalog, List<Node> nodes, Map<String, Integer> columnIndex,
      List<int[]> edges) {
    Map<String, List<Integer>> byName = new LinkedHashMap<>();
    Map<Integer, Boolean> isKey = new HashMap<>();
    Map<Integer, SqlType> types = new HashMap<>();
    for (Table t : catalog.tables()) {
      for (Column c : t.columns()) {
        String name = c.name().toLowerCase(Locale.ROOT);
        if (GENERIC.contains(name)) {
          continue;
        }
        int ci = columnIndex.get(t.name().toLowerCase(Locale.ROOT) + "\u0000" + name);
        byName.computeIfAbsent(name, k -> new ArrayList<>()).add(ci);
        isKey.put(ci, t.primaryKey().contains(c.name()));
        types.put(ci, typeClass(c.type()));
      }
    }
    for (List<Integer> group : byName.values()) {
      if (group.size() < 2 || group.size() > 12) {
        continue;
      }
      for (int a : group) {
        for (int b : group) {
          if (a != b && nodes.get(a).tableNode() != nodes.get(b).tableNode() && types.get(a) == types.get(b)
              && (isKey.get(a) || isKey.get(b))) {
            edges.add(new int[] {a, b, Relation.NAME_MATCH.ordinal()});
          }
        }
      }
    }
  }

  private static SqlType typeClass(SqlType t) {
    return t.isNumeric() ? SqlType.INTEGER : t;
  }

  /** The node id of a table. */
  public static String tableId(String table) {
    return "table:" + table;
  }

  /** The node id of a column. */
  public static String columnId(String table, String column) {
    return "column:" + table + "." + column;
  }

  /** Words of an identifier: snake_case, camelCase and digits split, lower-cased. */
  public static List<String> words(String identifier) {
    List<String> out = new ArrayList<>();
    for (String part : SEPARATORS.split(identifier)) {
      for (String w : CAMEL.split(part)) {
        if (!w.isEmpty()) {
          out.add(w.toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }

  private static String human(String identifier) {
    List<String> w = words(identifier);
    return w.isEmpty() ? identifier : String.join(" ", w);
  }

  /** {@code "table words: column words, column words, ..."} plus the comment. */
  static String tableText(Table t) {
    StringBuilder sb = new StringBuilder(human(t.name())).append(':');
    for (int i = 0; i < t.columns().size(); i++) {
      sb.append(i == 0 ? " " : ", ").append(human(t.columns().get(i).name()));
    }
    if (t.comment() != null && !t.comment().isBlank()) {
      sb.append(". ").append(t.comment().trim());
    }
    return sb.toString();
  }

  /** {@code "table words column words (type) comment"}. */
  static String columnText(Table t, Column c) {
    StringBuilder sb = new StringBuilder(human(t.name())).append(' ').append(human(c.name()))
        .append(" (").append(c.type().name().toLowerCase(Locale.ROOT)).append(')');
    if (c.comment() != null && !c.comment().isBlank()) {
      sb.append(' ').append(c.comment().trim());
    }
    return sb.toString();
  }

  // static features: 0 table, 1 column, 2..11 type one-hot, 12 pk, 13 fk, 14 referenced, 15 unique,
  // 16 generic name, 17 log rows, 18 null fraction, 19 distinct ratio, 20 has values, 21 column count,
  // 22 name word count, 23 nullable
  private static float[] tableFeatures(Table t) {
    float[] f = new float[STATIC_FEATURES];
    f[0] = 1;
    f[17] = t.rowCount() == null ? 0 : (float) (Math.log1p(t.rowCount()) / 10.0);
    f[21] = (float) Math.min(1.0, t.columns().size() / 30.0);
    f[22] = Math.min(5, words(t.name()).size()) / 5f;
    return f;
  }

  private static float[] columnFeatures(Table t, Column c, Catalog catalog) {
    float[] f = new float[STATIC_FEATURES];
    f[1] = 1;
    f[2 + c.type().ordinal()] = 1;
    f[12] = t.primaryKey().contains(c.name()) ? 1 : 0;
    boolean fk = false;
    for (ForeignKey k : t.foreignKeys()) {
      fk |= k.columns().contains(c.name());
    }
    f[13] = fk ? 1 : 0;
    boolean referenced = false;
    for (Table o : catalog.tables()) {
      for (ForeignKey k : o.foreignKeys()) {
        referenced |= k.referencedTable().equalsIgnoreCase(t.name()) && k.referencedColumns().contains(c.name());
      }
    }
    f[14] = referenced ? 1 : 0;
    boolean unique = false;
    for (List<String> u : t.uniqueKeys()) {
      unique |= u.size() == 1 && u.get(0).equals(c.name());
    }
    f[15] = unique ? 1 : 0;
    List<String> w = words(c.name());
    f[16] = !w.isEmpty() && GENERIC.containsAll(w) ? 1 : 0;
    ColumnStats s = c.stats();
    if (s != null) {
      f[18] = (float) s.nullFraction();
      f[19] = s.sampledRows() == 0 ? 0 : (float) Math.min(1.0, s.distinctCount() / (double) s.sampledRows());
      f[20] = s.frequentValues().isEmpty() ? 0 : 1;
    }
    f[22] = Math.min(5, w.size()) / 5f;
    f[23] = c.nullable() ? 1 : 0;
    return f;
  }

  private static String computeFingerprint(List<Node> nodes) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Node n : nodes) {
        md.update(n.id().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(n.text().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 1);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** The catalog's fingerprint, or a SHA-256 of the node ids and texts where the catalog has none. */
  public String fingerprint() {
    return fingerprint;
  }

  /** Nodes: each table followed by its columns, in catalog order. */
  public List<Node> nodes() {
    return nodes;
  }

  /** Number of nodes. */
  public int size() {
    return nodes.size();
  }

  /** Number of table nodes. */
  public int tableCount() {
    return tableCount;
  }

  /** The index of a node id, or -1. */
  public int indexOf(String id) {
    Integer i = byId.get(id);
    return i == null ? -1 : i;
  }

  /** The index of a column node (exact names), or -1. */
  public int columnIndex(String table, String column) {
    return indexOf(columnId(table, column));
  }

  /** Static features, {@code size() x STATIC_FEATURES}; do not modify. */
  public float[][] staticFeatures() {
    return staticFeatures;
  }

  /** Edge sources; do not modify. */
  public int[] edgeSource() {
    return edgeSource;
  }

  /** Edge targets; do not modify. */
  public int[] edgeTarget() {
    return edgeTarget;
  }

  /** Edge relations ({@link Relation#ordinal()}); do not modify. */
  public int[] edgeRelation() {
    return edgeRelation;
  }

  /** Edge weights (1 / in-degree of the target under the relation); do not modify. */
  public float[] edgeWeight() {
    return edgeWeight;
  }

  /** The node texts, in node order. */
  public List<String> texts() {
    List<String> out = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      out.add(n.text());
    }
    return out;
  }
}
