package io.github.nl2sql.internal.link;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.ColumnStats;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.link.Evidence;
import io.github.nl2sql.link.JoinEdge;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.link.LinkedColumn;
import io.github.nl2sql.link.LinkedTable;
import io.github.nl2sql.link.Linking;
import io.github.nl2sql.link.SchemaLinker;
import io.github.nl2sql.link.Selection;
import io.github.nl2sql.link.Signal;
import io.github.nl2sql.link.ValueMatch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links questions to a schema with no model: name tokens (snake_case/camelCase split, plural/singular,
 * abbreviations), comments, and matches of question words or quoted strings against columns' frequent
 * values (e.g. "Theory" -> {@code products.brand}). The per-catalog index is built once and cached by
 * catalog identity. Thread-safe.
 */
public final class LexicalLinker implements SchemaLinker {
  private static final Pattern QUOTED = Pattern.compile("[\"'\u201c\u2018]([^\"'\u201d\u2019]{1,80})[\"'\u201d\u2019]");
  private static final Set<String> GENERIC = Set.of("id", "name", "code", "type", "number", "date", "no");

  private final Cache<Catalog, SchemaIndex> indexes = Caffeine.newBuilder().weakKeys().maximumSize(64).build();

  @Override
  public Linking link(String question, Catalog catalog, LinkOptions options) {
    if (question == null || question.isBlank()) {
      throw new IllegalArgumentException("question must not be null or blank");
    }
    SchemaIndex index = indexes.get(catalog, SchemaIndex::new);
    Set<Signal> signals = options.signals();
    boolean lexical = signals.contains(Signal.LEXICAL);
    boolean comment = signals.contains(Signal.COMMENT);
    boolean value = signals.contains(Signal.VALUE);

    List<String> words = new ArrayList<>();
    for (String w : Words.splitText(question)) {
      if (!Words.STOP.contains(w)) {
        words.add(Words.stem(w));
      }
    }
    List<String> phrases = bigrams(words);

    // values first: they are evidence for columns and tables
    List<ValueMatch> values = value ? matchValues(question, index) : List.of();
    // identity maps: the entries are unique per index, and their record hashCode would hash whole columns
    // (statistics included), which dominated linking time on catalogs with thousands of columns
    Map<SchemaIndex.ColumnEntry, ValueMatch> valueByColumn = new IdentityHashMap<>();
    for (ValueMatch m : values) {
      valueByColumn.merge(index.column(m.table(), m.column()), m, (a, b) -> a.score() >= b.score() ? a : b);
    }

    Map<SchemaIndex.TableEntry, Double> tableOwn = new IdentityHashMap<>();
    Map<SchemaIndex.TableEntry, List<Evidence>> tableEvidence = new IdentityHashMap<>();
    Map<SchemaIndex.ColumnEntry, Double> columnOwn = new IdentityHashMap<>();
    Map<SchemaIndex.ColumnEntry, List<Evidence>> columnEvidence = new IdentityHashMap<>();

    for (SchemaIndex.TableEntry t : index.tables) {
      List<Evidence> ev = new ArrayList<>();
      double own = nameAndComment(t.nameWords, t.table.name(), t.commentWords, t.table.comment(), words,
          phrases, lexical, comment, ev);
      tableOwn.put(t, own);
      tableEvidence.put(t, ev);
      for (SchemaIndex.ColumnEntry c : t.columns) {
        List<Evidence> cev = new ArrayList<>();
        double cown = nameAndComment(c.nameWords, c.column.name(), c.commentWords, c.column.comment(),
            words, phrases, lexical, comment, cev);
        ValueMatch vm = valueByColumn.get(c);
        if (vm != null) {
          cown = Math.max(cown, 0.9 * vm.score());
          cev.add(new Evidence(Signal.VALUE, vm.matched(), vm.value(), vm.score()));
        }
        columnOwn.put(c, cown);
        columnEvidence.put(c, cev);
      }
    }

    // tables gain from their best columns; columns gain from their table
    List<LinkedTable> tables = new ArrayList<>();
    Map<String, Double> tableScore = new HashMap<>();
    for (SchemaIndex.TableEntry t : index.tables) {
      double bestCol = 0;
      for (SchemaIndex.ColumnEntry c : t.columns) {
        bestCol = Math.max(bestCol, columnOwn.get(c) * (c.generic ? 0.3 : 1.0));
      }
      double s = Math.min(1.0, tableOwn.get(t) + 0.35 * bestCol);
      tableScore.put(t.key, s);
      tables.add(new LinkedTable(t.key, s, tableEvidence.get(t)));
    }
    List<LinkedColumn> columns = new ArrayList<>();
    for (SchemaIndex.TableEntry t : index.tables) {
      double ts = tableScore.get(t.key);
      for (SchemaIndex.ColumnEntry c : t.columns) {
        double s = columnOwn.get(c) + 0.3 * ts + (c.key ? 0.15 * ts : 0);
        columns.add(new LinkedColumn(t.key, c.column.name(), Math.min(1.0, s), columnEvidence.get(c)));
      }
    }
    // stable: score desc, then catalog order (the lists are in catalog order and sort is stable)
    tables.sort(Comparator.comparingDouble(LinkedTable::score).reversed());
    columns.sort(Comparator.comparingDouble(LinkedColumn::score).reversed());
    Selection selection = select(index, tables, columns, options, index.graph);
    return new Linking(question, tables, columns, values, selection);
  }

