package io.github.nl2sql.internal.plan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.nl2sql.Answer.Clarification;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.internal.link.Words;
import io.github.nl2sql.internal.plan.SchemaTerms.Edge;
import io.github.nl2sql.internal.plan.SchemaTerms.Term;
import io.github.nl2sql.internal.plan.Tokens.Tok;
import io.github.nl2sql.ir.AggFunction;
import io.github.nl2sql.ir.CmpOp;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.OrderItem;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.SelectItem;
import io.github.nl2sql.ir.SortOrder;
import io.github.nl2sql.ir.TableRef;
import io.github.nl2sql.link.ValueMatch;
import io.github.nl2sql.plan.Plan;
import io.github.nl2sql.plan.PlanRequest;
import io.github.nl2sql.plan.Planner;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Deterministic NL -> IR with no model, for the questions analysts ask most: counts, lists with filters,
 * aggregates by group, top-N and superlatives ("the most recent", "the major with the most students",
 * "the youngest captain", "the department with the highest average salary"),
 * comparisons with numbers and with a column's average (a scalar subquery), conditions on a count ("with
 * at least two orders": GROUP BY ... HAVING), joins along foreign-key paths and through link tables,
 * negation ("did not receive any review": NOT IN over the related or link table), columns that hold
 * nothing ("whose email is missing", "without a manager": IS NULL on a nullable column), and follow-ups in a
 * conversation (sort by a column, add a filter, add a grouping).
 *
 * <p>It reads the question as a sequence of schema mentions (table and column names, their synonyms,
 * abbreviations, units and initials as {@link SchemaTerms} derives them, values the linker found in the
 * data, quoted strings) and grammar words. Its confidence falls with
 * every content word it could not explain and with every guess (joins, ambiguous names); below the
 * configured threshold the caller abstains with {@link #NEEDS_MODEL}. Relative dates ("last quarter",
 * "in the last 30 days", see {@link RelativeDates}) become {@code col >= from AND col < to} with ISO date
 * bind values computed from the planner's clock. It asks instead of guessing (a clarification with
 * numbered options, the likeliest reading first) when a column name, a foreign key, the date column of a
 * relative date, or the column of a value found nowhere in the data is ambiguous, but only when some
 * choice lets the rest of the question be answered. Thread-safe; caches per catalog.
 */
public final class OfflinePlanner implements Planner {
  /** The reason given when the offline planner is not sure enough. */
  public static final String NEEDS_MODEL = "I can answer this only with a language model configured";

  private final Cache<Catalog, SchemaTerms> terms = Caffeine.newBuilder().weakKeys().maximumSize(64).build();
  private final java.time.Clock clock;

  /** A planner that reads relative dates ("last month") against the system clock. */
  public OfflinePlanner() {
    this(java.time.Clock.systemDefaultZone());
  }

  /**
   * A planner that reads relative dates ("last quarter", "in the last 30 days") against {@code clock},
   * in the clock's time zone.
   *
   * @throws NullPointerException when {@code clock} is null
   */
  public OfflinePlanner(java.time.Clock clock) {
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return "offline";
  }

  @Override
  public Plan plan(PlanRequest request) {
    SchemaTerms st = terms.get(request.catalog(), SchemaTerms::new);
    return new Reading(request, st, java.time.LocalDate.now(clock)).plan();
  }

  /** A date-column or value clarification is asked only when some choice reads at least this well. */
  static final double CLARIFY_CONFIDENCE = 0.5;

  /** Words that need no schema element to be explained. */
  static final Set<String> FREE = Set.of(
      "a", "an", "the", "of", "for", "in", "on", "at", "to", "by", "with", "and", "or", "is", "are", "was",
      "were", "be", "been", "being", "what", "which", "who", "whom", "whose", "where", "when", "there", "their",
      "its", "it", "this", "that", "these", "those", "do", "does", "did", "have", "has", "had", "from", "as",
      "any", "some", "all", "every", "each", "please", "i", "we", "you", "they", "them", "our", "your", "my",
      "me", "show", "list", "give", "find", "return", "tell", "display", "get", "output", "provide", "report",
      "also", "both", "only", "along", "together", "respectively", "corresponding", "his", "her",
      "information", "info", "details", "detail", "record", "records", "entries", "entry", "database",
      "data", "table", "stored", "known", "existing", "exist", "listed", "registered", "available", "whole",
      "overall", "just", "than", "so", "far", "out", "about", "can", "could", "would", "will", "shall", "like",
      "know", "see", "want", "value", "values", "result", "results", "number", "how", "many", "either", "manner");

  /** Words that change a query's logic: when the planner cannot place one, it must not guess. */
  static final Set<String> STRUCTURAL = Set.of("not", "no", "never", "without", "except", "average", "maximum",
      "minimum", "max", "min", "sum", "every", "before", "after", "between", "neither", "nor", "none", "least",
      "most", "fewer", "more", "less", "than", "same", "different", "distinct", "unique", "each", "per");

  /** Connecting words that rarely change what a question asks. */
  static final Set<String> WEAK = Set.of("live", "lives", "living", "located", "locate", "across", "belong",
      "belongs", "belonging", "compute", "calculate", "associated", "based", "situated", "results", "result",
      "ones", "one's");

  private static final Map<String, CmpOp> COMPARATORS_BEFORE = Map.ofEntries(
      Map.entry("more than", CmpOp.GT), Map.entry("greater than", CmpOp.GT), Map.entry("larger than", CmpOp.GT),
      Map.entry("higher than", CmpOp.GT), Map.entry("bigger than", CmpOp.GT), Map.entry("older than", CmpOp.GT),
      Map.entry("longer than", CmpOp.GT), Map.entry("over", CmpOp.GT), Map.entry("above", CmpOp.GT),
      Map.entry("after", CmpOp.GT), Map.entry("exceeding", CmpOp.GT), Map.entry("exceeds", CmpOp.GT),
      Map.entry("taller than", CmpOp.GT), Map.entry("heavier than", CmpOp.GT), Map.entry("later than", CmpOp.GT),
      Map.entry("less than", CmpOp.LT), Map.entry("fewer than", CmpOp.LT), Map.entry("smaller than", CmpOp.LT),
      Map.entry("lower than", CmpOp.LT), Map.entry("younger than", CmpOp.LT), Map.entry("shorter than", CmpOp.LT),
      Map.entry("under", CmpOp.LT), Map.entry("below", CmpOp.LT), Map.entry("before", CmpOp.LT),
      Map.entry("earlier than", CmpOp.LT), Map.entry("lighter than", CmpOp.LT),
      Map.entry("at least", CmpOp.GE), Map.entry("no less than", CmpOp.GE), Map.entry("not less than", CmpOp.GE),
      Map.entry("at most", CmpOp.LE), Map.entry("no more than", CmpOp.LE), Map.entry("not more than", CmpOp.LE),
      Map.entry("equal to", CmpOp.EQ), Map.entry("equals", CmpOp.EQ), Map.entry("exactly", CmpOp.EQ),
      Map.entry("is", CmpOp.EQ), Map.entry("of", CmpOp.EQ), Map.entry("in", CmpOp.EQ), Map.entry("=", CmpOp.EQ),
      Map.entry("not", CmpOp.NE), Map.entry("other than", CmpOp.NE));

  /** Comparatives that name what they compare when no column is named: "longer than 3300" is the length. */
  private static final Map<String, String> MEASURED_BY = Map.of("longer", "length", "taller", "height",
      "higher", "height", "heavier", "weight", "lighter", "weight", "wider", "width", "deeper", "depth");

  private static final Set<String> DESC_SUPER = Set.of("highest", "largest", "biggest", "greatest", "most",
      "oldest", "longest", "latest", "newest", "maximum", "max", "tallest", "heaviest", "best", "top",
      "richest", "priciest");
  private static final Set<String> ASC_SUPER = Set.of("lowest", "smallest", "least", "fewest", "youngest",
      "shortest", "earliest", "minimum", "min", "cheapest", "lightest", "worst");

  /** Superlatives that rank rows or groups and never qualify a column's value ("the most", "the top"). */
  private static final Set<String> RANKING_ONLY = Set.of("most", "least", "top", "fewest", "best", "worst", "latest",
      "newest", "earliest", "maximum", "minimum", "max", "min");

  /** Verbs without a participle ending that often say how two tables relate ("taught", "owns"). */
  private static final Set<String> RELATING_VERBS = Set.of("taught", "teach", "teaches", "use", "uses", "make",
      "makes", "play", "plays", "work", "works", "own", "owns", "belong", "contain", "contains", "hold", "holds",
      "held", "write", "wrote", "win", "won", "lead", "led", "visit", "visits", "attend", "attends", "buy", "bought",
      "sell", "sold");

  /** One question being read. Not thread-safe; one per call. */
  private static final class Reading {
    final PlanRequest req;
    final SchemaTerms st;
    final List<Tok> toks;
    final boolean[] used;
    final List<Mention> mentions = new ArrayList<>();
    double confidence = 0.95;
    final List<String> notes = new ArrayList<>();
    /** Set when two tables are joined by several foreign keys and the question does not say which. */
    Plan.Clarify joinClarify;
    /** The table whose rows are the groups ("each musical"), or null. */
    Table groupTable;
    /** Where the count phrase starts ("how many", "the number of"), or -1. */
    int countAt = -1;

    /** "Today" for relative dates. */
    final java.time.LocalDate today;
    /** Set when a filter cannot be read at all (an unsupported relative date): the answer, at once. */
    Plan clarifyFilter;
    /**
     * Set when a filter needs the user to pick a date column or the column of an unknown value; asked
     * only when the rest of the question can be answered (planning goes on with the first option).
     */
    Plan.Clarify deferred;
    /** The date expression {@link #deferred} asks about, or null. */
    String deferredDate;
    /** An option of {@link #deferred} taken as chosen, to see how well the question reads with it. */
    String forced;

    Reading(PlanRequest req, SchemaTerms st, java.time.LocalDate today) {
      this.today = today;
      this.req = req;
      this.st = st;
      this.toks = Tokens.tokenize(req.question());
      this.used = new boolean[toks.size()];
    }

    /** A span of the question naming schema elements (candidates, best first). */
    final class Mention {
      final int start;
      final int end;
      final List<Term> candidates;
      boolean consumed;
      /** Found by a linker's word-level embedding evidence, not by the schema's own words. */
      boolean synonym;

      Mention(int start, int end, List<Term> candidates) {
        this.start = start;
        this.end = end;
        this.candidates = candidates;
      }

      List<Term> columns() {
        return candidates.stream().filter(t -> !t.isTable()).toList();
      }

      List<Term> tables() {
        return candidates.stream().filter(Term::isTable).toList();
      }

      /** Whether it names a table at least as well as a column ("orders" the table, not a column). */
      boolean readAsTable() {
        List<Term> ts = tables();
        List<Term> cs = columns();
        return !ts.isEmpty() && (cs.isEmpty() || ts.get(0).quality() >= cs.get(0).quality());
      }

      /** Whether it names a column at least as well as a table. */
      boolean readAsColumn() {
        List<Term> ts = tables();
        List<Term> cs = columns();
        return !cs.isEmpty() && (ts.isEmpty() || cs.get(0).quality() >= ts.get(0).quality());
      }

      void consume() {
        consumed = true;
        for (int i = start; i < end; i++) {
          used[i] = true;
        }
      }
    }

    /**
     * A filter found in the question; {@code at} is where its number or value stands (for
     * {@link #subsetComparisons}), -1 when not recorded.
     */
    record Filter(Term column, Expr condition, boolean orWithPrevious, int at) {
      Filter(Term column, Expr condition) {
        this(column, condition, false, -1);
      }

      Filter(Term column, Expr condition, boolean orWithPrevious) {
        this(column, condition, orWithPrevious, -1);
      }

      /** This filter, found at token {@code pos}. */
      Filter at(int pos) {
        return new Filter(column, condition, orWithPrevious, pos);
      }
    }

    String low(int i) {
      return i >= 0 && i < toks.size() ? toks.get(i).low() : "";
    }

    boolean is(int i, String... words) {
      String w = low(i);
      for (String x : words) {
        if (x.equals(w)) {
          return true;
        }
      }
      return false;
    }

    void use(int... idx) {
      for (int i : idx) {
        if (i >= 0 && i < used.length) {
          used[i] = true;
        }
      }
    }

    Plan plan() {
      Plan p = plan0();
      if (deferred == null || !(p instanceof Plan.Draft d)) {
        return p;
      }
      // ask only when some choice lets the rest of the question be answered; the likeliest reading first
      List<Clarification.Option> opts = deferred.options();
      double[] conf = new double[opts.size()];
      for (int i = 0; i < opts.size(); i++) {
        Reading alt = new Reading(req, st, today);
        alt.forced = opts.get(i).value();
        Plan ap = alt.plan0();
        conf[i] = ap instanceof Plan.Draft ad ? ad.confidence() : -1;
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < opts.size(); i++) {
        order.add(i);
      }
      order.sort(Comparator.comparingDouble((Integer i) -> -conf[i]));
      if (conf[order.get(0)] < CLARIFY_CONFIDENCE) {
        return new Plan.Abstain(NEEDS_MODEL + String.format(" (confidence %.2f: %s)", d.confidence(), d.explanation()));
      }
      List<Clarification.Option> sorted = new ArrayList<>();
      for (int i : order) {
        sorted.add(new Clarification.Option(sorted.size() + 1, opts.get(i).label(), opts.get(i).value()));
      }
      return new Plan.Clarify(deferred.kind(),
          deferredDate != null ? datePrompt(deferredDate, sorted) : deferred.prompt(), sorted);
    }

    static String datePrompt(String expression, List<Clarification.Option> opts) {
      List<String> names = opts.stream().map(Clarification.Option::label).toList();
      String listed = String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
      return "Which date do you mean for '" + expression + "': " + listed + "?";
    }

