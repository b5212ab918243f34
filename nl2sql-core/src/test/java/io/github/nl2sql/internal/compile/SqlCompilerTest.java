package io.github.nl2sql.internal.compile;

import static io.github.nl2sql.internal.compile.Ir.agg;
import static io.github.nl2sql.internal.compile.Ir.col;
import static io.github.nl2sql.internal.compile.Ir.eq;
import static io.github.nl2sql.internal.compile.Ir.fn;
import static io.github.nl2sql.internal.compile.Ir.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.ir.AggFunction;
import io.github.nl2sql.ir.BoundType;
import io.github.nl2sql.ir.CmpOp;
import io.github.nl2sql.ir.Cte;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.FrameUnit;
import io.github.nl2sql.ir.OrderItem;
import io.github.nl2sql.ir.Quantifier;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.SetOperator;
import io.github.nl2sql.ir.SortOrder;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.ir.TableRef;
import io.github.nl2sql.ir.WindowSpec;
import io.github.nl2sql.ir.With;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Golden SQL per dialect and the compiler's rules (binds, limits, rejected input). */
class SqlCompilerTest {

  private static CompiledQuery compile(Dialect d, Statement st) {
    return new SqlCompiler(d).compile(st, 0);
  }

  private static Query.Select joinWhereOrder() {
    return Query.Select.builder()
        .select(col("p", "name")).select(col("b", "name"), "brand")
        .from(Ir.join(io.github.nl2sql.ir.JoinType.INNER, Ir.table("products", "p"), Ir.table("brands", "b"),
            eq(col("p", "brand_id"), col("b", "id"))))
        .where(new Expr.Comparison(CmpOp.GT, col("p", "price"), lit(10)))
        .orderBy(col("brand"), SortOrder.ASC).limit(5).build();
  }

  @Test
  void joinWhereOrder_goldenSqlPerDialect() {
    assertThat(compile(Dialect.MYSQL, joinWhereOrder()).sql()).isEqualTo(
        "select `p`.`name`, `b`.`name` as `brand` from `products` as `p` join `brands` as `b` on "
            + "`p`.`brand_id` = `b`.`id` where `p`.`price` > ? order by `brand` asc limit ?");
    assertThat(compile(Dialect.MARIADB, joinWhereOrder()).sql()).isEqualTo(
        "select `p`.`name`, `b`.`name` as `brand` from `products` as `p` join `brands` as `b` on "
            + "`p`.`brand_id` = `b`.`id` where `p`.`price` > ? order by `brand` asc fetch next ? rows only");
    assertThat(compile(Dialect.POSTGRES, joinWhereOrder()).sql()).isEqualTo(
        "select \"p\".\"name\", \"b\".\"name\" as \"brand\" from \"products\" as \"p\" join \"brands\" as \"b\" on "
            + "\"p\".\"brand_id\" = \"b\".\"id\" where \"p\".\"price\" > ? order by \"brand\" asc fetch next ? rows only");
    assertThat(compile(Dialect.SQLITE, joinWhereOrder()).sql()).isEqualTo(
        "select p.name, b.name as brand from products as p join brands as b on p.brand_id = b.id "
            + "where p.price > ? order by brand asc limit ?");
    assertThat(compile(Dialect.H2, joinWhereOrder()).sql()).isEqualTo(
        "select \"p\".\"name\", \"b\".\"name\" \"brand\" from \"products\" \"p\" join \"brands\" \"b\" on "
            + "\"p\".\"brand_id\" = \"b\".\"id\" where \"p\".\"price\" > cast(? as bigint) order by \"brand\" asc "
            + "fetch next ? rows only");
    for (Dialect d : Dialect.values()) {
      assertThat(compile(d, joinWhereOrder()).parameters()).containsExactly(10L, 5L);
    }
  }

  @Test
  void oddIdentifiers_areQuotedAndKeepTheirCase() {
    Query.Select q = Query.Select.builder().select(col("T x", "My Col"), "Select")
        .from(Ir.table("Odd Table", "T x")).build();
    assertThat(compile(Dialect.POSTGRES, q).sql())
        .isEqualTo("select \"T x\".\"My Col\" as \"Select\" from \"Odd Table\" as \"T x\"");
    assertThat(compile(Dialect.MARIADB, q).sql())
        .isEqualTo("select `T x`.`My Col` as `Select` from `Odd Table` as `T x`");
    assertThat(compile(Dialect.SQLITE, q).sql())
        .isEqualTo("select \"T x\".\"My Col\" as \"Select\" from \"Odd Table\" as \"T x\"");
  }