  /**
   * The selection this linker would make from rankings computed elsewhere (embedding, GNN, fused): the top
   * tables, closed under FK paths, with their key columns and best columns within the token budget. Lets
   * other linkers share one selection policy.
   *
   * @param catalog the catalog the rankings refer to
   * @param tables tables ranked best first; scores in 0..1
   * @param columns columns ranked best first; scores in 0..1
   * @param options token budget and table cap
   * @throws IllegalArgumentException when a ranked table is not in {@code catalog}
   */
  public Selection select(Catalog catalog, List<LinkedTable> tables, List<LinkedColumn> columns,
      LinkOptions options) {
    SchemaIndex index = indexes.get(catalog, SchemaIndex::new);
    for (LinkedTable t : tables) {
      if (index.table(t.table()) == null) {
        throw new IllegalArgumentException("ranked table " + t.table() + " is not in the catalog");
      }
    }
    return select(index, tables, columns, options, index.graph);
  }

  /**
   * Like {@link #select(Catalog, List, List, LinkOptions)}, with extra join edges (e.g. inferred joins of
   * a schema that declares no foreign keys) used beside the declared ones to close the selection.
   *
   * @param extraJoins additional joins between tables of {@code catalog}; unknown tables are ignored
   */
  public Selection select(Catalog catalog, List<LinkedTable> tables, List<LinkedColumn> columns,
      LinkOptions options, List<JoinEdge> extraJoins) {
    if (extraJoins.isEmpty()) {
      return select(catalog, tables, columns, options);
    }
    SchemaIndex index = indexes.get(catalog, SchemaIndex::new);
    Map<String, List<JoinEdge>> graph = new HashMap<>();
    index.graph.forEach((k, v) -> graph.put(k, new ArrayList<>(v)));
    for (JoinEdge e : extraJoins) {
      SchemaIndex.TableEntry from = index.table(e.fromTable());
      SchemaIndex.TableEntry to = index.table(e.toTable());
      if (from != null && to != null && from != to) {
        graph.computeIfAbsent(from.key, k -> new ArrayList<>()).add(e);
        graph.computeIfAbsent(to.key, k -> new ArrayList<>()).add(e);
      }
    }
    return select(index, tables, columns, options, graph);
  }

  /**
   * The own score of a table or column from its name words (LEXICAL) and comment words (COMMENT, weighed
   * 0.6), adding the evidence for each signal that matched to {@code evidence}.
   */
  private static double nameAndComment(List<String> nameWords, String name, List<String> commentWords,
      String commentText, List<String> words, List<String> phrases, boolean lexical, boolean comment,
      List<Evidence> evidence) {
    double own = 0;
    if (lexical) {
      Match m = match(nameWords, words, phrases);
      if (m.score > 0) {
        own = m.score;
        evidence.add(new Evidence(Signal.LEXICAL, m.matched, name, m.score));
      }
    }
    if (comment && !commentWords.isEmpty()) {
      Match m = matchComment(commentWords, words);
      if (m.score > 0) {
        own = Math.max(own, 0.6 * m.score);
        evidence.add(new Evidence(Signal.COMMENT, m.matched, commentText, m.score));
      }
    }
    return own;
  }

