package io.github.nl2sql.bench;

import io.github.nl2sql.bench.SqlTokens.Kind;
import io.github.nl2sql.bench.SqlTokens.Token;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.diagnostics.Position;
import io.github.nl2sql.internal.sql.ImportResult;
import io.github.nl2sql.internal.sql.SourceMap;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.TableRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Makes invalid variants ({@link Mutant}s) of a valid query, deterministically for a given seed.
 *
 * <p>Identifiers are located with the importer's {@link SourceMap} when an {@link ImportResult} is
 * given: every {@link TableRef.Table} naming a catalog table and every {@link Expr.Column} naming a
 * column of a table the query reads (through its qualifier, or unqualified and not an alias) is an
 * occurrence, at the name token inside the node's span. Without IR the tokenizer ({@link SqlTokens})
 * decides: a table occurrence is a catalog table name right after FROM, JOIN or a comma of a FROM list
 * (its alias follows, with or without AS); a column occurrence is the name after {@code qualifier.},
 * or a bare word that names a column of a table of the query and is neither an alias nor a function
 * name. Double-quoted text is never touched (Spider uses it for strings).
 *
 * <ul>
 *   <li>{@link Mutant.Kind#MISSPELL}: one occurrence gets one random edit (insert, delete, substitute or
 *       transpose a character); the result must not be a table, column, alias or keyword of that
 *       database/query.
 *   <li>{@link Mutant.Kind#DROP}: one table occurrence leaves the query: a joined table with its JOIN
 *       keyword and ON/USING condition, a comma-listed table with its comma, the first table of a JOIN
 *       chain with the following JOIN's condition, or a lone table with its whole FROM clause. The
 *       references to it that remain make the query invalid.
 *   <li>{@link Mutant.Kind#SWAP}: one column occurrence becomes a column name of the database that no
 *       table of the query has: by default one of the three such names closest to the original (edit
 *       distance) among those that are a plausible confusion ({@link #similar}: a shared word, or a
 *       small edit distance), so the original can be inferred; {@link SwapChoice#RANDOM} picks any. (Table names are not swapped: the swapped-in table exists, so no diagnostic is
 *       about it and "the original name first" would be undefined.)
 * </ul>
 *
 * Every mutant is checked with {@code verifier} (SQLite prepare): only mutants SQLite rejects with a
 * name-resolution error ({@code no such column}, {@code no such table}, {@code ambiguous column name})
 * are kept, so each one is genuinely invalid for the reason the mutation meant (dropping a subquery's
 * only table can also leave e.g. an aggregate of an outer column, which SQLite rejects as "misuse of
 * aggregate": such mutants test something else and are not kept). Not thread-safe.
 */
public final class MutationGenerator {
  private static final Set<String> CLAUSE_END = Set.of("JOIN", "INNER", "LEFT", "RIGHT", "CROSS",
      "NATURAL", "FULL", "WHERE", "GROUP", "ORDER", "LIMIT", "HAVING", "UNION", "INTERSECT", "EXCEPT",
      "OFFSET", ";", ",", ")");
  private static final Set<String> JOIN_WORDS = Set.of("JOIN", "INNER", "LEFT", "RIGHT", "CROSS",
      "NATURAL", "FULL", "OUTER");
  private static final int ATTEMPTS = 8;
  private static final int SIMILAR_POOL = 3;

  /** How SWAP picks the replacement among the out-of-scope column names. */
  public enum SwapChoice {
    /** One of the three names closest to the original among the plausible confusions ({@link #similar}). */
    SIMILAR,
    /** Any of them, uniformly. */
    RANDOM
  }
  private static final Set<String> NAME_ERRORS = Set.of("no such column", "no such table",
      "ambiguous column name");

  /** A table or column name occurrence in the SQL text. */
  record Occurrence(boolean table, int token, String name) {}

  private final String sql;
  private final Catalog catalog;
  private final Function<String, String> verifier;
  private final List<Token> tokens;
  private final List<Occurrence> tables = new ArrayList<>();
  private final List<Occurrence> columns = new ArrayList<>();
  private final Set<String> aliases = new HashSet<>();
  private final Set<String> queryTables = new HashSet<>();
  private final Set<String> allNames = new HashSet<>();
  private String locator;
  private SwapChoice swapChoice = SwapChoice.SIMILAR;

  /**
   * @param sql a query that is valid on {@code catalog}'s database
   * @param catalog its database's catalog
   * @param verifier SQLite's prepare: returns {@code null} when it accepts the SQL, else the message
   */
  public MutationGenerator(String sql, Catalog catalog, Function<String, String> verifier) {
    this(sql, catalog, null, verifier);
  }

  /**
   * Like {@link #MutationGenerator(String, Catalog, Function)}, locating identifiers with the
   * importer's {@link SourceMap} when {@code imported} has IR and positions (else with the tokenizer).
   *
   * @param imported the import of {@code sql}, or {@code null}
   */
  public MutationGenerator(String sql, Catalog catalog, ImportResult imported,
      Function<String, String> verifier) {
    this.sql = sql;
    this.catalog = catalog;
    this.verifier = verifier;
    this.tokens = SqlTokens.tokenize(sql);
    for (Table t : catalog.tables()) {
      allNames.add(lower(t.name()));
      for (Column c : t.columns()) {
        allNames.add(lower(c.name()));
      }
    }
    analyse(imported);
  }

  /** Sets how SWAP picks its replacement (default {@link SwapChoice#SIMILAR}); returns this. */
  public MutationGenerator swapChoice(SwapChoice choice) {
    this.swapChoice = java.util.Objects.requireNonNull(choice, "choice");
    return this;
  }

  /** How identifiers were located: {@code source_map} or {@code tokens}. */
  public String locator() {
    return locator;
  }

  /** Table occurrences found, in text order. */
  List<Occurrence> tableOccurrences() {
    return tables;
  }

  /** Column occurrences found, in text order. */
  List<Occurrence> columnOccurrences() {
    return columns;
  }

  /**
   * Up to {@code perKind} verified mutants of each kind, in kind order; fewer when no more can be made.
   */
  public List<Mutant> generate(Random random, int perKind) {
    List<Mutant> out = new ArrayList<>();
    for (Mutant.Kind kind : Mutant.Kind.values()) {
      Set<String> seen = new HashSet<>();
      int made = 0;
      for (int attempt = 0; attempt < ATTEMPTS * perKind && made < perKind; attempt++) {
        Mutant m = switch (kind) {
          case MISSPELL -> misspell(random);
          case DROP -> drop(random);
          case SWAP -> swap(random);
        };
        if (m != null && seen.add(m.sql())) {
          out.add(m);
          made++;
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ analysis

  private void analyse(ImportResult imported) {
    Map<String, String> qualifierTables = new HashMap<>();
    Set<Integer> definitions = new HashSet<>();
    List<Occurrence> tokenTables = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.is("AS") && i + 1 < tokens.size() && isName(tokens.get(i + 1))) {
        definitions.add(i + 1);
        aliases.add(lower(tokens.get(i + 1).name()));
      }
      if (!(t.is("FROM") || t.is("JOIN"))) {
        continue;
      }
      int j = i + 1;
      while (j < tokens.size()) {
        Token name = tokens.get(j);
        Optional<Table> table = isName(name) ? catalog.table(name.name()) : Optional.empty();
        if (table.isEmpty()) {
          break;
        }
        tokenTables.add(new Occurrence(true, j, name.name()));
        definitions.add(j);
        queryTables.add(lower(table.get().name()));
        qualifierTables.put(lower(name.name()), table.get().name());
        int k = j + 1;
        if (k < tokens.size() && tokens.get(k).is("AS")) {
          k++;
        }
        if (k < tokens.size() && tokens.get(k).isIdentifier()) {
          definitions.add(k);
          aliases.add(lower(tokens.get(k).name()));
          qualifierTables.put(lower(tokens.get(k).name()), table.get().name());
          k++;
        }
        if (t.is("FROM") && k + 1 < tokens.size() && tokens.get(k).is(",")) {
          j = k + 1;
        } else {
          break;
        }
      }
    }
    if (imported != null && imported.ok() && imported.positions().size() > 0) {
      fromSourceMap(imported, qualifierTables);
      if (!tables.isEmpty() || !columns.isEmpty()) {
        locator = "source_map";
        return;
      }
    }
    locator = "tokens";
    tables.addAll(tokenTables);
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (definitions.contains(i) || !(t.isIdentifier())) {
        continue;
      }
      boolean qualified = i >= 2 && tokens.get(i - 1).is(".") && isName(tokens.get(i - 2));
      boolean qualifier = i + 1 < tokens.size() && tokens.get(i + 1).is(".");
      boolean call = i + 1 < tokens.size() && tokens.get(i + 1).is("(");
      if (qualifier || call) {
        continue;
      }
      if (isColumnOccurrence(t.name(), qualified ? tokens.get(i - 2).name() : null, qualifierTables)) {
        columns.add(new Occurrence(false, i, t.name()));
      }
    }
  }

  /**
   * Occurrences from the importer's positions: the first name token inside a {@link
   * TableRef.Table}'s span, the last one inside an {@link Expr.Column}'s span (after the qualifier).
   */
  private void fromSourceMap(ImportResult imported, Map<String, String> qualifierTables) {
    SourceMap positions = imported.positions();
    Set<Integer> seen = new HashSet<>();
    List<Object> nodes = IrNodes.names(imported.statement());
    for (Object node : nodes) {
      if (node instanceof TableRef.Table t) {
        catalog.table(t.name()).ifPresent(table -> queryTables.add(lower(table.name())));
      }
    }
    for (Object node : nodes) {
      Position p = positions.positionOf(node);
      if (p == null) {
        continue;
      }
      if (node instanceof TableRef.Table t) {
        if (catalog.table(t.name()).isEmpty()) {
          continue;
        }
        int i = nameTokenIn(p, t.name(), true);
        if (i >= 0 && seen.add(i)) {
          tables.add(new Occurrence(true, i, tokens.get(i).name()));
        }
      } else if (node instanceof Expr.Column c) {
        int i = nameTokenIn(p, c.column(), false);
        if (i >= 0 && !seen.contains(i)
            && isColumnOccurrence(tokens.get(i).name(), c.table(), qualifierTables)) {
          seen.add(i);
          columns.add(new Occurrence(false, i, tokens.get(i).name()));
        }
      }
    }
    tables.sort((a, b) -> Integer.compare(a.token(), b.token()));
    columns.sort((a, b) -> Integer.compare(a.token(), b.token()));
  }

  /** The index of the first (or last) name token spelling {@code name} inside {@code p}, or -1. */
  private int nameTokenIn(Position p, String name, boolean first) {
    int found = -1;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.start() < p.offset()) {
        continue;
      }
      if (t.end() > p.offset() + p.length()) {
        break;
      }
      if (isName(t) && t.name().equalsIgnoreCase(name)) {
        found = i;
        if (first) {
          return i;
        }
      }
    }
    return found;
  }

  /**
   * Whether {@code name} (qualified by {@code qualifier}, or not) is a column of a table of the query:
   * a column of the qualifier's table, or an unqualified name that is no alias and names a column of
   * some table the query reads.
   */
  private boolean isColumnOccurrence(String name, String qualifier, Map<String, String> qualifierTables) {
    if (qualifier != null) {
      String tableName = qualifierTables.get(lower(qualifier));
      Optional<Table> table = tableName == null ? Optional.empty() : catalog.table(tableName);
      return table.isPresent() && table.get().column(name).isPresent();
    }
    return !aliases.contains(lower(name)) && isColumnOfQueryTable(name);
  }

  private boolean isColumnOfQueryTable(String name) {
    for (String qt : queryTables) {
      Optional<Table> t = catalog.table(qt);
      if (t.isPresent() && t.get().column(name).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isName(Token t) {
    return t.kind() == Kind.WORD || t.kind() == Kind.QUOTED;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  // ------------------------------------------------------------------ kinds

  private Mutant misspell(Random random) {
    List<Occurrence> all = new ArrayList<>(tables);
    all.addAll(columns);
    if (all.isEmpty()) {
      return null;
    }
    Occurrence o = all.get(random.nextInt(all.size()));
    Token t = tokens.get(o.token());
    String name = t.name();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String changed = edit(name, random);
      if (changed == null || !acceptableNewName(changed, t.kind())) {
        continue;
      }
      Mutant m = replace(Mutant.Kind.MISSPELL, t, changed);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  private Mutant swap(Random random) {
    if (columns.isEmpty()) {
      return null;
    }
    Occurrence o = columns.get(random.nextInt(columns.size()));
    Token t = tokens.get(o.token());
    Set<String> inScope = new HashSet<>();
    for (String qt : queryTables) {
      catalog.table(qt).ifPresent(tt -> tt.columns().forEach(c -> inScope.add(lower(c.name()))));
    }
    Set<String> names = new TreeSet<>();
    for (Table table : catalog.tables()) {
      for (Column c : table.columns()) {
        String k = lower(c.name());
        if (!inScope.contains(k) && !aliases.contains(k) && !queryTables.contains(k)
            && isPlainName(c.name()) && !SqlTokens.KEYWORDS.contains(c.name().toUpperCase(Locale.ROOT))) {
          names.add(c.name());
        }
      }
    }
    List<String> candidates = new ArrayList<>(names);
    if (candidates.isEmpty()) {
      return null;
    }
    if (swapChoice == SwapChoice.SIMILAR) {
      String original = lower(t.name());
      candidates.removeIf(c -> !similar(original, lower(c)));
      if (candidates.isEmpty()) {
        return null;
      }
      candidates.sort((a, b) -> {
        int c = Integer.compare(distance(original, lower(a)), distance(original, lower(b)));
        return c != 0 ? c : a.compareTo(b);
      });
      candidates = candidates.subList(0, Math.min(SIMILAR_POOL, candidates.size()));
    }
    return replace(Mutant.Kind.SWAP, t, candidates.get(random.nextInt(candidates.size())));
  }

  /**
   * Whether two lower-case names are a plausible confusion: they share a word (split at '_', digits
   * and case changes of the original spelling are ignored; words of 3+ letters) or are within edit
   * distance max(2, length / 3).
   */
  static boolean similar(String a, String b) {
    Set<String> words = new HashSet<>();
    for (String w : a.split("[^a-z]+")) {
      if (w.length() >= 3) {
        words.add(w);
      }
    }
    for (String w : b.split("[^a-z]+")) {
      if (words.contains(w)) {
        return true;
      }
    }
    return distance(a, b) <= Math.max(2, Math.min(a.length(), b.length()) / 3);
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    return io.github.nl2sql.internal.validate.NameSuggester.levenshtein(a, b);
  }

  private Mutant drop(Random random) {
    if (tables.isEmpty()) {
      return null;
    }
    Occurrence o = tables.get(random.nextInt(tables.size()));
    int i = o.token();
    int afterAlias = afterAlias(i);
    List<int[]> cut = new ArrayList<>();
    Token prev = tokens.get(i - 1);
    if (prev.is("JOIN")) {
      int first = i - 1;
      while (first > 0 && JOIN_WORDS.contains(tokens.get(first - 1).text().toUpperCase(Locale.ROOT))) {
        first--;
      }
      int end = endOfJoinCondition(afterAlias);
      cut.add(new int[] {tokens.get(first).start(), endOffset(end)});
    } else if (prev.is(",")) {
      cut.add(new int[] {prev.start(), endOffset(afterAlias)});
    } else if (prev.is("FROM")) {
      Token next = afterAlias < tokens.size() ? tokens.get(afterAlias) : null;
      if (next != null && next.is(",")) {
        cut.add(new int[] {tokens.get(i).start(), next.end()});
      } else if (next != null && JOIN_WORDS.contains(next.text().toUpperCase(Locale.ROOT))) {
        int join = afterAlias;
        while (join < tokens.size() && !tokens.get(join).is("JOIN")) {
          join++;
        }
        if (join >= tokens.size()) {
          return null;
        }
        cut.add(new int[] {tokens.get(i).start(), tokens.get(join).end()});
        int nextTable = join + 1;
        if (nextTable >= tokens.size() || tokens.get(nextTable).is("(")) {
          return null;
        }
        int cond = afterAlias(nextTable);
        int end = endOfJoinCondition(cond);
        if (end > cond) {
          cut.add(new int[] {tokens.get(cond).start(), endOffset(end)});
        }
      } else {
        cut.add(new int[] {prev.start(), endOffset(afterAlias)});
      }
    } else {
      return null;
    }
    StringBuilder sb = new StringBuilder(sql);
    for (int k = cut.size() - 1; k >= 0; k--) {
      int[] c = cut.get(k);
      sb.replace(c[0], c[1], " ");
    }
    String mutated = sb.toString().replaceAll("\\s{2,}", " ").trim();
    String error = verifier.apply(mutated);
    if (!isNameError(error)) {
      return null;
    }
    return new Mutant(Mutant.Kind.DROP, mutated, tokens.get(i).name(), null, cut.get(0)[0], 0, error);
  }

  /** The token index after table token {@code i} and its alias (with or without AS). */
  private int afterAlias(int i) {
    int k = i + 1;
    if (k < tokens.size() && tokens.get(k).is("AS")) {
      k++;
    }
    if (k < tokens.size() && tokens.get(k).isIdentifier()) {
      k++;
    }
    return k;
  }

  /**
   * The token index after the ON condition or USING list starting at {@code k} (or {@code k} when
   * there is none): the next clause keyword, comma or closing parenthesis at the same depth.
   */
  private int endOfJoinCondition(int k) {
    if (k >= tokens.size()) {
      return k;
    }
    if (tokens.get(k).is("USING")) {
      int depth = 0;
      int j = k + 1;
      for (; j < tokens.size(); j++) {
        if (tokens.get(j).is("(")) {
          depth++;
        } else if (tokens.get(j).is(")") && --depth == 0) {
          return j + 1;
        }
      }
      return j;
    }
    if (!tokens.get(k).is("ON")) {
      return k;
    }
    int depth = 0;
    int j = k + 1;
    for (; j < tokens.size(); j++) {
      Token t = tokens.get(j);
      if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        if (depth == 0) {
          return j;
        }
        depth--;
      } else if (depth == 0 && (t.kind() == Kind.WORD || t.kind() == Kind.SYMBOL)
          && CLAUSE_END.contains(t.text().toUpperCase(Locale.ROOT))) {
        return j;
      }
    }
    return j;
  }

  /** The text offset where token {@code index} starts, or the end of the text. */
  private int endOffset(int index) {
    return index < tokens.size() ? tokens.get(index).start() : sql.length();
  }

  private Mutant replace(Mutant.Kind kind, Token t, String newName) {
    String mutated = sql.substring(0, t.nameStart()) + newName + sql.substring(t.nameEnd());
    String error = verifier.apply(mutated);
    if (!isNameError(error)) {
      return null;
    }
    return new Mutant(kind, mutated, t.name(), newName, t.nameStart(), newName.length(), error);
  }

  private static boolean isNameError(String error) {
    return error != null && NAME_ERRORS.contains(SqliteErrors.classify(error));
  }

  private boolean acceptableNewName(String changed, Kind tokenKind) {
    String k = lower(changed);
    if (allNames.contains(k) || aliases.contains(k)) {
      return false;
    }
    if (tokenKind == Kind.WORD) {
      return isPlainName(changed) && !SqlTokens.KEYWORDS.contains(changed.toUpperCase(Locale.ROOT));
    }
    return !changed.isEmpty() && changed.indexOf('`') < 0 && changed.indexOf(']') < 0;
  }

  private static boolean isPlainName(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /**
   * One random edit of {@code name}: insert, delete (names of 3+ characters), substitute or transpose
   * (two different adjacent characters); {@code null} when the chosen edit does not apply or changes
   * nothing but letter case.
   */
  static String edit(String name, Random random) {
    int n = name.length();
    StringBuilder sb = new StringBuilder(name);
    switch (random.nextInt(4)) {
      case 0 -> {
        int at = random.nextInt(n + 1);
        sb.insert(at, letterLike(name, at, random));
      }
      case 1 -> {
        if (n < 3) {
          return null;
        }
        sb.deleteCharAt(random.nextInt(n));
      }
      case 2 -> {
        int at = random.nextInt(n);
        sb.setCharAt(at, letterLike(name, at, random));
      }
      default -> {
        if (n < 2) {
          return null;
        }
        int at = random.nextInt(n - 1);
        char a = sb.charAt(at);
        char b = sb.charAt(at + 1);
        if (Character.toLowerCase(a) == Character.toLowerCase(b)) {
          return null;
        }
        sb.setCharAt(at, b);
        sb.setCharAt(at + 1, a);
      }
    }
    String out = sb.toString();
    return out.equalsIgnoreCase(name) ? null : out;
  }

  /** A random letter in the case of the neighbouring character. */
  private static char letterLike(String name, int at, Random random) {
    char near = name.charAt(Math.min(at, name.length() - 1));
    char c = (char) ('a' + random.nextInt(26));
    return Character.isUpperCase(near) ? Character.toUpperCase(c) : c;
  }

  /** The distinct names of every column of the database, in catalog order (for tests). */
  Set<String> columnNames() {
    Set<String> out = new LinkedHashSet<>();
    catalog.tables().forEach(t -> t.columns().forEach(c -> out.add(c.name())));
    return out;
  }
}