    Plan plan0() {
      if (toks.isEmpty()) {
        return new Plan.Abstain("The question has no words");
      }
      Query.Select followUp = followUp();
      if (followUp != null) {
        return finish(followUp, "refines the previous answer");
      }
      findMentions();
      markValues();
      dropMentionsInValues();
      markProperNouns();
      boolean count = detectCount();
      boolean distinct = detect("different", "distinct", "unique");
      Map<Integer, AggFunction> aggWords = detectAggregates();
      findCountCondition();

      // the focus table: the first table mention, else the table of the first column mention
      Table focus = focusTable();
      if (focus == null) {
        return new Plan.Abstain(NEEDS_MODEL + " (no table of the database is named in the question)");
      }
      List<Filter> filters = new ArrayList<>();
      String problem = averageComparisons(focus, aggWords, filters);
      if (problem == null) {
        problem = dateFilters(focus, filters);
      }
      if (clarifyFilter != null) {
        return clarifyFilter;
      }
      if (problem == null) {
        problem = aggregateConditions(focus, aggWords);
      }
      if (problem == null) {
        problem = numberFilters(focus, filters);
      }
      if (problem == null) {
        problem = isoDateFilters(focus, filters);
      }
      if (problem == null) {
        problem = valueFilters(focus, filters);
      }
      if (clarifyFilter != null) {
        return clarifyFilter;
      }
      if (problem == null) {
        nullFilters(focus, filters);
        problem = withoutRelated(focus, filters);
      }
      if (problem == null) {
        problem = subsetComparisons(focus, filters);
      }
      if (problem != null) {
        return new Plan.Abstain(NEEDS_MODEL + " (" + problem + ")");
      }
      List<OrderItem> order = new ArrayList<>();
      Long limit = null;
      Object[] sup = superlative(focus, aggWords);
      if (sup != null && sup[0] instanceof String s) {
        return new Plan.Abstain(NEEDS_MODEL + " (" + s + ")");
      }
      Term supColumn = sup == null ? null : (Term) sup[0];
      Term groupCount = null;
      Table countOf = null;
      if (supColumn != null && supColumn.isTable()) {
        countOf = supColumn.table();
        supColumn = null;
        if (countOf == focus) {
          if (!rankedByCount) {
            return new Plan.Abstain(NEEDS_MODEL + " (ranking " + focus.name() + " by a count of itself)");
          }
          // "which major has the most students": the focus rows grouped by the columns shown
          countOf = null;
          rankGroupsByCount = true;
        } else {
          if (!rankedByCount) {
            // "the account with the lowest savings balance": a table's name after the word, not a count
            return new Plan.Abstain(NEEDS_MODEL + " (cannot tell what '" + ((SortOrder) sup[1] == SortOrder.DESC
                ? "highest" : "lowest") + "' ranks " + focus.name() + " by)");
          }
          Table counted = countable(focus, countOf);
          if (counted == null) {
            return new Plan.Abstain(NEEDS_MODEL + " (cannot count " + countOf.name() + " per " + focus.name() + ")");
          }
          countOf = counted;
        }
        order.add(new OrderItem(Expr.Aggregate.countStar(), (SortOrder) sup[1], null));
        limit = (Long) sup[2];
        confidence *= 0.85;
      } else if (supColumn != null && sup.length > 4 && "aggrank".equals(sup[3])) {
        order.add(new OrderItem(new Expr.Aggregate((AggFunction) sup[4], false, ref(supColumn), null),
            (SortOrder) sup[1], null));
        limit = (Long) sup[2];
        aggRanked = supColumn;
        supColumn = null;
        confidence *= 0.85;
      } else if (supColumn != null && sup.length > 3) {
        groupCount = supColumn;
        supColumn = null;
        order.add(new OrderItem(Expr.Aggregate.countStar(), (SortOrder) sup[1], null));
        limit = (Long) sup[2];
      } else if (supColumn != null) {
        order.add(new OrderItem(ref(supColumn), (SortOrder) sup[1], null));
        limit = (Long) sup[2];
      }
      List<Term> orderCols = orderBy(focus, order);
      if (orderCols == null) {
        return new Plan.Abstain(NEEDS_MODEL + " (cannot tell what to sort by)");
      }
      if (orderCountOf != null) {
        if (countOf != null || rankGroupsByCount || count) {
          return new Plan.Abstain(NEEDS_MODEL + " (an order by a count with another count)");
        }
        if (orderCountOf == focus) {
          rankGroupsByCount = true;
        } else {
          countOf = countable(focus, orderCountOf);
          if (countOf == null) {
            return new Plan.Abstain(NEEDS_MODEL + " (cannot count " + orderCountOf.name() + " per " + focus.name() + ")");
          }
        }
        confidence *= 0.9;
      }
      List<Term> found = groupBy(focus, count || !aggWords.isEmpty());
      List<Term> groups = found == null ? null : new ArrayList<>(found);
      if (groups == null) {
        return new Plan.Abstain(NEEDS_MODEL + " (cannot tell what to group by)");
      }
      if (groupCount != null) {
        if (!groups.isEmpty() || count) {
          return new Plan.Abstain(NEEDS_MODEL + " (most common together with other groups)");
        }
        groups.add(groupCount);
      }

      // what is left of the column mentions is the select list, in question order
      List<SelectItem> items = new ArrayList<>();
      List<Term> seen = new ArrayList<>();
      for (Term g : groups) {
        SelectItem gi = new SelectItem(ref(g), null);
        items.add(gi);
        seen.add(g);
      }
      for (Mention m : mentions) {
        if (m.consumed || m.columns().isEmpty()) {
          continue;
        }
        if (!m.tables().isEmpty() && (m.tables().get(0).quality() >= 1.0
            || m.columns().stream().noneMatch(t -> t.quality() >= 1.0))) {
          continue; // a table name, not a column
        }
        Term c = resolve(m, focus);
        if (c == null) {
          Plan clarify = clarifyColumn(m, focus);
          if (clarify != null) {
            return clarify;
          }
          continue;
        }
        if (m.end - m.start == 1 && low(m.start).equals(SchemaTerms.pastOfTimedVerb(Tokens.schemaWords(c.column().name())))) {
          // "the shop that opened in the most recent year": a verb that names a dated column (Open_Date) says
          // when rows happened for a condition or an order; it does not ask to show the date
          continue;
        }
        m.consume();
        AggFunction agg = aggregateBefore(m, aggWords);
        if (agg == null && sharedAggregate != null && sharedAggregateEnd == m.start - 1 && is(m.start - 1, "and")
            && c.column().type().isNumeric()) {
          // "the average latitude and longitude": the aggregate word applies to both columns
          agg = sharedAggregate;
          use(m.start - 1);
        }
        sharedAggregate = agg;
        sharedAggregateEnd = m.end;
        Expr e = ref(c);
        if (agg != null) {
          // "the minimum, maximum and average price": every aggregate word of the list applies
          // (from the word aggregateBefore took: "the maximum and minimum number of cows")
          List<AggFunction> more = new ArrayList<>();
          int k = aggregateAt - 1;
          while (k >= 0) {
            if (is(k, "and", "or") && aggWords.containsKey(k - 1) && !used[k - 1]) {
              used[k] = true;
              k--;
            }
            if (k >= 0 && aggWords.containsKey(k) && !used[k]) {
              used[k] = true;
              more.add(0, aggWords.get(k));
              k--;
            } else {
              break;
            }
          }
          for (AggFunction f : more) {
            SelectItem ai = new SelectItem(new Expr.Aggregate(f, false, e, null), null);
            items.add(ai);
          }
        }
        if (agg != null) {
          e = new Expr.Aggregate(agg, distinct && agg == AggFunction.COUNT, e, null);
        }
        if (agg == null && seen.stream().anyMatch(x -> x.column() == c.column())) {
          continue;
        }
        seen.add(c);
        SelectItem si = new SelectItem(e, null);
        items.add(si);
        if (agg == null && is(m.start - 1, "all", "every")) {
          population.add(si);
        }
      }
      List<Mention> tableMentions = new ArrayList<>();
      for (Mention m : mentions) {
        if (!m.consumed && !m.tables().isEmpty()) {
          m.consume();
          tableMentions.add(m);
        }
      }
      // any aggregate word left applies to the next column; a lone "how many" counts rows
      boolean hasAgg = items.stream().anyMatch(i -> i.expr() instanceof Expr.Aggregate);
      Table countedTable = null;
      if (groupTable != null) {
        if (!count || !groups.isEmpty() || countOf != null || groupCount != null) {
          return new Plan.Abstain(NEEDS_MODEL + " (an aggregate per " + groupTable.name() + ")");
        }
        countedTable = tableAfterCount();
        if (countedTable == null) {
          countedTable = focus;
        }
        Table counted = countedTable == groupTable ? null : countable(groupTable, countedTable);
        if (counted == null) {
          return new Plan.Abstain(NEEDS_MODEL + " (cannot count " + countedTable.name() + " per "
              + groupTable.name() + ")");
        }
        countedTable = counted;
        List<SelectItem> plainItems = items.stream().filter(it -> !(it.expr() instanceof Expr.Aggregate)).toList();
        if (items.size() != plainItems.size()) {
          return new Plan.Abstain(NEEDS_MODEL + " (a count with other aggregates per " + groupTable.name() + ")");
        }
        for (SelectItem it : plainItems) {
          if (!(it.expr() instanceof Expr.Column c) || !groupTable.name().equalsIgnoreCase(c.table())) {
            return new Plan.Abstain(NEEDS_MODEL + " (columns of other tables per " + groupTable.name() + ")");
          }
        }
        if (plainItems.isEmpty()) {
          Term label = columnNamed(groupTable, "name");
          if (label == null) {
            label = columnNamed(groupTable, "title");
          }
          if (label == null) {
            return new Plan.Abstain(NEEDS_MODEL + " (no name to show for " + groupTable.name() + ")");
          }
          items.add(new SelectItem(ref(label), null));
          notes.add("shows " + qn(label) + " for each " + groupTable.name());
        }
        groupByKeyAndShown(groupTable, items, groups);
        items.add(new SelectItem(Expr.Aggregate.countStar(), null));
        hasAgg = true;
        count = false;
        confidence *= 0.8;
      }
      if (count) {
        Expr countExpr = Expr.Aggregate.countStar();
        int plain = (int) items.stream().filter(i -> !(i.expr() instanceof Expr.Aggregate)).count() - groups.size();
        int after = countAt < 0 ? -1 : (is(countAt, "count") ? countAt + 1 : countAt + 2);
        while (is(after, "the", "all", "number", "of", "total")) {
          after++;
        }
        boolean distinctCount = is(after, "different", "distinct", "unique");
        List<Term> perValue = new ArrayList<>();
        if (distinct && distinctCount && plain == 1 && groups.isEmpty()
            || plain == 1 && groups.isEmpty() && is(countAt, "how") && columnCountedAt(after, items)) {
          // "how many different cities", "how many video game types exist": the distinct values counted
          SelectItem only = items.remove(items.size() - 1);
          countExpr = new Expr.Aggregate(AggFunction.COUNT, true, only.expr(), null);
        } else if (plain == 1 && groups.isEmpty() && detect("each", "per", "different", "distinct", "respective",
            "corresponding", "every")) {
          SelectItem g = items.stream().filter(i -> !(i.expr() instanceof Expr.Aggregate)).findFirst().orElseThrow();
          Expr.Column gc = (Expr.Column) g.expr();
          groups.add(term(gc.table(), gc.column()));
          confidence *= 0.9;
        } else if (plain > 0 && groups.isEmpty() && tableAfterCount() != null && columnsListedBeforeCount()
            && onlyColumnsOf(tableAfterCount(), items) && groupByShown(tableAfterCount(), items, perValue) == null) {
          // "all countries and their number of airlines": the counted table's rows per value of its columns
          // shown (not per row: a key shown is abstained by groupByShown)
          groups.addAll(perValue);
          confidence *= 0.85;
          notes.add("counts " + tableAfterCount().name() + " per value of the columns shown");
        } else if (plain > 0) {
          // "the names of pilots and the number of records they have": rows of another table per focus row
          Table counted = tableAfterCount();
          Table rows = counted == null || counted == focus || !groups.isEmpty() ? null : countedByKey(focus, counted);
          if (rows == null || !onlyColumnsOf(focus, items)) {
            return new Plan.Abstain(NEEDS_MODEL + " (a count together with other columns)");
          }
          groupByKeyAndShown(focus, items, groups);
          countedPerFocus = rows;
          confidence *= 0.8;
          notes.add("counts " + rows.name() + " per " + focus.name());
        }
        // the count comes last, after the groups and columns (measured better than the question's order)
        items.add(items.size(), new SelectItem(countExpr, null));
        hasAgg = true;
      }
      if (items.isEmpty() && !hasAgg && is(0, "when")) {
        // "when did the staff member join the company": the date the verb names, or the table's one date,
        // or the date the question orders by ("when did the first payment happen")
        Term when = whenColumn(focus);
        if (when == null && order.size() == 1 && order.get(0).expr() instanceof Expr.Column oc && oc.table() != null) {
          Term ordered = term(oc.table(), oc.column());
          when = dateLike(ordered.column()) ? ordered : null;
        }
        if (when != null) {
          items.add(new SelectItem(ref(when), null));
          use(0);
          confidence *= 0.85;
          notes.add("shows " + qn(when) + " for 'when'");
        }
      }
      if (items.isEmpty() && !hasAgg && likeSubject != null) {
        items.add(new SelectItem(ref(likeSubject), null));
      }
      if (items.isEmpty() && !hasAgg && is(0, "which", "who", "list", "show", "find", "what", "give", "return")
          && !freeWord("information", "info")) { // ("all the information" is every column, below)
        // "Which players are from Indonesia?": the rows of the focus table, by their name
        Term label = columnNamed(focus, "name");
        if (label == null) {
          for (Term t : st.terms) {
            if (!t.isTable() && t.table() == focus && t.quality() >= 1.0
                && t.words().equals(Tokens.schemaWords(focus.name()))) {
              label = t;
            }
          }
        }
        if (label != null) {
          items.add(new SelectItem(ref(label), null));
          confidence *= 0.8;
          notes.add("shows " + qn(label) + " for the rows asked about");
        }
      }
      if (items.isEmpty() || items.size() == groups.size() && !hasAgg && !groups.isEmpty()) {
        Term detailsColumn = items.isEmpty() ? theDetailsColumn(focus) : null;
        if (detailsColumn != null) {
          // "the information of each visitor": the table's one details column (Tourist_Details), where
          // "all the information" would be every column
          items.add(new SelectItem(ref(detailsColumn), null));
          confidence *= 0.85;
          notes.add("shows " + qn(detailsColumn) + " for the information asked");
        } else if (detect("information", "details", "info") || items.isEmpty() && detectStarWords()) {
          items.add(new SelectItem(Expr.Star.all(), null));
        } else if (items.isEmpty()) {
          return new Plan.Abstain(NEEDS_MODEL + " (no column to show is named)");
        }
      }
      if (countOf != null) {
        if (hasAgg || !groups.isEmpty()) {
          return new Plan.Abstain(NEEDS_MODEL + " (a ranking by count with other aggregates)");
        }
        groupByKeyAndShown(focus, items, groups);
      }
      if (groupCount != null) {
        // "the most common full name": every plain column shown is part of what is counted
        for (SelectItem it : items) {
          if (it.expr() instanceof Expr.Column c && c.table() != null
              && groups.stream().noneMatch(g -> g.table().name().equals(c.table()) && g.column().name().equals(c.column()))) {
            if (!c.table().equals(groupCount.table().name())) {
              return new Plan.Abstain(NEEDS_MODEL + " (the most common " + qn(groupCount) + " with columns of "
                  + c.table() + ")");
            }
            groups.add(term(c.table(), c.column()));
          }
        }
      }
      if (aggRanked != null) {
        // the focus rows (by key) or, when the ranked column is the focus table's own, the values shown
        if (hasAgg || !groups.isEmpty() || countOf != null || rankGroupsByCount || count) {
          return new Plan.Abstain(NEEDS_MODEL + " (a ranking by an aggregate with other aggregates)");
        }
        if (aggRanked.table() == focus) {
          String problem2 = groupByShown(focus, items, groups);
          if (problem2 != null) {
            return new Plan.Abstain(NEEDS_MODEL + " (" + problem2 + ")");
          }
        } else {
          if (!onlyColumnsOf(focus, items) || focus.primaryKey().isEmpty()) {
            return new Plan.Abstain(NEEDS_MODEL + " (columns of other tables per " + focus.name() + ")");
          }
          groupByKeyAndShown(focus, items, groups);
        }
      }
      if (rankGroupsByCount) {
        if (hasAgg || !groups.isEmpty()) {
          return new Plan.Abstain(NEEDS_MODEL + " (a ranking by count with other aggregates)");
        }
        String problem2 = groupByShown(focus, items, groups);
        if (problem2 != null) {
          return new Plan.Abstain(NEEDS_MODEL + " (" + problem2 + ")");
        }
        confidence *= 0.9;
      }
      if (comparedWithAverage && filters.size() > 1) {
        // "below the average salary of the instructors in the Physics department": the other condition
        // may narrow the average or the rows, and the words do not say which
        return new Plan.Abstain(NEEDS_MODEL + " (other conditions beside a comparison with an average)");
      }
      Expr having = null;
      if (countCondition != null) {
        if (count || hasAgg || !groups.isEmpty() || countOf != null || groupCount != null || groupTable != null) {
          return new Plan.Abstain(NEEDS_MODEL + " (a count condition together with other counts or groups)");
        }
        CountCondition cc = countCondition;
        having = new Expr.Comparison(cc.op(), cc.measure() != null ? cc.measure() : Expr.Aggregate.countStar(),
            Expr.Literal.of(cc.n()));
        for (SelectItem it : items) {
          if (!(it.expr() instanceof Expr.Column c) || c.table() == null) {
            return new Plan.Abstain(NEEDS_MODEL + " (a count condition with computed columns)");
          }
        }
        if (cc.of() != null && cc.of() != focus) {
          // "parties that have two or more events": rows of the counted table per focus row
          Table counted = countedByKey(focus, cc.of());
          if (cc.measure() != null && counted != cc.of()) {
            // (through a link table the aggregate would repeat a row per link)
            return new Plan.Abstain(NEEDS_MODEL + " (an aggregate of " + cc.of().name() + " per " + focus.name() + ")");
          }
          if (counted == null) {
            return new Plan.Abstain(NEEDS_MODEL + " (cannot count " + cc.of().name() + " per " + focus.name() + ")");
          }
          if (!onlyColumnsOf(focus, items)) {
            return new Plan.Abstain(NEEDS_MODEL + " (columns of other tables per " + focus.name() + ")");
          }
          groupByKeyAndShown(focus, items, groups);
          countOf = counted;
          confidence *= 0.85;
        } else {
          // "studios that have at least two films", "nominees nominated more than two times": rows of the
          // focus table per value of the columns shown
          String problem2 = groupByShown(focus, items, groups);
          if (problem2 != null) {
            return new Plan.Abstain(NEEDS_MODEL + " (" + problem2 + ")");
          }
          confidence *= 0.9;
        }
        notes.add("keeps the groups " + (cc.measure() == null ? "with " : "whose " + cc.measure().function().name().toLowerCase()
            + " of " + ((Expr.Column) cc.measure().argument()).column() + " is ") + switch (cc.op()) {
          case EQ -> "exactly";
          case NE -> "other than";
          case LT -> cc.measure() == null ? "fewer than" : "less than";
          case LE -> "at most";
          case GT -> "more than";
          case GE -> "at least";
        } + " " + cc.n() + (cc.measure() == null ? " rows" : ""));
      }
      if (!groups.isEmpty() && !hasAgg && groupCount == null && countOf == null && having == null
          && !rankGroupsByCount && aggRanked == null) {
        return new Plan.Abstain(NEEDS_MODEL + " (grouping without an aggregate)");
      }
      if (hasAgg && !count && groups.isEmpty() && countOf == null
          && items.stream().filter(i -> !(i.expr() instanceof Expr.Aggregate)).count() == 1
          && detect("each", "per", "different", "distinct", "respective", "corresponding", "every")) {
        SelectItem g = items.stream().filter(i -> !(i.expr() instanceof Expr.Aggregate)).findFirst().orElseThrow();
        if (g.expr() instanceof Expr.Column gc) {
          groups.add(term(gc.table(), gc.column()));
          confidence *= 0.9;
        }
      }
      if (hasAgg && groups.isEmpty() && !population.isEmpty()) {
        // "the maximum enrollment across all schools": the rows aggregated over, not a column to show
        items.removeAll(population);
        confidence *= 0.9;
      }
      if (hasAgg && groups.isEmpty() && items.stream().anyMatch(i -> !(i.expr() instanceof Expr.Aggregate))) {
        return new Plan.Abstain(NEEDS_MODEL + " (aggregates mixed with plain columns)");
      }
      if (hasAgg && supColumn != null && groups.isEmpty()) {
        return new Plan.Abstain(NEEDS_MODEL + " (an aggregate with a superlative)");
      }

      // unexplained content words lower the confidence (connecting verbs less so)
      for (int i = 0; i < toks.size(); i++) {
        Tok t = toks.get(i);
        if (!used[i] && is(i, "member", "members") && tableMentionEndingAt(i) != null) {
          used[i] = true; // "the staff member", "faculty members": a row of the table just named
        } else if (!used[i] && WEAK.contains(t.low())) {
          confidence *= 0.9;
          notes.add("read '" + t.raw() + "' as a connecting word");
        } else if (!used[i] && STRUCTURAL.contains(t.low())) {
          return new Plan.Abstain(NEEDS_MODEL + " (I could not place '" + t.raw() + "')");
        } else if (!used[i] && !FREE.contains(t.low()) && !FREE.contains(t.stem()) && i < firstTableMention()
            && (is(i + 1, "and", "of") || is(i - 1, "and")) && !t.number() && !t.quoted()) {
          // "the memories and carriers of phones": a column asked for that the schema does not name so
          return new Plan.Abstain(NEEDS_MODEL + " (no column is named '" + t.raw() + "')");
        } else if (!used[i] && !FREE.contains(t.low()) && !FREE.contains(t.stem())) {
          confidence *= 0.55;
          notes.add("did not understand '" + t.raw() + "'");
          unknownAt.add(i);
          if (is(i + 1, "id", "ids") && !t.number() && !t.quoted()) {
            // "whose goods id is 11": the word says whose id (product_id), and the reading took another one
            // (only ids: "the branch name" is bname as often as not, but a wrong id is a wrong join)
            confidence *= 0.6;
            notes.add("'" + t.raw() + "' may say which " + low(i + 1) + " is meant");
          }
        }
      }

      // FROM: the focus table and every table a column needs, joined along FK paths
      LinkedHashSet<String> needed = new LinkedHashSet<>();
      needed.add(focus.name());
      collectTables(items.stream().map(SelectItem::expr).toList(), needed);
      for (Filter f : filters) {
        needed.add(f.column().table().name());
      }
      for (OrderItem o : order) {
        collectTables(List.of(o.expr()), needed);
      }
      for (Term g : groups) {
        needed.add(g.table().name());
      }
      if (countedTable != null) {
        needed.add(countedTable.name());
        needed.add(groupTable.name());
      }
      if (countedPerFocus != null) {
        needed.add(countedPerFocus.name());
      }
      if (countOf != null) {
        needed.add(countOf.name());
      }
      for (Mention m : mentions) {
        // a word read by a synonym costs when the query uses what it named: its column, or its table
        boolean column = m.tables().isEmpty();
        if (m.synonym && (column ? m.consumed : needed.contains(m.tables().get(0).table().name()))) {
          confidence *= 0.85;
          notes.add("read '" + toks.get(m.start).raw() + "' as "
              + (column ? qn(m.columns().get(0)) : m.tables().get(0).table().name()) + " (close in meaning)");
        }
      }
      for (Mention m : tableMentions) {
        if (m.tables().stream().noneMatch(t -> needed.contains(t.table().name())
            || countedThroughLink.contains(t.table().name()))) {
          confidence *= 0.5;
          notes.add("mentions " + m.tables().get(0).table().name() + " without using it");
        }
      }
      TableRef from = joinTree(focus.name(), needed);
      if (from == null) {
        return new Plan.Abstain(NEEDS_MODEL + " (the tables " + needed + " are not connected by foreign keys)");
      }
      if (joinClarify != null) {
        return joinClarify;
      }
      verbsNamingLinks();
      relatingVerbs(needed);
      verbsOfOneTable(needed, focus, !groups.isEmpty());
      Set<String> shownOrCompared = new java.util.HashSet<>();
      collectColumns(items.stream().map(SelectItem::expr).toList(), shownOrCompared);
      collectColumns(order.stream().map(OrderItem::expr).toList(), shownOrCompared);
      filters.forEach(f -> shownOrCompared.add(qn(f.column()).toLowerCase(Locale.ROOT)));
      nounsAfterColumns(shownOrCompared);
      nounOfOneTable(needed, focus, shownOrCompared);

      boolean qualify = needed.size() > 1;
      Expr where = null;
      List<Expr> conds = new ArrayList<>();
      List<Filter> merged = new ArrayList<>();
      for (Filter f : filters) {
        if (f.orWithPrevious() && !conds.isEmpty()) {
          Expr prev = conds.remove(conds.size() - 1);
          List<Expr> ops = new ArrayList<>(prev instanceof Expr.Or o ? o.operands() : List.of(prev));
          ops.add(f.condition());
          conds.add(new Expr.Or(ops));
        } else {
          conds.add(f.condition());
          merged.add(f);
        }
      }
      boolean orMerged = merged.size() != filters.size();
      filters = merged;
      Set<String> filterCols = new java.util.HashSet<>();
      for (Filter f : filters) {
        if (!filterCols.add(qn(f.column())) && detect("both")) {
          return new Plan.Abstain(NEEDS_MODEL + " (both of two conditions on " + qn(f.column()) + ")");
        }
      }
      // "older than 23 and younger than 20": no row has both, the question means something else (with
      // "or", as in "above 50 or below 46", it is the rows outside a range)
      for (Filter a : freeWord("or") ? List.<Filter>of() : filters) {
        for (Filter b : filters) {
          if (a != b && a.column().column() == b.column().column()
              && a.condition() instanceof Expr.Comparison ca && b.condition() instanceof Expr.Comparison cb
              && (ca.op() == CmpOp.GT || ca.op() == CmpOp.GE) && (cb.op() == CmpOp.LT || cb.op() == CmpOp.LE)
              && ca.right() instanceof Expr.Literal la && cb.right() instanceof Expr.Literal lb
              && la.value() instanceof Number na && lb.value() instanceof Number nb
              && new BigDecimal(na.toString()).compareTo(new BigDecimal(nb.toString())) >= 0) {
            return new Plan.Abstain(NEEDS_MODEL + " (no row can meet both conditions on " + qn(a.column()) + ")");
          }
        }
      }
      Set<String> eqCols = new java.util.HashSet<>();
      for (Filter f : filters) {
        if (f.condition() instanceof Expr.Comparison cmp && cmp.op() == CmpOp.EQ && !eqCols.add(qn(f.column()))
            && !freeWord("or", "either")) {
          return new Plan.Abstain(NEEDS_MODEL + " (two values for " + qn(f.column()) + ")");
        }
      }
      if (conds.size() == 1) {
        where = conds.get(0);
      } else if (conds.size() > 1) {
        if (!orMerged && conds.size() > 2 && andAfterOr()) {
          // "either 3 credits, or 1 credit and 4 hours": which conditions go together is a union's
          // question, not one where clause's
          return new Plan.Abstain(NEEDS_MODEL + " (conditions joined by both 'or' and 'and')");
        }
        if (!orMerged && freeWord("or")) {
          where = new Expr.Or(conds);
        } else {
          where = new Expr.And(conds);
        }
      }
      List<Expr> groupExprs = new ArrayList<>();
      for (Term g : groups) {
        groupExprs.add(ref(g));
      }
      if (!distinct && !count && !hasAgg && having == null && groups.isEmpty() && limit == null
          && order.isEmpty() && categoricalList(items) && !detectsGrouping() && filters.isEmpty()) {
        // "show all majors", "what are the payment methods": the values a category column takes, once each
        distinct = true;
        notes.add("lists each value once");
      }
      Query.Select q = new Query.Select(null, distinct && !count && !hasAgg && having == null, items, List.of(from),
          where, groupExprs, having, order, limit, null);
      if (!qualify) {
        q = Unqualify.apply(q);
      }
      return finish(q, describe(count, filters, groups, order, limit));
    }

    Plan finish(Query.Select q, String explanation) {
      double c = Math.max(0, Math.min(1, confidence));
      String why = notes.isEmpty() ? explanation : explanation + "; " + String.join("; ", notes);
      return Plan.Draft.of(q, c, why);
    }

    String describe(boolean count, List<Filter> filters, List<Term> groups, List<OrderItem> order, Long limit) {
      StringBuilder sb = new StringBuilder(count ? "Counts" : "Lists");
      sb.append(" rows");
      if (!filters.isEmpty()) {
        sb.append(" filtered on ");
        sb.append(String.join(", ", filters.stream().map(f -> qn(f.column())).toList()));
      }
      if (!groups.isEmpty()) {
        sb.append(" per ").append(String.join(", ", groups.stream().map(this::qn).toList()));
      }
      if (!order.isEmpty()) {
        sb.append(", sorted");
      }
      if (limit != null) {
        sb.append(", first ").append(limit);
      }
      return sb.toString();
    }

    String qn(Term t) {
      return t.table().name() + "." + t.column().name();
    }

    // ------------------------------------------------------------------ mentions

    void findMentions() {
      record Hit(int start, int len, Term term) {}
      List<Hit> hits = new ArrayList<>();
      for (Term t : st.terms) {
        int k = t.words().size();
        for (int i = 0; i + k <= toks.size(); i++) {
          int len = matchLength(i, t.words());
          if (len > 0) {
            hits.add(new Hit(i, len, t));
          }
        }
      }
      // "the names of the managers" is manager_name when "managers" names no table ("the name of the
      // customer" is the customer's name column, read with its table)
      List<Hit> inverted = new ArrayList<>();
      for (Term t : st.terms) {
        for (int i = 0; i < toks.size(); i++) {
          int len = invertedLength(i, t);
          int last = i + len - 1;
          if (len > 0 && hits.stream().noneMatch(h -> h.term().isTable() && h.start() <= last && last < h.start() + h.len())) {
            inverted.add(new Hit(i, len, t));
          }
        }
      }
      hits.addAll(inverted);
      hits.sort(Comparator.comparingInt((Hit h) -> -h.len()).thenComparingInt(Hit::start));
      boolean[] taken = new boolean[toks.size()];
      Map<String, List<Term>> bySpan = new LinkedHashMap<>();
      for (Hit h : hits) {
        String key = h.start() + ":" + h.len();
        if (bySpan.containsKey(key)) {
          bySpan.get(key).add(h.term());
          continue;
        }
        boolean free = true;
        for (int i = h.start(); i < h.start() + h.len(); i++) {
          free &= !taken[i];
        }
        if (!free) {
          continue;
        }
        for (int i = h.start(); i < h.start() + h.len(); i++) {
          taken[i] = true;
        }
        List<Term> list = new ArrayList<>();
        list.add(h.term());
        bySpan.put(key, list);
      }
      for (Map.Entry<String, List<Term>> e : bySpan.entrySet()) {
        String[] p = e.getKey().split(":");
        int s = Integer.parseInt(p[0]);
        List<Term> c = e.getValue();
        c.sort(Comparator.comparingDouble((Term t) -> -t.quality()));
        mentions.add(new Mention(s, s + Integer.parseInt(p[1]), c));
      }
      synonymMentions(taken);
      fullNames();
      mentions.sort(Comparator.comparingInt(m -> m.start));
      namesOfTextColumns();
      namesAsTheTablesColumn();
    }

    /**
     * "goods" for Products, "altitude" for elevation: a word no schema name matched that the linker found
     * close in meaning to a table's or a column's name (word-level {@link io.github.nl2sql.link.Signal#EMBEDDING}
     * evidence, from nl2sql-gnn's {@code SynonymLinker}) is a mention of it, at a lower quality than its
     * name (and a cost when the query uses it).
     */
    void synonymMentions(boolean[] taken) {
      for (io.github.nl2sql.link.LinkedColumn lc : req.linking().columns()) {
        Table t = st.tablesByLower.get(lc.table().toLowerCase(Locale.ROOT));
        Column col = t == null ? null : t.columns().stream().filter(c -> c.name().equalsIgnoreCase(lc.column()))
            .findFirst().orElse(null);
        if (col != null) {
          synonymMentions(lc.evidence(), t, col, taken);
        }
      }
      for (io.github.nl2sql.link.LinkedTable lt : req.linking().tables()) {
        Table t = st.tablesByLower.get(lt.table().toLowerCase(Locale.ROOT));
        if (t != null) {
          synonymMentions(lt.evidence(), t, null, taken);
        }
      }
    }

    /** Mentions of {@code table} (or its {@code column}) at the words the evidence matched. */
    private void synonymMentions(List<io.github.nl2sql.link.Evidence> evidence, Table table, Column column,
        boolean[] taken) {
      for (io.github.nl2sql.link.Evidence ev : evidence) {
        if (ev.signal() != io.github.nl2sql.link.Signal.EMBEDDING || ev.matched() == null) {
          continue;
        }
        for (int i = 0; i < toks.size(); i++) {
          if (!taken[i] && !toks.get(i).quoted() && toks.get(i).raw().equalsIgnoreCase(ev.matched())) {
            taken[i] = true;
            Mention m = new Mention(i, i + 1,
                new ArrayList<>(List.of(new Term(table, column, List.of(toks.get(i).stem()), 0.7))));
            m.synonym = true;
            mentions.add(m);
          }
        }
      }
    }

    /**
     * How many tokens from {@code i} spell {@code words}, or 0. A name of several words also matches with
     * "of" or "of the" between two of them ("amount of payment" for amount_payment, "number of cities" for
     * number_cities), as English puts a noun's complement after it.
     */
    int matchLength(int i, List<String> words) {
      int k = words.size();
      int gapAt = -1;
      int gap = 0;
      int at = i;
      for (int j = 0; j < k; j++) {
        if (j > 0 && gapAt < 0 && is(at, "of") && !sameWord(at, words.get(j))) {
          gapAt = j;
          gap = is(at + 1, "the") ? 2 : 1;
          at += gap;
        }
        if (at >= toks.size() || !sameWord(at, words.get(j)) || j > 0 && toks.get(at).afterComma()) {
          return 0; // (a name does not run across a comma: "the type, name and price")
        }
        at++;
      }
      return k + gap;
    }

    /**
     * How many tokens from {@code i} name the two-word column {@code t} in the other order, with "of"
     * between ("the names of the managers" for manager_name), or 0.
     */
    int invertedLength(int i, Term t) {
      List<String> w = t.words();
      if (t.isTable() || w.size() != 2 || !is(i + 1, "of") || is(i, "number", "numbers")) {
        // ("the number of rooms" counts rooms; it is not room_number)
        return 0;
      }
      int at = is(i + 2, "the") ? i + 3 : i + 2;
      if (at >= toks.size() || !sameWord(i, w.get(1)) || !sameWord(at, w.get(0)) || toks.get(at).afterComma()) {
        return 0;
      }
      return at + 1 - i;
    }

    /** Whether the token at {@code i} is the schema word {@code w}. */
    boolean sameWord(int i, String w) {
      Tok tok = toks.get(i);
      return !tok.quoted() && (tok.stem().equals(w) || tok.low().equals(w) || sameVerb(tok.low(), w));
    }

    /**
     * "the names of all companies" when company has no name column but a column named like the table
     * (company.Company): "name(s)" that no mention covers names that column of the table named next.
     */
    void namesAsTheTablesColumn() {
      for (int i = 0; i < toks.size(); i++) {
        final int at = i;
        if (!is(i, "name", "names") || mentions.stream().anyMatch(m -> m.start <= at && at < m.end
            && !(m.start == at && m.end == at + 1 && !m.readAsTable()))) {
          continue; // (a one-word mention of other tables' name columns may be replaced below)
        }
        Mention table = null;
        for (Mention m : mentions) {
          if (m.start > i && m.start - i <= 8 && m.readAsTable()) {
            table = m;
            break;
          }
        }
        boolean of = false;
        for (int k = i + 1; table != null && k < table.start; k++) {
          of |= is(k, "of");
        }
        if (table == null || !of) {
          continue; // ("the names and headquarters of all companies": the table the list is of)
        }
        Table t = table.tables().get(0).table();
        if (t.columns().stream().anyMatch(c -> Tokens.schemaWords(c.name()).contains("name"))) {
          continue;
        }
        List<String> tw = Tokens.schemaWords(t.name());
        for (Column c : t.columns()) {
          if (Tokens.schemaWords(c.name()).equals(tw) && c.type() == SqlType.TEXT) {
            mentions.removeIf(m -> m.start == at);
            mentions.add(new Mention(i, i + 1, new ArrayList<>(List.of(new Term(t, c, List.of("name"), 0.85)))));
            mentions.sort(Comparator.comparingInt(m -> m.start));
            break;
          }
        }
      }
    }