  private static List<String> bigrams(List<String> words) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < words.size(); i++) {
      out.add(words.get(i) + words.get(i + 1));
    }
    return out;
  }

  /** A score and the question words that produced it. */
  private record Match(double score, String matched) {
    static final Match NONE = new Match(0, null);
  }

  /** Weighted coverage of an element's name words by question words. */
  private static Match match(List<String> nameWords, List<String> words, List<String> phrases) {
    if (nameWords.isEmpty()) {
      return Match.NONE;
    }
    String joined = String.join("", nameWords);
    if (nameWords.size() > 1 && (phrases.contains(joined) || words.contains(joined))) {
      return new Match(1.0, joined);
    }
    double total = 0;
    double got = 0;
    List<String> matched = new ArrayList<>();
    for (String n : nameWords) {
      double w = GENERIC.contains(n) ? 0.5 : 1.0;
      total += w;
      double best = 0;
      String bestWord = null;
      for (String q : words) {
        double s = Words.similarity(n, q);
        if (s > best) {
          best = s;
          bestWord = q;
        }
      }
      if (best > 0) {
        got += w * best;
        matched.add(bestWord);
      }
    }
    if (got == 0) {
      return Match.NONE;
    }
    // a match only on generic words ("id", "name") is weak evidence
    double score = got / total;
    boolean onlyGeneric = nameWords.stream().filter(n -> !GENERIC.contains(n)).noneMatch(matched::contains)
        && nameWords.stream().anyMatch(n -> !GENERIC.contains(n));
    return new Match(onlyGeneric ? score * 0.5 : score, String.join(" ", matched));
  }

  private static Match matchComment(List<String> commentWords, List<String> words) {
    int hits = 0;
    List<String> matched = new ArrayList<>();
    for (String c : new LinkedHashSet<>(commentWords)) {
      if (words.contains(c)) {
        hits++;
        matched.add(c);
      }
    }
    if (hits == 0) {
      return Match.NONE;
    }
    return new Match(Math.min(1.0, hits / (double) Math.min(3, commentWords.size())), String.join(" ", matched));
  }

  private static List<ValueMatch> matchValues(String question, SchemaIndex index) {
    if (index.values.isEmpty()) {
      return List.of();
    }
    List<ValueMatch> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    // quoted strings are the strongest hint
    Matcher qm = QUOTED.matcher(question);
    while (qm.find()) {
      String q = qm.group(1).trim();
      addValueMatches(index, q, 1.0, out, seen);
    }
    // word n-grams (1..4) in the original casing
    List<String> raw = new ArrayList<>();
    for (String w : question.split("[^\\p{L}\\p{N}'&.-]+")) {
      String t = w.replaceAll("^[.'-]+|[.'-]+$", "");
      if (!t.isEmpty()) {
        raw.add(t);
      }
    }
    for (int n = 4; n >= 1; n--) {
      for (int i = 0; i + n <= raw.size(); i++) {
        String gram = String.join(" ", raw.subList(i, i + n));
        if (n == 1 && gram.length() >= 2 && Words.STOP.contains(gram.toLowerCase(Locale.ROOT))
            && gram.equals(gram.toUpperCase(Locale.ROOT))) {
          // "in division AS": a stop word in capitals is a code when a column stores it so, case and all
          addValueMatches(index, gram, 0.95, true, out, seen);
          continue;
        }
        if (n == 1 && (Words.STOP.contains(gram.toLowerCase(Locale.ROOT)) || gram.length() < 2)) {
          continue;
        }
        addValueMatches(index, gram, n == 1 && !Character.isUpperCase(gram.charAt(0)) ? 0.8 : 0.95, out, seen);
      }
    }
    out.sort(Comparator.comparingDouble(ValueMatch::score).reversed());
    return out;
  }

  private static final Pattern ABBREVIATION_DOT = Pattern.compile("(?<=\\p{L})\\.");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * How a stored value and the words of a question are compared: ignoring case, runs of white space, and
   * a period after a letter ("St. Helena" is asked as "St. Helena." or "St Helena", and the question's words
   * lose the period that ends the sentence); a period between digits stays ("3.5" is not "35").
   */
  static String valueKey(String text) {
    String t = ABBREVIATION_DOT.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
    return SPACES.matcher(t).replaceAll(" ").trim();
  }

  private static void addValueMatches(SchemaIndex index, String text, double score, List<ValueMatch> out,
      Set<String> seen) {
    addValueMatches(index, text, score, false, out, seen);
  }

  /** The stored values {@code text} matches by {@link #valueKey}, or, when {@code exact}, also case and all. */
  private static void addValueMatches(SchemaIndex index, String text, double score, boolean exact,
      List<ValueMatch> out, Set<String> seen) {
    List<SchemaIndex.ValueEntry> hits = index.values.get(valueKey(text));
    if (hits == null) {
      return;
    }
    for (SchemaIndex.ValueEntry v : hits) {
      if ((!exact || v.value().equals(text)) && seen.add(v.table() + "\u0000" + v.column() + "\u0000" + v.value())) {
        out.add(new ValueMatch(v.table(), v.column(), v.value(), text, score));
      }
    }
  }

  /** Top tables, closed under FK paths, with their best columns and key columns, within the token budget. */
  private static Selection select(SchemaIndex index, List<LinkedTable> tables, List<LinkedColumn> columns,
      LinkOptions options, Map<String, List<JoinEdge>> graph) {
    double top = tables.isEmpty() ? 0 : tables.get(0).score();
    List<String> chosen = new ArrayList<>();
    for (LinkedTable t : tables) {
      if (chosen.size() >= options.maxTables()) {
        break;
      }
      if (chosen.isEmpty() || (t.score() > 0 && t.score() >= 0.45 * top)) {
        chosen.add(t.table());
      }
    }
    LinkedHashSet<String> closed = new LinkedHashSet<>(chosen);
    List<JoinEdge> joins = new ArrayList<>();
    if (!chosen.isEmpty()) {
      String root = chosen.get(0);
      for (String target : chosen.subList(1, chosen.size())) {
        List<JoinEdge> path = SchemaIndex.path(graph, root, target);
        for (JoinEdge e : path) {
          closed.add(e.fromTable());
          closed.add(e.toTable());
          if (!joins.contains(e)) {
            joins.add(e);
          }
        }
      }
    }
    // key columns of joins always; then the best columns of chosen tables until the budget is spent
    Map<String, List<String>> cols = new LinkedHashMap<>();
    int tokens = 0;
    for (String t : closed) {
      cols.put(t, new ArrayList<>());
      tokens += 3 + Words.splitIdentifier(t).size();
    }
    for (JoinEdge e : joins) {
      for (String c : e.fromColumns()) {
        tokens += addColumn(cols, e.fromTable(), c);
      }
      for (String c : e.toColumns()) {
        tokens += addColumn(cols, e.toTable(), c);
      }
    }
    for (String t : closed) {
      for (String pk : index.table(t).table.primaryKey()) {
        tokens += addColumn(cols, t, pk);
      }
    }
    for (LinkedColumn c : columns) {
      if (tokens >= options.tokenBudget()) {
        break;
      }
      if (cols.containsKey(c.table()) && c.score() > 0) {
        tokens += addColumn(cols, c.table(), c.column());
      }
    }
    return new Selection(new ArrayList<>(closed), cols, joins, tokens);
  }

  private static int addColumn(Map<String, List<String>> cols, String table, String column) {
    List<String> list = cols.get(table);
    if (list == null || list.contains(column)) {
      return 0;
    }
    list.add(column);
    return 2 + Words.splitIdentifier(column).size();
  }

  /** Precomputed words, values and join graph of one catalog. */
  static final class SchemaIndex {
    record ColumnEntry(TableEntry owner, Column column, List<String> nameWords, List<String> commentWords,
        boolean key, boolean generic) {}

    record ValueEntry(String table, String column, String value) {}

    static final class TableEntry {
      final String key;
      final Table table;
      final List<String> nameWords;
      final List<String> commentWords;
      final List<ColumnEntry> columns = new ArrayList<>();

      TableEntry(Table table) {
        this.table = table;
        this.key = table.name();
        this.nameWords = normalise(Words.splitIdentifier(table.name()));
        this.commentWords = commentWords(table.comment());
      }
    }

    final List<TableEntry> tables = new ArrayList<>();
    final Map<String, TableEntry> byName = new HashMap<>();
    final Map<String, List<ValueEntry>> values = new HashMap<>();
    final Map<String, List<JoinEdge>> graph = new HashMap<>();

    SchemaIndex(Catalog catalog) {
      for (Table t : catalog.tables()) {
        TableEntry te = new TableEntry(t);
        Set<String> keys = new HashSet<>(t.primaryKey());
        for (ForeignKey fk : t.foreignKeys()) {
          keys.addAll(fk.columns());
        }
        for (Column c : t.columns()) {
          List<String> nw = normalise(Words.splitIdentifier(c.name()));
          boolean generic = !nw.isEmpty() && nw.stream().allMatch(GENERIC::contains);
          te.columns.add(new ColumnEntry(te, c, nw, commentWords(c.comment()), keys.contains(c.name()), generic));
          ColumnStats s = c.stats();
          if (s != null) {
            for (ColumnStats.FrequentValue fv : s.frequentValues()) {
              if (fv.value() != null && fv.value().length() >= 2 && !fv.value().chars().allMatch(Character::isDigit)) {
                values.computeIfAbsent(valueKey(fv.value()), k -> new ArrayList<>())
                    .add(new ValueEntry(t.name(), c.name(), fv.value()));
              }
            }
          }
          for (String ev : c.enumValues()) {
            values.computeIfAbsent(valueKey(ev), k -> new ArrayList<>())
                .add(new ValueEntry(t.name(), c.name(), ev));
          }
        }
        tables.add(te);
        byName.putIfAbsent(t.name().toLowerCase(Locale.ROOT), te);
      }
      for (Table t : catalog.tables()) {
        for (ForeignKey fk : t.foreignKeys()) {
          TableEntry to = byName.get(fk.referencedTable().toLowerCase(Locale.ROOT));
          if (to == null || to.table == t) {
            continue;
          }
          JoinEdge e = new JoinEdge(t.name(), fk.columns(), to.key, fk.referencedColumns(), false);
          graph.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(e);
          graph.computeIfAbsent(to.key, k -> new ArrayList<>()).add(e);
        }
      }
    }

    TableEntry table(String name) {
      return byName.get(name.toLowerCase(Locale.ROOT));
    }

    ColumnEntry column(String table, String column) {
      TableEntry t = table(table);
      for (ColumnEntry c : t.columns) {
        if (c.column.name().equals(column)) {
          return c;
        }
      }
      throw new IllegalStateException("no column " + table + "." + column);
    }

    /** Shortest FK path between two tables (breadth first), as edges; empty when not connected. */
    static List<JoinEdge> path(Map<String, List<JoinEdge>> graph, String from, String to) {
      Map<String, JoinEdge> via = new HashMap<>();
      ArrayDeque<String> queue = new ArrayDeque<>();
      Set<String> seen = new HashSet<>();
      queue.add(from);
      seen.add(from);
      while (!queue.isEmpty()) {
        String cur = queue.poll();
        if (cur.equals(to)) {
          List<JoinEdge> path = new ArrayList<>();
          for (String n = to; !n.equals(from); ) {
            JoinEdge e = via.get(n);
            path.add(0, e);
            n = e.fromTable().equals(n) ? e.toTable() : e.fromTable();
          }
          return path;
        }
        for (JoinEdge e : graph.getOrDefault(cur, List.of())) {
          String next = e.fromTable().equals(cur) ? e.toTable() : e.fromTable();
          if (seen.add(next)) {
            via.put(next, e);
            queue.add(next);
          }
        }
      }
      return List.of();
    }

    private static List<String> normalise(List<String> words) {
      List<String> out = new ArrayList<>(words.size());
      for (String w : words) {
        out.add(Words.normaliseSchemaWord(w));
      }
      return out;
    }

    private static List<String> commentWords(String comment) {
      if (comment == null || comment.isBlank()) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (String w : Words.splitText(comment)) {
        if (!Words.STOP.contains(w)) {
          out.add(Words.stem(w));
        }
      }
      return out;
    }
  }
}
