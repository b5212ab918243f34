package io.github.nl2sql.internal.compile;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.internal.validate.FunctionRegistry;
import io.github.nl2sql.ir.Expr;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The closed catalogue of function names the compiler renders, per dialect. A name outside it is never
 * rendered, so no text from the IR reaches SQL as a function name unless it is listed.
 *
 * <p>Two sources: (1) a small table of functions mapped to jOOQ built-ins where jOOQ's per-dialect
 * translation keeps the result (for example {@code substr}, {@code trim(x, chars)}, {@code mod},
 * {@code greatest} on SQLite, {@code extract}), plus the window functions, which need OVER; and (2)
 * every other function the validator's {@link FunctionRegistry} knows for the dialect, rendered as
 * written with {@link DSL#function(org.jooq.Name, Class, Field[])} or {@link
 * DSL#aggregate(org.jooq.Name, Class, Field[])} on the unquoted lower-case name, which the registry
 * holds and {@link #IDENTIFIER} checks again. So whatever the validator accepts, the compiler renders,
 * and a function the query's author wrote for one dialect keeps its own semantics ({@code length} on
 * MySQL stays byte length, {@code concat} keeps its NULL handling). Immutable and thread-safe.
 */
final class Functions {

  /** Plain SQL identifier: what a function name must look like before it is even looked up. */
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** What a catalogue entry is. */
  enum Kind {
    SCALAR, AGGREGATE, WINDOW
  }

  /** How one known function is compiled from its IR arguments and their compiled fields. */
  @FunctionalInterface
  interface Renderer {
    Field<?> render(List<Expr> ir, List<Field<?>> args);
  }

  /**
   * One catalogue entry.
   *
   * @param name lower-case name as written in the IR
   * @param minArgs fewest arguments
   * @param maxArgs most arguments ({@code Integer.MAX_VALUE} for variadic)
   * @param dialects dialects that have it
   * @param kind scalar, aggregate (usable with OVER) or window-only
   * @param renderer builds the jOOQ field; {@code null} for window functions (rendered by the compiler)
   */
  record Spec(String name, int minArgs, int maxArgs, Set<Dialect> dialects, Kind kind,
      Renderer renderer) {}

  private static final Set<Dialect> ALL = Collections.unmodifiableSet(EnumSet.allOf(Dialect.class));
  private static final Map<String, Spec> TRANSLATED = build();

  private Functions() {}

  /**
   * The entry for {@code name} (any case) on {@code dialect}, or {@code null} if the dialect has no such
   * function in the catalogue.
   */
  static Spec lookup(String name, Dialect dialect) {
    String n = name.toLowerCase(Locale.ROOT);
    Spec s = TRANSLATED.get(n);
    if (s != null && s.dialects().contains(dialect)) {
      return s;
    }
    FunctionRegistry.Signature sig = FunctionRegistry.of(dialect).lookup(n).orElse(null);
    if (sig == null || !IDENTIFIER.matcher(sig.name()).matches()) {
      return null;
    }
    int max = sig.max() < 0 ? Integer.MAX_VALUE : sig.max();
    switch (sig.kind()) {
      case AGGREGATE:
        return new Spec(sig.name(), sig.min(), max, EnumSet.of(dialect), Kind.AGGREGATE,
            (ir, a) -> DSL.aggregate(DSL.unquotedName(sig.name()), Object.class, a.toArray(new Field<?>[0])));
      case WINDOW:
        // every window function of the registry is in TRANSLATED; one that is not cannot be rendered
        return null;
      default:
        return new Spec(sig.name(), sig.min(), max, EnumSet.of(dialect), Kind.SCALAR,
            (ir, a) -> DSL.function(DSL.unquotedName(sig.name()), Object.class, a.toArray(new Field<?>[0])));
    }
  }

  /** Names available on {@code dialect}, sorted; {@code window} selects window-only or the others. */
  static Set<String> names(Dialect dialect, boolean window) {
    Set<String> out = new TreeSet<>();
    for (Spec s : TRANSLATED.values()) {
      if ((s.kind() == Kind.WINDOW) == window && s.dialects().contains(dialect)) {
        out.add(s.name());
      }
    }
    for (String n : FunctionRegistry.of(dialect).names()) {
      Spec s = lookup(n, dialect);
      if (s != null && (s.kind() == Kind.WINDOW) == window) {
        out.add(s.name());
      }
    }
    return Collections.unmodifiableSet(out);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Field<String> str(Field<?> f) {
    return (Field) f;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Field<Number> num(Field<?> f) {
    return (Field) f;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Field<Integer> integer(Field<?> f) {
    return (Field) f;
  }

  private static Map<String, Spec> build() {
    Map<String, Spec> m = new LinkedHashMap<>();
    // strings
    scalar(m, "lower", 1, 1, a -> DSL.lower(str(a.get(0))));
    scalar(m, "upper", 1, 1, a -> DSL.upper(str(a.get(0))));
    scalar(m, "trim", 1, 2, a -> a.size() == 1 ? DSL.trim(str(a.get(0))) : DSL.trim(str(a.get(0)), str(a.get(1))));
    scalar(m, "ltrim", 1, 2,
        a -> a.size() == 1 ? DSL.ltrim(str(a.get(0))) : DSL.ltrim(str(a.get(0)), str(a.get(1))));
    scalar(m, "rtrim", 1, 2,
        a -> a.size() == 1 ? DSL.rtrim(str(a.get(0))) : DSL.rtrim(str(a.get(0)), str(a.get(1))));
    scalar(m, "replace", 3, 3, a -> DSL.replace(str(a.get(0)), str(a.get(1)), str(a.get(2))));
    Simple substring = a -> a.size() == 2
        ? DSL.substring(str(a.get(0)), num(a.get(1)))
        : DSL.substring(str(a.get(0)), num(a.get(1)), num(a.get(2)));
    scalar(m, "substr", 2, 3, substring);
    scalar(m, "substring", 2, 3, substring);
    scalar(m, "left", 2, 2, a -> DSL.left(str(a.get(0)), num(a.get(1))));
    scalar(m, "right", 2, 2, a -> DSL.right(str(a.get(0)), num(a.get(1))));
    // numbers
    scalar(m, "abs", 1, 1, a -> DSL.abs(num(a.get(0))));
    scalar(m, "round", 1, 2, a -> a.size() == 1
        ? DSL.round(num(a.get(0)))
        : DSL.round(num(a.get(0)), integer(a.get(1))));
    scalar(m, "floor", 1, 1, a -> DSL.floor(num(a.get(0))));
    scalar(m, "ceil", 1, 1, a -> DSL.ceil(num(a.get(0))));
    scalar(m, "ceiling", 1, 1, a -> DSL.ceil(num(a.get(0))));
    scalar(m, "sqrt", 1, 1, a -> DSL.sqrt(num(a.get(0))));
    scalar(m, "power", 2, 2, a -> DSL.power(num(a.get(0)), num(a.get(1))));
    scalar(m, "pow", 2, 2, a -> DSL.power(num(a.get(0)), num(a.get(1))));
    scalar(m, "mod", 2, 2, a -> num(a.get(0)).mod(num(a.get(1))));
    scalar(m, "sign", 1, 1, a -> DSL.sign(num(a.get(0))));
    scalar(m, "exp", 1, 1, a -> DSL.exp(num(a.get(0))));
    scalar(m, "ln", 1, 1, a -> DSL.ln(num(a.get(0))));
    scalar(m, "pi", 0, 0, a -> DSL.pi());
    // null handling and comparison
    scalar(m, "coalesce", 1, Integer.MAX_VALUE,
        a -> DSL.coalesce(str(a.get(0)), a.subList(1, a.size()).toArray(new Field<?>[0])));
    scalar(m, "ifnull", 2, 2, a -> DSL.coalesce(str(a.get(0)), new Field<?>[] {a.get(1)}));
    scalar(m, "nvl", 2, 2, a -> DSL.coalesce(str(a.get(0)), new Field<?>[] {a.get(1)}));
    scalar(m, "nullif", 2, 2, a -> DSL.nullif(str(a.get(0)), str(a.get(1))));
    scalar(m, "greatest", 1, Integer.MAX_VALUE,
        a -> DSL.greatest(str(a.get(0)), a.subList(1, a.size()).toArray(new Field<?>[0])));
    scalar(m, "least", 1, Integer.MAX_VALUE,
        a -> DSL.least(str(a.get(0)), a.subList(1, a.size()).toArray(new Field<?>[0])));
    // dates (jOOQ emulates EXTRACT on SQLite with strftime)
    scalar(m, "year", 1, 1, a -> DSL.year(a.get(0)));
    scalar(m, "month", 1, 1, a -> DSL.month(a.get(0)));
    scalar(m, "day", 1, 1, a -> DSL.day(a.get(0)));
    scalar(m, "hour", 1, 1, a -> DSL.hour(a.get(0)));
    scalar(m, "minute", 1, 1, a -> DSL.minute(a.get(0)));
    scalar(m, "second", 1, 1, a -> DSL.second(a.get(0)));
    scalar(m, "current_date", 0, 0, a -> DSL.currentDate());
    scalar(m, "current_time", 0, 0, a -> DSL.currentTime());
    scalar(m, "current_timestamp", 0, 0, a -> DSL.currentTimestamp());
    scalar(m, "now", 0, 0, a -> DSL.currentTimestamp());
    // SQL keywords that take no parentheses on PostgreSQL and H2 (bare on MySQL too)
    for (String kw : List.of("localtime", "localtimestamp")) {
      m.put(kw, new Spec(kw, 0, 0, EnumSet.of(Dialect.MYSQL, Dialect.MARIADB, Dialect.POSTGRES, Dialect.H2),
          Kind.SCALAR, (ir, a) -> DSL.field(DSL.unquotedName(kw))));
    }
    // EXTRACT(part FROM x) and POSITION(sub IN s) have their own grammar; in the IR they are
    // extract('part', x) and position(sub, s)
    m.put("extract", new Spec("extract", 2, 2, ALL, Kind.SCALAR,
        (ir, a) -> DSL.extract(a.get(1), datePart(ir.get(0)))));
    m.put("position", new Spec("position", 2, 2, ALL, Kind.SCALAR,
        (ir, a) -> DSL.position(str(a.get(1)), str(a.get(0)))));
    // window-only functions; rendered by SqlCompiler because they need OVER
    window(m, "row_number", 0, 0);
    window(m, "rank", 0, 0);
    window(m, "dense_rank", 0, 0);
    window(m, "percent_rank", 0, 0);
    window(m, "cume_dist", 0, 0);
    window(m, "ntile", 1, 1);
    window(m, "lag", 1, 3);
    window(m, "lead", 1, 3);
    window(m, "first_value", 1, 1);
    window(m, "last_value", 1, 1);
    window(m, "nth_value", 2, 2);
    for (String name : m.keySet()) {
      if (!IDENTIFIER.matcher(name).matches()) {
        throw new IllegalStateException("bad function name in catalogue: " + name);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * The date part named by a string literal. Only parts that jOOQ renders as the plain {@code
   * EXTRACT(part FROM x)} (or the dialect's exact equivalent) are accepted: jOOQ normalises others,
   * such as PostgreSQL's {@code dow}, to its own numbering, which would change results.
   */
  static DatePart datePart(Expr e) {
    if (e instanceof Expr.Literal lit && lit.value() instanceof String s) {
      switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "year":
          return DatePart.YEAR;
        case "quarter":
          return DatePart.QUARTER;
        case "month":
          return DatePart.MONTH;
        case "day":
          return DatePart.DAY;
        case "hour":
          return DatePart.HOUR;
        case "minute":
          return DatePart.MINUTE;
        case "second":
          return DatePart.SECOND;
        default:
          throw new IllegalArgumentException("extract: unsupported date part '" + s
              + "'; supported: year, quarter, month, day, hour, minute, second");
      }
    }
    throw new IllegalArgumentException("extract: the first argument must be a date part name as a "
        + "string literal, e.g. 'year'");
  }

  /** A renderer that needs only the compiled arguments. */
  @FunctionalInterface
  private interface Simple {
    Field<?> render(List<Field<?>> args);
  }

  private static void scalar(Map<String, Spec> m, String name, int min, int max, Simple r) {
    m.put(name, new Spec(name, min, max, ALL, Kind.SCALAR, (ir, a) -> r.render(a)));
  }

  private static void window(Map<String, Spec> m, String name, int min, int max) {
    m.put(name, new Spec(name, min, max, ALL, Kind.WINDOW, null));
  }
}
