package io.github.nl2sql.internal.validate;

import static io.github.nl2sql.ir.Expr.Column.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.diagnostics.Position;
import io.github.nl2sql.diagnostics.Severity;
import io.github.nl2sql.internal.sql.SourceMap;
import io.github.nl2sql.ir.AggFunction;
import io.github.nl2sql.ir.CmpOp;
import io.github.nl2sql.ir.Cte;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.JoinType;
import io.github.nl2sql.ir.OrderItem;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.SetOperator;
import io.github.nl2sql.ir.SortOrder;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.ir.TableRef;
import io.github.nl2sql.ir.WindowSpec;
import io.github.nl2sql.ir.With;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorTest {

  private static List<Diagnostic> check(Dialect d, Statement s) {
    return new Validator(Shop.catalog(d), d).validate(s, null);
  }

  private static List<Diagnostic> check(Statement s) {
    return check(Dialect.SQLITE, s);
  }

  private static List<DiagnosticCode> codes(List<Diagnostic> ds) {
    return ds.stream().map(Diagnostic::code).toList();
  }

  private static Query.Select.Builder select() {
    return Query.Select.builder();
  }

  private static TableRef.Table t(String name) {
    return TableRef.Table.of(name);
  }

  private static TableRef.Table t(String name, String alias) {
    return TableRef.Table.of(name, alias);
  }

  private static Expr lit(Object v) {
    return Expr.Literal.of(v);
  }

  private static Expr count() {
    return Expr.Aggregate.countStar();
  }

  // ------------------------------------------------------------ name resolution

  @Test
  void validQuery_hasNoDiagnostics() {
    Query q = select().select(of("p", "name")).select(of("c", "name"), "category")
        .from(TableRef.Join.inner(t("products", "p"), t("categories", "c"),
            Expr.Comparison.eq(of("p", "category_id"), of("c", "id"))))
        .where(new Expr.Comparison(CmpOp.GT, of("sale_price"), lit(10)))
        .orderBy(of("category"), SortOrder.ASC).build();
    assertThat(check(q)).isEmpty();
  }

  @Test
  void unknownColumn_formatsWithSuggestion() {
    // with one table in sight an unqualified name is reported against that table
    Query q = select().select(of("sale_pricee")).from(t("products")).build();
    List<Diagnostic> ds = check(q);
    assertThat(codes(ds)).containsExactly(DiagnosticCode.UNKNOWN_COLUMN);
    assertThat(ds.get(0).format())
        .isEqualTo("Column 'sale_pricee' not found in table 'products'; did you mean 'sale_price'?");

    Query q2 = select().select(of("products", "sale_pricee")).from(t("products")).build();
    List<Diagnostic> ds2 = check(q2);
    assertThat(ds2).hasSize(1);
    assertThat(ds2.get(0).format())
        .isEqualTo("Column 'sale_pricee' not found in table 'products'; did you mean 'sale_price'?");
    assertThat(ds2.get(0).isError()).isTrue();
    assertThat(ds2.get(0).subject()).isEqualTo("sale_pricee");
  }

  @Test
  void unknownColumn_viaAlias_namesTheTable() {
    Query q = select().select(of("p", "nmae")).from(t("products", "p")).build();
    Diagnostic d = check(q).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_COLUMN);
    assertThat(d.message()).isEqualTo("Column 'nmae' not found in table 'products'");
    assertThat(d.suggestions()).first().isEqualTo("name");
  }

  @Test
  void unknownTable_suggestsCatalogTablesAndCtes() {
    Query q = select().select(Expr.Star.all()).from(t("prodcts")).build();
    Diagnostic d = check(q).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_TABLE);
    assertThat(d.suggestions()).first().isEqualTo("products");
    assertThat(d.format()).startsWith("Table 'prodcts' not found; did you mean 'products'");

    Query inner = select().select(of("id")).from(t("orders")).build();
    Query withCte = select().select(Expr.Star.all()).from(t("big_orderz"))
        .with(new With(false, List.of(new Cte("big_orders", List.of(), inner)))).build();
    assertThat(check(withCte).get(0).suggestions()).first().isEqualTo("big_orders");
  }

  @Test
  void unknownTable_doesNotCascadeIntoColumnErrors() {
    Query q = select().select(of("x", "anything")).select(of("whatever")).from(t("nope", "x"))
        .build();
    assertThat(codes(check(q))).containsExactly(DiagnosticCode.UNKNOWN_TABLE);
  }

  @Test
  void tableNames_areCaseInsensitive() {
    Query q = select().select(of("P", "NAME")).from(t("PRODUCTS", "p")).build();
    assertThat(check(q)).isEmpty();
  }

  @Test
  void unknownQualifier_suggestsAliasInScope() {
    Query q = select().select(of("q", "name")).from(t("products", "p")).build();
    Diagnostic d = check(q).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_QUALIFIER);
    assertThat(d.message()).isEqualTo("Table or alias 'q' is not in scope");
    assertThat(d.suggestions()).first().isEqualTo("p");
  }

  @Test
  void aliasHidesTableName() {
    Query q = select().select(of("products", "name")).from(t("products", "p")).build();
    Diagnostic d = check(q).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_QUALIFIER);
    assertThat(d.suggestions()).contains("p");
  }

  @Test
  void unknownQualifier_ofDroppedFromItem_suggestsTableWithItsColumns() {
    // SELECT T1.name FROM products AS T1 WHERE T2.quantity > 1: "orders AS T2" was left out
    Query q = select().select(of("T1", "name")).from(t("products", "T1"))
        .where(new Expr.Comparison(CmpOp.GT, of("T2", "quantity"), lit(1))).build();
    Diagnostic d = check(q).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_QUALIFIER);
    assertThat(d.suggestions()).first().isEqualTo("orders");
  }

  @Test
  void unknownColumn_ofATableMissingFromTheFrom_pointsToThatTable() {
    // SELECT full_name FROM orders: full_name is a column of customers, which orders links to
    Query q = select().select(of("full_name")).from(t("orders")).build();
    Diagnostic d = check(q).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_COLUMN);
    assertThat(d.suggestions()).containsExactly("customers.full_name");
    // a similar name in scope wins over the elsewhere hint
    Query typo = select().select(of("quantty")).from(t("orders")).build();
    assertThat(check(typo).get(0).suggestions()).containsExactly("quantity");
  }

  @Test
  void unknownQualifier_typoOfAlias_prefersAliasThatHasTheColumn() {
    Query q = select().select(of("T1", "name"))
        .from(TableRef.Join.inner(t("products", "T1"), t("orders", "T2"),
            Expr.Comparison.eq(of("T1", "id"), of("T3", "product_id")))).build();
    Diagnostic d = check(q).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_QUALIFIER);
    assertThat(d.suggestions()).first().isEqualTo("T2");
  }

  @Test
  void qualifiedStar_withUnknownQualifier() {
    Query q = select().select(new Expr.Star("x")).from(t("products", "p")).build();
    assertThat(codes(check(q))).containsExactly(DiagnosticCode.UNKNOWN_QUALIFIER);
    Query ok = select().select(new Expr.Star("p")).from(t("products", "p")).build();
    assertThat(check(ok)).isEmpty();
  }

  @Test
  void ambiguousColumn_inJoin() {
    Query q = select().select(of("name"))
        .from(TableRef.Join.inner(t("products", "p"), t("categories", "c"),
            Expr.Comparison.eq(of("p", "category_id"), of("c", "id")))).build();
    Diagnostic d = check(q).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.AMBIGUOUS_COLUMN);
    assertThat(d.suggestions()).containsExactly("p.name", "c.name");
    assertThat(d.message()).isEqualTo(
        "Column 'name' is ambiguous; it exists in products (p), categories (c)");
  }

  @Test
  void ambiguousColumn_sameTableTwice() {
    Query q = select().select(of("name"))
        .from(TableRef.Join.inner(t("products", "a"), t("products", "b"),
            Expr.Comparison.eq(of("a", "id"), of("b", "id")))).build();
    assertThat(codes(check(q))).containsExactly(DiagnosticCode.AMBIGUOUS_COLUMN);
  }

  @Test
  void usingJoin_mergesTheColumn() {
    Query q = select().select(of("customer_id")).select(of("full_name"))
        .from(new TableRef.Join(JoinType.INNER, t("orders"), t("customers"), null,
            List.of("customer_id"))).build();
    assertThat(check(q)).isEmpty();
    Query bad = select().select(of("id"))
        .from(new TableRef.Join(JoinType.INNER, t("orders"), t("customers"), null,
            List.of("customer_idd"))).build();
    assertThat(codes(check(bad))).contains(DiagnosticCode.UNKNOWN_COLUMN_IN_SCOPE);
  }

  @Test
  void unqualifiedUnknown_listsTablesInScope() {
    Query q = select().select(of("quantityy")).from(TableRef.Join.inner(t("orders", "o"),
        t("products"), Expr.Comparison.eq(of("o", "product_id"), of("products", "id")))).build();
    Diagnostic d = check(q).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_COLUMN_IN_SCOPE);
    assertThat(d.message())
        .isEqualTo("Column 'quantityy' not found in any table in scope (orders (o), products)");
    assertThat(d.suggestions()).containsExactly("quantity");
    // a correlated subquery also sees the outer tables: not "the" table
    Query inner = select().select(of("nmae")).from(t("orders")).build();
    Query outer = select().select(of("id")).from(t("products"))
        .where(new Expr.Exists(inner, false)).build();
    Diagnostic d2 = check(outer).get(0);
    assertThat(d2.code()).isEqualTo(DiagnosticCode.UNKNOWN_COLUMN_IN_SCOPE);
    assertThat(d2.suggestions()).first().isEqualTo("name");
  }

  @Test
  void sqliteRowid_isImplicit() {
    Query q = select().select(of("rowid")).from(t("products")).build();
    assertThat(check(q)).isEmpty();
    assertThat(codes(check(Dialect.POSTGRES, q))).containsExactly(DiagnosticCode.UNKNOWN_COLUMN);
  }

  // ------------------------------------------------------------ scoping

  @Test
  void cte_isVisibleInQueryAndLaterCtes_withItsOutputColumns() {
    Query c1 = select().select(of("product_id")).select(Expr.Aggregate.of(AggFunction.SUM,
        of("quantity")), "total").from(t("orders")).groupBy(of("product_id")).build();
    Query c2 = select().select(of("product_id")).from(t("sold"))
        .where(new Expr.Comparison(CmpOp.GT, of("total"), lit(5))).build();
    Query main = select().select(of("b", "product_id")).from(t("best", "b"))
        .with(new With(false, List.of(new Cte("sold", List.of(), c1), new Cte("best", List.of(), c2))))
        .build();
    assertThat(check(main)).isEmpty();

    Query bad = select().select(of("b", "quantity")).from(t("best", "b"))
        .with(new With(false, List.of(new Cte("sold", List.of(), c1), new Cte("best", List.of(), c2))))
        .build();
    Diagnostic d = check(bad).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_COLUMN);
    assertThat(d.message()).isEqualTo("Column 'quantity' not found in table 'best'");
  }

  @Test
  void cte_notVisibleBeforeItsDefinition_unlessRecursive() {
    Query usesLater = select().select(Expr.Star.all()).from(t("later")).build();
    Query def = select().select(lit(1), "x").build();
    Query q = select().select(Expr.Star.all()).from(t("later"))
        .with(new With(false, List.of(new Cte("first", List.of(), usesLater),
            new Cte("later", List.of(), def)))).build();
    assertThat(codes(check(q))).containsExactly(DiagnosticCode.UNKNOWN_TABLE);

    // WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5) SELECT x FROM n
    Query anchor = select().select(lit(1)).build();
    Query step = select().select(new Expr.Arithmetic(io.github.nl2sql.ir.ArithOp.ADD, of("x"), lit(1)))
        .from(t("n")).where(new Expr.Comparison(CmpOp.LT, of("x"), lit(5))).build();
    Query rec = select().select(of("x")).from(t("n"))
        .with(new With(true, List.of(new Cte("n", List.of("x"),
            Query.SetOperation.of(SetOperator.UNION, true, anchor, step))))).build();
    assertThat(check(rec)).isEmpty();
  }

  @Test
  void cte_duplicateNameAndColumnCount() {
    Query body = select().select(of("id")).select(of("name")).from(t("products")).build();
    Query dup = select().select(Expr.Star.all()).from(t("a"))
        .with(new With(false, List.of(new Cte("a", List.of(), body), new Cte("A", List.of(), body))))
        .build();
    assertThat(codes(check(dup))).containsExactly(DiagnosticCode.DUPLICATE_CTE);

    Query count = select().select(Expr.Star.all()).from(t("a"))
        .with(new With(false, List.of(new Cte("a", List.of("x"), body)))).build();
    Diagnostic d = check(count).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.CTE_COLUMN_COUNT);
    assertThat(d.message()).isEqualTo("CTE 'a' names 1 column(s) but its query selects 2");

    Query ok = select().select(of("x")).select(of("y")).from(t("a"))
        .with(new With(false, List.of(new Cte("a", List.of("x", "y"), body)))).build();
    assertThat(check(ok)).isEmpty();
  }

  @Test
  void derivedTable_exposesOutputNames_andColumnAliasesOverride() {
    Query sub = select().select(of("name")).select(count(), "n").select(of("o", "id"))
        .from(t("orders", "o")).groupBy(of("name")).build();
    // name is not a column of orders
    assertThat(codes(check(sub))).contains(DiagnosticCode.UNKNOWN_COLUMN);

    Query inner = select().select(of("p", "name")).select(count(), "n")
        .from(t("products", "p")).groupBy(of("p", "name")).build();
    Query q = select().select(of("d", "name")).select(of("d", "n"))
        .from(new TableRef.Derived(inner, "d", List.of())).build();
    assertThat(check(q)).isEmpty();
    Query renamed = select().select(of("d", "label")).select(of("d", "n"))
        .from(new TableRef.Derived(inner, "d", List.of("label"))).build();
    assertThat(check(renamed)).isEmpty();
    Query hidden = select().select(of("d", "name")).from(new TableRef.Derived(inner, "d",
        List.of("label"))).build();
    assertThat(codes(check(hidden))).containsExactly(DiagnosticCode.UNKNOWN_COLUMN);
    // the derived table's own tables are not visible outside
    Query leak = select().select(of("p", "name")).from(new TableRef.Derived(inner, "d", List.of()))
        .build();
    assertThat(codes(check(leak))).containsExactly(DiagnosticCode.UNKNOWN_QUALIFIER);
  }

  @Test
  void derivedTable_withUnnamedExpressionColumn_stillChecksPlainNames() {
    Query inner = select().select(of("name")).select(count()).from(t("products"))
        .groupBy(of("name")).build();
    Query typo = select().select(of("d", "nmae")).from(new TableRef.Derived(inner, "d", List.of()))
        .build();
    assertThat(codes(check(typo))).containsExactly(DiagnosticCode.UNKNOWN_COLUMN);
    // SQLite names the unaliased column after its text; only a quoted name can reach it
    Query quoted = select().select(of("d", "count(*)")).from(new TableRef.Derived(inner, "d",
        List.of())).build();
    assertThat(check(quoted)).isEmpty();
  }

  @Test
  void derivedTable_doesNotSeeItsFromSiblings() {
    Query inner = select().select(of("p", "id")).from(t("orders", "o")).build();
    Query q = select().select(Expr.Star.all())
        .from(t("products", "p")).from(new TableRef.Derived(inner, "d", List.of())).build();
    assertThat(codes(check(q))).containsExactly(DiagnosticCode.UNKNOWN_QUALIFIER);
  }

  @Test
  void correlatedSubquery_seesOuterScope_innerFirst() {
    Query inner = select().select(count()).from(t("orders", "o"))
        .where(Expr.Comparison.eq(of("o", "product_id"), of("p", "id"))).build();
    Query q = select().select(of("name")).select(new Expr.Subquery(inner), "orders")
        .from(t("products", "p")).build();
    assertThat(check(q)).isEmpty();

    // unqualified id resolves to the inner orders.id (innermost scope first), not ambiguous
    Query inner2 = select().select(of("id")).from(t("orders"))
        .where(Expr.Comparison.eq(of("product_id"), of("p", "id"))).build();
    Query q2 = select().select(of("name")).from(t("products", "p"))
        .where(new Expr.InQuery(of("id"), inner2, false)).build();
    assertThat(check(q2)).isEmpty();

    Query inner3 = select().select(of("id")).from(t("orders"))
        .where(Expr.Comparison.eq(of("product_id"), of("q", "id"))).build();
    Query q3 = select().select(of("name")).from(t("products", "p"))
        .where(new Expr.Exists(inner3, false)).build();
    assertThat(codes(check(q3))).containsExactly(DiagnosticCode.UNKNOWN_QUALIFIER);
  }

  @Test
  void sqliteGroupByAndOrderByOfASubquery_doNotSeeTheOuterQuery() {
    // SELECT name FROM products WHERE category_id IN (SELECT category_id GROUP BY category_id)
    Query inner = select().select(of("category_id")).groupBy(of("category_id")).build();
    Query q = select().select(of("name")).from(t("products"))
        .where(new Expr.InQuery(of("category_id"), inner, false)).build();
    assertThat(codes(check(Dialect.SQLITE, q))).containsExactly(DiagnosticCode.UNKNOWN_COLUMN_IN_SCOPE);
    assertThat(check(Dialect.POSTGRES, q)).isEmpty();
    Query ordered = select().select(of("id")).from(t("orders"))
        .orderBy(of("p", "sale_price"), SortOrder.ASC).limit(1).build();
    Query q2 = select().select(of("name")).from(t("products", "p"))
        .where(new Expr.InQuery(of("id"), ordered, false)).build();
    assertThat(codes(check(Dialect.SQLITE, q2))).containsExactly(DiagnosticCode.UNKNOWN_QUALIFIER);
    // the select list and WHERE of the subquery still see the outer query
    Query fine = select().select(of("p", "category_id")).from(t("orders"))
        .where(Expr.Comparison.eq(of("product_id"), of("p", "id"))).build();
    Query q3 = select().select(of("name")).from(t("products", "p"))
        .where(new Expr.InQuery(of("category_id"), fine, false)).build();
    assertThat(check(Dialect.SQLITE, q3)).isEmpty();
  }

  @Test
  void orderByAlias_isAccepted_whereAliasInWhere_dependsOnDialect() {
    Query q = select().select(count(), "n").select(of("category_id")).from(t("products"))
        .groupBy(of("category_id")).orderBy(of("n"), SortOrder.DESC).build();
    for (Dialect d : Dialect.values()) {
      assertThat(check(d, q)).as(d.name()).isEmpty();
    }
    Query groupByAlias = select().select(of("category_id"), "cat").select(count())
        .from(t("products")).groupBy(of("cat")).build();
    for (Dialect d : Dialect.values()) {
      assertThat(check(d, groupByAlias)).as(d.name()).isEmpty();
    }
    Query having = select().select(of("category_id")).select(count(), "n").from(t("products"))
        .groupBy(of("category_id")).having(new Expr.Comparison(CmpOp.GT, of("n"), lit(1))).build();
    assertThat(check(Dialect.MYSQL, having)).isEmpty();
    assertThat(check(Dialect.SQLITE, having)).isEmpty();
    assertThat(codes(check(Dialect.POSTGRES, having))).containsExactly(DiagnosticCode.UNKNOWN_COLUMN);
    Query where = select().select(of("sale_price"), "price").from(t("products"))
        .where(new Expr.Comparison(CmpOp.GT, of("price"), lit(1))).build();
    assertThat(check(Dialect.SQLITE, where)).isEmpty();
    Diagnostic d = check(Dialect.POSTGRES, where).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_COLUMN);
  }

  @Test
  void joinOn_seesItsJoinFirst() {
    // customer_id exists in orders and customers; in the first join's ON only orders and products are
    // visible, so it is not ambiguous there
    TableRef first = TableRef.Join.inner(t("products", "p"), t("orders", "o"),
        Expr.Comparison.eq(of("p", "id"), of("product_id")));
    TableRef second = TableRef.Join.inner(first, t("customers", "c"),
        Expr.Comparison.eq(of("c", "customer_id"), of("o", "customer_id")));
    Query q = select().select(of("full_name")).from(second).build();
    assertThat(check(q)).isEmpty();
  }

  @Test
  void duplicateAlias_inSameFrom() {
    Query q = select().select(of("p", "id")).from(t("products", "p")).from(t("orders", "P")).build();
    assertThat(codes(check(Dialect.POSTGRES, q))).contains(DiagnosticCode.DUPLICATE_ALIAS);
    assertThat(codes(check(Dialect.MARIADB, q))).contains(DiagnosticCode.DUPLICATE_ALIAS);
    assertThat(check(Dialect.POSTGRES, q).get(0).isError()).isTrue();
    // SQLite runs it as long as the qualified column is in only one of them; only a warning there
    Query runs = select().select(of("p", "sale_price")).from(t("products", "p"))
        .from(t("orders", "P")).build();
    assertThat(codes(check(Dialect.SQLITE, runs))).containsExactly(DiagnosticCode.DUPLICATE_ALIAS);
    assertThat(check(Dialect.SQLITE, runs).stream().filter(Diagnostic::isError)).isEmpty();
    Query twice = select().select(of("p", "id")).from(t("products", "p")).from(t("orders", "p"))
        .build();
    assertThat(codes(check(Dialect.SQLITE, twice))).containsExactly(DiagnosticCode.AMBIGUOUS_COLUMN,
        DiagnosticCode.DUPLICATE_ALIAS);
    Query same = select().select(of("a", "id")).from(t("products", "a")).from(t("products", "b"))
        .build();
    assertThat(check(Dialect.POSTGRES, same)).isEmpty();
  }

  // ------------------------------------------------------------ functions

  @Test
  void unknownFunction_withSuggestion() {
    Query q = select().select(Expr.Function.of("lowr", of("name"))).from(t("products")).build();
    Diagnostic d = check(q).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_FUNCTION);
    assertThat(d.message()).isEqualTo("Function 'lowr' is not known for SQLite");
    assertThat(d.suggestions()).first().isEqualTo("lower");
    Query pgOnly = select().select(Expr.Function.of("strftime", lit("%Y"), of("launched")))
        .from(t("products")).build();
    assertThat(check(Dialect.SQLITE, pgOnly)).isEmpty();
    assertThat(codes(check(Dialect.POSTGRES, pgOnly))).containsExactly(DiagnosticCode.UNKNOWN_FUNCTION);
  }

  @Test
  void wrongArgumentCount() {
    Query q = select().select(Expr.Function.of("lower", of("name"), lit("x"))).from(t("products"))
        .build();
    Diagnostic d = check(q).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.WRONG_ARGUMENT_COUNT);
    assertThat(d.message()).isEqualTo("Function 'lower' takes 1 argument(s), got 2");
    Query ok = select().select(Expr.Function.of("round", of("sale_price"), lit(2)))
        .select(Expr.Function.of("coalesce", of("name"), lit("a"), lit("b"))).from(t("products"))
        .build();
    assertThat(check(ok)).isEmpty();
  }

  @Test
  void dialectSpecificAggregateFunctions_areAggregates() {
    // string_agg is an aggregate: its column is not a grouping problem, and it is not allowed in WHERE
    Query q = select().select(of("category_id"))
        .select(Expr.Function.of("string_agg", of("name"), lit(",")))
        .from(t("products")).groupBy(of("category_id")).build();
    assertThat(check(Dialect.POSTGRES, q)).isEmpty();
    assertThat(check(Dialect.SQLITE, q)).isEmpty();
    Query where = select().select(of("id")).from(t("products"))
        .where(Expr.Comparison.eq(Expr.Function.of("json_group_array", of("name")), lit("[]")))
        .build();
    assertThat(codes(check(Dialect.SQLITE, where))).containsExactly(DiagnosticCode.AGGREGATE_NOT_ALLOWED);
  }

  @Test
  void sqliteScalarMaxWithTwoArguments() {
    Query q = select().select(Expr.Function.of("max", of("id"), lit(3))).from(t("products")).build();
    assertThat(check(Dialect.SQLITE, q)).isEmpty();
    assertThat(codes(check(Dialect.POSTGRES, q))).containsExactly(DiagnosticCode.UNKNOWN_FUNCTION);
  }

  @Test
  void windowFunctionWithoutOver() {
    Query q = select().select(Expr.Function.of("row_number")).from(t("products")).build();
    assertThat(codes(check(q))).containsExactly(DiagnosticCode.WINDOW_FUNCTION_WITHOUT_OVER);
    Query ok = select().select(new Expr.Window(Expr.Function.of("row_number"),
        new WindowSpec(List.of(of("category_id")), List.of(OrderItem.desc(of("sale_price"))), null)))
        .from(t("products")).build();
    assertThat(check(ok)).isEmpty();
  }

  // ------------------------------------------------------------ semantics

  @Test
  void aggregateNotAllowedInWhereGroupByOn() {
    Query where = select().select(of("id")).from(t("products"))
        .where(new Expr.Comparison(CmpOp.GT, Expr.Aggregate.of(AggFunction.SUM, of("sale_price")),
            lit(1))).build();
    Diagnostic d = check(where).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.AGGREGATE_NOT_ALLOWED);
    assertThat(d.message()).isEqualTo("Aggregate function SUM is not allowed in WHERE");
    Query group = select().select(count()).from(t("products")).groupBy(count()).build();
    assertThat(codes(check(group))).contains(DiagnosticCode.AGGREGATE_NOT_ALLOWED);
    Query on = select().select(count()).from(TableRef.Join.inner(t("products", "p"),
        t("orders", "o"), Expr.Comparison.eq(of("p", "id"), Expr.Aggregate.of(AggFunction.MAX,
            of("o", "product_id"))))).build();
    assertThat(codes(check(on))).contains(DiagnosticCode.AGGREGATE_NOT_ALLOWED);
    Query having = select().select(of("category_id")).from(t("products")).groupBy(of("category_id"))
        .having(new Expr.Comparison(CmpOp.GT, count(), lit(1))).build();
    assertThat(check(having)).isEmpty();
  }

  @Test
  void outerAggregateInSubqueryWhere_isAllowed() {
    Query inner = select().select(of("id")).from(t("orders"))
        .where(new Expr.Comparison(CmpOp.GT, of("quantity"),
            Expr.Aggregate.of(AggFunction.AVG, of("p", "sale_price")))).build();
    Query q = select().select(of("p", "category_id")).from(t("products", "p"))
        .groupBy(of("p", "category_id")).having(new Expr.Exists(inner, false)).build();
    assertThat(check(Dialect.POSTGRES, q)).isEmpty();
  }

  @Test
  void nestedAggregate() {
    Query q = select().select(Expr.Aggregate.of(AggFunction.MAX, count())).from(t("products"))
        .build();
    Diagnostic d = check(q).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.NESTED_AGGREGATE);
    assertThat(d.message()).isEqualTo("Aggregate function MAX cannot contain another aggregate");
    // an aggregate inside a window aggregate is fine: SUM(COUNT(*)) OVER ()
    Query ok = select().select(of("category_id")).select(new Expr.Window(
        Expr.Aggregate.of(AggFunction.SUM, count()), new WindowSpec(List.of(), List.of(), null)))
        .from(t("products")).groupBy(of("category_id")).build();
    assertThat(check(Dialect.POSTGRES, ok)).isEmpty();
  }

  @Test
  void windowOnlyInSelectAndOrderBy() {
    Expr w = new Expr.Window(Expr.Function.of("rank"),
        new WindowSpec(List.of(), List.of(OrderItem.asc(of("sale_price"))), null));
    Query where = select().select(of("id")).from(t("products"))
        .where(Expr.Comparison.eq(w, lit(1))).build();
    Diagnostic d = check(where).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.WINDOW_NOT_ALLOWED);
    assertThat(d.message()).isEqualTo("Window function rank is not allowed in WHERE");
    Query order = select().select(of("id")).from(t("products")).orderBy(w, SortOrder.ASC).build();
    assertThat(check(order)).isEmpty();
    Query inAgg = select().select(Expr.Aggregate.of(AggFunction.SUM, w)).from(t("products")).build();
    assertThat(codes(check(inAgg))).containsExactly(DiagnosticCode.WINDOW_NOT_ALLOWED);
  }

  @Test
  void setOperationArity() {
    Query a = select().select(of("id")).select(of("name")).from(t("products")).build();
    Query b = select().select(of("id")).from(t("categories")).build();
    Diagnostic d = check(Query.SetOperation.of(SetOperator.UNION, false, a, b)).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.SET_OPERATION_ARITY);
    assertThat(d.message())
        .isEqualTo("Both sides of UNION must select the same number of columns (2 vs 1)");
    Query c = select().select(Expr.Star.all()).from(t("categories")).build();
    assertThat(check(Query.SetOperation.of(SetOperator.INTERSECT, false, a, c))).isEmpty();
  }

  @Test
  void setOperationOrderBy_resolvesAgainstResultColumns() {
    Query a = select().select(of("name")).from(t("products")).build();
    Query b = select().select(of("name")).from(t("categories")).build();
    Query ok = new Query.SetOperation(null, SetOperator.UNION, false, a, b,
        List.of(OrderItem.asc(of("name"))), null, null);
    assertThat(check(ok)).isEmpty();
    Query bad = new Query.SetOperation(null, SetOperator.UNION, false, a, b,
        List.of(OrderItem.asc(of("nam"))), null, null);
    assertThat(check(bad).get(0).suggestions()).containsExactly("name");
    Query ord = new Query.SetOperation(null, SetOperator.UNION, false, a, b,
        List.of(OrderItem.asc(new Expr.Ordinal(2))), null, null);
    assertThat(codes(check(ord))).containsExactly(DiagnosticCode.ORDINAL_OUT_OF_RANGE);
  }

  @Test
  void scalarAndInSubquery_mustSelectOneColumn() {
    Query two = select().select(of("id")).select(of("name")).from(t("categories")).build();
    Query q = select().select(new Expr.Subquery(two)).from(t("products")).build();
    Diagnostic d = check(q).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.SUBQUERY_COLUMN_COUNT);
    assertThat(d.message()).isEqualTo("A subquery used as a value must select exactly one column, got 2");
    Query in = select().select(of("id")).from(t("products"))
        .where(new Expr.InQuery(of("category_id"), two, false)).build();
    assertThat(codes(check(in))).containsExactly(DiagnosticCode.SUBQUERY_COLUMN_COUNT);
    Query star = select().select(Expr.Star.all()).from(t("categories")).build();
    Query in2 = select().select(of("id")).from(t("products"))
        .where(new Expr.InQuery(of("category_id"), star, false)).build();
    assertThat(codes(check(in2))).containsExactly(DiagnosticCode.SUBQUERY_COLUMN_COUNT);
    Query one = select().select(of("id")).from(t("categories")).build();
    Query ok = select().select(of("id")).from(t("products"))
        .where(new Expr.InQuery(of("category_id"), one, false)).build();
    assertThat(check(ok)).isEmpty();
  }

  @Test
  void ordinalOutOfRange() {
    Query q = select().select(of("id")).from(t("products")).orderBy(new Expr.Ordinal(2), SortOrder.ASC)
        .build();
    Diagnostic d = check(q).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.ORDINAL_OUT_OF_RANGE);
    assertThat(d.message()).isEqualTo("ORDER BY position 2 is out of range; the select list has 1 item(s)");
    Query g = select().select(of("id")).select(count()).from(t("products"))
        .groupBy(new Expr.Ordinal(1)).orderBy(new Expr.Ordinal(2), SortOrder.ASC).build();
    assertThat(check(Dialect.POSTGRES, g)).isEmpty();
    Query star = select().select(Expr.Star.all()).from(t("categories"))
        .orderBy(new Expr.Ordinal(2), SortOrder.ASC).build();
    assertThat(check(star)).isEmpty();
  }

  @Test
  void starOutsideSelectList_orInSum() {
    Query q = select().select(Expr.Aggregate.of(AggFunction.SUM, Expr.Star.all())).from(t("products"))
        .build();
    Diagnostic d = check(q).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.STAR_NOT_ALLOWED);
    assertThat(d.message()).isEqualTo("'*' is not allowed in SUM");
  }

  @Test
  void notGrouped_errorForPostgresAndH2_warningElsewhere() {
    Query q = select().select(of("name")).select(count()).from(t("products"))
        .groupBy(of("category_id")).build();
    for (Dialect d : List.of(Dialect.POSTGRES, Dialect.H2)) {
      List<Diagnostic> ds = check(d, q);
      assertThat(codes(ds)).as(d.name()).containsExactly(DiagnosticCode.NOT_GROUPED);
      assertThat(ds.get(0).severity()).isEqualTo(Severity.ERROR);
      assertThat(ds.get(0).message())
          .isEqualTo("Column 'name' must appear in GROUP BY or be used in an aggregate function");
    }
    for (Dialect d : List.of(Dialect.SQLITE, Dialect.MYSQL, Dialect.MARIADB)) {
      List<Diagnostic> ds = check(d, q);
      assertThat(codes(ds)).as(d.name()).containsExactly(DiagnosticCode.NOT_GROUPED);
      assertThat(ds.get(0).severity()).isEqualTo(Severity.WARNING);
    }
    Query noGroup = select().select(of("name")).select(count()).from(t("products")).build();
    assertThat(codes(check(Dialect.POSTGRES, noGroup))).containsExactly(DiagnosticCode.NOT_GROUPED);
  }

  @Test
  void notGrouped_functionalDependencyOnPrimaryKey() {
    Query q = select().select(of("p", "name")).select(count())
        .from(TableRef.Join.inner(t("products", "p"), t("orders", "o"),
            Expr.Comparison.eq(of("p", "id"), of("o", "product_id"))))
        .groupBy(of("p", "id")).build();
    assertThat(check(Dialect.POSTGRES, q)).isEmpty();
    assertThat(check(Dialect.H2, q)).isEmpty();
    Query grouped = select().select(Expr.Function.of("lower", of("name"))).select(count())
        .from(t("products")).groupBy(Expr.Function.of("lower", of("name")))
        .orderBy(count(), SortOrder.DESC).build();
    assertThat(check(Dialect.POSTGRES, grouped)).isEmpty();
    Query notAgg = select().select(of("name")).from(t("products")).build();
    assertThat(check(Dialect.POSTGRES, notAgg)).isEmpty();
  }

  @Test
  void typeMismatch_isOnlyAWarning() {
    Query q = select().select(of("id")).from(t("products"))
        .where(Expr.Comparison.eq(of("sale_price"), lit("cheap"))).build();
    List<Diagnostic> ds = check(q);
    assertThat(codes(ds)).containsExactly(DiagnosticCode.TYPE_MISMATCH);
    assertThat(ds.get(0).isError()).isFalse();
    assertThat(ds.get(0).message())
        .isEqualTo("Comparing column 'sale_price' of type DECIMAL with 'cheap' of type TEXT");
    Query date = select().select(of("id")).from(t("products"))
        .where(new Expr.Between(of("launched"), lit("2020-01-01"), lit("yesterday"), false)).build();
    assertThat(codes(check(date))).containsExactly(DiagnosticCode.TYPE_MISMATCH);
    Query ok = select().select(of("id")).from(t("products"))
        .where(Expr.And.of(Expr.Comparison.eq(of("sale_price"), lit("12.50")),
            new Expr.Comparison(CmpOp.GE, of("launched"), lit("2020-01-01")),
            Expr.Comparison.eq(of("name"), lit(3)))).build();
    assertThat(check(ok)).isEmpty();
  }

  @Test
  void invalidIdentifier() {
    Query q = select().select(of("na\u0000me")).from(t("products")).build();
    Diagnostic d = check(q).get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.INVALID_IDENTIFIER);
    assertThat(d.message()).isEqualTo("'na\\u0000me' is not a valid identifier");
    Query t2 = select().select(Expr.Star.all()).from(t("prod\nucts")).build();
    assertThat(codes(check(t2))).containsExactly(DiagnosticCode.INVALID_IDENTIFIER,
        DiagnosticCode.UNKNOWN_TABLE);
  }

  // ------------------------------------------------------------ writes

  @Test
  void writes_areResolvedToo() {
    Statement ins = new Statement.Insert(t("categories"), List.of("id", "nam"),
        List.of(List.of(lit(1), lit("a")), List.of(lit(2))), null);
    assertThat(codes(check(ins))).containsExactly(DiagnosticCode.UNKNOWN_COLUMN,
        DiagnosticCode.INSERT_ARITY);
    Statement up = new Statement.Update(t("products"),
        List.of(new Statement.Assignment("sale_pric", lit(1))),
        Expr.Comparison.eq(of("idd"), lit(1)));
    List<Diagnostic> ds = check(up);
    assertThat(codes(ds)).containsExactly(DiagnosticCode.UNKNOWN_COLUMN,
        DiagnosticCode.UNKNOWN_COLUMN);
    assertThat(ds.get(0).suggestions()).first().isEqualTo("sale_price");
    assertThat(ds.get(1).suggestions()).first().isEqualTo("id");
    Statement del = new Statement.Delete(t("orderz"), null);
    assertThat(check(del).get(0).suggestions()).first().isEqualTo("orders");
    Statement ok = new Statement.Delete(t("orders"), new Expr.Comparison(CmpOp.LT,
        of("order_date"), lit("2000-01-01")));
    assertThat(check(ok)).isEmpty();
  }

  // ------------------------------------------------------------ positions and order

  @Test
  void positionsFromSourceMap_areAttached_andErrorsComeFirst() {
    Expr.Column bad = of("sale_pricee");
    Expr.Column warn = of("sale_price");
    Query q = select().select(of("id")).from(t("products"))
        .where(Expr.And.of(Expr.Comparison.eq(warn, lit("x")), Expr.Comparison.eq(bad, lit(1))))
        .build();
    SourceMap map = new SourceMap();
    map.put(bad, new Position(1, 40, 39, 11));
    List<Diagnostic> ds = new Validator(Shop.catalog(Dialect.SQLITE), Dialect.SQLITE).validate(q, map);
    assertThat(codes(ds)).containsExactly(DiagnosticCode.UNKNOWN_COLUMN,
        DiagnosticCode.TYPE_MISMATCH);
    assertThat(ds.get(0).position()).isEqualTo(new Position(1, 40, 39, 11));
    assertThat(ds.get(0).format()).endsWith("(line 1, column 40)");
  }

  @Test
  void nullStatement_isRejectedClearly() {
    Validator v = new Validator(Shop.catalog(Dialect.SQLITE), null);
    assertThat(v.dialect()).isEqualTo(Dialect.SQLITE);
    assertThatThrownBy(() -> v.validate(null, null)).isInstanceOf(NullPointerException.class)
        .hasMessage("statement");
  }
}
