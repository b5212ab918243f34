package io.github.nl2sql.gnn;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.internal.link.LexicalLinker;
import io.github.nl2sql.internal.link.Words;
import io.github.nl2sql.link.Evidence;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.link.LinkedColumn;
import io.github.nl2sql.link.LinkedTable;
import io.github.nl2sql.link.Linking;
import io.github.nl2sql.link.Selection;
import io.github.nl2sql.link.SchemaLinker;
import io.github.nl2sql.link.Signal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the words of a question that name a table or a column by another word ("goods" for products,
 * "clients" for customers, "altitude" for elevation) and adds them to another linker's result as word-level
 * {@link Signal#EMBEDDING} evidence: {@link Evidence#matched()} is the question's word, {@link
 * Evidence#detail()} the table's (or {@code table.column}) name, the score the cosine similarity of the two
 * in the in-process MiniLM model. nl2sql-core's offline planner reads such evidence as a mention of the
 * table or column, at a lower confidence than its own name, so questions in the user's words can be
 * answered without a language model.
 *
 * <p>A word counts only when it is not a stop word, a verb form in -ing or -ed, or a value the catalog's
 * statistics show stored (then it filters a table rather than naming one), shares no stem with a schema
 * name, is at least
 * {@code minSimilarity} close to one table's name (as it is, or with its last word in the other number:
 * "customer" and "customers") and at least {@code minMargin} closer to it than to any other table's: a word
 * about as close to two tables says neither. A word no table is close to may name a column, at the stricter
 * {@value #COLUMN_SIMILARITY} (there are many more columns); a column named as its table (railway.Railway)
 * stands for the table. A table or column a word names ranks at least as high as the word's similarity to
 * it, and the selection (what a language model is shown) is made again from that ranking with the lexical
 * linker's policy, keeping the joins of the base linker's selection.
 * Without {@link Signal#EMBEDDING} in the options' signals nothing is added.
 *
 * <p>Thread-safe. Table-name vectors are cached per catalog fingerprint and word vectors per word (both
 * bounded), so after the first questions a link costs one embedding per new word.
 */
public final class SynonymLinker implements SchemaLinker {
  /** The default least cosine similarity of a word and a table's name. */
  public static final double DEFAULT_MIN_SIMILARITY = 0.65;

  /** The least cosine similarity of a word and a column's name (columns are many: stricter than tables). */
  static final double COLUMN_SIMILARITY = 0.7;

  /** The default least lead of the closest table over the next one. */
  public static final double DEFAULT_MIN_MARGIN = 0.08;

  /** Words that ask how, not about what: never read as a table (nor are {@link Words#STOP}). */
  private static final Set<String> QUESTION_WORDS = Set.of("average", "total", "maximum", "minimum", "number",
      "count", "highest", "lowest", "largest", "smallest", "biggest", "most", "least", "more", "less", "name",
      "names", "different", "distinct", "order", "sorted", "ascending", "descending", "year", "years", "having",
      "either", "other", "same", "after", "before", "above", "below", "under", "over", "without", "then",
      "information", "details", "info", "records", "record", "data", "type", "types", "kind", "kinds", "value",
      "values", "like");

  private final SchemaLinker base;
  /** Makes the selection again: the base itself when it is the lexical linker (its index is cached). */
  private final LexicalLinker selector;
  private final TextEmbedder embedder;
  private final double minSimilarity;
  private final double minMargin;
  private final Cache<String, TableNames> schemas = Caffeine.newBuilder().maximumSize(64).build();
  /** Word vectors: 10,000 words of 384 floats are about 16 MB, the most this linker keeps for them. */
  private final Cache<String, float[]> words = Caffeine.newBuilder().maximumSize(10_000).build();

  /** Over nl2sql-core's lexical and value linker, with the default thresholds and the shared MiniLM model. */
  public SynonymLinker() {
    this(new LexicalLinker(), DEFAULT_MIN_SIMILARITY, DEFAULT_MIN_MARGIN);
  }

  /**
   * Over {@code base} (for example a {@link FusedLinker}).
   *
   * @param base the linker whose result is extended
   * @param minSimilarity least cosine similarity of a word and a table's name, in (0, 1]
   * @param minMargin least lead of the closest table over the next one, in [0, 1)
   * @throws IllegalArgumentException when a threshold is out of range
   */
  public SynonymLinker(SchemaLinker base, double minSimilarity, double minMargin) {
    this.base = Objects.requireNonNull(base, "base");
    this.selector = base instanceof LexicalLinker lexical ? lexical : new LexicalLinker();
    if (!(minSimilarity > 0 && minSimilarity <= 1)) {
      throw new IllegalArgumentException("minSimilarity must be in (0, 1], got " + minSimilarity);
    }
    if (!(minMargin >= 0 && minMargin < 1)) {
      throw new IllegalArgumentException("minMargin must be in [0, 1), got " + minMargin);
    }
    this.embedder = TextEmbedder.miniLm();
    this.minSimilarity = minSimilarity;
    this.minMargin = minMargin;
  }

  @Override
  public Linking link(String question, Catalog catalog, LinkOptions options) {
    Linking linked = base.link(question, catalog, options);
    if (!options.signals().contains(Signal.EMBEDDING) || catalog.tables().isEmpty()) {
      return linked;
    }
    TableNames names = schemas.get(catalog.fingerprint(), k -> TableNames.of(catalog, embedder));
    Map<String, List<Evidence>> added = new LinkedHashMap<>();
    Map<String, List<Evidence>> addedColumns = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (String raw : question.split("[^\\p{L}]+")) {
      String w = raw.toLowerCase(Locale.ROOT);
      String stem = Words.singular(w);
      if (w.length() < 4 || !seen.add(w) || Words.STOP.contains(w) || QUESTION_WORDS.contains(w)
          || w.endsWith("ing") || w.endsWith("ed") || names.sharesStem(stem)
          || names.values().contains(w) || names.values().contains(stem)) {
        // (a verb form, "living", names how rows relate rather than a table; a stored value, "professors"
        // for Rank 'Professor', is a filter on a table rather than the table)
        continue;
      }
      float[] v = words.get(w, embedder::embed);
      // (a table's name as it is and with its last word in the other number: "product" and "products")
      Closest table = Closest.of(v, names.vectors(), 2);
      if (table.similarity() >= minSimilarity && table.lead() >= minMargin) {
        String name = names.tables().get(table.index());
        added.computeIfAbsent(name, k -> new ArrayList<>()).add(new Evidence(Signal.EMBEDDING, raw, name, table.similarity()));
        continue;
      }
      Closest column = Closest.of(v, names.columnVectors(), 1);
      if (column.similarity() >= COLUMN_SIMILARITY && column.lead() >= minMargin) {
        ColumnName c = names.columns().get(column.index());
        if (Words.splitIdentifier(c.table()).equals(Words.splitIdentifier(c.column()))) {
          // railway.Railway: a column named as its table names the table's rows ("railroads")
          added.computeIfAbsent(c.table(), k -> new ArrayList<>())
              .add(new Evidence(Signal.EMBEDDING, raw, c.table(), column.similarity()));
        } else {
          addedColumns.computeIfAbsent(c.table() + "." + c.column(), k -> new ArrayList<>())
              .add(new Evidence(Signal.EMBEDDING, raw, c.table() + "." + c.column(), column.similarity()));
        }
      }
    }
    if (added.isEmpty() && addedColumns.isEmpty()) {
      return linked;
    }
    // a word's table or column ranks at least as high as the word is close to it, and the selection a
    // model is shown is made again from that ranking ("cars" puts vehicles in the prompt)
    List<LinkedColumn> columns = new ArrayList<>(linked.columns().stream()
        .map(c -> !addedColumns.containsKey(c.qualifiedName()) ? c : new LinkedColumn(
            c.table(), c.column(), Math.max(c.score(), best(addedColumns.get(c.qualifiedName()))),
            plus(c.evidence(), addedColumns.get(c.qualifiedName()))))
        .toList());
    List<LinkedTable> tables = new ArrayList<>(linked.tables().stream()
        .map(t -> !added.containsKey(t.table()) ? t
            : new LinkedTable(t.table(), Math.max(t.score(), best(added.get(t.table()))),
                plus(t.evidence(), added.get(t.table()))))
        .toList());
    columns.sort(Comparator.comparingDouble(LinkedColumn::score).reversed());
    tables.sort(Comparator.comparingDouble(LinkedTable::score).reversed());
    // (a base other than the lexical linker may have joined tables over inferred joins: they are kept)
    Selection selection = selector == base
        ? selector.select(catalog, tables, columns, options)
        : selector.select(catalog, tables, columns, options, linked.selection().joins());
    return new Linking(linked.question(), tables, columns, linked.values(), selection);
  }

  private static double best(List<Evidence> evidence) {
    return evidence.stream().mapToDouble(Evidence::score).max().orElse(0);
  }

  private static List<Evidence> plus(List<Evidence> evidence, List<Evidence> more) {
    List<Evidence> out = new ArrayList<>(evidence);
    out.addAll(more);
    return out;
  }

  /** The element closest to a word, its cosine, and its lead over the next element. */
  private record Closest(int index, double similarity, double lead) {
    /** Over {@code vectors} taken {@code per} at a time as one element (the best of them counts). */
    static Closest of(float[] v, float[][] vectors, int per) {
      int best = -1;
      double first = -1;
      double second = -1;
      for (int e = 0; e < vectors.length / per; e++) {
        double c = -1;
        for (int k = 0; k < per; k++) {
          c = Math.max(c, dot(v, vectors[e * per + k]));
        }
        if (c > first) {
          second = first;
          first = c;
          best = e;
        } else if (c > second) {
          second = c;
        }
      }
      return new Closest(best, first, first - second);
    }
  }

  /** A column by its table's and its own name. */
  private record ColumnName(String table, String column) {}

  private static double dot(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += a[i] * b[i];
    }
    return d;
  }

  /**
   * Table names as phrases and their vectors (two per table: as named, and with the last word in the other
   * number), every stem of the schema's names, and short stored values.
   */
  private record TableNames(List<String> tables, float[][] vectors, List<ColumnName> columns,
      float[][] columnVectors, Set<String> stems, Set<String> values) {
    static TableNames of(Catalog catalog, TextEmbedder embedder) {
      List<String> tables = new ArrayList<>();
      List<String> phrases = new ArrayList<>();
      Set<String> stems = new HashSet<>();
      Set<String> values = new HashSet<>();
      List<ColumnName> columns = new ArrayList<>();
      List<String> columnPhrases = new ArrayList<>();
      for (Table t : catalog.tables()) {
        List<String> w = Words.splitIdentifier(t.name());
        if (w.isEmpty()) {
          continue;
        }
        tables.add(t.name());
        String phrase = String.join(" ", w);
        phrases.add(phrase);
        String last = w.get(w.size() - 1);
        String other = Words.singular(last).equals(last) ? Words.plural(last) : Words.singular(last);
        List<String> inOtherNumber = new ArrayList<>(w.subList(0, w.size() - 1));
        inOtherNumber.add(other);
        phrases.add(String.join(" ", inOtherNumber));
        w.forEach(x -> stems.add(Words.singular(x)));
        for (Column c : t.columns()) {
          List<String> cw = Words.splitIdentifier(c.name());
          cw.forEach(x -> stems.add(Words.singular(x)));
          if (!cw.isEmpty() && !cw.contains("id")) {
            columns.add(new ColumnName(t.name(), c.name()));
            columnPhrases.add(String.join(" ", cw));
          }
          if (c.stats() != null) {
            c.stats().frequentValues().stream().map(v -> v.value())
                .filter(v -> v != null && v.length() <= 40 && !v.isBlank())
                .forEach(v -> values.add(v.trim().toLowerCase(Locale.ROOT)));
          }
        }
      }
      return new TableNames(List.copyOf(tables), embedder.embedAll(phrases), List.copyOf(columns),
          embedder.embedAll(columnPhrases), Set.copyOf(stems), Set.copyOf(values));
    }

    /** Whether {@code stem} is a schema word, or one begins the other (four letters or more). */
    boolean sharesStem(String stem) {
      if (stems.contains(stem)) {
        return true;
      }
      for (String s : stems) {
        if (s.length() >= 4 && stem.length() >= 4 && (s.startsWith(stem) || stem.startsWith(s))) {
          return true;
        }
      }
      return false;
    }
  }
}