    /**
     * "the pilot names", "the home team name": "name(s)" right after a text column that is not itself a
     * name nor a foreign key is that column's own word (a column named with "name", like team_name, is
     * matched whole before this).
     */
    void namesOfTextColumns() {
      for (int i = 0; i + 1 < mentions.size(); i++) {
        Mention a = mentions.get(i);
        Mention b = mentions.get(i + 1);
        if (b.start != a.end || b.end - b.start != 1 || !is(b.start, "name", "names") || a.columns().isEmpty()
            || a.readAsTable() || toks.get(b.start).afterComma()) {
          continue;
        }
        boolean plainText = a.columns().stream().allMatch(c -> c.column().type() == SqlType.TEXT
            && !Tokens.schemaWords(c.column().name()).contains("name") && !SchemaTerms.isForeignKey(c.table(), c.column()));
        if (plainText) {
          mentions.set(i, new Mention(a.start, b.end, a.candidates));
          mentions.remove(i + 1);
        }
      }
    }

    /**
     * "full name" is two columns, a first and a last name: "full" becomes a mention of every table's one
     * first-name column and "name(s)" of its last-name column, so the two are read (and resolved against
     * the focus table) like any pair of columns named in a row.
     */
    void fullNames() {
      for (int i = 0; i + 1 < toks.size(); i++) {
        if (!is(i, "full") || !is(i + 1, "name", "names")) {
          continue;
        }
        List<Term> firsts = new ArrayList<>();
        List<Term> lasts = new ArrayList<>();
        for (Table t : req.catalog().tables()) {
          Column first = nameColumn(t, "first");
          Column last = nameColumn(t, "last");
          if (first != null && last != null) {
            firsts.add(new Term(t, first, List.of("full"), 1.0));
            lasts.add(new Term(t, last, List.of("name"), 1.0));
          }
        }
        if (firsts.isEmpty()) {
          continue;
        }
        final int at = i;
        mentions.removeIf(m -> m.start <= at + 1 && m.end > at);
        mentions.add(new Mention(i, i + 1, firsts));
        mentions.add(new Mention(i + 1, i + 2, lasts));
      }
    }

    /** The one column of {@code t} whose name has {@code word} and "name" ("first_name", "fname"), or null. */
    static Column nameColumn(Table t, String word) {
      Column found = null;
      for (Column c : t.columns()) {
        List<String> w = Tokens.schemaWords(c.name());
        if (w.contains(word) && w.contains("name")) {
          if (found != null) {
            return null;
          }
          found = c;
        }
      }
      return found;
    }

    /**
     * Whether a question's "-ing" or "-ment(s)" word names a schema word of the same verb: "opening year"
     * is open_year, "founding year" is Founded, "enrollments" is enrolled_in.
     */
    static boolean sameVerb(String word, String schemaWord) {
      if (schemaWord.endsWith("ion") && schemaWord.length() >= 7 && !word.endsWith("ion")) {
        // "nominated", "eliminated", "selected" for the nouns nomination, elimination, selection
        String s = schemaWord.substring(0, schemaWord.length() - (schemaWord.endsWith("ation") ? 5 : 3));
        for (String suffix : List.of("ated", "ating", "ates", "ate", "ed", "ing", "es", "s", "e")) {
          if (word.endsWith(suffix)) {
            String w = word.substring(0, word.length() - suffix.length());
            if (w.length() >= 4 && w.equals(s)) {
              return true;
            }
            break;
          }
        }
      }
      String base = verbBase(word, true);
      if (base == null) {
        return false;
      }
      String s = verbBase(schemaWord, false);
      s = s == null ? schemaWord : s;
      return s.equals(base) || s.equals(base + "e");
    }

    /**
     * The verb in an "-ing" or "-ment(s)" word of a question ("opening", "enrollments"), or also in an
     * "-ed" word of the schema ("enrolled", "founded"); null when the word has no such ending.
     */
    static String verbBase(String w, boolean question) {
      for (String suffix : question ? List.of("ments", "ment", "ing") : List.of("ments", "ment", "ing", "ed")) {
        if (w.endsWith(suffix) && w.length() - suffix.length() >= 4) {
          return w.substring(0, w.length() - suffix.length());
        }
      }
      return null;
    }

    /** Value matches from the linker mark their words; they become filters later. */
    final List<Object[]> values = new ArrayList<>(); // {start, end, ValueMatch or null, text}

    void markValues() {
      for (int i = 0; i < toks.size(); i++) {
        if (toks.get(i).quoted()) {
          values.add(new Object[] {i, i + 1, null, toks.get(i).raw()});
        }
      }
      List<ValueMatch> matches = new ArrayList<>(req.linking().values());
      matches.addAll(codedValues());
      // the longer of two matches at the same words first ("Smith Hall" the dorm, not "Smith" a last name)
      Map<ValueMatch, List<Tok>> words = new java.util.IdentityHashMap<>();
      matches.forEach(vm -> words.put(vm, Tokens.tokenize(vm.matched())));
      matches.sort(Comparator.comparingDouble(ValueMatch::score).reversed()
          .thenComparing(Comparator.comparingInt((ValueMatch vm) -> words.get(vm).size()).reversed()));
      for (ValueMatch vm : matches) {
        if (vm.score() < 0.8) {
          continue;
        }
        List<Tok> vt = words.get(vm);
        int k = vt.size();
        if (k == 0) {
          continue;
        }
        for (int i = 0; i + k <= toks.size(); i++) {
          boolean ok = true;
          for (int j = 0; j < k && ok; j++) {
            ok = toks.get(i + j).low().equals(vt.get(j).low());
          }
          if (ok) {
            final int start = i;
            boolean dup = false;
            for (Object[] v : values) {
              if ((int) v[0] == start && (int) v[1] > start + k) {
                dup = true; // a longer match starts here
              } else if ((int) v[0] == start && v[2] instanceof ValueMatch other
                  && !(other.table().equals(vm.table()) && other.column().equals(vm.column()))) {
                // the same words match a value in several columns: keep both as candidates
              } else if ((int) v[0] == start) {
                dup = true;
              }
            }
            if (!dup) {
              values.add(new Object[] {i, i + k, vm, toks.get(i).quoted() ? toks.get(i).raw() : vm.value()});
            }
          }
        }
      }
    }

    /** Words for a sex or gender, and the codes a column stores them as (compared ignoring case). */
    private static final Map<String, List<String>> CODED = Map.of(
        "male", List.of("m", "male"), "males", List.of("m", "male"), "men", List.of("m", "male"),
        "man", List.of("m", "male"), "boys", List.of("m", "male"),
        "female", List.of("f", "female"), "females", List.of("f", "female"), "women", List.of("f", "female"),
        "woman", List.of("f", "female"), "girls", List.of("f", "female"));

    /**
     * "male students" is {@code Sex = 'M'}: a word for a sex matched to the code a column's sampled values
     * use for it, when the column's frequent values are a coded pair (M/F, Male/Female). The linker
     * matches only the words themselves.
     */
    List<ValueMatch> codedValues() {
      List<ValueMatch> out = new ArrayList<>();
      for (Tok t : toks) {
        List<String> codes = CODED.get(t.low());
        if (codes == null) {
          continue;
        }
        for (Table table : req.catalog().tables()) {
          for (Column c : table.columns()) {
            if (c.stats() == null || c.stats().frequentValues().isEmpty() || c.stats().distinctCount() > 3) {
              continue;
            }
            for (io.github.nl2sql.catalog.ColumnStats.FrequentValue fv : c.stats().frequentValues()) {
              if (fv.value() != null && codes.contains(fv.value().trim().toLowerCase(Locale.ROOT))) {
                out.add(new ValueMatch(table.name(), c.name(), fv.value(), t.raw(), 0.9));
              }
            }
          }
        }
      }
      return out;
    }

    /**
     * Capitalised words the linker did not find in the data and the schema does not name ("customers in
     * Springfield"): proper-noun-like values whose column is read from the question or asked for.
     */
    void markProperNouns() {
      for (int i = 1; i < toks.size(); i++) {
        if (!properNoun(i) || inAnyMention(i) || inValue(i)) {
          continue;
        }
        int j = i;
        while (j < toks.size() && properNoun(j) && !inAnyMention(j) && !inValue(j)) {
          j++;
        }
        StringBuilder sb = new StringBuilder();
        for (int k = i; k < j; k++) {
          sb.append(k > i ? " " : "").append(toks.get(k).raw());
        }
        values.add(new Object[] {i, j, null, sb.toString()});
        i = j;
      }
    }

    boolean properNoun(int i) {
      Tok t = toks.get(i);
      String raw = t.raw();
      return !t.quoted() && !t.number() && raw.length() >= 2 && Character.isUpperCase(raw.charAt(0))
          && !raw.equals(raw.toUpperCase(Locale.ROOT)) && !FREE.contains(t.low());
    }

    boolean inAnyMention(int i) {
      for (Mention m : mentions) {
        if (m.start <= i && i < m.end) {
          return true;
        }
      }
      return false;
    }

    boolean inValue(int i) {
      for (Object[] v : values) {
        if ((int) v[0] <= i && i < (int) v[1]) {
          return true;
        }
      }
      return false;
    }

    /** Drops schema mentions inside value spans ("Tony Award" is a value, not the column award). */
    void dropMentionsInValues() {
      // "the most research staff": a schema name of several words outweighs a value it contains
      // ("Research" in Organisation_Types) unless the value is quoted
      values.removeIf(v -> !toks.get((int) v[0]).quoted() && mentions.stream().anyMatch(m -> m.start <= (int) v[0]
          && (int) v[1] <= m.end && m.end - m.start > (int) v[1] - (int) v[0]
          && m.candidates.stream().anyMatch(t -> t.quality() >= 1.0 && t.words().size() == m.end - m.start)));
      mentions.removeIf(m -> {
        for (Object[] v : values) {
          if (m.start < (int) v[1] && (int) v[0] < m.end) {
            return true;
          }
        }
        return false;
      });
    }

    boolean detect(String... words) {
      boolean found = false;
      for (int i = 0; i < toks.size(); i++) {
        for (String w : words) {
          if (toks.get(i).low().equals(w)) {
            used[i] = true;
            found = true;
          }
        }
      }
      return found;
    }

    boolean detectStarWords() {
      return detect("everything");
    }

    boolean detectCount() {
      boolean c = detectCount0();
      if (c) {
        for (int i = 0; i < toks.size(); i++) {
          if (is(i, "total") && (is(i - 1, "in") && i == toks.size() - 1 || is(i + 1, "number"))) {
            use(i, i - 1 >= 0 && is(i - 1, "in") ? i - 1 : i);
          }
        }
      }
      return c;
    }

    boolean detectCount0() {
      for (int i = 0; i < toks.size(); i++) {
        if (is(i, "how") && is(i + 1, "many")) {
          use(i, i + 1);
          countAt = i;
          return true;
        }
        int before = is(i - 1, "the", "total") ? (is(i - 2, "the", "total") ? i - 3 : i - 2) : i - 1;
        if (is(i, "number", "numbers") && is(i + 1, "of") && nounBeforeNumber(i)) {
          continue; // "the telephone number of the performer": a number column, not a count
        }
        if (is(i, "number", "numbers") && is(i + 1, "of") && !inMention(i) && !countColumnAt(is(i + 2, "the") ? i + 3 : i + 2)
            && !columnMentionEndingAt(i) && !(is(i, "numbers") && numberedTableAfter(i + 2))
            && !is(i - 1, "average", "avg", "mean", "maximum", "minimum", "max", "min", "largest", "smallest")
            && !is(before, "by", "than", "highest", "largest", "most", "least", "smallest", "lowest",
                "greatest", "fewest", "whose", "of", "biggest", "maximum", "minimum", "average")) {
          use(i, i + 1);
          if (is(i - 1, "total")) {
            use(i - 1);
            dropWordMention(i - 1); // ("the total number of clubs" beside a Total column: here it counts)
          }
          dropWordMention(i); // ("number" alone may also name a key, emp_num in employee: here it counts)
          countAt = i;
          return true;
        }
        if (is(i, "number") && is(i - 1, "the") && is(i + 1, "and") && is(i + 2, "average", "avg", "mean", "total",
            "maximum", "minimum", "max", "min") && !inMention(i)) {
          // "the number and average age of students": a count beside an aggregate of the same rows
          use(i);
          dropWordMention(i);
          countAt = i;
          return true;
        }
        if (is(i, "count") && (i <= 1 || is(i - 1, "the", "total") && is(i + 1, "of") && !is(i - 2, "of", "by"))) {
          // "count the ...", "what is the count of aircrafts"
          use(i);
          countAt = i;
          int k = is(i + 1, "the") ? i + 2 : i + 1;
          if (i <= 1 && is(k, "number") && is(k + 1, "of")) {
            // "count the number of customers": one count (not card_number as well)
            use(k, k + 1);
            if (k > i + 1) {
              use(i + 1);
            }
            dropWordMention(k);
          }
          return true;
        }
      }
      return false;
    }

    /** Where the first table is named, or the question's length. */
    int firstTableMention() {
      for (Mention m : mentions) {
        if (m.readAsTable()) {
          return m.start;
        }
      }
      return toks.size();
    }

    /**
     * Whether the columns shown are all named before the count phrase, the last one joined to it by "and"
     * ("the transaction type and the number of transactions", "all countries and their number of
     * airlines"), so that the count is of rows per value of those columns.
     */
    boolean columnsListedBeforeCount() {
      if (countAt < 0 || is(countAt, "how", "count")) {
        return false;
      }
      int lastEnd = -1;
      Mention ofTable = null;
      for (Mention m : mentions) {
        if (m.readAsTable()) {
          if (m.start < countAt && m.start == lastEnd + 1 && is(lastEnd, "of")) {
            ofTable = m; // "the types of competition and the number of competitions"
          }
          continue;
        }
        if (m.consumed && m.readAsColumn()) {
          if (m.start >= countAt) {
            if (is(m.start - 1, "that", "each", "this", "every", "per")) {
              continue; // "... for that type": the column named again
            }
            return false;
          }
          lastEnd = Math.max(lastEnd, m.end);
          ofTable = null;
        }
      }
      if (lastEnd < 0) {
        return false;
      }
      boolean and = false;
      for (int k = ofTable != null ? ofTable.end : lastEnd; k < countAt; k++) {
        and |= is(k, "and");
        if (!is(k, "and", "the", "their", "its", "with", "along", "corresponding", "respective", "total")) {
          return false;
        }
      }
      return and || is(lastEnd, "with") || is(lastEnd, "along");
    }

    /**
     * Whether the last select item is the column named right at {@code at}, after "how many" ("how many
     * video game types"): a column, not a table, so its distinct values are what is counted.
     */
    boolean columnCountedAt(int at, List<SelectItem> items) {
      if (items.isEmpty() || !(items.get(items.size() - 1).expr() instanceof Expr.Column c)) {
        return false;
      }
      for (Mention m : mentions) {
        if (m.start == at && m.consumed && m.readAsColumn() && !m.readAsTable()
            && m.columns().stream().anyMatch(t -> t.column().name().equals(c.column())
                && t.table().name().equalsIgnoreCase(c.table()))) {
          return true;
        }
      }
      return false;
    }

    /**
     * Whether a count column's thing is named at {@code k} ("the number of rooms" for room_count) and no
     * table is: then "number of" is part of the column's name, not a count of rows.
     */
    boolean countColumnAt(int k) {
      for (Mention m : mentions) {
        if (m.start == k && m.readAsColumn() && m.tables().isEmpty()
            && m.columns().stream().allMatch(t -> SchemaTerms.countedThing(Tokens.schemaWords(t.column().name())) != null)) {
          return true;
        }
      }
      return false;
    }

    /** The table named right after the count phrase ("how many actors", "the number of races"), or null. */
    Table tableAfterCount() {
      if (countAt < 0) {
        return null;
      }
      int k = is(countAt, "count") ? countAt + 1 : countAt + 2;
      while (is(k, "the", "all", "number", "of", "total", "different", "distinct")) {
        k++;
      }
      for (Mention m : mentions) {
        if (m.start == k && !m.tables().isEmpty()) {
          return m.tables().get(0).table();
        }
      }
      return null;
    }

    boolean inMention(int i) {
      for (Mention m : mentions) {
        if (m.start <= i && i < m.end && m.end - m.start > 1) {
          return true;
        }
      }
      return false;
    }

    Map<Integer, AggFunction> detectAggregates() {
      Map<Integer, AggFunction> out = new LinkedHashMap<>();
      for (int i = 0; i < toks.size(); i++) {
        AggFunction f = switch (low(i)) {
          case "average", "avg", "mean" -> AggFunction.AVG;
          case "total", "sum", "combined" -> AggFunction.SUM;
          case "maximum", "max" -> AggFunction.MAX;
          case "minimum", "min" -> AggFunction.MIN;
          default -> null;
        };
        if (f != null) {
          out.put(i, f);
        }
      }
      // "the highest, lowest and average cost", "for each city, the highest latitude": a superlative
      // adjective on a column is its maximum or minimum when it is listed with an aggregate word or the
      // question groups
      Map<Integer, AggFunction> adjectives = new LinkedHashMap<>();
      boolean grouped = detectsGrouping();
      for (int i = 0; i < toks.size(); i++) {
        if (out.containsKey(i) || !superlativeAdjective(i)) {
          continue;
        }
        int a = i;
        while (a > 0 && (is(a - 1, "and", "or") || out.containsKey(a - 1) || superlativeAdjective(a - 1))) {
          a--;
        }
        int b = i;
        while (b + 1 < toks.size() && (is(b + 1, "and", "or") || out.containsKey(b + 1) || superlativeAdjective(b + 1))) {
          b++;
        }
        while (is(a, "and", "or")) {
          a++;
        }
        boolean listed = false;
        for (int k = a; k <= b; k++) {
          listed |= out.containsKey(k);
        }
        if ((listed || grouped) && (a == 0 || is(a - 1, "the", "its", "their", "and")) && !is(a - 2, "with", "has",
            "have", "had", "that", "who", "whose", "which", "where") && columnMentionAt(b + 1)) {
          adjectives.put(i, DESC_SUPER.contains(low(i)) ? AggFunction.MAX : AggFunction.MIN);
          dropWordMention(i); // "oldest age": not age twice
        }
      }
      out.putAll(adjectives);
      return out;
    }

    /** Removes the mention of the one word at {@code i}, which a reading has taken as something else. */
    void dropWordMention(int i) {
      mentions.removeIf(m -> m.start == i && m.end == i + 1);
    }

    /** Whether a superlative that can qualify a column's value ("highest", not "most" or "top") is at {@code i}. */
    boolean superlativeAdjective(int i) {
      String w = low(i);
      return (DESC_SUPER.contains(w) || ASC_SUPER.contains(w)) && !RANKING_ONLY.contains(w);
    }

    /** Whether a mention read as a table (and not as a column) starts at {@code i}. */
    boolean tableNamedAt(int i) {
      for (Mention m : mentions) {
        if (m.start == i) {
          return m.readAsTable() && !m.readAsColumn();
        }
      }
      return false;
    }

    /** Whether a mention read as a column starts at {@code i}. */
    boolean columnMentionAt(int i) {
      for (Mention m : mentions) {
        if (m.start == i) {
          return m.readAsColumn();
        }
      }
      return false;
    }

    /**
     * The focus table's one details column (its name ends with "details" or "info") when the question asks
     * for "the information" or "the details" (not "all"), else null.
     */
    Term theDetailsColumn(Table focus) {
      int at = -1;
      for (int i = 1; i < toks.size(); i++) {
        if (!used[i] && is(i, "information", "info", "details") && is(i - 1, "the", "their", "its")
            && !is(i - 2, "all")) {
          at = i;
        }
      }
      if (at < 0) {
        return null;
      }
      List<Column> details = focus.columns().stream().filter(c -> {
        List<String> w = Tokens.schemaWords(c.name());
        return w.size() > 1 && (w.get(w.size() - 1).equals("detail") || w.get(w.size() - 1).equals("info"));
      }).toList();
      if (details.size() != 1) {
        return null;
      }
      use(at);
      return term(focus.name(), details.get(0).name());
    }

    /** Whether a free "and" or "but" follows a free "or". */
    boolean andAfterOr() {
      boolean or = false;
      for (int i = 0; i < toks.size(); i++) {
        if (!used[i] && is(i, "or")) {
          or = true;
        } else if (or && !used[i] && is(i, "and", "but")) {
          return true;
        }
      }
      return false;
    }

