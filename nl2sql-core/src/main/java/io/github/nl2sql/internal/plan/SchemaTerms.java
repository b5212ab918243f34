package io.github.nl2sql.internal.plan;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words by which a question can name each table and column of a catalog, and the foreign-key graph
 * for join paths. Built once per catalog (the planner caches it). Immutable after construction.
 */
final class SchemaTerms {
  /** A way to name a table ({@code column == null}) or a column. */
  record Term(Table table, Column column, List<String> words, double quality) {
    boolean isTable() {
      return column == null;
    }
  }

  /** One join step: {@code from.fromColumns = to.toColumns}. */
  record Edge(String from, List<String> fromColumns, String to, List<String> toColumns) {}

  /** Question words that name a column by meaning rather than by its name. */
  private static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
      Map.entry("age", List.of("old", "older", "oldest", "young", "younger", "youngest", "aged")),
      Map.entry("price", List.of("cost", "costs", "expensive", "cheap", "cheapest", "cheaper", "priced")),
      Map.entry("salary", List.of("paid", "earn", "earns", "wage")),
      Map.entry("population", List.of("populous", "people")),
      Map.entry("height", List.of("tall", "taller", "tallest")),
      Map.entry("weight", List.of("heavy", "heavier", "heaviest")),
      Map.entry("sex", List.of("gender")),
      Map.entry("gender", List.of("sex")));

  final List<Term> terms = new ArrayList<>();
  final Map<String, Table> tablesByLower = new HashMap<>();
  private final Map<String, List<Edge>> graph = new HashMap<>();

  SchemaTerms(Catalog catalog) {
    Set<List<String>> tableWords = new java.util.HashSet<>();
    for (Table t : catalog.tables()) {
      tablesByLower.put(t.name().toLowerCase(Locale.ROOT), t);
      List<String> w = Tokens.schemaWords(t.name());
      tableWords.add(w);
      if (w.size() > 1) {
        tableWords.add(List.of(w.get(w.size() - 1)));
      }
    }
    for (Table t : catalog.tables()) {
      List<String> tw = Tokens.schemaWords(t.name());
      if (!tw.isEmpty()) {
        terms.add(new Term(t, null, tw, 1.0));
        if (tw.size() == 1) {
          for (String head : compoundHeads(tw.get(0))) {
            // "rooms" is classroom, "stations" gas_station is not (two words): a closed compound is named
            // by its head noun
            terms.add(new Term(t, null, List.of(head), 0.6));
          }
        }
        if (tw.size() > 1) {
          // "department_heads" is named "heads"; "student_addresses" is not "students": last word only
          // (not by a grammar word: Member_of is not named by "of")
          if (!GRAMMAR.contains(tw.get(tw.size() - 1))) {
            terms.add(new Term(t, null, List.of(tw.get(tw.size() - 1)), 0.6));
          }
          // "user_profiles" is also named "users"
          if (!GRAMMAR.contains(tw.get(0))) {
            terms.add(new Term(t, null, List.of(tw.get(0)), 0.55));
          }
          if (LOOKUP_PREFIXES.contains(tw.get(0))) {
            // "document types" is Ref_Document_Types: a lookup table's prefix is not said
            terms.add(new Term(t, null, tw.subList(1, tw.size()), 0.95));
          }
        }
      }
      for (Column c : t.columns()) {
        List<String> cw = Tokens.schemaWords(c.name());
        if (cw.isEmpty()) {
          continue;
        }
        terms.add(new Term(t, c, cw, 1.0));
        List<String> raw = Tokens.splitIdentifier(c.name()).stream().map(Tokens::stem).toList();
        if (!raw.equals(cw)) {
          // "surname" is [last, name] and still "surname"; "dept_name" still "dept name"
          terms.add(new Term(t, c, raw, 1.0));
        }
        // "singer_name" / "crs_description" read as "name" / "description" in the table's context
        List<String> stripped = stripPrefix(cw, tw);
        if (stripped != null && !stripped.isEmpty()) {
          terms.add(new Term(t, c, stripped, 0.9));
        }
        if (cw.size() > 1 && cw.get(cw.size() - 1).equals("name") && !cw.get(0).equals("name")) {
          // "first_name" also answers to "first"; "name" alone stays with the full phrase
          terms.add(new Term(t, c, cw.subList(0, cw.size() - 1), 0.8));
        }
        List<String> initialed = initialed(c, t);
        if (initialed != null) {
          // "eid" in employee is the employee's id, "GName" in video_games the game's name, "mID" in rating
          // (a foreign key to movie) the movie's id
          String head = initialed.get(initialed.size() - 1);
          if (!head.equals("number") && !isForeignKey(t, c)) {
            // (not "number" alone: "the fewest number of flights" is a count, not flno; and not for a foreign
            // key: cName in tryout is the college's name, not the tryout's)
            terms.add(new Term(t, c, List.of(head), 0.85));
          }
          terms.add(new Term(t, c, initialed, 1.0));
          List<String> whole = new ArrayList<>(tw);
          whole.add(head);
          if (!whole.equals(initialed)) {
            terms.add(new Term(t, c, whole, 1.0)); // "video game types" as well as "game types"
          }
        }
        if (cw.get(cw.size() - 1).equals("phone")) {
          // "the phone number" is the phone column
          List<String> withNumber = new ArrayList<>(cw);
          withNumber.add("number");
          terms.add(new Term(t, c, withNumber, 1.0));
          if (cw.size() > 1) {
            terms.add(new Term(t, c, List.of("phone", "number"), 0.9));
          }
          // "the telephone number" is the phone column too
          terms.add(new Term(t, c, List.of("telephone", "number"), 0.9));
          terms.add(new Term(t, c, List.of("telephone"), 0.9));
        }
        List<String> counted = countedThing(cw);
        if (counted != null && !tableWords.contains(counted)) {
          // "more than 2 bathrooms" is bathroom_count, "10 deaths" number_deaths (unless a table is so named)
          terms.add(new Term(t, c, counted, 0.8));
        }
        List<String> measured = withoutUnit(cw);
        if (measured != null) {
          // "the budget" is budget_in_billions, "sales" sales_billion: the quantity without its unit
          terms.add(new Term(t, c, measured, 0.85));
        }
        if (cw.equals(List.of("long"))) {
          // a column named "long" beside "lat" is a longitude
          terms.add(new Term(t, c, List.of("longitude"), 0.9));
        }
        String lastWord = cw.get(cw.size() - 1);
        if (cw.size() > 1 && !Set.of("id", "name", "number", "code", "no", "type").contains(lastWord)
            && !lastWord.chars().allMatch(Character::isDigit) && !GRAMMAR.contains(lastWord)) {
          // "sorted by price" names base_price when nothing closer does (not a grammar word: Continuation_of
          // is not named by "of")
          terms.add(new Term(t, c, List.of(lastWord), 0.7));
        }
        if (cw.size() > 2 && stripped == null && !GRAMMAR.contains(cw.get(cw.size() - 2))
            && !AGGREGATE_WORDS.contains(cw.get(0)) && !tableWords.contains(List.of(cw.get(cw.size() - 2)))
            && onlyColumnEndingWith(t, cw.subList(cw.size() - 2, cw.size()))) {
          // "the email addresses" is Store_Email_Address: a qualified column by its last two words, when no
          // other column of the table ends with them (not when the dropped words change what is measured,
          // max_page_size, nor when the first of the two names a table: "orders placed" are orders)
          terms.add(new Term(t, c, cw.subList(cw.size() - 2, cw.size()), 0.85));
        }
        if (cw.size() > 1 && lastWord.equals("code") && !cw.get(0).equals(lastWord)) {
          // "each school" is school_code, "payment method" payment_method_code: a coded attribute by its
          // words without the suffix, unless those words name a table (then it is a key to that table)
          List<String> head = cw.subList(0, cw.size() - 1);
          if (!tableWords.contains(head) && (stripped == null || !stripped.equals(head))) {
            terms.add(new Term(t, c, head, 0.75));
          }
        }
        if (cw.size() > 1 && (lastWord.equals("name") && onlyColumnEndingWith(t, "name")
            || lastWord.equals("id") && t.primaryKey().size() == 1 && t.primaryKey().get(0).equals(c.name()))
            && (stripped == null || !stripped.equals(List.of(lastWord)))) {
          // "the names of all genres" is g_name, "the ids of documents" is the key document_id: the table's
          // one name column and its one-column key answer to the bare word
          terms.add(new Term(t, c, List.of(lastWord), 0.85));
        }
        String verbPast = pastOfTimedVerb(cw);
        if (verbPast != null) {
          // "churches opened before 1850" is Open_Date, "the year they joined" Year_Join: the verb of a
          // column that dates an event, in the past tense a question uses
          terms.add(new Term(t, c, List.of(verbPast), 0.8));
        }
        for (Map.Entry<String, List<String>> s : SYNONYMS.entrySet()) {
          if (cw.size() == 1 && cw.get(0).equals(s.getKey())) {
            for (String w : s.getValue()) {
              terms.add(new Term(t, c, List.of(w), 0.85));
            }
          } else if (cw.size() > 1 && lastWord.equals(s.getKey()) && onlyColumnEndingWith(t, lastWord)) {
            // "the most expensive product" is product_price when it is the table's one price
            for (String w : s.getValue()) {
              terms.add(new Term(t, c, List.of(w), 0.8));
            }
          }
        }
      }
    }
    for (Table t : catalog.tables()) {
      for (ForeignKey fk : t.foreignKeys()) {
        Table to = tablesByLower.get(fk.referencedTable().toLowerCase(Locale.ROOT));
        if (to == null || to == t || fk.columns().size() != fk.referencedColumns().size()) {
          continue;
        }
        Edge e = new Edge(t.name(), fk.columns(), to.name(), fk.referencedColumns());
        graph.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(e);
        graph.computeIfAbsent(to.name(), k -> new ArrayList<>())
            .add(new Edge(to.name(), fk.referencedColumns(), t.name(), fk.columns()));
      }
    }
  }

  private static final Pattern INITIALED = Pattern.compile("([a-z]{1,2})(id|name|type|no|num|code|pos)");

  /**
   * The words a column named by a table's initial and a head noun stands for ("eid" in employee: employee
   * id; "mID" in rating, a foreign key to movie: movie id), or null when its name is not so built. The
   * initial must begin a word of the table's name, or of the referenced table's for a foreign key column.
   */
  private List<String> initialed(Column c, Table t) {
    String joined = String.join("", Tokens.splitIdentifier(c.name()));
    Matcher m = INITIALED.matcher(joined);
    if (!m.matches() || Tokens.ABBREVIATIONS.containsKey(joined)) {
      return null;
    }
    String initial = m.group(1);
    ForeignKey fk = singleColumnKey(t, c);
    Table named = fk == null ? t : tablesByLower.getOrDefault(fk.referencedTable().toLowerCase(Locale.ROOT), t);
    List<String> tw = Tokens.schemaWords(named.name());
    StringBuilder initials = new StringBuilder();
    String word = null;
    for (String w : tw) {
      initials.append(w.charAt(0));
      if (word == null && w.startsWith(initial)) {
        word = w;
      }
    }
    if (word == null && !initials.toString().startsWith(initial)) {
      return null;
    }
    List<String> out = new ArrayList<>(word != null ? List.of(word) : tw);
    for (String part : Tokens.ABBREVIATIONS.getOrDefault(m.group(2), m.group(2)).split(" ")) {
      out.add(Tokens.stem(part));
    }
    return out;
  }

  /**
   * What a count column counts: bathroom_count, number_of_hosts, num_deaths without the count words, or
   * null when the name is not so built.
   */
  static List<String> countedThing(List<String> cw) {
    int n = cw.size();
    if (n >= 2 && cw.get(n - 1).equals("count")) {
      return cw.subList(0, n - 1);
    }
    if (n >= 2 && cw.get(0).equals("number")) {
      List<String> rest = cw.subList(cw.get(1).equals("of") ? 2 : 1, n);
      return rest.isEmpty() ? null : rest;
    }
    return null;
  }

  /** Endings of a word that are suffixes, not nouns of their own ("membership" is not a kind of "ship"). */
  private static final Set<String> NOT_HEADS = Set.of("ship", "ment", "ness", "tion", "sion", "ance", "ence",
      "able", "ible", "less", "ical", "hood", "ling", "ster", "ings", "ator", "ities", "ation");

  /**
   * The heads a one-word table name may be a closed compound of: its endings of four letters or more after
   * at least three ("room" of classroom, "port" of airport), except grammar words, words that need no
   * schema element ("list" of playlist) and suffixes. Most are no word at all ("ssroom") and so never
   * match a question.
   */
  static List<String> compoundHeads(String word) {
    List<String> out = new ArrayList<>();
    for (int k = 3; word.length() - k >= 4; k++) {
      String head = word.substring(k);
      if (!GRAMMAR.contains(head) && !NOT_HEADS.contains(head) && !OfflinePlanner.FREE.contains(head)) {
        out.add(head);
      }
    }
    return out;
  }

  /** First words of a column name that say how it is computed: "max" page size is not a page size. */
  private static final Set<String> AGGREGATE_WORDS = Set.of("max", "maximum", "min", "minimum", "avg", "average",
      "mean", "total", "sum", "num", "number", "count");

  /** Words that make a column the time of an event (stemmed). */
  private static final Set<String> TIME_WORDS = Set.of("date", "year", "time", "day");

  /** Verbs that a column of two words names with a time word (Open_Date, Year_Join, release_year). */
  private static final Set<String> TIMED_VERBS = Set.of("open", "join", "build", "close", "release", "found",
      "start", "end", "finish", "begin", "launch", "establish", "create", "publish", "register", "hire",
      "complete", "retire", "sell", "buy", "make", "hold", "leave", "become", "win", "elect", "issue", "sign",
      "order", "ship", "deliver", "pay", "arrive", "depart", "record", "enroll", "renovate", "debut");

  /**
   * The past tense of the verb in a two-word column name made of a verb and a time word ("opened" for
   * Open_Date, "joined" for Year_Join, "built" for build_year), else {@code null}.
   */
  static String pastOfTimedVerb(List<String> cw) {
    if (cw.size() != 2) {
      return null;
    }
    String verb = TIME_WORDS.contains(cw.get(1)) ? cw.get(0) : TIME_WORDS.contains(cw.get(0)) ? cw.get(1) : null;
    if (verb == null || !TIMED_VERBS.contains(verb)) {
      return null;
    }
    return Tokens.pastTense(verb);
  }

  /** Whether {@code c} is a one-column foreign key of {@code t}. */
  static boolean isForeignKey(Table t, Column c) {
    return singleColumnKey(t, c) != null;
  }

  /** The foreign key of {@code t} made of {@code c} alone, or null. */
  private static ForeignKey singleColumnKey(Table t, Column c) {
    for (ForeignKey fk : t.foreignKeys()) {
      if (fk.columns().size() == 1 && fk.columns().get(0).equalsIgnoreCase(c.name())) {
        return fk;
      }
    }
    return null;
  }

  /** First words of lookup tables' names that a question does not say (Ref_Document_Types). */
  private static final Set<String> LOOKUP_PREFIXES = Set.of("ref", "tbl", "lu", "lkp", "dim");

  /** Grammar words that never name a column alone. */
  private static final Set<String> GRAMMAR = Set.of("of", "by", "in", "on", "at", "to", "for", "and", "or", "the",
      "from", "with", "a", "an", "is");

  /** Units a column name may end with ("budget_in_billions", "ram_mib"), stemmed. */
  private static final Set<String> UNITS = Set.of("billion", "million", "thousand", "mib", "kb", "mb", "gb",
      "usd", "dollar", "euro", "percent", "km", "kg", "cm", "mm", "f", "inch", "mile", "mph");

  /**
   * The words of a column name without a trailing unit ("in billions", "million"), or null when it has
   * none or would be left empty.
   */
  private static List<String> withoutUnit(List<String> cw) {
    int n = cw.size();
    if (n < 2 || !UNITS.contains(cw.get(n - 1))) {
      return null;
    }
    int end = cw.get(n - 2).equals("in") ? n - 2 : n - 1;
    return end == 0 ? null : cw.subList(0, end);
  }

  /** Whether exactly one column of {@code t} has {@code words} as its last words. */
  private static boolean onlyColumnEndingWith(Table t, List<String> words) {
    int n = 0;
    for (Column c : t.columns()) {
      List<String> cw = Tokens.schemaWords(c.name());
      if (cw.size() >= words.size() && cw.subList(cw.size() - words.size(), cw.size()).equals(words)) {
        n++;
      }
    }
    return n == 1;
  }

  /** Whether exactly one column of {@code t} has {@code word} as its last word. */
  private static boolean onlyColumnEndingWith(Table t, String word) {
    return onlyColumnEndingWith(t, List.of(word));
  }

  private static List<String> stripPrefix(List<String> cw, List<String> tw) {
    if (cw.size() > tw.size() && cw.subList(0, tw.size()).equals(tw)) {
      return cw.subList(tw.size(), cw.size());
    }
    // "crs_code" in table "course": the abbreviation expanded equals the table's last word
    if (cw.size() > 1 && !tw.isEmpty() && cw.get(0).equals(tw.get(tw.size() - 1))) {
      return cw.subList(1, cw.size());
    }
    return null;
  }

  /** The shortest FK path from {@code from} to {@code to} (breadth first), or null when not connected. */
  List<Edge> path(String from, String to) {
    if (from.equals(to)) {
      return List.of();
    }
    Map<String, Edge> via = new HashMap<>();
    ArrayDeque<String> queue = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    queue.add(from);
    seen.add(from);
    Map<String, Integer> ways = new HashMap<>();
    while (!queue.isEmpty()) {
      String cur = queue.poll();
      if (cur.equals(to)) {
        List<Edge> path = new ArrayList<>();
        for (String n = to; !n.equals(from); ) {
          Edge e = via.get(n);
          path.add(0, e);
          n = e.from();
        }
        return path;
      }
      for (Edge e : graph.getOrDefault(cur, List.of())) {
        ways.merge(e.to(), 1, Integer::sum);
        if (seen.add(e.to())) {
          via.put(e.to(), e);
          queue.add(e.to());
        }
      }
    }
    return null;
  }

  /** The FK edges from {@code a} to {@code b}, in catalog order. */
  List<Edge> edges(String a, String b) {
    List<Edge> out = new ArrayList<>();
    for (Edge e : graph.getOrDefault(a, List.of())) {
      if (e.to().equals(b)) {
        out.add(e);
      }
    }
    return out;
  }

  /** How many distinct FK edges connect {@code a} and {@code b} directly (several = ambiguous join). */
  int directEdges(String a, String b) {
    int n = 0;
    for (Edge e : graph.getOrDefault(a, List.of())) {
      if (e.to().equals(b)) {
        n++;
      }
    }
    return n;
  }
}
