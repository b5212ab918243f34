package io.github.nl2sql.internal.compile;

import io.github.nl2sql.Dialect;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The closed catalogue of scalar and window function names the compiler renders. A name outside it is
 * never rendered, so no text from the IR reaches SQL as a function name unless it is listed here.
 *
 * <p>Most entries map to a jOOQ built-in so that jOOQ translates the call per dialect (for example
 * {@code length} becomes {@code char_length} where that is the character count); a few are dialect-only
 * pass-throughs (SQLite's {@code strftime}, {@code date}, ...) rendered with {@link
 * DSL#function(org.jooq.Name, Class, Field[])} on an unquoted, validated name. Immutable and thread-safe.
 */
final class Functions {

  /** Plain SQL identifier: what a function name must look like before it is even looked up. */
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** How one known function is compiled once its arguments are jOOQ fields. */
  @FunctionalInterface
  interface Renderer {
    Field<?> render(List<Field<?>> args);
  }

  /**
   * One catalogue entry.
   *
   * @param name lower-case name as written in the IR
   * @param minArgs fewest arguments
   * @param maxArgs most arguments ({@code Integer.MAX_VALUE} for variadic)
   * @param dialects dialects that have it
   * @param window whether it is a window-only function (needs OVER)
   * @param intArgs positions of arguments that must be integers (bound as {@link Integer})
   * @param renderer builds the jOOQ field for scalar functions; {@code null} for window functions
   */
  record Spec(String name, int minArgs, int maxArgs, Set<Dialect> dialects, boolean window,
      Set<Integer> intArgs, Renderer renderer) {}

  private static final Set<Dialect> ALL = Collections.unmodifiableSet(EnumSet.allOf(Dialect.class));
  private static final Map<String, Spec> SPECS = build();

  private Functions() {}

  /** The entry for {@code name} (any case), or {@code null} if the name is not in the catalogue. */
  static Spec lookup(String name) {
    return SPECS.get(name.toLowerCase(Locale.ROOT));
  }

  /** Names available on {@code dialect}, sorted; {@code window} selects window-only or scalar ones. */
  static Set<String> names(Dialect dialect, boolean window) {
    Set<String> out = new TreeSet<>();
    for (Spec s : SPECS.values()) {
      if (s.window() == window && s.dialects().contains(dialect)) {
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
    scalar(m, "length", 1, 1, a -> DSL.length(str(a.get(0))));
    scalar(m, "char_length", 1, 1, a -> DSL.charLength(str(a.get(0))));
    scalar(m, "character_length", 1, 1, a -> DSL.charLength(str(a.get(0))));
    scalar(m, "trim", 1, 1, a -> DSL.trim(str(a.get(0))));
    scalar(m, "ltrim", 1, 1, a -> DSL.ltrim(str(a.get(0))));
    scalar(m, "rtrim", 1, 1, a -> DSL.rtrim(str(a.get(0))));
    scalar(m, "replace", 3, 3, a -> DSL.replace(str(a.get(0)), str(a.get(1)), str(a.get(2))));
    scalar(m, "concat", 1, Integer.MAX_VALUE, a -> DSL.concat(a.toArray(new Field<?>[0])));
    scalar(m, "instr", 2, 2, a -> DSL.position(str(a.get(0)), str(a.get(1))));
    Renderer substring = a -> a.size() == 2
        ? DSL.substring(str(a.get(0)), num(a.get(1)))
        : DSL.substring(str(a.get(0)), num(a.get(1)), num(a.get(2)));
    m.put("substr", new Spec("substr", 2, 3, ALL, false, Set.of(1, 2), substring));
    m.put("substring", new Spec("substring", 2, 3, ALL, false, Set.of(1, 2), substring));
    m.put("left", new Spec("left", 2, 2, ALL, false, Set.of(1),
        a -> DSL.left(str(a.get(0)), num(a.get(1)))));
    m.put("right", new Spec("right", 2, 2, ALL, false, Set.of(1),
        a -> DSL.right(str(a.get(0)), num(a.get(1)))));
    // numbers
    scalar(m, "abs", 1, 1, a -> DSL.abs(num(a.get(0))));
    m.put("round", new Spec("round", 1, 2, ALL, false, Set.of(1), a -> a.size() == 1
        ? DSL.round(num(a.get(0)))
        : DSL.round(num(a.get(0)), integer(a.get(1)))));
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
    // null handling and comparison
    scalar(m, "coalesce", 2, Integer.MAX_VALUE,
        a -> DSL.coalesce(str(a.get(0)), a.subList(1, a.size()).toArray(new Field<?>[0])));
    scalar(m, "ifnull", 2, 2, a -> DSL.coalesce(str(a.get(0)), new Field<?>[] {a.get(1)}));
    scalar(m, "nvl", 2, 2, a -> DSL.coalesce(str(a.get(0)), new Field<?>[] {a.get(1)}));
    scalar(m, "nullif", 2, 2, a -> DSL.nullif(str(a.get(0)), str(a.get(1))));
    scalar(m, "greatest", 2, Integer.MAX_VALUE,
        a -> DSL.greatest(str(a.get(0)), a.subList(1, a.size()).toArray(new Field<?>[0])));
    scalar(m, "least", 2, Integer.MAX_VALUE,
        a -> DSL.least(str(a.get(0)), a.subList(1, a.size()).toArray(new Field<?>[0])));
    // dates (jOOQ emulates EXTRACT on SQLite with strftime)
    scalar(m, "year", 1, 1, a -> DSL.year(a.get(0)));
    scalar(m, "month", 1, 1, a -> DSL.month(a.get(0)));
    scalar(m, "day", 1, 1, a -> DSL.day(a.get(0)));
    scalar(m, "hour", 1, 1, a -> DSL.hour(a.get(0)));
    scalar(m, "minute", 1, 1, a -> DSL.minute(a.get(0)));
    scalar(m, "second", 1, 1, a -> DSL.second(a.get(0)));
    scalar(m, "current_date", 0, 0, a -> DSL.currentDate());
    scalar(m, "current_timestamp", 0, 0, a -> DSL.currentTimestamp());
    scalar(m, "now", 0, 0, a -> DSL.currentTimestamp());
    // SQLite-only pass-throughs: validated lower-case identifiers, rendered unquoted
    for (String n : List.of("strftime", "date", "datetime", "julianday")) {
      m.put(n, new Spec(n, 1, Integer.MAX_VALUE, EnumSet.of(Dialect.SQLITE), false, Set.of(),
          a -> DSL.function(DSL.unquotedName(n), Object.class, a.toArray(new Field<?>[0]))));
    }
    // window-only functions; rendered by SqlCompiler because they need OVER
    window(m, "row_number", 0, 0, Set.of());
    window(m, "rank", 0, 0, Set.of());
    window(m, "dense_rank", 0, 0, Set.of());
    window(m, "percent_rank", 0, 0, Set.of());
    window(m, "cume_dist", 0, 0, Set.of());
    window(m, "ntile", 1, 1, Set.of(0));
    window(m, "lag", 1, 3, Set.of(1));
    window(m, "lead", 1, 3, Set.of(1));
    window(m, "first_value", 1, 1, Set.of());
    window(m, "last_value", 1, 1, Set.of());
    window(m, "nth_value", 2, 2, Set.of(1));
    for (String name : m.keySet()) {
      if (!IDENTIFIER.matcher(name).matches()) {
        throw new IllegalStateException("bad function name in catalogue: " + name);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  private static void scalar(Map<String, Spec> m, String name, int min, int max, Renderer r) {
    m.put(name, new Spec(name, min, max, ALL, false, Set.of(), r));
  }

  private static void window(Map<String, Spec> m, String name, int min, int max, Set<Integer> intArgs) {
    m.put(name, new Spec(name, min, max, ALL, true, intArgs, null));
  }
}