    /** Whether one of {@code words} occurs where no reading has used it ("or" outside "30 or younger"). */
    boolean freeWord(String... words) {
      for (int i = 0; i < toks.size(); i++) {
        if (!used[i] && is(i, words)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Whether a noun the reading does not know comes right before "number" ("the telephone number of",
     * "the room number of"): the phrase names a number column, not a count. Words that can precede a
     * count ("the", "total", "and", an aggregate or a superlative) and schema words (handled by
     * {@link #columnMentionEndingAt}) do not count here.
     */
    boolean nounBeforeNumber(int i) {
      if (i == 0) {
        return false;
      }
      Tok prev = toks.get(i - 1);
      if (prev.number() || prev.quoted() || FREE.contains(prev.low()) || STRUCTURAL.contains(prev.low())
          || DESC_SUPER.contains(prev.low()) || ASC_SUPER.contains(prev.low()) || prev.afterComma()
          || is(i - 1, "total", "overall", "average", "avg", "mean", "maximum", "minimum", "max", "min", "largest",
              "smallest", "biggest", "greater", "higher", "lower", "larger", "same", "entire", "combined", "ascending",
              "descending", "increasing", "decreasing")) {
        return false;
      }
      for (Mention m : mentions) {
        if (m.start <= i - 1 && i - 1 < m.end) {
          return false;
        }
      }
      return prev.low().chars().allMatch(Character::isLetter) && !prev.low().endsWith("ly");
    }

    /** Whether a column (not a table) is named right before {@code end} ("the enrollment number of ..."). */
    boolean columnMentionEndingAt(int end) {
      if (end < toks.size() && toks.get(end).afterComma()) {
        return false; // "the name, address, number of students": a list, then a count
      }
      for (Mention m : mentions) {
        if (m.end == end && m.readAsColumn() && !m.readAsTable() && !is(m.start, "total", "average", "mean", "sum")
            && m.columns().stream().allMatch(c -> c.column().type().isNumeric() || c.column().type() == SqlType.OTHER
                || Tokens.schemaWords(c.column().name()).contains("phone")
                || Tokens.schemaWords(c.column().name()).contains("number"))) {
          // (a measure or a phone: "the enrollment number", "the phone number"; not "the address, number of")
          return true;
        }
      }
      return false;
    }

    /**
     * Whether a table with a number column ("flno" is the flight number) is named from {@code k} on ("the
     * numbers of all flights" are flight numbers, not a count).
     */
    boolean numberedTableAfter(int k) {
      while (is(k, "the", "all") || k < toks.size() && toks.get(k).number()) {
        k++;
      }
      for (Mention m : mentions) {
        if (m.start == k && m.readAsTable()) {
          Table t = m.tables().get(0).table();
          return st.terms.stream().anyMatch(x -> !x.isTable() && x.table() == t && !x.words().isEmpty()
              && x.words().get(x.words().size() - 1).equals("number") && SchemaTerms.countedThing(x.words()) == null);
        }
      }
      return false;
    }

    /**
     * Whether {@code items} is one column that names a category: not a key, unique, name, title or id
     * column, and seen with repeated values in the catalog's statistics.
     */
    boolean categoricalList(List<SelectItem> items) {
      if (items.size() != 1 || !(items.get(0).expr() instanceof Expr.Column c) || c.table() == null) {
        return false;
      }
      Table t = st.tablesByLower.get(c.table().toLowerCase(Locale.ROOT));
      Column col = t == null ? null : t.column(c.column()).orElse(null);
      if (col == null || col.stats() == null || col.stats().distinctCount() * 2 > col.stats().sampledRows()
          || col.stats().distinctCount() <= 0) {
        // (repeated values, at most half as many as rows: a category, not a free text that repeats once)
        return false;
      }
      if (t.primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(col.name()))
          || t.uniqueKeys().stream().anyMatch(u -> u.size() == 1 && u.get(0).equalsIgnoreCase(col.name()))) {
        return false;
      }
      List<String> w = Tokens.schemaWords(col.name());
      return !w.contains("name") && !w.contains("title") && !w.contains("id") && !col.type().isTemporal();
    }

    /** Where the words that lowered the confidence as not understood are. */
    final List<Integer> unknownAt = new ArrayList<>();

    /** Endings that make a verb's stem a noun ("assign" + "ment", "enroll" + "ed"), as table names have them. */
    private static final Set<String> NOUN_ENDINGS = Set.of("s", "ed", "ing", "ment", "ments", "ion", "ation", "er",
        "ers");

    /** Tables a join passes through that the question does not name (set by {@link #joinTree}). */
    final Set<String> unnamedLinks = new LinkedHashSet<>();

    /**
     * A verb not understood whose noun names a table the join passes through without the question naming
     * it ("technicians and the machines they are assigned" through repair_assignment, "students who
     * enrolled" through enrolled_in): the verb named that table. Both costs, of the word and of the hop
     * through an unnamed table, become those of a relating verb. Once per table.
     */
    void verbsNamingLinks() {
      Set<String> named = new java.util.HashSet<>();
      for (int k : new ArrayList<>(unknownAt)) {
        String w = low(k);
        List<String> bases = new ArrayList<>(List.of(w));
        if (w.endsWith("ed") && w.length() > 4) {
          bases.add(w.substring(0, w.length() - 2));
          bases.add(w.substring(0, w.length() - 1));
        } else if (w.endsWith("ing") && w.length() > 5) {
          bases.add(w.substring(0, w.length() - 3));
        }
        for (String link : unnamedLinks) {
          if (named.contains(link)) {
            continue;
          }
          boolean names = Tokens.schemaWords(link).stream().anyMatch(tw -> bases.stream().anyMatch(b -> b.length() >= 4
              && (tw.equals(b) || tw.startsWith(b) && NOUN_ENDINGS.contains(tw.substring(b.length())))));
          if (names) {
            named.add(link);
            unknownAt.remove(Integer.valueOf(k));
            confidence *= (0.85 / 0.55) * (0.85 / 0.5);
            notes.add("read '" + toks.get(k).raw() + "' as naming " + link);
            break;
          }
        }
      }
    }

    /**
     * A verb not understood between the names of two tables the query joins ("students who enrolled in a
     * course", "the staff who taught the class") says how they relate, which the join already does: it
     * costs less than a word the reading left out.
     */
    void relatingVerbs(Set<String> joined) {
      if (joined.size() < 2) {
        return;
      }
      for (int k : unknownAt) {
        String w = low(k);
        Table doer = agentOf(w, joined);
        if (doer != null) {
          // "the names of mountains they climb" with climber joined: the verb of the table that does it
          confidence *= 0.85 / 0.55;
          notes.add("read '" + toks.get(k).raw() + "' as what " + doer.name() + " does");
          continue;
        }
        boolean verbal = w.endsWith("ed") || w.endsWith("en") || w.endsWith("ing") || Tokens.IRREGULAR_PAST.containsKey(w)
            || RELATING_VERBS.contains(w);
        if (!verbal) {
          continue;
        }
        Table before = null;
        Table after = null;
        Table afterColumn = null;
        for (Mention m : mentions) {
          Table t = m.readAsTable() ? m.tables().get(0).table() : (!m.columns().isEmpty() ? m.columns().get(0).table() : null);
          if (t == null || !joined.contains(t.name()) || !m.readAsTable() && !m.consumed) {
            continue;
          }
          if (m.end <= k) {
            before = t;
          } else if (m.start > k && m.readAsTable() && after == null) {
            after = t;
          } else if (m.start > k && afterColumn == null) {
            afterColumn = t;
          }
        }
        // the table named after the verb, else a column's ("made the first rental": rental, not "first")
        after = after != null ? after : afterColumn;
        if (before != null && after != null && before != after) {
          confidence *= 0.85 / 0.55;
          notes.add("read '" + toks.get(k).raw() + "' as how " + before.name() + " and " + after.name() + " relate");
        }
      }
    }

    /**
     * A plural noun not understood where a question names what it asks about ("the occupations of
     * participants", "all staffs", "how many enterprises") in a query of one table whose columns no other
     * table has: the noun is another word for that table (player, employee, company), which the columns
     * already chose. It costs like a verb that says what the rows are. Not when another table has a column
     * of the same name ("staffs living in Canada": customers and employees both have a country), nor for
     * a query that uses no column (a bare count: the noun is all it says), nor when only generic words
     * ("names", "ids") or a default column chose the table, nor when the noun may be a column or a value
     * ("nations" beside Nationality, "engineers" stored in job), nor beside another word not understood.
     */
    void nounOfOneTable(Set<String> tables, Table focus, Set<String> used) {
      if (tables.size() != 1 || used.isEmpty()) {
        return;
      }
      for (String u : used) {
        String column = u.substring(u.indexOf('.') + 1);
        if (!u.startsWith(focus.name().toLowerCase(Locale.ROOT) + ".")) {
          return;
        }
        for (Table other : req.catalog().tables()) {
          if (other != focus && other.columns().stream().anyMatch(c -> c.name().equalsIgnoreCase(column))) {
            return;
          }
        }
      }
      if (unknownAt.size() != 1) {
        return; // ("how many reviews have they received": more than one word left to guess)
      }
      int k = unknownAt.get(0);
      String w = low(k);
      if (!plural(w, 5)
          || !(is(k - 1, "of", "all", "many", "the", "each", "every", "which", "what", "for") || k > 0 && toks.get(k - 1).number())
          || is(k - 2, "type", "types", "kind", "kinds")) {
        return; // ("types of accounts": the owner of a type, another table)
      }
      if (notes.stream().anyMatch(n -> n.endsWith("for the rows asked about"))) {
        return; // ("which regions have two addresses": the noun may be the column asked for)
      }
      boolean namedByMore = false;
      for (Mention m : mentions) {
        if (m.consumed && !m.columns().isEmpty() && !(m.end - m.start == 1
            && is(m.start, "name", "names", "id", "ids", "code", "codes", "detail", "details", "type", "types"))) {
          namedByMore = true;
        }
      }
      if (!namedByMore) {
        return; // ("the names of all the clients": "names" alone does not say whose)
      }
      String stem = toks.get(k).stem();
      for (Table t : req.catalog().tables()) {
        for (Column c : t.columns()) {
          // "nations" is Nationality, "engineers" a value of job: a column or a value of the table, not its rows
          if (Tokens.schemaWords(c.name()).stream().anyMatch(cw -> cw.startsWith(stem) || stem.startsWith(cw) && cw.length() >= 4)
              || t == focus && c.stats() != null && c.stats().frequentValues().stream().anyMatch(fv -> fv.value() != null
                  && (fv.value().equalsIgnoreCase(stem) || fv.value().equalsIgnoreCase(w)))) {
            return;
          }
        }
      }
      confidence *= 0.8 / 0.55;
      notes.add("read '" + toks.get(k).raw() + "' as the rows of " + focus.name());
    }

    /**
     * A plural noun not understood right after a numeric column the query shows, compares or orders by
     * names what that column counts or measures ("the number of gold medals" is Gold, "total medals"
     * Total): it costs less than a word the reading left out, like a verb that relates the tables. Not
     * after a text column: "school addresses" asks for a column the reading did not find.
     */
    void nounsAfterColumns(Set<String> used) {
      for (int k : unknownAt) {
        String w = low(k);
        if (!plural(w, 4)) {
          continue;
        }
        for (Mention m : mentions) {
          if (m.end != k || !m.consumed || !m.readAsColumn()) {
            continue;
          }
          Term c = m.columns().stream().filter(t -> used.contains(qn(t).toLowerCase(Locale.ROOT))).findFirst().orElse(null);
          if (c != null && c.column().type().isNumeric()) {
            confidence *= 0.85 / 0.55;
            notes.add("read '" + toks.get(k).raw() + "' as what " + qn(c) + " counts");
            break;
          }
        }
      }
    }

    /** Whether {@code w}, of {@code minLength} letters or more, looks like a plural ("medals", not "class"). */
    static boolean plural(String w, int minLength) {
      return w.length() >= minLength && !Words.singular(w).equals(w);
    }

    /**
     * The joined table that {@code w} is the bare verb of, as its doer: climber for "climb", visitor for
     * "visit", manager for "manage" ("the mountains they climb" relates climbers and mountains); else null.
     * Not a form in -s: "reviews" beside reviewer is as often the noun.
     */
    Table agentOf(String w, Set<String> joined) {
      if (w.length() < 3) {
        return null;
      }
      for (String name : joined) {
        for (String tw : Tokens.schemaWords(name)) {
          if (tw.equals(w + "er") || tw.equals(w + "r") || tw.equals(w + "or")) {
            return st.tablesByLower.get(name.toLowerCase(Locale.ROOT));
          }
        }
      }
      return null;
    }

    /**
     * A verb not understood in a question whose query reads one table ("the payment method used most often",
     * "the courses taught on days MTW", "the payments made for each method") says what its rows are, which
     * the table already does: like a verb that relates two joined tables, it costs less than a word the
     * reading left out. Not when the verb names a column of that table ("opened" for Open_Date, "built" for
     * Built_Year, "joined" for Year_Join): the reading then missed what the verb asks about. Nor when it is
     * negated ("studios that have not produced films with X" asks for studios none of whose rows match,
     * which a filter on rows does not say), nor "shared" without groups ("the years shared by the teams X and
     * Y" asks what two groups have in common; "shared by most counties" counts). Only past tenses
     * and participles: an "-ing" word is as often a value or a column of its own ("playing", "during").
     */
    void verbsOfOneTable(Set<String> tables, Table focus, boolean grouped) {
      if (tables.size() != 1) {
        return;
      }
      for (int k : unknownAt) {
        String w = low(k);
        String base = Tokens.IRREGULAR_PAST.get(w);
        if (base == null) {
          base = Tokens.IRREGULAR_PARTICIPLES.get(w);
        }
        boolean regular = w.endsWith("ed") && !w.endsWith("eed") && w.length() > 3; // "used", not "speed"
        if (base == null && !regular || w.equals("shared") && !grouped) {
          continue;
        }
        if (is(k - 1, "not", "never") || is(k - 2, "not", "never")) {
          // "studios that have not produced films with director X": rows of other values of the same
          // table, which a filter on this table's rows does not say
          continue;
        }
        List<String> stems = base != null ? List.of(w, base)
            : List.of(w.substring(0, w.length() - 1), w.substring(0, w.length() - 2));
        boolean namesColumn = focus.columns().stream()
            .flatMap(c -> Tokens.schemaWords(c.name()).stream())
            .anyMatch(cw -> stems.stream().anyMatch(st -> st.length() >= 3 && cw.startsWith(st)));
        if (!namesColumn) {
          confidence *= 0.85 / 0.55;
          notes.add("read '" + toks.get(k).raw() + "' as what the rows of " + focus.name() + " are");
        }
      }
    }

    /**
     * The date column a "when" question asks for: the focus table's date-like column whose name has a verb of
     * the question ("join" for date_joined_staff, "became" for date_became_customer), else its only one.
     */
    Term whenColumn(Table focus) {
      List<Column> dates = focus.columns().stream().filter(OfflinePlanner.Reading::dateLike).toList();
      Column named = null;
      int verbAt = -1;
      for (Column c : dates) {
        List<String> words = Tokens.splitIdentifier(c.name());
        int hit = -1;
        for (int i = 1; i < toks.size(); i++) {
          String w = low(i);
          String base = Tokens.IRREGULAR_PAST.getOrDefault(w, w);
          for (String cw : words) {
            if (w.length() >= 3 && !FREE.contains(w) && (cw.equals(base + "ed") || cw.equals(base + "d")
                || w.endsWith("ed") && cw.equals(w)
                || Tokens.IRREGULAR_PAST.containsKey(cw) && Tokens.IRREGULAR_PAST.get(cw).equals(base))) {
              hit = i;
            }
          }
        }
        if (hit >= 0) {
          if (named != null) {
            return null;
          }
          named = c;
          verbAt = hit;
        }
      }
      use(verbAt);
      Column chosen = named != null ? named : dates.size() == 1 ? dates.get(0) : null;
      return chosen == null ? null : term(focus.name(), chosen.name());
    }

    /** Whether a grouping word ("each", "per", "every") is in the question. */
    boolean detectsGrouping() {
      for (int i = 0; i < toks.size(); i++) {
        if (is(i, "each", "per", "every")) {
          return true;
        }
      }
      return false;
    }

    /** The aggregate of the last column read for the select list and where its mention ends. */
    AggFunction sharedAggregate;
    int sharedAggregateEnd = -1;

    /** Where {@link #aggregateBefore} found its word. */
    int aggregateAt = -1;

    /**
     * The aggregate word right before a column mention ("average age", "the total of the price"), its
     * position kept in {@link #aggregateAt}.
     */
    AggFunction aggregateBefore(Mention m, Map<Integer, AggFunction> aggWords) {
      boolean skippedTable = false;
      int floor = Math.max(0, m.start - 3);
      for (int i = m.start - 1; i >= floor; i--) {
        AggFunction f = aggWords.get(i);
        if (f != null && !used[i]) {
          used[i] = true;
          aggregateAt = i;
          return f;
        }
        Mention table = skippedTable ? null : tableMentionEndingAt(i + 1);
        if (table != null) {
          // "the average checking balance", "the average song rating": the table's name comes between
          skippedTable = true;
          floor = Math.max(0, table.start - 3);
          i = table.start;
          continue;
        }
        if (!is(i, "the", "of", "all", "their", "its") && !FREE.contains(low(i))) {
          break;
        }
      }
      // superlative adjectives used as aggregates: "the highest age" when alone in the select list
      return null;
    }

    /** The table whose rows a count beside the focus table's columns counts ("pilots and the number of records"). */
    Table countedPerFocus;

    /** Plain columns named after "all" ("across all schools"): dropped when the rest aggregates. */
    final List<SelectItem> population = new ArrayList<>();

    /** The mention not yet read that starts at {@code start} and names a table, or null. */
    Mention freeTableMentionAt(int start) {
      for (Mention m : mentions) {
        if (!m.consumed && m.start == start && m.readAsTable()) {
          return m;
        }
      }
      return null;
    }

    /** A mention read as a table's name that ends right before {@code end}, or null. */
    Mention tableMentionEndingAt(int end) {
      for (Mention m : mentions) {
        if (m.end == end && m.readAsTable()) {
          return m;
        }
      }
      return null;
    }

    Table focusTable() {
      for (Mention m : mentions) {
        List<Term> ts = m.tables();
        if (!ts.isEmpty() && (ts.get(0).quality() >= 1.0 || m.columns().isEmpty())) {
          return ts.get(0).table();
        }
      }
      for (Mention m : mentions) {
        List<Term> cs = m.columns();
        if (!cs.isEmpty()) {
          Set<Table> tables = new LinkedHashSet<>();
          cs.forEach(c -> tables.add(c.table()));
          if (tables.size() == 1) {
            confidence *= 0.8;
            return tables.iterator().next();
          }
        }
      }
      // "the dates with a maximum temperature above 85": the one table that has every column named
      Table cover = null;
      for (Table t : req.catalog().tables()) {
        boolean all = true;
        boolean any = false;
        for (Mention m : mentions) {
          if (!m.columns().isEmpty()) {
            any = true;
            all &= m.columns().stream().anyMatch(c -> c.table() == t);
          }
        }
        if (any && all) {
          if (cover != null) {
            cover = null;
            break;
          }
          cover = t;
        }
      }
      if (cover != null) {
        confidence *= 0.8;
        return cover;
      }
      for (Object[] v : values) {
        if (v[2] instanceof ValueMatch vm) {
          confidence *= 0.7;
          return st.tablesByLower.get(vm.table().toLowerCase(Locale.ROOT));
        }
      }
      return null;
    }

    /**
     * The column among {@code cs} of the table that the column listed right before names ("the department
     * name and room": Room of department, where faculty has a Room too), or null.
     */
    Term listedAfterColumnOf(Mention m, List<Term> cs) {
      int k = m.start - 1;
      while (is(k, "the", "its", "their")) {
        k--;
      }
      if (!is(k, "and", ",")) {
        return null;
      }
      for (Mention p : mentions) {
        if (p.end == k && !p.columns().isEmpty() && !p.readAsTable()) {
          Table t = p.columns().get(0).table();
          if (p.columns().stream().allMatch(c -> c.table() == t)) {
            return cs.stream().filter(c -> c.table() == t).findFirst().orElse(null);
          }
        }
      }
      return null;
    }

    /** The column a mention means: in the focus table, else the only table that has it. */
    Term resolve(Mention m, Table focus) {
      List<Term> cs = m.columns();
      for (var r : req.resolutionsForQuestion()) {
        for (Term c : cs) {
          if (r.chosen().value().equalsIgnoreCase(qn(c))) {
            return c;
          }
        }
      }
      if (ambiguousList(m, cs)) {
        return null;
      }
      // "the names of musicals": the column of the table named right after it
      int k = m.end;
      while (is(k, "of", "for", "the", "all", "each", "every", "those", "these")) {
        k++;
      }
      if (k > m.end && is(m.end, "of", "for")) {
        for (Mention o : mentions) {
          if (o.start == k && o.readAsTable()) {
            // (the table the words name best first: "the id of the order" is Orders', not Order_Items')
            for (Term t : o.tables()) {
              for (Term c : cs) {
                if (t.table() == c.table()) {
                  return c;
                }
              }
            }
          }
        }
      }
      for (Term c : cs) {
        if (c.table() == focus) {
          return c;
        }
      }
      Term listed = listedAfterColumnOf(m, cs);
      if (listed != null) {
        return listed;
      }
      Set<Table> tables = new LinkedHashSet<>();
      cs.forEach(c -> tables.add(c.table()));
      // prefer tables named elsewhere in the question
      List<Term> inMentioned = new ArrayList<>();
      for (Term c : cs) {
        for (Mention o : mentions) {
          if (o.tables().stream().anyMatch(t -> t.table() == c.table()) && !inMentioned.contains(c)) {
            inMentioned.add(c);
          }
        }
      }
      Set<Table> mentionedTables = new LinkedHashSet<>();
      inMentioned.forEach(c -> mentionedTables.add(c.table()));
      if (mentionedTables.size() == 1) {
        return inMentioned.get(0);
      }
      if (tables.size() == 1 && cs.get(0).quality() >= 1.0) {
        confidence *= 0.8;
        return cs.get(0);
      }
      return null;
    }

    /** "the name of customers and products": the column follows with two tables that both have it. */
    boolean ambiguousList(Mention m, List<Term> cs) {
      int k = m.end;
      while (is(k, "of", "for", "the", "all", "both")) {
        k++;
      }
      Mention first = null;
      Mention second = null;
      for (Mention o : mentions) {
        if (o.start == k && !o.tables().isEmpty()) {
          first = o;
        }
      }
      if (first == null || !is(first.end, "and", "or")) {
        return false;
      }
      int k2 = first.end + 1;
      while (is(k2, "the", "all")) {
        k2++;
      }
      for (Mention o : mentions) {
        if (o.start == k2 && !o.tables().isEmpty()) {
          second = o;
        }
      }
      if (second == null) {
        return false;
      }
      final Mention f = first;
      final Mention g = second;
      return cs.stream().anyMatch(c -> f.tables().stream().anyMatch(t -> t.table() == c.table()))
          && cs.stream().anyMatch(c -> g.tables().stream().anyMatch(t -> t.table() == c.table()));
    }

    /** Two or more mentioned tables have the column: ask which. */
    Plan clarifyColumn(Mention m, Table focus) {
      List<Term> cs = m.columns();
      Set<String> mentionedTables = new LinkedHashSet<>();
      for (Mention o : mentions) {
        o.tables().forEach(t -> mentionedTables.add(t.table().name()));
      }
      List<Term> options = cs.stream().filter(c -> mentionedTables.contains(c.table().name())).toList();
      if (options.size() < 2) {
        return null;
      }
      String word = String.join(" ", toks.subList(m.start, m.end).stream().map(Tok::raw).toList());
      List<Clarification.Option> opts = new ArrayList<>();
      for (Term c : options) {
        opts.add(new Clarification.Option(opts.size() + 1, qn(c), qn(c)));
      }
      return new Plan.Clarify(Clarification.Kind.COLUMN, "Which " + word + " do you mean?", opts);
    }

    // ------------------------------------------------------------------ filters

    /** The tables the question is about: the focus table and every table named in it. */
    List<Table> tablesInPlay(Table focus) {
      LinkedHashSet<Table> out = new LinkedHashSet<>();
      out.add(focus);
      for (Mention m : mentions) {
        List<Term> ts = m.tables();
        if (!ts.isEmpty() && (ts.get(0).quality() >= 1.0 || m.columns().isEmpty())) {
          out.add(ts.get(0).table());
        }
      }
      return new ArrayList<>(out);
    }

    /**
     * Relative dates ("last quarter", "in the last 30 days", "since 2024"): a range filter
     * {@code col >= from AND col < to} on the one date column in play, the date column the question
     * names, or the one the user chose; with several and no choice, sets {@link #clarifyFilter} to a
     * {@link Clarification.Kind#DATE_COLUMN} question. Unsupported expressions set an abstention.
     */
    String dateFilters(Table focus, List<Filter> filters) {
      int from = 0;
      while (true) {
        RelativeDates.Found found = RelativeDates.find(toks, used, from, today);
        if (found == null) {
          return null;
        }
        from = found.end();
        List<Term> dateCols = new ArrayList<>();
        for (Table t : tablesInPlay(focus)) {
          for (Term term : st.terms) {
            if (!term.isTable() && term.table() == t && term.quality() >= 1.0
                && (term.column().type() == SqlType.DATE || term.column().type() == SqlType.TIMESTAMP)
                && dateCols.stream().noneMatch(d -> d.column() == term.column())) {
              dateCols.add(term);
            }
          }
        }
        if (found instanceof RelativeDates.Range r && r.calendarYear()) {
          // "in 2009" with a year column, or right after a non-date column: a number filter, read later
          boolean yearColumn = false;
          for (Table t : tablesInPlay(focus)) {
            for (Term term : st.terms) {
              yearColumn |= !term.isTable() && term.table() == t && term.words().contains("year")
                  && !term.column().type().isTemporal();
            }
          }
          boolean otherColumnBefore = false;
          for (Mention m : mentions) {
            if (!m.consumed && m.end <= r.start() && r.start() - m.end <= 2 && !m.columns().isEmpty()
                && m.columns().stream().noneMatch(c -> c.column().type().isTemporal())) {
              otherColumnBefore = true;
            }
          }
          if (dateCols.isEmpty() || yearColumn || otherColumnBefore) {
            continue;
          }
        }
        if (dateCols.isEmpty()) {
          continue; // no date in play: the words are left to the rest of the reading
        }
        if (found instanceof RelativeDates.Unsupported u) {
          clarifyFilter = new Plan.Abstain("I cannot read the date expression '" + u.text() + "' yet (I read "
              + "today, yesterday, this/last week, month, quarter or year, the last N days, weeks, months or "
              + "years, since YEAR and in YEAR); please give the dates explicitly");
          return null;
        }
        RelativeDates.Range r = (RelativeDates.Range) found;
        boolean namesColumn = false;
        for (Mention m : mentions) {
          namesColumn |= m.start < r.end() && r.start() < m.end && !m.columns().isEmpty()
              && m.columns().get(0).quality() >= 1.0;
        }
        if (namesColumn) {
          continue; // "the first year and last year of parties": columns, not dates
        }
        Term col = null;
        for (var res : req.resolutionsForQuestion()) {
          if (res.kind() == Clarification.Kind.DATE_COLUMN) {
            for (Term c : dateCols) {
              if (res.chosen().value().equalsIgnoreCase(qn(c))) {
                col = c;
              }
            }
          }
        }
        for (Term c : dateCols) {
          if (col == null && c.column() != null && qn(c).equalsIgnoreCase(forced)) {
            col = c;
          }
        }
        if (col == null) {
          // a date column named in the question ("signed up last year", "order date in the last 30 days")
          List<Mention> named = new ArrayList<>();
          for (Mention m : mentions) {
            if (!m.consumed && m.columns().stream().anyMatch(c -> dateCols.stream().anyMatch(d -> d.column() == c.column()))) {
              named.add(m);
            }
          }
          if (named.size() == 1) {
            Mention m = named.get(0);
            List<Term> cs = m.columns().stream()
                .filter(c -> dateCols.stream().anyMatch(d -> d.column() == c.column())).toList();
            if (cs.size() == 1) {
              col = cs.get(0);
              m.consume();
            }
          }
        }
        if (col == null && dateCols.size() == 1) {
          col = dateCols.get(0);
        }
        if (col == null) {
          List<Clarification.Option> opts = new ArrayList<>();
          for (Term c : dateCols) {
            opts.add(new Clarification.Option(opts.size() + 1, qn(c), qn(c)));
          }
          if (deferred == null) {
            deferred = new Plan.Clarify(Clarification.Kind.DATE_COLUMN, datePrompt(r.text(), opts), opts);
            deferredDate = r.text();
          }
          col = dateCols.get(0);
        }
        for (int k = r.start(); k < r.end(); k++) {
          used[k] = true;
        }
        // "the last 30 days" names no column ("last" is not last_name)
        mentions.removeIf(m -> m.start < r.end() && r.start() < m.end);
        Expr cond = new Expr.And(List.of(
            new Expr.Comparison(CmpOp.GE, ref(col), Expr.Literal.of(r.from().toString())),
            new Expr.Comparison(CmpOp.LT, ref(col), Expr.Literal.of(r.to().toString()))));
        filters.add(new Filter(col, cond));
        notes.add("reads '" + r.text() + "' as " + r.from() + " <= " + qn(col) + " < " + r.to());
      }
    }

    /**
     * ISO dates with a comparator: "shipped after 2000-01-01", "hired before 2002-06-21", "between
     * 2009-01-01 and 2010-01-01". The column is a date named near the comparison, else the date the
     * question's verb or tables name ({@link #recentColumn}). A date without a comparator is left to the
     * value filters (equality). Returns a problem, or null.
     */
    String isoDateFilters(Table focus, List<Filter> filters) {
      for (int i = 0; i < toks.size(); i++) {
        if (used[i] || !toks.get(i).quoted() || !Tokens.ISO_DATE.matcher(toks.get(i).raw()).matches()) {
          continue;
        }
        boolean between = is(i - 1, "between") && is(i + 1, "and") && i + 2 < toks.size() && toks.get(i + 2).quoted()
            && Tokens.ISO_DATE.matcher(toks.get(i + 2).raw()).matches();
        Cmp found = comparatorEndingAt(i, COMPARATORS_BEFORE, (phrase, o) -> o != CmpOp.EQ && o != CmpOp.NE);
        CmpOp op = found != null ? found.op() : is(i - 1, "since") ? CmpOp.GE : is(i - 1, "until") ? CmpOp.LE : null;
        int opStart = found != null ? found.start() : i - 1;
        if (between) {
          opStart = i - 1;
        } else if (op == null) {
          continue;
        }
        Term col = columnNear(opStart, focus, false, false);
        if (col == null || !dateLike(col.column())) {
          col = recentColumn(focus);
        } else {
          columnNear(opStart, focus, false, true);
        }
        if (col == null || !dateLike(col.column())) {
          return "cannot tell which date '" + toks.get(i).raw() + "' is compared with";
        }
        for (int k = opStart; k <= (between ? i + 2 : i); k++) {
          used[k] = true;
        }
        final Column compared = col.column();
        for (Mention m : mentions) {
          if (!m.consumed && !m.columns().isEmpty() && m.columns().stream().allMatch(c -> c.column() == compared)) {
            m.consume(); // "placed orders between ...": the verb that named the date is not a column to show
          }
        }
        Expr cond = between
            ? new Expr.Between(ref(col), Expr.Literal.of(toks.get(i).raw()), Expr.Literal.of(toks.get(i + 2).raw()), false)
            : new Expr.Comparison(op, ref(col), Expr.Literal.of(toks.get(i).raw()));
        filters.add(new Filter(col, cond));
        notes.add("compares " + qn(col) + " with the date " + toks.get(i).raw());
      }
      return null;
    }

    /** Numbers with a comparator and a column: "older than 56", "price at least 180", "in 2009". */
    String numberFilters(Table focus, List<Filter> filters) {
      for (int i = 0; i < toks.size(); i++) {
        Tok t = toks.get(i);
        if (!t.number() || used[i]) {
          continue;
        }
        if (is(i - 1, "top", "first", "last") || DESC_SUPER.contains(low(i + 1)) || ASC_SUPER.contains(low(i + 1))
            || countBeforeTable(i)) {
          continue; // "the top 5", "the 3 oldest", "the 3 employees who ... the least": a limit
        }
        Object value = number(t.raw());
        // "between 10 and 20"
        if (is(i - 1, "between") && is(i + 1, "and") && i + 2 < toks.size() && toks.get(i + 2).number()) {
          Term col = columnNear(i - 1, focus, true);
          if (col == null) {
            return "no column for the range " + t.raw();
          }
          boolean neg = is(i - 2, "not");
          use(i - 1, i, i + 1, i + 2);
          if (neg) {
            use(i - 2);
          }
          filters.add(new Filter(col, new Expr.Between(ref(col), Expr.Literal.of(value),
              Expr.Literal.of(number(toks.get(i + 2).raw())), neg)));
          i += 2;
          continue;
        }
        Cmp found = comparatorEndingAt(i, COMPARATORS_BEFORE, (phrase, o) -> true);
        Mention namedBetween = null;
        if (found == null) {
          // "above age 46", "under price 100": the comparator, the column, then the number
          for (Mention m : mentions) {
            if (m.end == i && !m.consumed && !m.columns().isEmpty()) {
              Cmp before = comparatorEndingAt(m.start, COMPARATORS_BEFORE, (phrase, o) -> o != CmpOp.EQ && o != CmpOp.NE);
              if (before != null && !anyUsed(before.start(), i)) {
                found = before;
                namedBetween = m;
              }
            }
          }
        }
        CmpOp op = found == null ? null : found.op();
        int opStart = found == null ? i : found.start();
        // "5 or more" (but not "over 1500 or less than 500": a second comparison)
        if (is(i + 1, "or") && is(i + 2, "more", "above", "greater", "higher", "older", "later", "larger", "bigger",
            "longer", "over", "after") && !is(i + 3, "than") && !(i + 3 < toks.size() && toks.get(i + 3).number())) {
          op = CmpOp.GE;
          use(i + 1, i + 2);
        } else if (is(i + 1, "or") && is(i + 2, "less", "fewer", "below", "lower", "younger", "earlier", "smaller",
            "shorter", "under", "before") && !is(i + 3, "than") && !(i + 3 < toks.size() && toks.get(i + 3).number())) {
          op = CmpOp.LE;
          use(i + 1, i + 2);
        } else if (is(i - 1, "after", "since") && is(i - 2, "or") && is(i - 3, "in", "on", "at")) {
          // "in or after 2005", "on or before 2010"
          op = CmpOp.GE;
          opStart = i - 3;
        } else if (is(i - 1, "before") && is(i - 2, "or") && is(i - 3, "in", "on", "at")) {
          op = CmpOp.LE;
          opStart = i - 3;
        }
        if (is(i + 1, "or") && used[i + 2]) {
          final int w = i + 2;
          mentions.stream().filter(m -> m.start == w).forEach(Mention::consume); // "30 or younger": not age shown
        }
        if (op == null) {
          op = CmpOp.EQ;
        }
        boolean negated = is(opStart - 1, "not") || (is(opStart - 2, "not") && is(opStart - 1, "be", "is", "are"));
        Term col;
        String opWord = low(opStart);
        if (namedBetween != null) {
          col = resolve(namedBetween, focus);
          if (col != null) {
            namedBetween.consume();
          }
        } else if (opWord.equals("older") || opWord.equals("younger")) {
          col = columnNamed(focus, "age");
        } else if (is(i + 1, "years", "year") && is(i + 2, "old")) {
          // "artists that are at least 32 years old": the age, of the focus table or of the one table next
          // to it that has one
          col = columnNamedHereOrNextTo(focus, "age");
          if (col != null) {
            use(i + 1, i + 2);
            if (op == CmpOp.EQ && opStart == i && is(i + 3, "or")) {
              // "30 years old or younger"
              if (is(i + 4, "younger", "young", "less", "under", "below")) {
                op = CmpOp.LE;
                use(i + 3, i + 4);
              } else if (is(i + 4, "older", "old", "more", "over", "above")) {
                op = CmpOp.GE;
                use(i + 3, i + 4);
              }
            }
            // ("old" and "younger" name the age too: not a column to show)
            final int oldAt = i + 2;
            final boolean orWord = is(i + 3, "or") && i + 4 < toks.size() && used[i + 4];
            mentions.stream().filter(m -> m.start == oldAt || orWord && m.start == oldAt + 2).forEach(Mention::consume);
          }
        } else if (countColumnAt(i + 1)) {
          // "the dates with more than 2 bathrooms": the count column named after the number
          col = null;
          for (Mention m : mentions) {
            if (m.start == i + 1 && !m.consumed) {
              col = resolve(m, focus);
              if (col != null) {
                m.consume();
              }
            }
          }
        } else {
          double before = confidence;
          col = columnNear(opStart, focus, false, false); // (a look only: what resolving it costs is paid below)
          confidence = before;
          Term year = null;
          if (col != null && !col.column().type().isNumeric() && !col.column().type().isTemporal()
              && col.column().type() != SqlType.OTHER && looksLikeYear(t.raw())) {
            List<Column> years = col.table().columns().stream()
                .filter(c -> Tokens.schemaWords(c.name()).contains("year")).toList();
            if (years.size() == 1 && years.get(0) != col.column()) {
              year = term(col.table().name(), years.get(0).name());
            }
          }
          if (year != null) {
            // "festivals in 2007": the festival's year, not its name (Festival_Name, which "festivals" also
            // names); the mention stays for what else it names ("in Los Angeles county and opened after 1950")
            col = year;
          } else {
            col = columnNear(opStart, focus, false);
          }
        }
        if (col == null && MEASURED_BY.containsKey(opWord)) {
          // "roller coasters longer than 3300": the length, of the focus table or of one next to it
          col = columnNamedHereOrNextTo(focus, MEASURED_BY.get(opWord));
        }
        if (col == null) {
          // "in 2009", "of 2009": a year column, of the focus table or of one next to it
          if (looksLikeYear(t.raw())) {
            col = columnNamedHereOrNextTo(focus, "year");
          }
          // "store 1", "course 301": a table's key, as the focus table's foreign key to it where it has one
          if (col == null && op == CmpOp.EQ && opStart == i && value instanceof Long) {
            col = keyOfTableBefore(i, focus);
          }
          // "aged 36 or 37", "above 50 or below 46": the column of the number just before
          if (col == null && lastNumberColumn != null && i - lastNumberAt <= 4
              && (is(opStart - 1, "or", "and") || is(i - 1, "or", "and"))) {
            col = lastNumberColumn;
          }
          if (col == null) {
            return "no column for the number " + t.raw();
          }
        }
        lastNumberColumn = col;
        lastNumberAt = i;
        if (!col.column().type().isNumeric() && !col.column().type().isTemporal()
            && col.column().type() != SqlType.OTHER) {
          if (op != CmpOp.EQ) {
            return "a comparison with the text column " + col.column().name();
          }
          value = t.raw();
        }
        for (int k = opStart; k < i; k++) {
          used[k] = true;
        }
        used[i] = true;
        final Column unitOf = col.column();
        for (Mention m : mentions) {
          if (!m.consumed && m.start == i + 1 && m.columns().stream().anyMatch(c -> c.column() == unitOf)) {
            m.consume(); // "price above 700 dollars": the unit names the same column (price_in_dollars)
          }
        }
        if (negated) {
          use(opStart - 1, opStart - 2);
          op = negate(op);
        }
        filters.add(new Filter(col, new Expr.Comparison(op, ref(col), Expr.Literal.of(value))).at(i));
      }
      return null;
    }

    /** The column of the last number read as a filter, and where that number is. */
    Term lastNumberColumn;
    int lastNumberAt = -100;

    /** {@link #columnNamed} of the focus table, else {@link #columnNextTo} it. */
    Term columnNamedHereOrNextTo(Table focus, String word) {
      Term here = columnNamed(focus, word);
      return here != null ? here : columnNextTo(focus, word);
    }

    /**
     * The one column named {@code word} ("year", "age") among the tables in play, the tables of the values
     * found and the focus table's neighbours, or null.
     */
    Term columnNextTo(Table focus, String word) {
      LinkedHashSet<Table> tables = new LinkedHashSet<>(tablesInPlay(focus));
      for (Object[] v : values) {
        if (v[2] instanceof ValueMatch vm) {
          Table t = st.tablesByLower.get(vm.table().toLowerCase(Locale.ROOT));
          if (t != null) {
            tables.add(t);
          }
        }
      }
      for (Table t : req.catalog().tables()) {
        if (!st.edges(focus.name(), t.name()).isEmpty()) {
          tables.add(t);
        }
      }
      tables.remove(focus);
      Term found = null;
      for (Table t : tables) {
        Term y = columnNamed(t, word);
        if (y != null) {
          if (found != null) {
            return null;
          }
          found = y;
        }
      }
      return found;
    }

    /**
     * "store 1", "course 301": the number right after a table's name is that table's key. The focus
     * table's foreign key column to it is used when there is one (no join needed), else the key itself.
     */
    Term keyOfTableBefore(int pos, Table focus) {
      for (Mention m : mentions) {
        if (m.end != pos || m.tables().isEmpty()
            || !m.columns().isEmpty() && m.columns().get(0).quality() > m.tables().get(0).quality()) {
          continue;
        }
        Table named = m.tables().get(0).table();
        if (named.primaryKey().size() != 1) {
          return null;
        }
        Term key = null;
        if (named != focus) {
          for (Edge e : st.edges(focus.name(), named.name())) {
            if (e.fromColumns().size() == 1 && sameNames(e.toColumns(), named.primaryKey())) {
              if (key != null) {
                return null; // two foreign keys to it: which one is meant is not said
              }
              key = term(focus.name(), e.fromColumns().get(0));
            }
          }
        }
        if (key == null) {
          key = term(named.name(), named.primaryKey().get(0));
        }
        if (!key.column().type().isNumeric() && key.column().type() != SqlType.OTHER) {
          return null;
        }
        m.consume();
        return key;
      }
      return null;
    }

    static CmpOp negate(CmpOp op) {
      return switch (op) {
        case EQ -> CmpOp.NE;
        case NE -> CmpOp.EQ;
        case GT -> CmpOp.LE;
        case GE -> CmpOp.LT;
        case LT -> CmpOp.GE;
        case LE -> CmpOp.GT;
        default -> op;
      };
    }

    static boolean looksLikeYear(String s) {
      return s.matches("(1[89]|20)\\d\\d");
    }

    static Object number(String s) {
      if (s.contains(".")) {
        return new BigDecimal(s);
      }
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        return new BigDecimal(s);
      }
    }

    /** The unconsumed column mention closest before {@code pos} (within 4 words), else just after. */
    Term columnNear(int pos, Table focus, boolean numericOnly) {
      return columnNear(pos, focus, numericOnly, true);
    }

    Term columnNear(int pos, Table focus, boolean numericOnly, boolean consume) {
      Mention best = null;
      for (Mention m : mentions) {
        if (m.consumed || m.columns().isEmpty()) {
          continue;
        }
        if (!m.tables().isEmpty() && m.tables().get(0).quality() >= m.columns().get(0).quality()) {
          // "the address '1031 Daugavpils Parkway'": a table's own same-named column right before a value
          Table t = m.tables().get(0).table();
          if (m.end == pos && m.columns().stream().anyMatch(c -> c.table() == t && c.quality() >= 1.0)) {
            best = m;
          }
          continue;
        }
        if (m.end <= pos && pos - m.end <= 4) {
          best = m;
        }
      }
      if (best != null) {
        for (Mention m : mentions) {
          if (m.start >= best.end && m.end <= pos && !m.tables().isEmpty() && m.columns().isEmpty()) {
            best = null; // "emails of the user named ...": the column belongs to another phrase
            break;
          }
        }
      }
      if (best == null) {
        for (Mention m : mentions) {
          if (!m.consumed && !m.columns().isEmpty() && m.start > pos && m.start - pos <= 3
              && (m.tables().isEmpty() || m.tables().get(0).quality() < m.columns().get(0).quality())) {
            best = m;
            break;
          }
        }
      }
      if (best == null) {
        return null;
      }
      Term c = resolve(best, focus);
      if (c == null) {
        return null;
      }
      if (numericOnly && !c.column().type().isNumeric()) {
        return null;
      }
      if (consume) {
        best.consume();
      }
      return c;
    }

    /** A column of the focus table whose name words contain {@code word}, when there is exactly one. */
    Term columnNamed(Table focus, String word) {
      Term found = null;
      for (Term t : st.terms) {
        // a column named by the word alone wins over columns whose names contain it (instructor.name
        // over instructor.dept_name)
        if (!t.isTable() && t.table() == focus && t.quality() >= 1.0 && t.words().equals(List.of(word))) {
          if (found != null && found.column() != t.column()) {
            found = null;
            break;
          }
          found = t;
        }
      }
      for (Term t : found != null ? List.<Term>of() : st.terms) {
        if (!t.isTable() && t.table() == focus && t.quality() >= 1.0 && t.words().contains(word)) {
          if (found != null && found.column() != t.column()) {
            return null;
          }
          found = t;
        }
      }
      // consume a mention of it, if any
      if (found != null) {
        final Column fc = found.column();
        for (Mention m : mentions) {
          if (!m.consumed && !m.columns().isEmpty() && !m.readAsTable()
              && m.columns().stream().allMatch(c -> c.column() == fc)) {
            m.consume();
          }
        }
      }
      return found;
    }

    /** Values found in the data or quoted: "in Australia" -> country = 'Australia'. */
    String valueFilters(Table focus, List<Filter> filters) {
      Set<Integer> done = new java.util.HashSet<>();
      for (Object[] v : values) {
        int s = (int) v[0];
        int e = (int) v[1];
        if (done.contains(s)) {
          continue;
        }
        boolean taken = false;
        for (int i = s; i < e; i++) {
          taken |= used[i];
        }
        if (taken) {
          continue;
        }
        Term col = null;
        // "with 'a' in their names", "containing 'x'", "starting with 'M'"
        String likeShape = null;
        for (int i = s - 1; i >= Math.max(0, s - 3); i--) {
          if (is(i, "contain", "contains", "containing", "include", "includes", "including", "like", "substring",
              "letter", "letters")) {
            likeShape = "%v%";
            use(i);
            for (int k = i; k < s; k++) {
              if (is(k, "word", "words", "string", "letter", "letters", "phrase", "substring", "characters")) {
                use(k); // "containing the word 'Miss'", "with the letter 'a'"
              }
            }
          } else if (is(i, "start", "starts", "starting", "begin", "begins", "beginning") && is(i + 1, "with")) {
            likeShape = "v%";
            use(i, i + 1);
          } else if (is(i, "end", "ends", "ending") && is(i + 1, "with")) {
            likeShape = "%v";
            use(i, i + 1);
          }
        }
        Term likeCol = null;
        if (is(e, "in") && toks.get(s).quoted()) {
          int k = is(e + 1, "their", "the", "its", "his", "her") ? e + 2 : e + 1;
          for (Mention m : mentions) {
            if (!m.consumed && m.start == k && !m.columns().isEmpty()) {
              likeCol = resolve(m, focus);
              if (likeCol != null) {
                m.consume();
                use(e, e + 1);
                likeShape = "%v%";
              }
            }
          }
        }
        if (likeShape != null) {
          Mention subject = null;
          for (Mention m : mentions) {
            if (!m.consumed && m.end < s && is(m.end, "that", "which", "contain", "contains", "containing")
                && m.readAsColumn() && !m.readAsTable()) {
              subject = m;
            }
          }
          Term lc = likeCol != null ? likeCol : columnNear(s, focus, false);
          if (subject != null && lc != null && subject.consumed && likeCol == null
              && subject.columns().stream().anyMatch(x -> x.column() == lc.column())) {
            // "the official native languages that contain the word English": the values asked for
            likeSubject = lc;
          }
          if (lc == null) {
            return "no column for the pattern '" + v[3] + "'";
          }
          use(s);
          done.add(s);
          String pattern = likeShape.replace("v", String.valueOf(v[3]).replace("%", "").replace("_", ""));
          filters.add(new Filter(lc, new Expr.Like(ref(lc), Expr.Literal.of(pattern), false, false, null)));
          confidence *= 0.9;
          continue;
        }
        // a column named right before the value wins ("whose name is 'Bob'"); "named 'Bob'" means a name column
        Term near = columnNear(s, focus, false, false);
        if (near == null || !explicitColumnBefore(near, s)) {
          // "the artist 'AC/DC'": a quoted value right after a table names it by its name or title column
          for (Mention m : mentions) {
            if (m.end == s && toks.get(s).quoted() && m.readAsTable()) {
              Table owner = m.tables().get(0).table();
              Term named = columnNamed(owner, "name");
              if (named == null) {
                named = columnNamed(owner, "title");
              }
              if (named != null) {
                near = named;
                confidence *= 0.85;
              }
            }
          }
        }
        if (is(s - 1, "named", "called", "titled")) {
          Table owner = focus;
          for (Mention m : mentions) {
            if (m.end <= s - 1 && !m.tables().isEmpty()) {
              owner = m.tables().get(0).table();
            }
          }
          Term named = columnNamed(owner, is(s - 1, "titled") ? "title" : "name");
          if (named != null) {
            near = named;
          }
        }
        if (v[2] instanceof ValueMatch vm) {
          List<ValueMatch> cands = new ArrayList<>();
          for (Object[] o : values) {
            if ((int) o[0] == s && o[2] instanceof ValueMatch m) {
              cands.add(m);
            }
          }
          for (Mention m : mentions) {
            // "in Los Angeles county": the column named right after the value, when it holds the value
            if (!m.consumed && m.start == e && m.readAsColumn()) {
              // (only when it names one of the value's columns; the mention is consumed below)
              List<Term> holding = m.columns().stream().filter(t -> cands.stream().anyMatch(c ->
                  c.table().equalsIgnoreCase(t.table().name()) && c.column().equalsIgnoreCase(t.column().name())))
                  .toList();
              if (holding.size() == 1) {
                col = holding.get(0);
              }
            }
          }
          if (near != null && col == null) {
            for (ValueMatch c : cands) {
              if (c.table().equalsIgnoreCase(near.table().name()) && c.column().equalsIgnoreCase(near.column().name())) {
                col = near;
                consumeMentionOf(near, s);
              }
            }
          }
          if (col == null) {
            // prefer the focus table's column, else the only candidate
            ValueMatch pick = null;
            for (ValueMatch c : cands) {
              if (c.table().equalsIgnoreCase(focus.name())) {
                pick = pick == null ? c : pick;
              }
            }
            if (pick == null && cands.size() == 1) {
              pick = cands.get(0);
              confidence *= 0.9;
              if (!toks.get(s).quoted() && e - s == 1 && Character.isLowerCase(toks.get(s).raw().charAt(0))) {
                // a common word that happens to be stored in another table ("music genres"): not a filter
                continue;
              }
            }
            if (pick == null && cands.size() > 1) {
              pick = sameValuesColumn(cands, focus);
              if (pick == null) {
                // several different columns: the one of a table the question names
                List<ValueMatch> named = cands.stream().filter(c -> mentions.stream().anyMatch(m ->
                    !m.tables().isEmpty() && m.tables().get(0).table().name().equalsIgnoreCase(c.table()))).toList();
                if (named.size() == 1) {
                  pick = named.get(0);
                  confidence *= 0.85;
                }
              }
            }
            if (pick == null) {
              return "the value '" + v[3] + "' is found in several columns";
            }
            col = term(pick.table(), pick.column());
            if (near != null && adjacentColumn(near, s)) {
              confidence *= 0.7;
              notes.add("value '" + v[3] + "' read as " + qn(col) + " rather than " + qn(near));
            }
          }
          v[3] = toks.get(s).quoted() ? v[3] : vm.value();
          if (!toks.get(s).quoted() && e - s == 1 && Character.isLowerCase(toks.get(s).raw().charAt(0))) {
            // a lower-case word that happens to be a stored value ("nominated"), unless its column is named
            confidence *= adjacentColumn(col, s) || adjacentColumnAfter(col, e) ? 0.85 : 0.6;
          }
          // "traditional decor": the column named next to the value is the filter's, not the select list's
          final Term vc = col;
          for (Mention m : mentions) {
            if (!m.consumed && (m.start >= e && m.start - e <= 1 || m.end <= s && s - m.end <= 2)
                && m.columns().stream().anyMatch(x -> x.column() == vc.column())) {
              Term r = resolve(m, vc.table());
              if (r != null && r.column() == vc.column()) {
                m.consume();
              }
            }
          }
        } else if (is(s - 1, "or", "nor") && !filters.isEmpty() && toks.get(s).quoted()
            && filters.get(filters.size() - 1).condition() instanceof Expr.Comparison prev && prev.op() == CmpOp.EQ) {
          // "award 'Bob Fosse' or 'Cleavant Derricks'": the same column, either value
          Filter last = filters.get(filters.size() - 1);
          use(s - 1, s, indexOfEither());
          done.add(s);
          filters.add(new Filter(last.column(), new Expr.Comparison(CmpOp.EQ, ref(last.column()),
              Expr.Literal.of(v[3])), true));
          continue;
        } else {
          col = near;
          if (col == null || !explicitColumnBefore(near, s) && !namedByTable(near, s)) {
            Term chosen = chosenValueColumn(focus, String.valueOf(v[3]));
            if (chosen == null) {
              List<Term> cands = valueColumns(focus, String.valueOf(v[3]));
              if (cands.size() >= 2 && (toks.get(s).quoted() || capitalised(s, e))) {
                List<Clarification.Option> opts = new ArrayList<>();
                for (Term c : cands) {
                  opts.add(new Clarification.Option(opts.size() + 1, qn(c), qn(c)));
                }
                if (deferred == null) {
                  deferred = new Plan.Clarify(Clarification.Kind.VALUE, "Which column holds '" + v[3] + "'?", opts);
                }
                chosen = cands.get(0);
              } else {
                return "no column for the value '" + v[3] + "'";
              }
            }
            col = chosen;
            near = chosen;
          }
          consumeMentionOf(near, s);
          if (!col.column().type().equals(SqlType.TEXT) && col.column().type() != SqlType.OTHER) {
            return "the value '" + v[3] + "' for the non-text column " + col.column().name();
          }
          confidence *= 0.85;
        }
        if (col == null) {
          return "no column for the value '" + v[3] + "'";
        }
        done.add(s);
        for (int i = s; i < e; i++) {
          used[i] = true;
        }
        boolean negated = false;
        // "not 'x'", "do not belong to the range 'x'", "not living in the city HKG": up to six words back,
        // within the value's own clause
        for (int i = s - 1; i >= Math.max(0, s - 6); i--) {
          if (is(i, "and", "or", "but", "nor", "who", "which", "that", "whose", "where", "any") || toks.get(i).quoted()
              || toks.get(i).number()) {
            break;
          }
          if (is(i, "not", "never") || is(i, "other") && is(i + 1, "than")) {
            negated = true;
            use(i);
            if (is(i + 1, "than")) {
              use(i + 1);
            }
            break;
          }
        }
        for (int i = s - 1; i >= Math.max(0, s - 2); i--) {
          if (is(i, "named", "called", "titled", "equal", "equals", "=")) {
            use(i);
          }
        }
        Expr lit = Expr.Literal.of(v[3]);
        filters.add(new Filter(col, new Expr.Comparison(negated ? CmpOp.NE : CmpOp.EQ, ref(col), lit)).at(s));
      }
      return null;
    }

    /** Whether the words {@code [s, e)} are written as a proper noun ("Springfield", "New York"). */
    boolean capitalised(int s, int e) {
      for (int i = s; i < e; i++) {
        String raw = toks.get(i).raw();
        if (toks.get(i).number() || raw.isEmpty() || !Character.isUpperCase(raw.charAt(0))) {
          return false;
        }
      }
      return true;
    }

    /** The column the user chose for an unknown value in an earlier clarification of this question. */
    Term chosenValueColumn(Table focus, String value) {
      for (Term c : valueColumns(focus, value)) {
        if (qn(c).equalsIgnoreCase(forced)) {
          return c;
        }
      }
      for (var res : req.resolutionsForQuestion()) {
        if (res.kind() != Clarification.Kind.VALUE) {
          continue;
        }
        for (Term c : valueColumns(focus, value)) {
          if (res.chosen().value().equalsIgnoreCase(qn(c))) {
            return c;
          }
        }
      }
      return null;
    }

    /**
     * When every candidate column is joined to another by a foreign key on that very column
     * (Has_allergy.Allergy references Allergy_Type.Allergy), they hold the same values and any one answers:
     * the one nearest the focus table, the referencing one on a tie. Null when the columns differ.
     */
    ValueMatch sameValuesColumn(List<ValueMatch> cands, Table focus) {
      for (ValueMatch a : cands) {
        boolean joined = false;
        for (ValueMatch b : cands) {
          joined |= a != b && (keyJoins(a, b) || keyJoins(b, a));
        }
        if (!joined) {
          return null;
        }
      }
      ValueMatch best = null;
      int bestDistance = Integer.MAX_VALUE;
      for (ValueMatch c : cands) {
        List<Edge> p = st.path(focus.name(), c.table());
        int d = p == null ? Integer.MAX_VALUE - 1 : p.size();
        boolean referencing = cands.stream().anyMatch(o -> o != c && keyJoins(c, o));
        if (d < bestDistance || d == bestDistance && referencing) {
          best = c;
          bestDistance = d;
        }
      }
      return best;
    }

    /** Whether a foreign key of {@code from}'s table on its column references {@code to}'s column. */
    boolean keyJoins(ValueMatch from, ValueMatch to) {
      Table t = st.tablesByLower.get(from.table().toLowerCase(Locale.ROOT));
      if (t == null) {
        return false;
      }
      for (io.github.nl2sql.catalog.ForeignKey fk : t.foreignKeys()) {
        if (!fk.referencedTable().equalsIgnoreCase(to.table())) {
          continue;
        }
        for (int k = 0; k < fk.columns().size() && k < fk.referencedColumns().size(); k++) {
          if (fk.columns().get(k).equalsIgnoreCase(from.column())
              && fk.referencedColumns().get(k).equalsIgnoreCase(to.column())) {
            return true;
          }
        }
      }
      return false;
    }

    /**
     * The text columns of the tables in play that could hold an unknown {@code value}: not keys, and not
     * enumerated columns whose declared values lack it.
     */
    List<Term> valueColumns(Table focus, String value) {
      List<Term> out = new ArrayList<>();
      for (Table t : tablesInPlay(focus)) {
        Set<String> fkCols = new java.util.HashSet<>();
        t.foreignKeys().forEach(fk -> fk.columns().forEach(c -> fkCols.add(c.toLowerCase(Locale.ROOT))));
        for (Term term : st.terms) {
          if (term.isTable() || term.table() != t || term.quality() < 1.0
              || term.column().type() != SqlType.TEXT
              || t.primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(term.column().name()))
              || fkCols.contains(term.column().name().toLowerCase(Locale.ROOT))
              || out.stream().anyMatch(o -> o.column() == term.column())) {
            continue;
          }
          Column c = term.column();
          if (!c.enumValues().isEmpty() && c.enumValues().stream().noneMatch(x -> x.equalsIgnoreCase(value))) {
            continue;
          }
          out.add(term);
        }
      }
      return out;
    }

    /** Whether {@code c} is named as a column (not just as its table) within two words before {@code pos}. */
    /** Whether {@code c} is named right before {@code pos} ("status returned", "city is Paris"). */
    boolean adjacentColumn(Term c, int pos) {
      for (Mention m : mentions) {
        if (m.columns().stream().anyMatch(x -> x.column() == c.column())
            && (m.end == pos || m.end == pos - 1 && is(pos - 1, "is", "=", "equals", "was", "are"))) {
          return true;
        }
      }
      return false;
    }

    boolean adjacentColumnAfter(Term c, int end) {
      for (Mention m : mentions) {
        if (m.start == end && m.columns().stream().anyMatch(x -> x.column() == c.column())) {
          return true;
        }
      }
      return false;
    }

    boolean namedByTable(Term c, int pos) {
      for (Mention m : mentions) {
        if (m.end == pos && m.tables().stream().anyMatch(t -> t.table() == c.table()) && m.readAsTable()) {
          return true;
        }
      }
      return false;
    }

    boolean explicitColumnBefore(Term c, int pos) {
      // ("the email address of customer 'Harold'": a table named right before the value owns it, not the
      // column named before that table)
      Mention owner = toks.get(pos).quoted() ? tableMentionEndingAt(pos) : null;
      for (Mention m : mentions) {
        if (m.end <= pos && (pos - m.end <= 2 || pos - m.end <= 5 && glueBetween(m.end, pos)) && m.tables().isEmpty()
            && (owner == null || owner.start < m.end)
            && m.columns().stream().anyMatch(x -> x.column() == c.column() && x.quality() >= 0.85)) {
          return true;
        }
      }
      // "named 'Bob'" picked a name column on purpose
      return is(pos - 1, "named", "called", "titled");
    }

    /**
     * Words that say a column holds nothing ("whose email is missing", "with null commissions"). Not "empty"
     * or "blank": of a text column they may mean the empty string as well, which is for a model to weigh.
     */
    private static final Set<String> NOTHING = Set.of("null", "missing", "unknown");

    /**
     * "employees whose commission is null", "customers with no email", "staff without a manager":
     * {@code column IS NULL} ("is not null", "is not missing": {@code IS NOT NULL}) on a column of the focus
     * table that the schema lets be null. Not for a mention read as a table: "customers with no orders" are
     * rows without related rows ({@link #withoutRelated}).
     */
    void nullFilters(Table focus, List<Filter> filters) {
      for (Mention m : mentions) {
        if (m.consumed || m.readAsTable()) {
          continue;
        }
        Term c = m.columns().stream().filter(t -> t.table() == focus).findFirst().orElse(null);
        if (c == null || !c.column().nullable()) {
          continue;
        }
        List<Integer> words = new ArrayList<>();
        Boolean isNull = null;
        int k = m.end;
        if (is(k, "is", "are", "was", "were")) {
          // "whose commission is null", "where the email is not missing"
          int j = is(k + 1, "not") ? k + 2 : k + 1;
          if (NOTHING.contains(low(j))) {
            isNull = j == k + 1;
            for (int i = k; i <= j; i++) {
              words.add(i);
            }
          }
        } else {
          // "with null commissions", "with a missing email", "with no email", "without a manager"
          boolean article = is(m.start - 1, "a", "an", "any");
          int j = article ? m.start - 2 : m.start - 1;
          if ((NOTHING.contains(low(j)) || !article && is(j, "no")) && is(j - 1, "with", "have", "has", "had")) {
            isNull = true;
            for (int i = j - 1; i < m.start; i++) {
              words.add(i);
            }
          } else if (is(j, "without")) {
            isNull = true;
            for (int i = j; i < m.start; i++) {
              words.add(i);
            }
          }
        }
        if (isNull == null || words.stream().anyMatch(i -> used[i])) {
          continue;
        }
        filters.add(new Filter(c, new Expr.IsNull(ref(c), !isNull)).at(m.start));
        words.forEach(this::use);
        m.consume();
        confidence *= 0.9;
        notes.add(qn(c) + (isNull ? " is null" : " is not null"));
      }
      // "employees without a manager": a word no mention took, naming the one nullable reference of the focus
      // table that is that word and "id" (manager_id); a table's rows are withoutRelated's reading
      for (int i = 0; i + 1 < toks.size(); i++) {
        if (used[i] || !is(i, "without") && !(is(i, "no") && is(i - 1, "with", "have", "has", "had") && !used[i - 1])) {
          continue;
        }
        int w = is(i, "without") && is(i + 1, "a", "an", "any") ? i + 2 : i + 1;
        if (w >= toks.size() || used[w] || inAnyMention(w) || inValue(w) || toks.get(w).number()
            || toks.get(w).quoted() || w + 1 < toks.size() && !is(w + 1, "and", "or") && !toks.get(w + 1).afterComma()
            && !STRUCTURAL.contains(low(w + 1))) {
          continue;
        }
        String stem = toks.get(w).stem();
        List<Column> refs = focus.columns().stream().filter(Column::nullable)
            .filter(c -> Tokens.schemaWords(c.name()).equals(List.of(stem, "id"))).toList();
        if (refs.size() != 1) {
          continue;
        }
        Term c = term(focus.name(), refs.get(0).name());
        filters.add(new Filter(c, new Expr.IsNull(ref(c), false)).at(w));
        for (int k = is(i, "no") ? i - 1 : i; k <= w; k++) {
          use(k); // ("with no", "without a" and the word)
        }
        confidence *= 0.85;
        notes.add(qn(c) + " is null");
      }
    }

    /**
     * "musicals that do not have actors", "tracks that have had no races", "customers without orders":
     * the focus rows with no related row, {@code focus.key NOT IN (SELECT fk FROM related)} along a direct
     * foreign key.
     */
    String withoutRelated(Table focus, List<Filter> filters) {
      for (int i = 0; i < toks.size(); i++) {
        if (used[i]) {
          continue;
        }
        int next;
        List<Integer> words = new ArrayList<>();
        boolean afterVerb = false;
        if (is(i, "not") && is(i - 1, "do", "does", "did") && is(i + 1, "have", "has")) {
          words.addAll(List.of(i - 1, i, i + 1));
          next = i + 2;
        } else if (is(i, "no") && is(i - 1, "have", "has", "had", "with")
            || is(i - 1, "had") && is(i - 2, "have", "has") && is(i, "no")) {
          words.addAll(List.of(i - 1, i));
          if (is(i - 2, "have", "has")) {
            words.add(i - 2);
          }
          next = i + 1;
        } else if (is(i, "without")) {
          words.add(i);
          next = i + 1;
        } else if (is(i, "not") && (is(i - 1, "do", "does", "did", "have", "has", "had", "are", "is", "was", "were")
            || focusNamedBefore(i, focus)) || is(i, "never")) {
          boolean reduced = is(i, "not") && focusNamedBefore(i, focus);
          // "did not receive any review", "are not enrolled in any course", "never wrote a paper", "students
          // not enrolled in any course": up to three plain words (auxiliary, verb, preposition) between the
          // negation and the related table
          words.add(i);
          if (is(i, "not") && !reduced) {
            words.add(i - 1);
          }
          afterVerb = true;
          next = i + 1;
          for (int k = 0; k < 3 && next < toks.size() && !used[next] && (!inAnyMention(next) || FREE.contains(low(next)))
              && !inValue(next) && !is(next, "any", "a", "an", "the") && !STRUCTURAL.contains(low(next))
              && !toks.get(next).number() && !toks.get(next).quoted(); k++) {
            words.add(next); // (a glue word is not a table: "in" alone is not Participates_in)
            next++;
          }
        } else {
          continue;
        }
        while (is(next, "any", "a", "an", "the", "registered") || is(next, "single") && is(next - 1, "a")) {
          words.add(next); // ("never received a single complaint", "without any registered branch")
          next++;
        }
        Mention target = null;
        Table related = null;
        for (Mention m : mentions) {
          if (m.start == next && !m.consumed) {
            Table t = absentTable(m, focus);
            if (t != null) {
              target = m;
              related = t;
            }
          }
        }
        if (target != null && afterVerb && target.end - target.start == 1 && FREE.contains(low(target.start))) {
          target = null; // after a verb, a glue word is not a table ("in" alone is not Lives_in)
        }
        if (target == null && afterVerb && (next == toks.size() || is(next, "and") || toks.get(next).afterComma())) {
          // "books that are not published", "regions not affected": the table the participle names
          related = tableOfParticiple(i + 1, next, focus);
        }
        if (related == null) {
          continue;
        }
        if (related == focus) {
          return "'" + low(i) + "' about the same table";
        }
        List<Edge> p = st.path(focus.name(), related.name());
        // "students not enrolled in any course": the rows of the link table between them are what is absent
        Table link = p != null && p.size() == 2 ? linkTable(focus, related) : null;
        Table rows = link != null ? link : related;
        if (link != null) {
          p = p.subList(0, 1);
        }
        if (p == null || p.size() != 1 || p.get(0).fromColumns().size() != 1
            || link == null && st.directEdges(focus.name(), related.name()) > 1) {
          return "cannot tell how " + related.name() + " relates to " + focus.name();
        }
        // "no payment histories", "any delegates in elections": words that only restate the related table
        int end = target == null ? next : target.end;
        while (is(end, "history", "histories", "record", "records")) {
          words.add(end);
          end++;
        }
        Mention restated = is(end, "in", "of", "for") ? freeTableMentionAt(end + 1) : null;
        if (restated != null && restated.tables().get(0).table() != related) {
          restated = null;
        }
        if (restated != null) {
          words.add(end);
          end = restated.end;
        }
        // end of the sentence or of the clause: anything after it would qualify the related rows
        if (end < toks.size() && !is(end, "and", "or") && !FREE.contains(low(end))) {
          return "conditions on the " + related.name() + " that are absent";
        }
        for (Filter f : filters) {
          if (f.column().table() == related) {
            return "a condition on the " + related.name() + " that are absent";
          }
        }
        for (int k = end; k < toks.size(); k++) {
          if (toks.get(k).number() || toks.get(k).quoted() || inValue(k)) {
            // "artists who didn't have an exhibition in 2004": the number may qualify the absent rows
            return "a condition that may be on the " + related.name() + " that are absent";
          }
        }
        Edge e = p.get(0);
        Term key = term(focus.name(), e.fromColumns().get(0));
        Query.Select sub = Query.Select.builder()
            .select(Expr.Column.of(rows.name(), e.toColumns().get(0)))
            .from(TableRef.Table.of(rows.name())).build();
        filters.add(new Filter(key, new Expr.InQuery(ref(key), sub, true)));
        for (int w : words) {
          use(w);
        }
        if (target != null) {
          target.consume();
        }
        if (restated != null) {
          restated.consume();
        }
        for (Mention m : mentions) {
          if (words.contains(m.start) && m.end - m.start == 1) {
            m.consume(); // a glue word read as part of the negation ("involved in")
          }
        }
        confidence *= 0.9;
        notes.add("rows of " + focus.name() + " with no " + related.name());
      }
      return null;
    }

    /**
     * The table whose rows a negation says are absent, named by {@code m}: a table it names ("no
     * orders"); the table of the column it names best when that table is among its tables too ("not in
     * charge of any events": Event_Name of party_events); or the one other table that holds every column
     * it names best ("did not have any delegates": election.Delegate). {@code null} when it names none of
     * these.
     */
    Table absentTable(Mention m, Table focus) {
      if (m.readAsTable()) {
        return m.tables().get(0).table();
      }
      List<Term> cs = m.columns();
      if (cs.isEmpty()) {
        return null;
      }
      double best = cs.get(0).quality();
      Table owner = null;
      for (Term c : cs) {
        if (c.quality() < best) {
          break;
        }
        if (owner != null && owner != c.table()) {
          return null;
        }
        owner = c.table();
      }
      Table named = owner;
      if (m.tables().isEmpty()) {
        return owner == focus ? null : owner;
      }
      return m.tables().stream().anyMatch(t -> t.table() == named) ? owner : null;
    }

    /** Whether a mention of the focus table ends right before {@code i} ("regions | not affected"). */
    boolean focusNamedBefore(int i, Table focus) {
      Mention m = tableMentionEndingAt(i);
      return m != null && m.tables().get(0).table() == focus;
    }

    /**
     * The one table joined to {@code focus} (by a foreign key or a link table) that a participle among
     * the tokens [from, to) names: "published" publication, "nominated" nomination, "affected"
     * affected_region. {@code null} when none or several.
     */
    Table tableOfParticiple(int from, int to, Table focus) {
      Table found = null;
      int foundAt = -1;
      for (int k = from; k < to; k++) {
        String w = low(k);
        if (!w.endsWith("ed") || w.length() < 6) {
          continue;
        }
        for (Table t : req.catalog().tables()) {
          if (t == focus || t == found) {
            continue;
          }
          boolean named = false;
          for (String sw : Tokens.schemaWords(t.name())) {
            named |= sw.equals(w) || sameVerb(w, sw) || sw.length() >= 6 && commonPrefix(w, sw) >= 5;
          }
          if (!named) {
            continue;
          }
          List<Edge> p = st.path(focus.name(), t.name());
          if (p == null || p.size() > 2) {
            continue;
          }
          if (found != null) {
            return null;
          }
          found = t;
          foundAt = k;
        }
      }
      if (found != null) {
        use(foundAt); // (only once the table is the one named: a word stays unexplained otherwise)
      }
      return found;
    }

    static int commonPrefix(String a, String b) {
      int n = 0;
      while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
        n++;
      }
      return n;
    }

    /** The position of "either", or -1. */
    int indexOfEither() {
      for (int k = 0; k < toks.size(); k++) {
        if (is(k, "either")) {
          return k;
        }
      }
      return -1;
    }

    /** Whether [from, to) holds only words that link a column to its value ("that is not the"). */
    boolean glueBetween(int from, int to) {
      for (int k = from; k < to; k++) {
        if (!is(k, "that", "is", "not", "the", "of", "was", "are", "equal", "to", "as", "which", "whose", "a")) {
          return false;
        }
      }
      return true;
    }

    /** Consumes the mention of {@code c} closest before {@code pos}. */
    void consumeMentionOf(Term c, int pos) {
      Mention best = null;
      for (Mention m : mentions) {
        if (!m.consumed && m.end <= pos && pos - m.end <= 5 && m.columns().stream().anyMatch(x -> x.column() == c.column())) {
          best = m; // (near the value: "the name and description of the role ... named Ebba" keeps "name")
        }
      }
      if (best != null) {
        best.consume();
      }
    }

    Term term(String table, String column) {
      for (Term t : st.terms) {
        if (!t.isTable() && t.table().name().equalsIgnoreCase(table) && t.column().name().equalsIgnoreCase(column)) {
          return t;
        }
      }
      throw new IllegalStateException("no column " + table + "." + column);
    }

    // ------------------------------------------------------------------ order, superlatives, groups

    /** {column, direction, limit} or {problem} or null. */
    Object[] superlative(Table focus, Map<Integer, AggFunction> aggWords) {
      for (int i = 0; i < toks.size(); i++) {
        if (used[i]) {
          continue;
        }
        String w = low(i);
        if (is(i, "first", "last") && tableNamedAt(i + 1) && !is(i + 1, "name", "names")) {
          // "the first payment", "the customer who made the last rental": the earliest or latest by date
          w = is(i, "first") ? "earliest" : "latest";
          final int at = i;
          mentions.stream().filter(m -> m.start == at && m.end == at + 1).forEach(Mention::consume); // not first_name
        }
        boolean desc = DESC_SUPER.contains(w);
        boolean asc = ASC_SUPER.contains(w);
        if (!desc && !asc) {
          continue;
        }
        if (aggWords.containsKey(i)) {
          // "maximum" / "minimum" are aggregates unless used as "with the maximum x"
          if (!is(i - 1, "the") || !is(i - 2, "with", "has", "have", "had")) {
            continue;
          }
        }
        if (w.equals("most") && is(i + 1, "recent", "recently") || (w.equals("latest") || w.equals("newest")
            || w.equals("earliest")) && !columnMentionWithin(i + 1, 3)) {
          // "registered most recently", "the most recent year", "the latest": the date the rows are ordered by
          boolean latest = !w.equals("earliest");
          int after = w.equals("most") ? i + 2 : i + 1;
          Term col = null;
          for (Mention m : mentions) {
            if (!m.consumed && m.start == after && !m.columns().isEmpty()) {
              Term c = resolve(m, focus);
              if (c != null && dateLike(c.column())) {
                col = c;
                m.consume();
              }
              break;
            }
          }
          if (col == null && tableNamedAt(i + 1)) {
            // "the customer who made the first rental": the dates of the table named right after first
            final int next = i + 1;
            col = recentColumn(mentions.stream().filter(m -> m.start == next).findFirst().orElseThrow()
                .tables().get(0).table());
          }
          if (col == null) {
            col = recentColumn(focus);
          }
          if (col == null) {
            return new Object[] {"cannot tell which date '" + w + (w.equals("most") ? " " + low(i + 1) : "")
                + "' is about"};
          }
          use(i);
          if (w.equals("most")) {
            use(i + 1);
          }
          // "founded the earliest": the verb names the column ordered by, not one to show
          // (a verb that names columns of other tables as well, "joined" beside drivers.date_joined, still
          // names this one: its table's only column among them)
          final Column chosen = col.column();
          final Table chosenTable = col.table();
          for (Mention m : mentions) {
            if (!m.consumed && m.columns().stream().anyMatch(c -> c.column() == chosen)
                && m.columns().stream().filter(c -> c.table() == chosenTable).allMatch(c -> c.column() == chosen)
                && m.end - m.start == 1 && (low(m.start).endsWith("ed")
                || low(m.start).equals(SchemaTerms.pastOfTimedVerb(Tokens.schemaWords(chosen.name()))))) {
              m.consume();
            }
          }
          notes.add("orders by " + qn(col));
          confidence *= 0.9;
          return new Object[] {col, latest ? SortOrder.DESC : SortOrder.ASC, 1L};
        }
        if ((w.equals("most") || w.equals("least")) && is(i + 1, "common", "frequent", "frequently", "popular",
            "often")) {
          // "the most common result", "the class that is most common": group, count, first row
          Mention target = null;
          for (Mention m : mentions) {
            // ("the payment method that was used the least often": a verb phrase may come between)
            int back = is(i + 1, "often", "frequently") && !m.readAsTable() ? 6 : 3;
            if (!m.consumed && !m.columns().isEmpty()
                && (m.start > i + 1 && m.start - (i + 2) <= 1 || m.end <= i && i - m.end <= back)) {
              if (target == null || m.start > i) {
                target = target != null && target.start < i && m.start > i ? m : (target == null ? m : target);
              }
            }
          }
          if (target == null) {
            return new Object[] {"cannot tell what is most common"};
          }
          Term col = resolve(target, focus);
          if (col == null) {
            return new Object[] {"cannot tell what is most common"};
          }
          use(i, i + 1);
          return new Object[] {col, w.equals("most") ? SortOrder.DESC : SortOrder.ASC, 1L, "groupcount"};
        }
        long limit = 1;
        int start = i;
        if (w.equals("top") || is(i + 1, "1", "2", "3", "4", "5", "10") || toks.size() > i + 1 && toks.get(i + 1).number()) {
          if (i + 1 < toks.size() && toks.get(i + 1).number()) {
            limit = Long.parseLong(toks.get(i + 1).raw().replaceAll("\\..*", ""));
            use(i + 1);
          } else if (w.equals("top")) {
            Long n = wordNumber(low(i + 1));
            if (n == null) {
              return new Object[] {"'top' without a number"};
            }
            limit = n;
            use(i + 1);
          }
        } else if (i > 0 && toks.get(i - 1).number()) {
          limit = Long.parseLong(toks.get(i - 1).raw().replaceAll("\\..*", ""));
          use(i - 1);
        } else if (i > 0 && wordNumber(low(i - 1)) != null) {
          limit = wordNumber(low(i - 1));
          use(i - 1);
        } else {
          for (int k = 0; k < i; k++) {
            if (!used[k] && countBeforeTable(k)) {
              limit = toks.get(k).number() ? Long.parseLong(toks.get(k).raw()) : wordNumber(low(k));
              use(k);
            }
          }
        }
        // "the department with the highest average salary": groups ranked by an aggregate of a column
        AggFunction over = aggWords.get(i + 1);
        if ((over == AggFunction.AVG || over == AggFunction.SUM) && !used[i + 1] && !w.equals("most")
            && !w.equals("least")) {
          for (Mention m : mentions) {
            int at = i + 2;
            Mention owner = tableMentionEndingAt(m.start);
            if (owner != null && owner.start == at) {
              at = m.start; // "the highest average instructor salary"
            }
            if (!m.consumed && m.start == at && m.readAsColumn() && !m.readAsTable()) {
              Term ranked = resolve(m, focus);
              if (ranked == null || !ranked.column().type().isNumeric()) {
                return new Object[] {"cannot tell what '" + w + "' ranks " + focus.name() + " by"};
              }
              m.consume();
              if (owner != null && owner.start == i + 2) {
                owner.consume();
              }
              use(i, i + 1);
              return new Object[] {ranked, desc ? SortOrder.DESC : SortOrder.ASC, limit, "aggrank", over};
            }
          }
        }
        // the column: named right after ("highest age", "most rank points"), or implied by the word
        Term col = impliedBySuperlative(i, focus);
        if (col != null) {
          used[start] = true;
          return new Object[] {col, desc ? SortOrder.DESC : SortOrder.ASC, limit};
        }
        for (Mention m : mentions) {
          if (m.start == i + 1 && m.end == i + 2 && is(i + 1, "number") && is(i + 2, "of")) {
            continue; // "the most number of orders": a count, not the phone_number column
          }
          if (!m.consumed && m.start > i && m.start - i <= 3 && !m.columns().isEmpty()
              && (m.tables().isEmpty() || resolve(m, focus) != null)) {
            // (a mention that names a table as well, "the nationality with the most hosts" beside
            // party.Number_of_hosts, counts that table's rows unless it names a column of the focus table)
            col = resolve(m, focus);
            if (col != null) {
              m.consume();
              // "the most expensive base price": the column named again right after its synonym
              final Column ranked = col.column();
              for (Mention again : mentions) {
                if (!again.consumed && again.start == m.end && !again.columns().isEmpty()
                    && again.columns().stream().anyMatch(x -> x.column() == ranked)) {
                  again.consume();
                }
              }
            }
            break;
          }
          if (!m.consumed && m.start > i && m.start - i <= 3 && !m.tables().isEmpty()) {
            // "the musical with the most actors": rank the focus rows by how many rows of that table join them
            m.consume();
            used[start] = true;
            if (is(i + 1, "number") && is(i + 2, "of")) {
              use(i + 1, i + 2);
              dropWordMention(i + 1);
            }
            rankedByCount = w.equals("most") || w.equals("least") || w.equals("fewest")
                || is(i + 1, "number") && is(i + 2, "of");
            return new Object[] {m.tables().get(0), desc ? SortOrder.DESC : SortOrder.ASC, limit, "countof"};
          }
        }
        if (w.equals("oldest") || w.equals("youngest")) {
          Term age = columnNamed(focus, "age");
          if (col != null && col.column() != (age == null ? null : age.column())) {
            return new Object[] {"cannot tell what '" + w + "' is measured by"};
          }
          col = age;
          desc = w.equals("oldest");
        }
        if (col == null && is(i - 1, "the") && !w.equals("top")) {
          // "the procedure that costs the most", "employees who get paid the least": the column named
          // (by a verb) right before "the most"
          for (Mention m : mentions) {
            if (!m.consumed && m.end == i - 1 && m.readAsColumn()) {
              col = resolve(m, focus);
              if (col != null) {
                m.consume();
              }
            }
          }
        }
        if (col != null && !col.column().type().isNumeric() && !col.column().type().isTemporal()
            && col.column().type() != SqlType.OTHER) {
          return new Object[] {"'" + w + "' over the text column " + col.column().name()};
        }
        if (col == null) {
          return new Object[] {"cannot tell what '" + w + "' is measured by"};
        }
        if (w.equals("top") && !is(i + 2, "by") && col == null) {
          return new Object[] {"cannot tell what 'top' ranks by"};
        }
        used[start] = true;
        SortOrder dir = desc ? SortOrder.DESC : SortOrder.ASC;
        if (w.equals("top")) {
          dir = SortOrder.DESC;
          for (int k = i; k < toks.size(); k++) {
            if (is(k, "lowest", "smallest", "least", "fewest")) {
              dir = SortOrder.ASC;
              use(k);
            } else if (is(k, "highest", "largest", "most", "greatest")) {
              use(k);
            }
          }
        }
        return new Object[] {col, dir, limit};
      }
      return null;
    }

    /**
     * "the youngest captain", "the tallest entrepreneur", "the cheapest product": a superlative that is
     * itself a word for a column (age, height, price), right before the name of a table that has (or is
     * joined to the focus table with) such a column. Null otherwise.
     */
    Term impliedBySuperlative(int i, Table focus) {
      Mention self = null;
      Mention table = null;
      for (Mention m : mentions) {
        if (m.start == i && m.end == i + 1 && !m.columns().isEmpty()) {
          self = m;
        }
        if (m.start > i && m.start - i <= 2 && m.readAsTable() && table == null) {
          table = m;
        }
      }
      if (self == null || table == null || !onlyGlue(i + 1, table.start) || detectsGrouping()) {
        return null; // (with "for each job", the youngest per group is an aggregate, not a ranking)
      }
      Table named = table.tables().get(0).table();
      Term found = null;
      for (Term c : self.columns()) {
        if (c.table() == named || c.table() == focus && named == focus) {
          found = c;
          break;
        }
      }
      if (found == null) {
        // "the tallest entrepreneur": the height of the person the entrepreneur row refers to
        for (Term c : self.columns()) {
          if (st.directEdges(named.name(), c.table().name()) == 1) {
            if (found != null) {
              return null;
            }
            found = c;
          }
        }
      }
      if (found == null) {
        return null;
      }
      self.consume();
      table.consume();
      return found;
    }

    /** Whether "the N &lt;table&gt;" is at {@code i} ("the 3 employees who get paid the least") before a superlative. */
    boolean countBeforeTable(int i) {
      if (!is(i - 1, "the") || !(toks.get(i).number() || wordNumber(low(i)) != null) || toks.get(i).raw().contains(".")) {
        return false;
      }
      boolean table = false;
      for (Mention m : mentions) {
        table |= m.start == i + 1 && m.readAsTable();
      }
      boolean later = false;
      for (int k = i + 2; k < toks.size(); k++) {
        later |= DESC_SUPER.contains(low(k)) || ASC_SUPER.contains(low(k));
      }
      return table && later;
    }

    /** Set when a column is compared with its average: other filters may belong inside that average. */
    boolean comparedWithAverage;

    /**
     * "capacity smaller than the average", "more than the average points", "above average price": the
     * column compared with its average over the whole table, {@code col op (SELECT avg(col) FROM t)}.
     * The words read are marked and the aggregate word is taken out of {@code aggWords}, so it is not
     * also read as an aggregate to show. Returns a problem, or null.
     */
    String averageComparisons(Table focus, Map<Integer, AggFunction> aggWords, List<Filter> filters) {
      for (int i = 0; i < toks.size(); i++) {
        if (used[i] || aggWords.get(i) != AggFunction.AVG) {
          continue;
        }
        int end = is(i - 1, "the") ? i - 1 : i; // the comparison phrase ends right before 'end'
        Cmp found = comparatorEndingAt(end, COMPARATORS_BEFORE, (phrase, o) -> o != CmpOp.EQ && o != CmpOp.NE
            && (phrase.contains(" ") || phrase.matches("over|above|under|below|exceeding|exceeds")));
        if (found == null) {
          continue; // "the average age of ...": an aggregate to show, read later
        }
        CmpOp op = found.op();
        int opStart = found.start();
        // the column averaged: named right after the word ("the average capacity", "average of the price")
        // (a table's name may come first: "the average checking balance", "the average review rating")
        Mention named = null;
        int at = is(i + 1, "of") ? (is(i + 2, "the", "all") ? i + 3 : i + 2) : i + 1;
        Mention ofTable = null;
        for (Mention m : mentions) {
          if (m.consumed || m.start != at) {
            continue;
          }
          if (ofTable == null && !m.tables().isEmpty()
              && (m.columns().isEmpty() || m.tables().get(0).quality() > m.columns().get(0).quality())) {
            ofTable = m;
            at = m.end;
          } else if (!m.columns().isEmpty()) {
            named = m;
            break;
          }
        }
        if (named != null && ofTable != null) {
          ofTable.consume();
        }
        Term averaged = named == null ? null : resolve(named, focus);
        if (averaged != null) {
          named.consume();
        }
        // the column compared: named before the comparison ("whose capacity is smaller than ..."), or implied
        String opWord = low(opStart);
        Term compared;
        if (opWord.equals("older") || opWord.equals("younger")) {
          compared = columnNamed(focus, "age");
        } else {
          compared = columnNear(opStart, focus, true);
        }
        if (compared != null && averaged != null && compared.column() != averaged.column()) {
          return "compares " + qn(compared) + " with the average of " + qn(averaged);
        }
        Term col = compared != null ? compared : averaged;
        if (col == null) {
          return "cannot tell what is compared with the average";
        }
        if (!col.column().type().isNumeric() && !col.column().type().isTemporal()
            && col.column().type() != SqlType.OTHER) {
          return "an average of the text column " + col.column().name();
        }
        boolean negated = is(opStart - 1, "not") || is(opStart - 2, "not") && is(opStart - 1, "be", "is", "are");
        if (negated) {
          use(opStart - 1, opStart - 2);
          op = negate(op);
        }
        for (int k = opStart; k <= i; k++) {
          used[k] = true;
        }
        aggWords.remove(i);
        Query.Select average = new Query.Select(null, false,
            List.of(new SelectItem(new Expr.Aggregate(AggFunction.AVG, false, ref(col), null), null)),
            List.of(TableRef.Table.of(col.table().name())), null, List.of(), null, List.of(), null, null);
        filters.add(new Filter(col, new Expr.Comparison(op, ref(col), new Expr.Subquery(average))));
        comparedWithAverage = true;
        confidence *= 0.9;
      }
      return null;
    }

    /**
     * The comparative words of {@link #COMPARATORS_BEFORE} ("more", "larger", "older"): its "X than" phrases
     * that say greater or less, without the "than".
     */
    private static final Map<String, CmpOp> COMPARATIVES = COMPARATORS_BEFORE.entrySet().stream()
        .filter(e -> e.getKey().matches("[a-z]+ than") && (e.getValue() == CmpOp.GT || e.getValue() == CmpOp.LT))
        .collect(java.util.stream.Collectors.toUnmodifiableMap(
            e -> e.getKey().substring(0, e.getKey().indexOf(' ')), Map.Entry::getValue));

    /**
     * "salary greater than that of some instructor in the Biology department", "a higher resolution than
     * all songs in English", "revenue smaller than the revenue of all companies based in Austin": the
     * column compared with its minimum or maximum over the rows the rest of the sentence picks,
     * {@code col op (SELECT min|max(col) FROM t WHERE ...)}. "Some" and "at least one" take the bound
     * that one row passes (more than some: above the minimum); "all", "every" and "any" the bound all rows
     * pass (more than any: above the maximum). The value filters after "than" move into the subquery;
     * they must be on the compared column's table. Returns a problem, or null.
     */
    String subsetComparisons(Table focus, List<Filter> filters) {
      for (int i = 1; i < toks.size(); i++) {
        if (used[i] || !is(i, "than")) {
          continue;
        }
        // the comparative right before "than", or before a column named between ("a higher salary than")
        int cmpAt = i - 1;
        Mention between = null;
        CmpOp op = COMPARATIVES.get(low(i - 1));
        if (op == null) {
          for (Mention m : mentions) {
            if (m.end == i && !m.consumed && !m.columns().isEmpty() && COMPARATIVES.containsKey(low(m.start - 1))) {
              between = m;
              cmpAt = m.start - 1;
              op = COMPARATIVES.get(low(cmpAt));
            }
          }
        }
        if (op == null || used[cmpAt]) {
          continue;
        }
        // after "than": "that of", "those of", or "the salary of"
        int k = i + 1;
        Mention restated = null;
        if (is(k, "that", "those") && is(k + 1, "of")) {
          k += 2;
        } else if (is(k, "the")) {
          for (Mention m : mentions) {
            if (m.start == k + 1 && !m.consumed && !m.columns().isEmpty() && is(m.end, "of")) {
              restated = m;
            }
          }
          if (restated == null) {
            continue;
          }
          k = restated.end + 1;
        }
        Boolean some = null;
        if (is(k, "some")) {
          some = true;
          k++;
        }
        if (is(k, "at") && is(k + 1, "least") && is(k + 2, "one")) {
          some = true; // "at least one", "some (at least one)"
          k += 3;
        }
        if (some == null && is(k, "all", "every", "any")) {
          some = false;
          k++;
        }
        if (some == null) {
          continue;
        }
        while (is(k, "of", "the", "those")) {
          k++;
        }
        Mention rowsNamed = freeTableMentionAt(k);
        if (rowsNamed == null) {
          continue;
        }
        Table rows = rowsNamed.tables().get(0).table();
        Term col = between != null ? resolve(between, rows) : restated != null ? resolve(restated, rows) : null;
        if (col == null) {
          col = columnNear(cmpAt, rows, true, false);
        }
        if (col == null || col.table() != rows) {
          return "cannot tell what is compared with the " + rows.name() + " after '" + low(k - 1) + "'";
        }
        if (!col.column().type().isNumeric() && !col.column().type().isTemporal()) {
          return "a comparison with the text column " + col.column().name();
        }
        List<Filter> inner = new ArrayList<>();
        for (Filter f : filters) {
          if (f.at() > i) {
            if (f.column().table() != rows || f.orWithPrevious()) {
              return "a condition on " + f.column().table().name() + " inside a comparison with " + rows.name();
            }
            inner.add(f);
          }
        }
        if (inner.isEmpty()) {
          continue; // "more than all others": not read here
        }
        boolean max = some == (op == CmpOp.LT);
        List<Expr> conds = inner.stream().map(Filter::condition).toList();
        Query.Select bound = Query.Select.builder()
            .select(new Expr.Aggregate(max ? AggFunction.MAX : AggFunction.MIN, false, ref(col), null))
            .from(TableRef.Table.of(rows.name()))
            .where(conds.size() == 1 ? conds.get(0) : new Expr.And(conds)).build();
        filters.removeAll(inner);
        filters.add(new Filter(col, new Expr.Comparison(op, ref(col), new Expr.Subquery(bound))));
        for (int w = cmpAt; w < k; w++) {
          used[w] = true;
        }
        rowsNamed.consume();
        if (between != null) {
          between.consume();
        }
        if (restated != null) {
          restated.consume();
        }
        final Column compared = col.column();
        for (Mention m : mentions) {
          if (!m.consumed && m.end <= cmpAt && cmpAt - m.end <= 3 && m.columns().stream().anyMatch(c -> c.column() == compared)) {
            m.consume(); // "whose salary is greater than ..."
          }
        }
        confidence *= 0.85;
        notes.add("compares " + qn(col) + " with the " + (max ? "maximum" : "minimum") + " over the "
            + rows.name() + " picked after 'than'");
      }
      return null;
    }

    /** Set by {@link #superlative} when a table is ranked by a count ("the most", "the largest number of"). */
    boolean rankedByCount;
    /** "Which major has the most students": rows of the focus grouped by the columns shown, ranked by count. */
    boolean rankGroupsByCount;

    /**
     * Groups the focus table's rows by the plain columns shown, for a count per value ("the studios with at
     * least two films", "the major with the most students"). Returns a problem when a shown column is
     * computed or belongs to another table, when none is shown, or when they cover the primary key (each
     * group would be one row).
     */
    String groupByShown(Table focus, List<SelectItem> items, List<Term> groups) {
      Set<String> cols = new java.util.HashSet<>();
      for (SelectItem it : items) {
        if (!(it.expr() instanceof Expr.Column c) || c.table() == null) {
          return "a count per computed columns";
        }
        if (!c.table().equalsIgnoreCase(focus.name())) {
          return "a count of " + focus.name() + " per a column of " + c.table();
        }
        Term t = term(c.table(), c.column());
        cols.add(t.column().name());
        if (groups.stream().noneMatch(g -> g.column() == t.column())) {
          groups.add(t);
        }
      }
      if (cols.isEmpty()) {
        return "no column to show is named";
      }
      if (!focus.primaryKey().isEmpty() && cols.containsAll(focus.primaryKey())) {
        return "cannot tell what is counted per " + focus.name();
      }
      return null;
    }

    /**
     * The table whose rows count {@code counted} per {@code owner} row: {@code counted} itself when one
     * foreign key joins them, or the link table between them when that table references both ("the number
     * of faculty in each activity" counts rows of Faculty_participates_in). Null when neither, or when the
     * owner has no primary key to group by.
     */
    Table countable(Table owner, Table counted) {
      List<Edge> p = st.path(owner.name(), counted.name());
      if (p == null || p.isEmpty() || owner.primaryKey().isEmpty()) {
        return null;
      }
      if (p.size() == 1) {
        return counted;
      }
      Table link = p.size() == 2 ? linkTable(owner, counted) : null;
      if (link != null) {
        countedThroughLink.add(counted.name());
      }
      return link;
    }

    /**
     * Like {@link #countable}, but a table joined directly must reference the owner's key: counting rows
     * the owner itself references gives at most one per owner row ("orders with two customers").
     */
    Table countedByKey(Table owner, Table counted) {
      Table rows = countable(owner, counted);
      if (rows == counted && !sameNames(st.path(owner.name(), counted.name()).get(0).fromColumns(), owner.primaryKey())) {
        return null;
      }
      return rows;
    }

    /** Whether every item shown is a plain column of {@code table}. */
    static boolean onlyColumnsOf(Table table, List<SelectItem> items) {
      return items.stream().allMatch(it -> it.expr() instanceof Expr.Column c && table.name().equalsIgnoreCase(c.table()));
    }

    /**
     * Groups by {@code table}'s primary key, then by every plain column shown that is not already a group:
     * one group per row of {@code table}, for a count of related rows.
     */
    void groupByKeyAndShown(Table table, List<SelectItem> items, List<Term> groups) {
      for (String pk : table.primaryKey()) {
        groups.add(term(table.name(), pk));
      }
      for (SelectItem it : items) {
        if (it.expr() instanceof Expr.Column c && c.table() != null) {
          Term t = term(c.table(), c.column());
          if (groups.stream().noneMatch(g -> g.column() == t.column())) {
            groups.add(t);
          }
        }
      }
    }

    /** Tables counted through a link table: named in the question, not joined (their link rows are counted). */
    final Set<String> countedThroughLink = new java.util.HashSet<>();

    /**
     * The one link table between {@code owner} and {@code counted}: a table with a foreign key to each
     * one's primary key, not both through its own key (that is an entity both extend: CHECKING -> ACCOUNTS
     * <- SAVINGS). When several link them (registrations
     * and attendance between students and courses) the one whose name shares a word with the question
     * is taken; null when none, or when the question does not tell them apart.
     */
    Table linkTable(Table owner, Table counted) {
      if (owner.primaryKey().isEmpty() || counted.primaryKey().isEmpty()) {
        return null;
      }
      List<Table> links = new ArrayList<>();
      for (Table t : req.catalog().tables()) {
        if (t == owner || t == counted) {
          continue;
        }
        List<Edge> a = st.edges(owner.name(), t.name());
        List<Edge> b = st.edges(t.name(), counted.name());
        if (a.size() == 1 && b.size() == 1 && sameNames(a.get(0).fromColumns(), owner.primaryKey())
            && sameNames(b.get(0).toColumns(), counted.primaryKey())
            && !(sameNames(a.get(0).toColumns(), t.primaryKey()) && sameNames(b.get(0).fromColumns(), t.primaryKey()))) {
          links.add(t);
        }
      }
      if (links.size() == 1) {
        return links.get(0);
      }
      List<String> ownerWords = Tokens.schemaWords(owner.name());
      List<String> countedWords = Tokens.schemaWords(counted.name());
      List<Table> named = new ArrayList<>();
      for (Table t : links) {
        for (String w : Tokens.schemaWords(t.name())) {
          if (w.length() >= 4 && !ownerWords.contains(w) && !countedWords.contains(w)
              && toks.stream().anyMatch(tok -> tok.stem().startsWith(w.substring(0, 4)))) {
            named.add(t);
            break;
          }
        }
      }
      return named.size() == 1 ? named.get(0) : null;
    }

    /**
     * A condition on a group: how many rows it has, {@code count(*) op n} over rows of {@code of} (or of the
     * focus), or, where {@code measure} is set, an aggregate of a column of {@code of}, {@code measure op n}
     * ("jobs with an average salary above 8000").
     */
    record CountCondition(CmpOp op, Object n, Table of, Expr.Aggregate measure) {
      CountCondition(CmpOp op, long n, Table of) {
        this(op, n, of, null);
      }
    }

    /** Set by {@link #findCountCondition()}: "with at least two films", "nominated more than 3 times". */
    CountCondition countCondition;

    private static final Map<String, CmpOp> COUNT_COMPARATORS = Map.ofEntries(
        Map.entry("more than", CmpOp.GT), Map.entry("over", CmpOp.GT), Map.entry("greater than", CmpOp.GT),
        Map.entry("fewer than", CmpOp.LT), Map.entry("less than", CmpOp.LT), Map.entry("under", CmpOp.LT),
        Map.entry("at least", CmpOp.GE), Map.entry("no fewer than", CmpOp.GE), Map.entry("no less than", CmpOp.GE),
        Map.entry("not less than", CmpOp.GE), Map.entry("at most", CmpOp.LE), Map.entry("no more than", CmpOp.LE),
        Map.entry("not more than", CmpOp.LE), Map.entry("exactly", CmpOp.EQ), Map.entry("only", CmpOp.EQ));

    /**
     * Finds a condition on a count: a number with a comparison ("more than", "at least", "or more") followed
     * by a table's name ("at least two films", "two or more events") or by "times" ("nominated more than 3
     * times", "more than once"). A bare number counts only after "have", "has", "had", "with" or "for"
     * ("booked for 3 times"). Marks the words it reads; the grouping is decided once the columns are known.
     */
    void findCountCondition() {
      for (int i = 0; i < toks.size() && countCondition == null; i++) {
        if (used[i]) {
          continue;
        }
        Long n = null;
        boolean impliesTimes = false;
        if (toks.get(i).number() && toks.get(i).raw().matches("\\d{1,6}")) {
          n = Long.parseLong(toks.get(i).raw());
        } else if (is(i, "once", "twice", "thrice")) {
          n = is(i, "once") ? 1L : is(i, "twice") ? 2L : 3L;
          impliesTimes = true;
        } else {
          n = wordNumber(low(i));
        }
        if (n == null) {
          continue;
        }
        final int at = i;
        Cmp found = comparatorEndingAt(i, COUNT_COMPARATORS, (phrase, o) -> !anyUsed(at - phrase.split(" ").length, at));
        CmpOp op = found == null ? null : found.op();
        int opStart = found == null ? i : found.start();
        if (found != null && is(opStart - 1, "than", "some")) {
          continue; // "more than (some) at least one instructor in ...": a comparison with those rows
        }
        int after = i + 1;
        if (is(after, "or") && is(after + 1, "more", "greater", "above") && !is(after + 2, "than")) {
          op = op == null ? CmpOp.GE : op;
          after += 2;
        } else if (is(after, "or") && is(after + 1, "fewer", "less") && !is(after + 2, "than")) {
          op = op == null ? CmpOp.LE : op;
          after += 2;
        }
        if (op == null && !impliesTimes && !is(i - 1, "have", "has", "had", "with", "for")) {
          continue;
        }
        if (op == null) {
          op = CmpOp.EQ;
        }
        Mention counted = null;
        boolean times = impliesTimes || is(after, "times");
        if (!times) {
          counted = freeTableMentionAt(after);
          if (counted == null) {
            continue; // "more than 3 stars": a number compared with a column, read by the number filters
          }
        }
        for (int k = opStart; k < after; k++) {
          used[k] = true;
        }
        if (is(after, "times")) {
          use(after);
        }
        Table of = null;
        if (counted != null) {
          counted.consume();
          of = counted.tables().get(0).table();
        }
        countCondition = new CountCondition(op, n, of);
      }
    }

    /**
     * "jobs whose average salary is above 8000", "the zip code in which the average mean visibility is lower
     * than 10", "artists with a total sales over 100": a condition on an aggregate of a column per group,
     * after "with", "whose", "which", "where" or "have". Sets {@link #countCondition} (the grouping is
     * decided with the columns shown, as for a count), marks the words and takes the aggregate word out of
     * {@code aggWords}. Returns a problem, or null.
     */
    String aggregateConditions(Table focus, Map<Integer, AggFunction> aggWords) {
      for (int i : new ArrayList<>(new java.util.TreeMap<>(aggWords).keySet())) {
        AggFunction f = aggWords.get(i);
        final int aggAt = i;
        if (used[i] || f == AggFunction.COUNT
            || mentions.stream().anyMatch(m -> m.start == aggAt && !m.columns().isEmpty())) {
          continue; // ("minimum salary" is the column min_salary)
        }
        boolean introduced = false;
        for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
          if (is(k, "with", "whose", "which", "where", "have", "has", "had", "having")) {
            introduced = true;
            break;
          }
          if (!is(k, "the", "a", "an", "in", "of", "is", "are", "its", "their")) {
            break;
          }
        }
        if (!introduced) {
          continue;
        }
        int at = is(i + 1, "of") ? (is(i + 2, "the", "all") ? i + 3 : i + 2) : i + 1;
        Mention named = null;
        for (Mention m : mentions) {
          if (m.start == at && !m.consumed && !m.columns().isEmpty() && !m.readAsTable()) {
            named = m;
          }
        }
        Term col = named == null ? null : resolve(named, focus);
        if (col == null || !col.column().type().isNumeric()) {
          continue;
        }
        List<String> colWords = Tokens.schemaWords(col.column().name());
        if (switch (f) {
          case MIN -> colWords.contains("min") || colWords.contains("minimum");
          case MAX -> colWords.contains("max") || colWords.contains("maximum");
          case AVG -> colWords.contains("avg") || colWords.contains("average");
          case SUM -> colWords.contains("total") || colWords.contains("sum");
          default -> false;
        }) {
          continue; // "jobs which minimum salary is greater than 9000": the column min_salary
        }
        int num = -1;
        for (int k = named.end; k < Math.min(toks.size(), named.end + 5); k++) {
          if (toks.get(k).number()) {
            num = k;
            break;
          }
        }
        if (num < 0) {
          continue;
        }
        final int from = named.end;
        Cmp found = comparatorEndingAt(num, COMPARATORS_BEFORE, (phrase, o) -> o != CmpOp.EQ && o != CmpOp.NE);
        if (found == null || found.start() < from || !glueBetween(from, found.start())) {
          continue;
        }
        if (countCondition != null) {
          return "a condition on an aggregate and on a count";
        }
        Object value = number(toks.get(num).raw());
        countCondition = new CountCondition(found.op(), value, col.table(), new Expr.Aggregate(f, false, ref(col), null));
        for (int k = i; k <= num; k++) {
          used[k] = true;
        }
        named.consume();
        aggWords.remove(i);
      }
      return null;
    }

