package io.github.nl2sql.internal.validate;

import io.github.nl2sql.Dialect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The functions the validator knows per dialect, with their argument counts and kind. Names are
 * matched case-insensitively. Internal, not API; immutable and thread-safe.
 *
 * <p>The lists aim to hold every built-in function a query for the dialect commonly uses, so that a
 * valid query is never blocked for calling a real function; an unknown name is reported with
 * suggestions from the same list.
 */
public final class FunctionRegistry {

  /** What a function is. */
  public enum Kind {
    /** An ordinary scalar function. */
    SCALAR,
    /** A function that is only valid with OVER (...). */
    WINDOW,
    /** An aggregate that the IR has no {@link io.github.nl2sql.ir.AggFunction} for (e.g. stddev). */
    AGGREGATE
  }

  /**
   * One function signature.
   *
   * @param name lower-case name
   * @param min fewest arguments
   * @param max most arguments, or -1 for no limit
   * @param kind scalar, window-only or aggregate
   */
  public record Signature(String name, int min, int max, Kind kind) {
    /** Whether {@code n} arguments are accepted. */
    public boolean accepts(int n) {
      return n >= min && (max < 0 || n <= max);
    }

    /** The accepted argument counts in words: {@code 1}, {@code 1 to 3}, {@code at least 2}. */
    public String arity() {
      if (max < 0) {
        return "at least " + min;
      }
      return min == max ? Integer.toString(min) : min + " to " + max;
    }
  }

  private static final Set<Dialect> ALL = EnumSet.allOf(Dialect.class);
  private static final Set<Dialect> SQLITE = EnumSet.of(Dialect.SQLITE);
  private static final Set<Dialect> MY = EnumSet.of(Dialect.MYSQL, Dialect.MARIADB);
  private static final Set<Dialect> PG = EnumSet.of(Dialect.POSTGRES);
  private static final Set<Dialect> H2 = EnumSet.of(Dialect.H2);
  private static final Set<Dialect> PG_H2 = EnumSet.of(Dialect.POSTGRES, Dialect.H2);
  private static final Set<Dialect> NOT_SQLITE =
      EnumSet.of(Dialect.MYSQL, Dialect.MARIADB, Dialect.POSTGRES, Dialect.H2);

  private static final Map<Dialect, FunctionRegistry> BY_DIALECT = new EnumMap<>(Dialect.class);