  @Test
  void identifierWithQuoteCharacters_isEscapedNotBroken() {
    Query.Select q = Query.Select.builder().select(col("a\"b`c")).from(Ir.table("t")).build();
    assertThat(compile(Dialect.POSTGRES, q).sql()).isEqualTo("select \"a\"\"b`c\" from \"t\"");
    assertThat(compile(Dialect.MYSQL, q).sql()).isEqualTo("select `a\"b``c` from `t`");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void injectionString_isBoundNotRendered(Dialect d) {
    String evil = "x'); DROP TABLE t; --";
    CompiledQuery q = compile(d, Query.Select.builder().select(col("a")).from(Ir.table("t"))
        .where(eq(col("a"), lit(evil))).build());
    assertThat(q.sql()).doesNotContain("DROP").doesNotContain("x'").contains("?");
    assertThat(q.parameters()).containsExactly(evil);
  }

  /** Every literal of every case is a parameter, and no string literal shows up in the SQL text. */
  @ParameterizedTest
  @EnumSource(Dialect.class)
  void allCases_literalsAreParametersOnly(Dialect d) {
    for (Cases.Case c : Cases.all()) {
      if (c.skip().contains(d) || c.name().startsWith("extract")) {
        continue; // (extract's date part is a keyword, not a value)
      }
      Statement st = c.ir().apply(n -> n);
      CompiledQuery q = new SqlCompiler(d).compile(st, 0);
      List<Object> literals = new ArrayList<>();
      collectLiterals(io.github.nl2sql.internal.json.Json.toJson(st), literals);
      assertThat(Placeholders.count(q.sql())).as(c.name()).isEqualTo(q.parameters().size());
      for (Object lit : literals) {
        if (lit instanceof String s && s.length() > 1) {
          assertThat(q.sql()).as(c.name() + " on " + d).doesNotContain(s);
        }
      }
      List<String> params = q.parameters().stream().map(p -> p == null ? "null" : p.toString()).toList();
      List<String> lits = literals.stream().map(p -> p == null ? "null" : p.toString()).toList();
      if (!(d == Dialect.H2 && c.name().equals("group_by_ordinal_count_distinct_avg"))) {
        assertThat(params).as(c.name() + " on " + d).containsAll(lits);
      }
    }
  }

  /** Collects the values of all {"kind":"literal"} nodes from the IR's JSON. */
  private static void collectLiterals(String json, List<Object> out) {
    try {
      collect(io.github.nl2sql.internal.json.Json.mapper().readTree(json), out);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void collect(com.fasterxml.jackson.databind.JsonNode n, List<Object> out) {
    if (n.isObject() && "literal".equals(n.path("kind").asText())) {
      com.fasterxml.jackson.databind.JsonNode v = n.get("value");
      out.add(v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.isBoolean() ? v.asBoolean()
          : v.decimalValue().stripTrailingZeros().toPlainString());
      return;
    }
    n.forEach(child -> collect(child, out));
  }

  @Test
  void defaultLimit_appliesToOuterQueryOnly() {
    Query.Select sub = Query.Select.builder().select(col("id")).from(Ir.table("o")).build();
    Query.Select q = Query.Select.builder()
        .with(new With(false, List.of(new Cte("c", List.of(), sub))))
        .select(col("id")).from(Ir.table("c"))
        .where(new Expr.InQuery(col("id"), sub, false))
        .from(new TableRef.Derived(sub, null, List.of())).build();
    CompiledQuery cq = new SqlCompiler(Dialect.SQLITE).compile(q, 77);
    assertThat(cq.sql()).isEqualTo("with c as (select id from o) select id from c, (select id from o) as "
        + "\"_d1\" where id in (select id from o) limit ?");
    assertThat(cq.parameters()).containsExactly(77L);
    assertThat(((Query) cq.statement()).limit()).isEqualTo(77L);
    assertThat(new SqlCompiler(Dialect.SQLITE).compile(q.withLimit(3L), 77).parameters()).containsExactly(3L);
    assertThat(new SqlCompiler(Dialect.SQLITE).compile(q, 0).sql()).doesNotContain("limit");
  }

  @Test
  void defaultLimit_isNotAddedToWrites() {
    CompiledQuery cq = new SqlCompiler(Dialect.POSTGRES).compile(
        new Statement.Delete(TableRef.Table.of("t"), eq(col("a"), lit(1))), 100);
    assertThat(cq.sql()).isEqualTo("delete from \"t\" where \"a\" = ?");
    assertThat(cq.parameters()).containsExactly(1L);
    assertThat(cq.isRead()).isFalse();
  }

  @Test
  void negativeDefaultLimit_isRejected() {
    assertThatThrownBy(() -> new SqlCompiler(Dialect.H2).compile(joinWhereOrder(), -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultLimit");
  }

  @Test
  void dml_goldenPostgres() {
    var t = TableRef.Table.of("orders");
    assertThat(compile(Dialect.POSTGRES, new Statement.Insert(t, List.of("id", "qty"),
        List.of(List.of(lit(1), lit(2)), List.of(lit(3), lit(null))), null)).sql())
        .isEqualTo("insert into \"orders\" (\"id\", \"qty\") values (?, ?), (?, ?)");
    assertThat(compile(Dialect.POSTGRES, new Statement.Insert(t, List.of(), null,
        Query.Select.builder().select(Expr.Star.all()).from(Ir.table("old")).build())).sql())
        .isEqualTo("insert into \"orders\" select * from \"old\"");
    CompiledQuery up = compile(Dialect.POSTGRES, new Statement.Update(TableRef.Table.of("orders", "o"),
        List.of(new Statement.Assignment("qty", lit(5)), new Statement.Assignment("note", lit("x"))),
        eq(col("o", "id"), lit(9))));
    assertThat(up.sql()).isEqualTo("update \"orders\" as \"o\" set \"qty\" = ?, \"note\" = ? where \"o\".\"id\" = ?");
    assertThat(up.parameters()).containsExactly(5L, "x", 9L);
  }

  @Test
  void windowFrames_allUnitsAndBounds() {
    Expr w1 = new Expr.Window(agg(AggFunction.SUM, col("x")), new WindowSpec(List.of(col("g")),
        List.of(OrderItem.asc(col("x"))), new WindowSpec.Frame(FrameUnit.RANGE,
            new WindowSpec.Bound(BoundType.PRECEDING, 2L), new WindowSpec.Bound(BoundType.FOLLOWING, 1L))));
    Expr w2 = new Expr.Window(agg(AggFunction.COUNT, col("x")), new WindowSpec(List.of(),
        List.of(OrderItem.desc(col("x"))), new WindowSpec.Frame(FrameUnit.GROUPS,
            new WindowSpec.Bound(BoundType.CURRENT_ROW, null),
            new WindowSpec.Bound(BoundType.UNBOUNDED_FOLLOWING, null))));
    Expr w3 = new Expr.Window(fn("first_value", col("x")), new WindowSpec(List.of(), List.of(),
        new WindowSpec.Frame(FrameUnit.ROWS, new WindowSpec.Bound(BoundType.UNBOUNDED_PRECEDING, null), null)));
    Expr w4 = new Expr.Window(fn("ntile", lit(4)), new WindowSpec(null, null, null));
    CompiledQuery q = compile(Dialect.POSTGRES, Query.Select.builder().select(w1).select(w2).select(w3)
        .select(w4).from(Ir.table("t")).build());
    assertThat(q.sql()).isEqualTo("select sum(\"x\") over (partition by \"g\" order by \"x\" asc range between "
        + "2 preceding and 1 following), count(\"x\") over (order by \"x\" desc groups between current row and "
        + "unbounded following), first_value(\"x\") over (rows unbounded preceding), ntile(?) over () from \"t\"");
    assertThat(q.parameters()).containsExactly(4);
  }

  @Test
  void groupConcat_separatorIsBoundWhereTheGrammarAllows() {
    Query.Select q = Query.Select.builder()
        .select(new Expr.Aggregate(AggFunction.GROUP_CONCAT, false, col("n"), "'; "))
        .select(new Expr.Aggregate(AggFunction.GROUP_CONCAT, true, col("n"), null)).from(Ir.table("t")).build();
    assertThat(compile(Dialect.POSTGRES, q).sql()).isEqualTo("select string_agg(cast(\"n\" as varchar), ?), "
        + "string_agg(distinct cast(\"n\" as varchar), ',') from \"t\"");
    assertThat(compile(Dialect.POSTGRES, q).parameters()).containsExactly("'; ");
    assertThat(compile(Dialect.SQLITE, q).sql())
        .isEqualTo("select group_concat(n, ?), group_concat(distinct n) from t");
    // MySQL's SEPARATOR takes only a literal: rendered inline with the quote escaped
    assertThat(compile(Dialect.MYSQL, q).sql()).isEqualTo("select group_concat(`n` separator '''; '), "
        + "group_concat(distinct `n` separator ',') from `t`");
  }

  @Test
  void sqlite_setOperationOperandsWithLimitAreWrappedNotParenthesised() {
    Query.Select a = Query.Select.builder().select(col("x")).from(Ir.table("a")).orderBy(col("x"), SortOrder.ASC)
        .limit(1).build();
    Query.Select b = Query.Select.builder().select(col("x")).from(Ir.table("b")).build();
    CompiledQuery q = compile(Dialect.SQLITE, new Query.SetOperation(null, SetOperator.EXCEPT, false, a, b,
        List.of(OrderItem.desc(col("a", "x"))), null, null));
    assertThat(q.sql()).isEqualTo("select * from (select x from a order by x asc limit ?) x except "
        + "select * from (select x from b) x order by x desc");
  }

  @Test
  void setOperationOrderBy_dropsQualifiersAndKeepsOrdinals() {
    Query.Select a = Query.Select.builder().select(col("t", "x")).from(Ir.table("t")).build();
    CompiledQuery q = compile(Dialect.POSTGRES, new Query.SetOperation(null, SetOperator.UNION, true, a, a,
        List.of(OrderItem.desc(col("t", "x")), OrderItem.asc(new Expr.Ordinal(1))), 10L, 5L));
    assertThat(q.sql()).isEqualTo("select \"t\".\"x\" from \"t\" union all select \"t\".\"x\" from \"t\" "
        + "order by \"x\" desc, 1 asc offset ? rows fetch next ? rows only");
    assertThat(q.parameters()).containsExactly(5L, 10L);
  }

  @Test
  void qualifiedStar_distinct_crossJoin() {
    CompiledQuery q = compile(Dialect.POSTGRES, new Query.Select(null, true,
        List.of(new io.github.nl2sql.ir.SelectItem(new Expr.Star("b"), null)),
        List.of(new TableRef.Join(io.github.nl2sql.ir.JoinType.CROSS, Ir.table("a"), Ir.table("b"), null, null)),
        null, null, null, null, null, null));
    assertThat(q.sql()).isEqualTo("select distinct \"b\".* from \"a\" cross join \"b\"");
  }

  @Test
  void unknownFunction_isRejectedWithTheName() {
    assertThatThrownBy(() -> compile(Dialect.POSTGRES, selectOf(fn("pg_sleep", lit(10)))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown function pg_sleep");
    assertThatThrownBy(() -> compile(Dialect.POSTGRES, selectOf(fn("strftime", lit("%Y"), col("d")))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown function strftime");
    assertThat(compile(Dialect.SQLITE, selectOf(fn("strftime", lit("%Y"), col("d")))).sql())
        .isEqualTo("select strftime(?, d) from t");
    assertThatThrownBy(() -> compile(Dialect.SQLITE, selectOf(fn("lower(x); drop table t; --"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a plain identifier");
    assertThatThrownBy(() -> compile(Dialect.SQLITE, selectOf(fn("lower"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 1 arguments, got 0");
    assertThatThrownBy(() -> compile(Dialect.SQLITE, selectOf(fn("row_number"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an OVER clause");
    assertThatThrownBy(() -> compile(Dialect.SQLITE, selectOf(new Expr.Window(fn("lower", col("a")),
        new WindowSpec(null, null, null))))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a window function");
  }

  @Test
  void registryFunctions_renderAsWrittenIncludingAggregatesUnderOver() {
    Expr stddev = fn("stddev", col("x"));
    assertThat(compile(Dialect.POSTGRES, Query.Select.builder().select(stddev)
        .select(new Expr.Window(stddev, new WindowSpec(List.of(col("g")), null, null)))
        .select(fn("to_char", col("d"), lit("YYYY"))).select(fn("lpad", col("s"), lit(5), lit("0")))
        .from(Ir.table("t")).build()).sql())
        .isEqualTo("select stddev(\"x\"), stddev(\"x\") over (partition by \"g\"), to_char(\"d\", ?), "
            + "lpad(\"s\", ?, ?) from \"t\"");
    assertThat(compile(Dialect.SQLITE, selectOf(fn("total", col("x")))).sql()).isEqualTo("select total(x) from t");
    assertThat(compile(Dialect.SQLITE, selectOf(fn("iif", col("a"), lit(1), lit(2)))).sql())
        .isEqualTo("select iif(a, ?, ?) from t");
    // MySQL's length is the byte length and concat keeps its NULL handling: not translated
    assertThat(compile(Dialect.MYSQL, selectOf(fn("length", col("a")))).sql()).isEqualTo("select length(`a`) from `t`");
    assertThat(compile(Dialect.POSTGRES, selectOf(fn("concat", col("a"), lit("b")))).sql())
        .isEqualTo("select concat(\"a\", ?) from \"t\"");
    assertThat(compile(Dialect.POSTGRES, selectOf(fn("localtimestamp"))).sql())
        .isEqualTo("select localtimestamp from \"t\"");
    assertThat(compile(Dialect.POSTGRES, selectOf(fn("extract", lit("year"), col("d")))).sql())
        .isEqualTo("select extract(year from \"d\") from \"t\"");
    assertThat(compile(Dialect.SQLITE, selectOf(fn("instr", col("a"), lit("x")))).sql())
        .isEqualTo("select instr(a, ?) from t");
    // jOOQ would renumber PostgreSQL's dow: refused rather than changed
    assertThatThrownBy(() -> compile(Dialect.POSTGRES, selectOf(fn("extract", lit("dow"), col("d")))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported date part 'dow'");
    assertThatThrownBy(() -> compile(Dialect.POSTGRES, selectOf(fn("extract", col("p"), col("d")))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("date part");
  }

  @Test
  void everyFunctionTheValidatorKnows_compiles() {
    for (Dialect d : Dialect.values()) {
      var registry = io.github.nl2sql.internal.validate.FunctionRegistry.of(d);
      for (String name : registry.names()) {
        var sig = registry.lookup(name).orElseThrow();
        List<Expr> args = new ArrayList<>();
        args.add(name.equals("extract") ? lit("year") : col("a"));
        while (args.size() < sig.min()) {
          args.add(lit(1));
        }
        Expr f = new Expr.Function(name, sig.min() == 0 ? List.of() : args);
        if (sig.kind() != io.github.nl2sql.internal.validate.FunctionRegistry.Kind.SCALAR) {
          f = new Expr.Window(f, new WindowSpec(null, List.of(OrderItem.asc(col("a"))), null));
        }
        assertThat(compile(d, selectOf(f)).sql()).as(d + " " + name).contains("select ");
      }
    }
  }

  @Test
  void functionNamesAreCaseInsensitive() {
    assertThat(compile(Dialect.POSTGRES, selectOf(fn("UPPER", col("a")))).sql())
        .isEqualTo("select upper(\"a\") from \"t\"");
  }

  @Test
  void knownFunctions_listsDialectSpecificNames() {
    assertThat(SqlCompiler.knownFunctions(Dialect.SQLITE, false)).contains("strftime", "lower", "coalesce");
    assertThat(SqlCompiler.knownFunctions(Dialect.POSTGRES, false)).contains("lower").doesNotContain("strftime");
    assertThat(SqlCompiler.knownFunctions(Dialect.H2, true)).contains("row_number", "lag", "ntile");
  }

  @Test
  void misplacedStarOrdinalAndUnsupportedConstructs_areRejected() {
    assertThatThrownBy(() -> compile(Dialect.H2, selectOf(new Expr.Comparison(CmpOp.EQ, Expr.Star.all(), lit(1)))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("*");
    assertThatThrownBy(() -> compile(Dialect.H2, selectOf(new Expr.Ordinal(1))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ordinal 1");
    assertThatThrownBy(() -> compile(Dialect.H2, selectOf(agg(AggFunction.SUM, Expr.Star.all()))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COUNT(*)");
    Query.Select sub = Query.Select.builder().select(col("x")).from(Ir.table("u")).build();
    assertThatThrownBy(() -> compile(Dialect.SQLITE, selectOf(
        new Expr.Quantified(CmpOp.GT, Quantifier.ALL, col("a"), sub))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SQLite has no GT ALL");
    assertThatThrownBy(() -> compile(Dialect.MARIADB, selectOf(new Expr.Window(fn("lag", col("a"), lit(1), lit(0)),
        new WindowSpec(null, List.of(OrderItem.asc(col("a"))), null)))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MariaDB");
    assertThatThrownBy(() -> compile(Dialect.SQLITE, Query.Select.builder().select(col("d", "a"))
        .from(new TableRef.Derived(Query.Select.builder().select(Expr.Star.all()).from(Ir.table("t")).build(),
            "d", List.of("a"))).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column aliases");
  }

  @Test
  void castTypes_mapToEachDialectsTypeNames() {
    List<Expr> casts = new ArrayList<>();
    for (io.github.nl2sql.ir.CastType t : io.github.nl2sql.ir.CastType.values()) {
      casts.add(new Expr.Cast(col("a"), t));
    }
    Query.Select.Builder b = Query.Select.builder();
    casts.forEach(b::select);
    Query.Select q = b.from(Ir.table("t")).build();
    assertThat(compile(Dialect.POSTGRES, q).sql()).isEqualTo("select cast(\"a\" as int), cast(\"a\" as bigint), "
        + "cast(\"a\" as decimal), cast(\"a\" as double precision), cast(\"a\" as varchar), cast(\"a\" as date), "
        + "cast(\"a\" as time), cast(\"a\" as timestamp), cast(\"a\" as boolean) from \"t\"");
    assertThat(compile(Dialect.MYSQL, q).sql()).isEqualTo("select cast(`a` as signed), cast(`a` as signed), "
        + "cast(`a` as decimal(65, 30)), cast(`a` as decimal(65, 30)), cast(`a` as char), cast(`a` as date), "
        + "cast(`a` as time), cast(`a` as datetime), cast(`a` as unsigned) from `t`");
    assertThat(compile(Dialect.SQLITE, q).sql()).isEqualTo("select cast(a as int), cast(a as int8), "
        + "cast(a as decimal), cast(a as double), cast(a as varchar), cast(a as date), cast(a as datetime), "
        + "cast(a as datetime), cast(a as boolean) from t");
  }

  @Test
  void blankAlias_isRejected() {
    assertThatThrownBy(() -> compile(Dialect.POSTGRES, Query.Select.builder().select(col("a"), " ")
        .from(Ir.table("t")).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("identifier must not be null or blank");
  }

  @Test
  void oneCompiler_isSafeToShareBetweenThreads() {
    SqlCompiler compiler = new SqlCompiler(Dialect.POSTGRES);
    List<Statement> statements = IrSamples.all();
    List<String> expected = statements.stream().map(st -> compiler.compile(st, 10).sql()).toList();
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      for (int j = 0; j < statements.size(); j++) {
        indexes.add(j);
      }
    }
    indexes.parallelStream().forEach(j ->
        assertThat(compiler.compile(statements.get(j), 10).sql()).isEqualTo(expected.get(j)));
  }

  @Test
  void forDialect_sharesOneCompilerPerDialect() {
    assertThat(SqlCompiler.forDialect(Dialect.SQLITE)).isSameAs(SqlCompiler.forDialect(Dialect.SQLITE));
    assertThat(SqlCompiler.forDialect(Dialect.H2).dialect()).isEqualTo(Dialect.H2);
    assertThatThrownBy(() -> SqlCompiler.forDialect(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void nullStatement_isRejected() {
    assertThatThrownBy(() -> new SqlCompiler(Dialect.H2).compile(null, 0))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("statement");
  }

  @Test
  void placeholders_skipQuotedTextAndComments() {
    assertThat(Placeholders.count("select ?, '?', \"?\", `?`, 'it''s ?', 'a\\'?' -- ?\n /* ? */ ?")).isEqualTo(2);
  }

  private static Query.Select selectOf(Expr e) {
    return Query.Select.builder().select(e).from(Ir.table("t")).build();
  }
}