    /** A comparison phrase and where it starts. */
    record Cmp(CmpOp op, int start) {}

    /**
     * The longest phrase of {@code phrases} (up to three words) ending right before {@code end} that
     * {@code accept} takes ("more than", "at least", "over"), or null.
     */
    Cmp comparatorEndingAt(int end, Map<String, CmpOp> phrases, java.util.function.BiPredicate<String, CmpOp> accept) {
      for (int len = 3; len >= 1; len--) {
        if (end - len < 0) {
          continue;
        }
        String phrase = String.join(" ", toks.subList(end - len, end).stream().map(Tok::low).toList());
        CmpOp o = phrases.get(phrase);
        if (o != null && accept.test(phrase, o)) {
          return new Cmp(o, end - len);
        }
      }
      return null;
    }

    boolean anyUsed(int from, int to) {
      for (int k = from; k < to; k++) {
        if (used[k]) {
          return true;
        }
      }
      return false;
    }

    static boolean sameNames(List<String> a, List<String> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (String x : a) {
        if (b.stream().noneMatch(x::equalsIgnoreCase)) {
          return false;
        }
      }
      return true;
    }

    /** Whether a column (not a table) is named within {@code n} words from {@code pos}. */
    boolean columnMentionWithin(int pos, int n) {
      for (Mention m : mentions) {
        if (!m.consumed && m.start >= pos && m.start < pos + n && m.readAsColumn()) {
          return true;
        }
      }
      return false;
    }