  static {
    Map<Dialect, Map<String, Signature>> maps = new EnumMap<>(Dialect.class);
    for (Dialect d : Dialect.values()) {
      maps.put(d, new LinkedHashMap<>());
    }
    Builder b = new Builder(maps);
    // ---- window-only
    b.window(ALL, 0, 0, "row_number", "rank", "dense_rank", "percent_rank", "cume_dist");
    b.window(ALL, 1, 1, "ntile", "first_value", "last_value");
    b.window(ALL, 1, 3, "lag", "lead");
    b.window(ALL, 2, 2, "nth_value");
    // ---- aggregates without an AggFunction
    b.aggregate(SQLITE, 1, 1, "total");
    b.aggregate(NOT_SQLITE, 1, 1, "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop",
        "var_samp", "bit_and", "bit_or");
    b.aggregate(PG_H2, 1, 1, "bool_and", "bool_or", "every", "array_agg");
    b.aggregate(PG_H2, 2, 2, "string_agg");
    b.aggregate(EnumSet.of(Dialect.H2, Dialect.MARIADB), 1, 1, "median");
    b.aggregate(MY, 1, 1, "std", "bit_xor", "json_arrayagg");
    b.aggregate(H2, 1, 2, "listagg");
    // ---- common scalar
    b.scalar(ALL, 1, 1, "abs", "lower", "upper", "length", "sign", "hex", "ceil", "ceiling",
        "floor", "sqrt", "exp", "ln", "log10", "radians", "degrees", "sin", "cos", "tan", "asin",
        "acos", "atan");
    b.scalar(ALL, 1, 2, "round", "trim", "ltrim", "rtrim", "log");
    b.scalar(ALL, 1, -1, "coalesce");
    b.scalar(ALL, 2, 2, "nullif", "power", "mod", "atan2");
    b.scalar(ALL, 3, 3, "replace");
    b.scalar(ALL, 2, 3, "substr", "substring");
    b.scalar(ALL, 0, 0, "current_date", "current_time", "current_timestamp", "pi");
    // ---- SQLite
    b.scalar(SQLITE, 1, -1, "strftime", "printf", "format", "char");
    b.scalar(SQLITE, 0, -1, "date", "datetime", "julianday", "time", "unixepoch");
    b.scalar(SQLITE, 2, -1, "max", "min");
    b.scalar(SQLITE, 1, 1, "typeof", "quote", "unicode", "randomblob", "zeroblob", "soundex",
        "likely", "unlikely", "trunc", "octet_length", "ceil", "acosh", "asinh", "atanh", "cosh",
        "sinh", "tanh", "log2");
    b.scalar(SQLITE, 2, 2, "ifnull", "glob", "instr", "likelihood", "pow");
    b.scalar(SQLITE, 2, 3, "like");
    b.scalar(SQLITE, 2, -1, "iif", "if");
    b.scalar(SQLITE, 1, 1, "json", "jsonb", "json_valid", "json_quote", "subtype", "unhex");
    b.scalar(SQLITE, 1, 2, "json_array_length", "json_type", "json_pretty");
    b.scalar(SQLITE, 2, -1, "json_extract", "jsonb_extract", "json_remove", "json_insert",
        "json_replace", "json_set", "json_patch");
    b.scalar(SQLITE, 0, -1, "json_array", "json_object", "jsonb_array", "jsonb_object");
    b.scalar(SQLITE, 2, 2, "timediff");
    b.aggregate(SQLITE, 1, 1, "json_group_array", "jsonb_group_array");
    b.aggregate(SQLITE, 2, 2, "json_group_object", "jsonb_group_object", "string_agg");
    b.scalar(SQLITE, 0, 0, "random", "changes", "total_changes", "last_insert_rowid",
        "sqlite_version");
    b.scalar(SQLITE, 2, -1, "concat_ws");
    b.scalar(SQLITE, 1, -1, "concat");
    // ---- MySQL / MariaDB
    b.scalar(MY, 0, 0, "now", "curdate", "curtime", "sysdate", "utc_timestamp", "utc_date",
        "rand", "uuid", "database", "version", "localtime", "localtimestamp");
    b.scalar(MY, 2, 2, "ifnull", "datediff", "date_format", "str_to_date", "instr", "pow",
        "format", "find_in_set", "strcmp", "date_add", "date_sub", "adddate", "subdate",
        "addtime", "subtime", "timediff", "period_diff", "truncate");
    b.scalar(MY, 3, 3, "timestampdiff", "timestampadd", "if");
    b.scalar(MY, 1, 1, "date", "time", "year", "month", "day", "dayofmonth", "dayofweek",
        "dayofyear", "dayname", "monthname", "weekday", "quarter", "hour", "minute", "second",
        "last_day", "to_days", "from_days", "reverse", "char_length",
        "character_length", "octet_length", "bit_length", "ascii", "ord", "md5", "sha1",
        "soundex", "space", "ucase", "lcase", "unhex", "bin", "oct", "cot", "crc32", "isnull",
        "inet_aton", "inet_ntoa", "microsecond", "sec_to_time", "time_to_sec",
        "to_seconds");
    b.scalar(MY, 1, 2, "week", "yearweek", "from_unixtime");
    b.scalar(MY, 0, 1, "unix_timestamp");
    b.scalar(MY, 2, 2, "left", "right", "repeat", "makedate", "sha2");
    b.scalar(MY, 2, 3, "locate", "lpad", "rpad");
    b.scalar(MY, 3, 3, "mid", "substring_index", "conv", "maketime");
    b.scalar(MY, 2, -1, "greatest", "least", "concat_ws", "field", "elt");
    b.scalar(MY, 1, -1, "concat", "char");
    b.scalar(MY, 2, 2);
    b.scalar(MY, 2, 3, "regexp_like");
    b.scalar(MY, 2, -1, "regexp_substr", "regexp_instr", "regexp_replace");
    b.scalar(MY, 1, -1);
    b.scalar(MY, 0, -1, "json_object", "json_array");
    b.scalar(MY, 2, -1, "json_extract");
    b.scalar(MY, 1, 1, "json_unquote");
    // ---- PostgreSQL
    b.scalar(PG, 0, 0, "now", "random", "localtime", "localtimestamp", "clock_timestamp",
        "statement_timestamp", "transaction_timestamp", "timeofday", "version", "gen_random_uuid");
    b.scalar(PG, 2, 2, "date_part", "date_trunc", "to_char", "to_date", "to_number", "strpos",
        "left", "right", "repeat", "div", "starts_with");
    b.scalar(PG, 1, 2, "to_timestamp", "age", "trunc", "btrim");
    b.scalar(PG, 3, 3, "split_part", "translate");
    b.scalar(PG, 2, 3, "lpad", "rpad");
    b.scalar(PG, 1, 1, "reverse", "char_length", "character_length", "octet_length",
        "bit_length", "ascii", "chr", "md5", "initcap", "cbrt", "cot", "quote_ident",
        "quote_literal", "quote_nullable", "isfinite", "justify_days", "justify_hours",
        "justify_interval", "cardinality", "to_hex");
    b.scalar(PG, 2, -1);
    b.scalar(PG, 1, -1, "greatest", "least", "concat", "format");
    b.scalar(PG, 2, -1, "concat_ws");
    b.scalar(PG, 2, 4, "regexp_replace");
    b.scalar(PG, 2, 3, "regexp_matches", "regexp_match");
    b.scalar(PG, 2, 2, "extract", "position");
    b.scalar(PG, 3, 4);
    b.scalar(PG, 3, 3, "make_date");
    b.scalar(PG, 4, 4, "width_bucket");
    b.scalar(PG, 0, -1, "json_build_object", "jsonb_build_object", "json_build_array",
        "jsonb_build_array");
    b.aggregate(PG, 1, 1, "json_agg", "jsonb_agg");
    b.aggregate(PG, 2, 2, "corr", "covar_pop", "covar_samp", "json_object_agg", "jsonb_object_agg");
    // ---- H2
    b.scalar(H2, 0, 0, "now", "rand", "random", "curdate", "curtime", "localtime",
        "localtimestamp", "random_uuid", "sysdate");
    b.scalar(H2, 0, 1);
    b.scalar(H2, 2, 2, "ifnull", "left", "right", "repeat", "instr", "formatdatetime", "parsedatetime", "to_char", "bitand", "bitor",
        "bitxor", "extract", "position", "date_trunc", "to_date", "to_timestamp");
    b.scalar(H2, 2, 3, "locate", "lpad", "rpad");
    b.scalar(H2, 3, 3, "datediff", "dateadd", "timestampdiff", "timestampadd", "nvl2",
        "casewhen", "translate", "regexp_replace");
    b.scalar(H2, 1, 1, "year", "month", "day", "day_of_month", "day_of_week",
        "day_of_year", "dayname", "monthname", "quarter", "hour", "minute", "second", "week",
        "iso_week", "iso_year", "reverse", "char_length", "character_length", "octet_length",
        "bit_length", "ascii", "char", "chr", "soundex", "space", "ucase", "lcase", "cot", "trunc", "truncate", "initcap");
    b.scalar(H2, 2, -1, "greatest", "least", "concat_ws");
    b.scalar(H2, 1, -1, "concat");
    b.scalar(H2, 2, -1, "nvl");
    b.scalar(H2, 2, 3, "regexp_like");
    b.scalar(H2, 2, -1, "regexp_substr", "decode");
    for (Dialect d : Dialect.values()) {
      Map<String, Signature> m = maps.get(d);
      BY_DIALECT.put(d, new FunctionRegistry(d, Collections.unmodifiableMap(m)));
    }
  }