    /** A date, time or year column: by type, or by a name word for SQLite's untyped dates. */
    static boolean dateLike(Column c) {
      if (c.type().isTemporal()) {
        return true;
      }
      List<String> words = Tokens.schemaWords(c.name());
      return words.contains("date") || words.contains("year") || words.contains("time") && !c.type().isNumeric()
          || words.contains("day") && !c.type().isNumeric();
    }

    /**
     * The date "most recently" is about: the one date-like column of the focus table, else of the first
     * other table the question names; among several, the one whose name shares a word with the question
     * ("registered" picks registration_date). Null when that does not settle it.
     */
    Term recentColumn(Table focus) {
      List<Table> tables = new ArrayList<>();
      tables.add(focus);
      for (Mention m : mentions) {
        if (!m.tables().isEmpty() && !tables.contains(m.tables().get(0).table())) {
          tables.add(m.tables().get(0).table());
        }
      }
      for (Table t : tables) {
        // named by a verb of the question: "founded" is Founded, "opened" Year_Opened, "registered" registration_date
        List<Column> byVerb = t.columns().stream()
            .filter(c -> dateLike(c) || c.type().isNumeric())
            .filter(this::namedByVerb).toList();
        if (byVerb.size() == 1) {
          return term(t.name(), byVerb.get(0).name());
        }
        List<Column> dates = t.columns().stream().filter(OfflinePlanner.Reading::dateLike).toList();
        if (dates.isEmpty()) {
          continue;
        }
        // a date before a year before a time of day
        List<Column> full = dates.stream().filter(c -> c.type() == SqlType.DATE || c.type() == SqlType.TIMESTAMP
            || Tokens.schemaWords(c.name()).contains("date")).toList();
        if (full.size() == 1) {
          return term(t.name(), full.get(0).name());
        }
        // payment_date beside last_update in payment: the date named after its table
        List<String> tw = Tokens.schemaWords(t.name());
        List<Column> own = full.stream().filter(c -> Tokens.schemaWords(c.name()).stream().anyMatch(tw::contains)).toList();
        if (own.size() == 1) {
          return term(t.name(), own.get(0).name());
        }
        List<Column> years = dates.stream().filter(c -> Tokens.schemaWords(c.name()).contains("year")).toList();
        if (full.isEmpty() && years.size() == 1) {
          return term(t.name(), years.get(0).name());
        }
        return null; // the table has dates, and the question does not say which
      }
      return null;
    }

    /** Whether a word of the column's name starts like a past participle of the question ("founded", "opened"). */
    boolean namedByVerb(Column c) {
      for (String w : Tokens.schemaWords(c.name())) {
        if (w.length() < 4) {
          continue;
        }
        for (Tok t : toks) {
          String q = t.low();
          if (q.length() >= 5 && q.endsWith("ed") && q.startsWith(w.substring(0, 4))) {
            return true;
          }
        }
      }
      return false;
    }

    static Long wordNumber(String w) {
      return switch (w) {
        case "one" -> 1L;
        case "two" -> 2L;
        case "three" -> 3L;
        case "four" -> 4L;
        case "five" -> 5L;
        case "six" -> 6L;
        case "seven" -> 7L;
        case "eight" -> 8L;
        case "nine" -> 9L;
        case "ten" -> 10L;
        default -> null;
      };
    }

    /**
     * The direction "from old to young" (or back) gives a column: as said for an age, the other way for a
     * date or year (of birth, founding, ...), where the oldest has the smallest value.
     */
    private static SortOrder byAgeOf(SortOrder dir, Term c) {
      List<String> w = Tokens.schemaWords(c.column().name());
      boolean dated = c.column().type() == SqlType.DATE || c.column().type() == SqlType.TIMESTAMP
          || w.contains("date") || w.contains("year") || w.contains("birth") || w.contains("dob");
      return !dated ? dir : dir == SortOrder.DESC ? SortOrder.ASC : SortOrder.DESC;
    }