  private static final class Builder {
    private final Map<Dialect, Map<String, Signature>> maps;

    Builder(Map<Dialect, Map<String, Signature>> maps) {
      this.maps = maps;
    }

    void scalar(Set<Dialect> in, int min, int max, String... names) {
      add(in, min, max, Kind.SCALAR, names);
    }

    void window(Set<Dialect> in, int min, int max, String... names) {
      add(in, min, max, Kind.WINDOW, names);
    }

    void aggregate(Set<Dialect> in, int min, int max, String... names) {
      add(in, min, max, Kind.AGGREGATE, names);
    }

    private void add(Set<Dialect> in, int min, int max, Kind kind, String... names) {
      for (Dialect d : in) {
        for (String n : names) {
          maps.get(d).put(n, new Signature(n, min, max, kind));
        }
      }
    }
  }

  private final Dialect dialect;
  private final Map<String, Signature> functions;

  private FunctionRegistry(Dialect dialect, Map<String, Signature> functions) {
    this.dialect = dialect;
    this.functions = functions;
  }

  /**
   * The registry of {@code dialect}.
   *
   * @throws NullPointerException when {@code dialect} is null
   */
  public static FunctionRegistry of(Dialect dialect) {
    FunctionRegistry r = BY_DIALECT.get(java.util.Objects.requireNonNull(dialect, "dialect"));
    return r;
  }

  /** The dialect this registry describes. */
  public Dialect dialect() {
    return dialect;
  }

  /** The signature of {@code name} (case-insensitive), if the dialect has such a function. */
  public Optional<Signature> lookup(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(functions.get(name.toLowerCase(Locale.ROOT)));
  }

  /** All known function names of the dialect, lower-case, in a stable order. */
  public List<String> names() {
    return new ArrayList<>(functions.keySet());
  }
}