    /** "ordered by x descending", "sorted by x and y", "in alphabetical order". Null when unreadable. */
    List<Term> orderBy(Table focus, List<OrderItem> order) {
      List<Term> cols = new ArrayList<>();
      for (int i = 0; i < toks.size(); i++) {
        if (!is(i, "order", "ordered", "sort", "sorted", "sorting", "ordering", "arranged", "ranked", "rank")) {
          continue;
        }
        if (used[i] || nounNotSort(i)) {
          continue;
        }
        used[i] = true;
        int anchor = i;
        if (is(i, "sort", "order") && (i == 0 || i == 1 && is(0, "please"))) {
          // "Sort the product names in alphabetical order": the imperative lists; a later order word says
          // how, else the key follows "by" ("Sort all captain names by their ages")
          int later = -1;
          int by = -1;
          for (int k = i + 1; k < toks.size() && later < 0; k++) {
            if (is(k, "order", "ordered", "sort", "sorted", "sorting", "ordering")) {
              later = k;
            } else if (by < 0 && is(k, "by")) {
              by = k;
            }
          }
          if (later > 0) {
            continue;
          }
          if (by > 0) {
            anchor = by;
          }
        }
        for (int k = i + 1; k < Math.min(toks.size(), i + 8); k++) {
          if (is(k, "order", "ordered", "sort", "sorted", "sorting", "ordering")) {
            used[k] = true;
            if (is(k + 1, "of", "by")) {
              // "sort the apartment numbers in ascending order of room count": the key follows the last
              // order word, not the first
              anchor = k;
            }
          }
        }
        SortOrder dir = SortOrder.ASC;
        boolean explicit = false;
        for (int k = Math.max(0, i - 4); k < Math.min(toks.size(), i + 12); k++) {
          if (is(k, "descending", "decreasing", "desc", "reverse", "descend")) {
            dir = SortOrder.DESC;
            explicit = true;
            use(k);
          } else if (is(k, "ascending", "increasing", "asc", "alphabetical", "alphabetically", "alphabetic", "ascend")) {
            explicit = true;
            use(k);
          }
        }
        boolean byAge = false; // ("from old to young": ages fall, dates of birth rise)
        for (int k = Math.max(0, i - 4); k < Math.min(toks.size(), i + 12); k++) {
          boolean fromTo = false;
          if (is(k, "from") && (is(k + 1, "highest", "largest", "most", "high", "biggest", "oldest", "old",
              "greatest") && is(k + 2, "to") && is(k + 3, "lowest", "smallest", "least", "low", "youngest", "young",
              "fewest"))) {
            dir = SortOrder.DESC;
            fromTo = true;
          } else if (is(k, "from") && is(k + 2, "to") && (is(k + 1, "lowest", "smallest", "least", "low", "youngest",
              "young", "fewest"))) {
            fromTo = true;
          }
          if (fromTo) {
            explicit = true;
            use(k, k + 1, k + 2, k + 3);
            byAge = is(k + 1, "old", "oldest", "young", "youngest");
            for (Mention m : mentions) {
              if ((m.start == k + 1 || m.start == k + 3) && m.end == m.start + 1) {
                m.consume(); // ("old" names the age: here it says which way, not a column to show)
              }
            }
          }
        }
        // "... and their number of airlines, in descending order of the number of airlines": the count shown
        Mention countKey = countNamedAfter(anchor);
        if (countKey != null) {
          Table counted = countKey.tables().get(0).table();
          if (counted != tableAfterCount()) {
            if (!order.isEmpty() || orderCountOf != null) {
              return null;
            }
            // "industries of companies in descending order of the number of companies": the focus rows per
            // value shown, or another table's rows per focus row, ranked by how many
            orderCountOf = counted;
          }
          countKey.consume();
          use(i + 1);
          order.add(new OrderItem(Expr.Aggregate.countStar(), dir, null));
          continue;
        }
        // "ordered by frequency", "in descending order of count": how many rows share the values shown
        int fk = afterSortGlue(anchor);
        if (is(fk, "frequency", "count", "popularity") && fk > anchor + 1 && !columnMentionAt(fk)) {
          use(fk, i + 1);
          if (countAt < 0) {
            if (!order.isEmpty() || orderCountOf != null) {
              return null;
            }
            orderCountOf = focus;
          }
          order.add(new OrderItem(Expr.Aggregate.countStar(), dir, null));
          continue;
        }
        // columns after "by" (or "of" in "in descending order of x"); else before ("ages in descending order")
        List<Mention> after = new ArrayList<>();
        for (Mention m : mentions) {
          Mention owner = tableMentionEndingAt(m.start);
          // "in ascending order of company name": a table's name before its column is glue too
          int glueEnd = owner != null && m.columns().stream().anyMatch(t -> owner.tables().stream()
              .anyMatch(o -> o.table() == t.table())) ? owner.start : m.start;
          if (m.readAsTable() && columnMentionAt(m.end)) {
            continue; // "of school enrollment": the table's name before its column, not a column itself
          }
          if (!m.consumed && !m.columns().isEmpty() && m.start > anchor && m.start - anchor <= 7
              && onlyGlue(anchor + 1, glueEnd)) {
            after.add(m);
            // "by price and name", "by price decreasing and name ascending", "by price, then by name"
            Mention last = m;
            for (Mention n : mentions) {
              if (n.consumed || n == m || n.columns().isEmpty() || n.start <= last.end || after.contains(n)) {
                continue;
              }
              int k = last.end;
              if (is(k, "descending", "desc", "decreasing", "ascending", "asc", "increasing")) {
                k++;
              }
              if (is(k, "and", ",") && (n.start == k + 1 || n.start == k + 2 && is(k + 1, "the", "then", "by"))
                  || is(k, "then") && is(k + 1, "by") && n.start == k + 2) {
                after.add(n);
                use(k, k + 1);
                last = n;
              }
            }
            break;
          }
        }
        if (after.isEmpty() && (explicit || is(i - 1, "in"))) {
          // "names in alphabetical order", "ordered alphabetically": the column shown last before (for
          // "alphabetical", the last text column: "names and ids ... in alphabetical order" sorts by name)
          boolean alphabetical = false;
          for (int k = i - 2; k <= i + 2; k++) {
            alphabetical |= is(k, "alphabetical", "alphabetically", "alphabetic");
          }
          if (!alphabetical && countAt >= 0 && detectsGrouping()) {
            // "how many airlines in each country, in descending order": the counts are what is ordered
            order.add(new OrderItem(Expr.Aggregate.countStar(), dir, null));
            continue;
          }
          Mention lastText = null;
          Mention nameText = null;
          for (Mention m : mentions) {
            if (!m.consumed && m.end <= i && m.readAsColumn() && !m.readAsTable()) {
              // (not "carriers for devices": a table's name, even when a column has it too)
              after.clear();
              after.add(m);
              Term c = resolve(m, focus);
              if (c != null && c.column().type() == SqlType.TEXT) {
                lastText = m;
                List<String> w = new ArrayList<>(Tokens.schemaWords(c.column().name()));
                w.addAll(c.words()); // (gname is named "game name")
                if (nameText == null && (w.contains("name") || w.contains("title"))) {
                  nameText = m;
                }
              }
            }
          }
          if (alphabetical && lastText != null) {
            // "names and urls of images, sorted alphabetically": by the name, else the last text column
            after.clear();
            after.add(nameText != null ? nameText : lastText);
          }
          if (!after.isEmpty()) {
            Term c = resolve(after.get(0), focus);
            if (c == null) {
              return null;
            }
            order.add(new OrderItem(ref(c), byAge ? byAgeOf(dir, c) : dir, null));
            cols.add(c);
            use(i - 1, i - 2);
            Mention key = after.get(0);
            if (is(key.start - 1, "by") || is(key.start - 1, "the") && is(key.start - 2, "by")) {
              key.consume(); // "the dates of games by the home team name in descending order": a key only
              use(key.start - 1, key.start - 2);
            }
            continue; // the mention stays in the select list too
          }
        }
        if (after.isEmpty()) {
          return null;
        }
        // "list in alphabetic order the names of ...": an adverbial "in ... order" before the columns listed
        // sorts by them and leaves them in the select list ("order the names by ..." is a verb)
        boolean listedAfter = (is(i - 1, "in") || is(i - 2, "in"))
            && java.util.stream.IntStream.range(anchor + 1, after.get(0).start).noneMatch(k -> is(k, "by", "of"));
        for (Mention m : after) {
          Term c = resolve(m, focus);
          if (c == null) {
            return null;
          }
          if (!listedAfter) {
            m.consume();
          }
          // a per-column direction right after it wins
          SortOrder d = byAge ? byAgeOf(dir, c) : dir;
          if (is(m.end, "descending", "desc", "decreasing")) {
            d = SortOrder.DESC;
            use(m.end);
          } else if (is(m.end, "ascending", "asc", "increasing")) {
            d = SortOrder.ASC;
            use(m.end);
          }
          order.add(new OrderItem(ref(c), d, null));
          cols.add(c);
        }
        use(i + 1);
        if (!explicit) {
          confidence *= 0.95;
        }
      }
      return cols;
    }

    /** A text column that is both matched by a pattern and the subject of the question, or null. */
    Term likeSubject;

    /** The column whose aggregate ranks the groups ("the highest average salary"), or null. */
    Term aggRanked;

    /** The table whose rows an order phrase counts when the question shows no count of it, or null. */
    Table orderCountOf;

    /**
     * The mention of the counted table in "by the number of &lt;table&gt;" right after an order word at
     * {@code anchor}, when the question counts that table ("the number of airlines"), or null.
     */
    Mention countNamedAfter(int anchor) {
      int k = afterSortGlue(anchor);
      if (!is(k, "number") || !is(k + 1, "of")) {
        return null;
      }
      for (Mention m : mentions) {
        if (m.start == k + 2 && !m.consumed && m.readAsTable()
            && (m.columns().isEmpty() || m.tables().get(0).quality() > m.columns().get(0).quality()
                || m.tables().get(0).table() == tableAfterCount())
            && !columnMentionAt(m.end) && !columnMentionAt(m.end + 1)) {
          // (not "the number of people killed": a column after the table's name is what is counted)
          use(k, k + 1);
          return m;
        }
      }
      return null;
    }

    /**
     * Whether the sort word at {@code i} is part of a table or column name or their verb ("the order id",
     * "the product ordered most", "each rank") rather than a request to sort: it is inside a mention and
     * neither followed by a sort phrase ("by", "in", "alphabetically") nor preceded by "in" or a direction.
     */
    boolean nounNotSort(int i) {
      boolean inMention = false;
      for (Mention m : mentions) {
        inMention |= m.start <= i && i < m.end;
      }
      return inMention && !is(i + 1, "by", "in", "alphabetically", "descending", "ascending", "according", "from",
          "based", "using", "decreasingly", "increasingly")
          && !is(i - 1, "in", "alphabetical", "alphabetic", "descending", "ascending", "increasing", "decreasing",
          "reverse", "sorted")
          // "in the order of", "by the order": a sort; "the order dates of all bookings": a column
          && !(is(i - 1, "the") && (is(i - 2, "in", "by", "with") || is(i + 1, "of")));
    }

    /** The first word after the order word at {@code anchor} past "by", "of", "the", "their", "its". */
    int afterSortGlue(int anchor) {
      int k = anchor + 1;
      while (is(k, "by", "of", "the", "their", "its")) {
        k++;
      }
      return k;
    }

    /** Whether the words in [from, to) only glue an order word to its column ("by the number of"). */
    boolean onlyGlue(int from, int to) {
      for (int k = from; k < to; k++) {
        if (!is(k, "by", "the", "of", "results", "result", "number", "their", "its", "in", "descending",
            "ascending", "order", "decreasing", "increasing", "alphabetical", "alphabetically", "alphabetic", "them", "using",
            "according", "to", "based", "on")) {
          return false;
        }
      }
      return true;
    }

    /** "for each x", "per x", "by x" with an aggregate. Null when unreadable. */
    List<Term> groupBy(Table focus, boolean aggregating) {
      List<Term> out = new ArrayList<>();
      for (int i = 0; i < toks.size(); i++) {
        int next;
        if (is(i, "each", "per", "every") && !used[i]) {
          next = i + 1;
        } else if (is(i, "by") && !used[i] && is(i - 1, "grouped", "group", "broken")) {
          next = i + 1;
        } else {
          continue;
        }
        if (is(next, "different", "distinct")) {
          use(next);
          next++;
        }
        Mention target = null;
        for (Mention m : mentions) {
          if (!m.consumed && m.start == next) {
            target = m;
          }
        }
        if (target == null) {
          continue;
        }
        if (!aggregating) {
          // "the names and capitals of each country", "list each donator name": a plain list
          use(i);
          if (target.tables().stream().anyMatch(t -> t.table() == focus)) {
            target.consume();
          }
          continue;
        }
        if (!target.columns().isEmpty() && (target.tables().isEmpty()
            || target.columns().get(0).quality() >= target.tables().get(0).quality())) {
          Term c = resolve(target, focus);
          if (c == null) {
            return null;
          }
          target.consume();
          use(i, i - 1);
          if (out.stream().noneMatch(x -> x.column() == c.column())) {
            out.add(c);
          }
        } else if (!aggregating && target.tables().stream().anyMatch(t -> t.table() == focus)) {
          // "the date and venue of each debate": a plain list of the focus table
          target.consume();
          use(i, i - 1);
        } else if (aggregating && !target.tables().isEmpty() && groupTable == null) {
          // "how many actors have appeared in each musical": count per row of a table, read in plan()
          groupTable = target.tables().get(0).table();
          target.consume();
          use(i, i - 1);
        } else {
          return null;
        }
      }
      return out;
    }

    // ------------------------------------------------------------------ building

    static String describe(Edge e) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < e.fromColumns().size(); k++) {
        if (k > 0) {
          sb.append(" and ");
        }
        sb.append(e.from()).append('.').append(e.fromColumns().get(k)).append(" = ").append(e.to()).append('.')
            .append(e.toColumns().get(k));
      }
      return sb.toString();
    }

    Expr.Column ref(Term t) {
      return Expr.Column.of(t.table().name(), t.column().name());
    }

    /** The columns of {@code exprs} (inside aggregates too) as lower-case "table.column" into {@code out}. */
    void collectColumns(List<Expr> exprs, Set<String> out) {
      for (Expr e : exprs) {
        if (e instanceof Expr.Column c && c.table() != null) {
          out.add((c.table() + "." + c.column()).toLowerCase(Locale.ROOT));
        } else if (e instanceof Expr.Aggregate a) {
          collectColumns(java.util.Collections.singletonList(a.argument()), out);
        }
      }
    }

    void collectTables(List<Expr> exprs, Set<String> out) {
      for (Expr e : exprs) {
        if (e instanceof Expr.Column c && c.table() != null) {
          out.add(st.tablesByLower.get(c.table().toLowerCase(Locale.ROOT)).name());
        } else if (e instanceof Expr.Aggregate a) {
          collectTables(List.of(a.argument()), out);
        }
      }
    }

    /** The focus table joined with every other needed table along the shortest FK paths; null when unconnected. */
    TableRef joinTree(String focus, Set<String> needed) {
      TableRef tree = TableRef.Table.of(focus);
      Set<String> in = new LinkedHashSet<>();
      in.add(focus);
      for (String t : needed) {
        if (in.contains(t)) {
          continue;
        }
        List<Edge> best = null;
        for (String from : in) {
          List<Edge> p = st.path(from, t);
          if (p != null && (best == null || p.size() < best.size())) {
            best = p;
          }
        }
        if (best == null) {
          return null;
        }
        // a direct foreign key is a safe join; every further hop through a table the question does not
        // name is a guess
        confidence *= 0.92 * Math.pow(0.5, best.size() - 1);
        if (best.size() > 1) {
          notes.add("joins " + t + " through " + (best.size() - 1) + " unnamed table(s)");
          for (int k = 0; k < best.size() - 1; k++) {
            unnamedLinks.add(best.get(k).to());
          }
        }
        for (Edge e : best) {
          if (in.contains(e.to())) {
            continue;
          }
          if (st.directEdges(e.from(), e.to()) > 1) {
            List<Edge> options = st.edges(e.from(), e.to());
            Edge chosen = null;
            for (var r : req.resolutionsForQuestion()) {
              for (Edge o : options) {
                if (r.chosen().value().equals(describe(o))) {
                  chosen = o;
                }
              }
            }
            if (chosen == null) {
              List<Clarification.Option> opts = new ArrayList<>();
              for (Edge o : options) {
                opts.add(new Clarification.Option(opts.size() + 1, describe(o), describe(o)));
              }
              joinClarify = new Plan.Clarify(Clarification.Kind.JOIN_PATH,
                  "Which link between " + e.from() + " and " + e.to() + " do you mean?", opts);
            } else {
              e = chosen;
            }
          }
          List<Expr> on = new ArrayList<>();
          for (int k = 0; k < e.fromColumns().size(); k++) {
            on.add(Expr.Comparison.eq(Expr.Column.of(e.from(), e.fromColumns().get(k)),
                Expr.Column.of(e.to(), e.toColumns().get(k))));
          }
          tree = TableRef.Join.inner(tree, TableRef.Table.of(e.to()), on.size() == 1 ? on.get(0) : new Expr.And(on));
          in.add(e.to());
        }
      }
      return tree;
    }

    // ------------------------------------------------------------------ follow-ups

    /** "sort by the second column", "only for 2024", "and per region": refine the last query. */
    Query.Select followUp() {
      if (!(req.lastStatement() instanceof Query.Select last)) {
        return null;
      }
      String first = low(0);
      boolean marker = Set.of("only", "and", "now", "also", "sort", "order", "just", "but", "then", "instead")
          .contains(first);
      if (!marker) {
        return null;
      }
      // sort by the n-th column
      for (int i = 0; i < toks.size(); i++) {
        if (is(i, "sort", "order", "sorted", "ordered") && is(i + 1, "by")) {
          Integer n = null;
          for (int k = i + 2; k < toks.size(); k++) {
            n = ordinal(low(k));
            if (n == null && toks.get(k).number() && is(k - 1, "column")) {
              n = Integer.parseInt(toks.get(k).raw());
            }
            if (n != null) {
              break;
            }
          }
          if (n != null && n <= last.items().size()) {
            boolean desc = detect("descending", "desc", "decreasing");
            confidence = 0.9;
            return last.withOrderBy(List.of(new OrderItem(new Expr.Ordinal(n), desc ? SortOrder.DESC : SortOrder.ASC, null)));
          }
        }
      }
      Table focus = lastTable(last);
      if (focus == null) {
        return null;
      }
      findMentions();
      markValues();
      // "and per region" / "by region": add a grouping column
      for (int i = 0; i < toks.size(); i++) {
        if (is(i, "per", "by", "each") && i <= 3) {
          for (Mention m : mentions) {
            if (m.start == i + 1 && !m.columns().isEmpty()) {
              Term c = resolve(m, focus);
              if (c == null || c.table() != focus) {
                return null;
              }
              boolean hasAgg = last.items().stream().anyMatch(it -> it.expr() instanceof Expr.Aggregate);
              if (!hasAgg) {
                return null;
              }
              Expr col = Expr.Column.of(qualifier(last, focus), c.column().name());
              List<SelectItem> items = new ArrayList<>();
              items.add(new SelectItem(col, null));
              items.addAll(last.items());
              List<Expr> groups = new ArrayList<>(last.groupBy());
              groups.add(col);
              confidence = 0.85;
              return last.withItems(items).withGroupBy(groups);
            }
          }
        }
      }
      // "only for 2024", "only in Paris": add filters
      List<Filter> filters = new ArrayList<>();
      if (numberFilters(focus, filters) != null || valueFilters(focus, filters) != null || filters.isEmpty()) {
        return null;
      }
      Expr where = last.where();
      List<Expr> conds = new ArrayList<>();
      if (where != null) {
        conds.add(where);
      }
      for (Filter f : filters) {
        if (f.column().table() != focus) {
          return null;
        }
        conds.add(requalify(f.condition(), qualifier(last, focus)));
      }
      confidence = 0.85;
      return last.withWhere(conds.size() == 1 ? conds.get(0) : new Expr.And(conds));
    }

    static Integer ordinal(String w) {
      return switch (w) {
        case "first" -> 1;
        case "second" -> 2;
        case "third" -> 3;
        case "fourth" -> 4;
        case "fifth" -> 5;
        default -> null;
      };
    }

    Table lastTable(Query.Select last) {
      if (last.from().size() != 1 || !(last.from().get(0) instanceof TableRef.Table t)) {
        return null;
      }
      return st.tablesByLower.get(t.name().toLowerCase(Locale.ROOT));
    }

    static String qualifier(Query.Select last, Table focus) {
      TableRef.Table t = (TableRef.Table) last.from().get(0);
      return t.alias() != null ? t.alias() : null;
    }

    static Expr requalify(Expr e, String qualifier) {
      if (e instanceof Expr.Comparison c && c.left() instanceof Expr.Column col) {
        return new Expr.Comparison(c.op(), Expr.Column.of(qualifier, col.column()), c.right());
      }
      if (e instanceof Expr.Between b && b.expr() instanceof Expr.Column col) {
        return new Expr.Between(Expr.Column.of(qualifier, col.column()), b.low(), b.high(), b.negated());
      }
      return e;
    }
  }
}
