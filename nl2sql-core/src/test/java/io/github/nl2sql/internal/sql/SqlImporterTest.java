package io.github.nl2sql.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.diagnostics.Position;
import io.github.nl2sql.ir.AggFunction;
import io.github.nl2sql.ir.ArithOp;
import io.github.nl2sql.ir.BoundType;
import io.github.nl2sql.ir.CastType;
import io.github.nl2sql.ir.CmpOp;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.FrameUnit;
import io.github.nl2sql.ir.JoinType;
import io.github.nl2sql.ir.NullOrder;
import io.github.nl2sql.ir.Quantifier;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.SetOperator;
import io.github.nl2sql.ir.SortOrder;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.ir.TableRef;
import io.github.nl2sql.ir.WindowSpec;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlImporterTest {
  private static final SqlImporter SQLITE = new SqlImporter(Dialect.SQLITE);

  /** A catalog with singer(singer_id, name, country, age) and concert(concert_id, singer_id, year). */
  static final Catalog CATALOG = new Catalog("SQLite", "3", "concerts", null, Dialect.SQLITE, List.of(
      table("singer", "singer_id", "name", "country", "age"),
      table("concert", "concert_id", "singer_id", "year")), null, null, null, null);

  private static Table table(String name, String... columns) {
    List<Column> cols = new ArrayList<>();
    for (String c : columns) {
      cols.add(new Column(c, cols.size() + 1, "text", Types.VARCHAR, SqlType.TEXT, null, null, true, null,
          null, null, false, null));
    }
    return new Table(null, name, Table.Kind.TABLE, null, cols, null, null, null, null, null);
  }

  private static ImportResult ok(String sql) {
    return ok(SQLITE, sql, CATALOG);
  }

  private static ImportResult ok(SqlImporter importer, String sql, Catalog catalog) {
    ImportResult r = importer.importSql(sql, catalog);
    assertThat(r.diagnostics()).as("diagnostics for %s", sql).isEmpty();
    assertThat(r.ok()).isTrue();
    assertThat(r.statementCount()).isEqualTo(1);
    return r;
  }

  private static Query.Select select(String sql) {
    Statement s = ok(sql).statement();
    assertThat(s).isInstanceOf(Query.Select.class);
    return (Query.Select) s;
  }

  private static Expr where(String sql) {
    return select(sql).where();
  }

  private static Expr firstItem(String sql) {
    return select(sql).items().get(0).expr();
  }

  private static String printed(String sql) {
    return IrPrinter.print(ok(sql).statement());
  }

  private static Diagnostic onlyDiagnostic(ImportResult r) {
    assertThat(r.diagnostics()).hasSize(1);
    return r.diagnostics().get(0);
  }

  // ------------------------------------------------------------------ bad input

  @Nested
  class BadInput {
    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t", "-- just a comment", "/* block */", ";", " ; ; "})
    void emptyOrBlank_givesEmptyInput(String sql) {
      ImportResult r = SQLITE.importSql(sql, null);
      assertThat(r.ok()).isFalse();
      assertThat(r.kind()).isNull();
      assertThat(r.statementCount()).isZero();
      assertThat(onlyDiagnostic(r).code()).isEqualTo(DiagnosticCode.EMPTY_INPUT);
    }

    @Test
    void nullSql_givesEmptyInput() {
      ImportResult r = SQLITE.importSql(null, null);
      assertThat(onlyDiagnostic(r).code()).isEqualTo(DiagnosticCode.EMPTY_INPUT);
    }

    @Test
    void syntaxError_hasReadableMessageAndPosition() {
      String sql = "SELECT a FROM t\nWHERE b = 1\n  AND c = 'x' extra";
      ImportResult r = SQLITE.importSql(sql, null);
      assertThat(r.ok()).isFalse();
      assertThat(r.kind()).isNull();
      Diagnostic d = onlyDiagnostic(r);
      assertThat(d.code()).isEqualTo(DiagnosticCode.SYNTAX_ERROR);
      assertThat(d.isError()).isTrue();
      assertThat(d.message()).startsWith("Cannot parse SQL: unexpected 'extra'")
          .contains("expected end of input").doesNotContain("<").doesNotContain("\n");
      assertThat(d.position()).isEqualTo(new Position(3, 15, sql.indexOf("extra"), 5));
    }

    @Test
    void syntaxError_danglingAnd_pointsAtTheToken() {
      String sql = "SELECT 1 FROM t WHERE a = 1 AND";
      Diagnostic d = onlyDiagnostic(SQLITE.importSql(sql, null));
      assertThat(d.code()).isEqualTo(DiagnosticCode.SYNTAX_ERROR);
      assertThat(d.position().column()).isEqualTo(29);
      assertThat(d.format()).contains("(line 1, column 29)");
    }

    @Test
    void syntaxErrorInsideSubquery_pointsIntoTheSubquery() {
      String sql = "SELECT a FROM t WHERE x IN (SELECT b FROM u WHERE c = (SELECT max(d) FROM v WHERE e = = 1))";
      Diagnostic d = onlyDiagnostic(SQLITE.importSql(sql, null));
      assertThat(d.code()).isEqualTo(DiagnosticCode.SYNTAX_ERROR);
      assertThat(d.position().offset()).isEqualTo(sql.indexOf("= = 1"));
      String alias = "SELECT title FROM course WHERE id IN (SELECT T1.id FROM prereq AS T1 JOIN course AS ON "
          + "T1.id = T2.id)";
      Diagnostic d2 = onlyDiagnostic(SQLITE.importSql(alias, null));
      assertThat(alias.substring(d2.position().offset())).startsWith("AS ON");
    }

    @Test
    void garbage_isSyntaxErrorNotException() {
      for (String sql : List.of("SELEC a FROM t", "SELECT (((", "'unterminated", "SELECT a FROM t WHERE x = \"",
          "🙂", "SELECT * FROM t WHERE a ==== b")) {
        ImportResult r = SQLITE.importSql(sql, null);
        assertThat(r.ok()).as(sql).isFalse();
        assertThat(r.diagnostics()).as(sql).extracting(Diagnostic::code)
            .containsExactly(DiagnosticCode.SYNTAX_ERROR);
      }
    }

    @Test
    void unbalancedParentheses_areReportedQuicklyWithPosition() {
      String sql = "SELECT name FROM singer WHERE (age > (1 + 2) AND ')' = name";
      long started = System.nanoTime();
      Diagnostic d = onlyDiagnostic(SQLITE.importSql(sql, CATALOG));
      assertThat(System.nanoTime() - started).isLessThan(Duration.ofSeconds(1).toNanos());
      assertThat(d.code()).isEqualTo(DiagnosticCode.SYNTAX_ERROR);
      assertThat(d.message()).contains("'(' is never closed");
      assertThat(d.position().offset()).isEqualTo(sql.indexOf('('));
      Diagnostic close = onlyDiagnostic(SQLITE.importSql("SELECT name) FROM singer", CATALOG));
      assertThat(close.message()).contains("')' has no matching '('");
      assertThat(close.position().column()).isEqualTo(12);
    }

    @Test
    void multipleStatements_reportsCountAndStillImportsTheFirst() {
      String sql = "SELECT name FROM singer; DROP TABLE singer";
      ImportResult r = SQLITE.importSql(sql, CATALOG);
      assertThat(r.statementCount()).isEqualTo(2);
      assertThat(r.kind()).isEqualTo(StatementKind.QUERY);
      assertThat(r.statement()).isInstanceOf(Query.Select.class);
      Diagnostic d = onlyDiagnostic(r);
      assertThat(d.code()).isEqualTo(DiagnosticCode.MULTIPLE_STATEMENTS);
      assertThat(d.message()).contains("found 2");
      assertThat(d.position().offset()).isEqualTo(sql.indexOf("DROP"));
    }

    @Test
    void multipleStatements_withSecondUnparsable_stillCountsThem() {
      ImportResult r = SQLITE.importSql("SELECT 1; SELECT (((; SELECT 2", null);
      assertThat(r.statementCount()).isEqualTo(3);
      assertThat(r.diagnostics()).extracting(Diagnostic::code)
          .containsExactly(DiagnosticCode.SYNTAX_ERROR, DiagnosticCode.MULTIPLE_STATEMENTS);
    }

    @Test
    void trailingSemicolonAndComments_areOneStatement() {
      ImportResult r = SQLITE.importSql("-- top\nSELECT name FROM singer; /* tail */ ;", CATALOG);
      assertThat(r.statementCount()).isEqualTo(1);
      assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void semicolonInsideStringOrQuotes_doesNotSplit() {
      ImportResult r = SQLITE.importSql("SELECT name FROM singer WHERE name = 'a;b' OR \"x;y\" = name", CATALOG);
      assertThat(r.statementCount()).isEqualTo(1);
      assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void parseTimeout_givesSyntaxErrorInsteadOfHanging() {
      StringBuilder sql = new StringBuilder("SELECT a FROM t WHERE ");
      for (int i = 0; i < 3000; i++) {
        sql.append(i == 0 ? "" : " OR ").append("(a = ").append(i).append(" AND b LIKE 'x')");
      }
      ImportResult r = new SqlImporter(Dialect.SQLITE, Duration.ofMillis(1)).importSql(sql.toString(), null);
      Diagnostic d = onlyDiagnostic(r);
      assertThat(d.code()).isEqualTo(DiagnosticCode.SYNTAX_ERROR);
      assertThat(d.message()).contains("took too long");
    }

    @Test
    void absurdNesting_isADiagnosticNotAnError() {
      ImportResult parens = SQLITE.importSql("SELECT " + "(".repeat(3000) + "1" + ")".repeat(3000), null);
      assertThat(onlyDiagnostic(parens).code()).isEqualTo(DiagnosticCode.SYNTAX_ERROR);
      ImportResult chain = SQLITE.importSql("SELECT 1" + " + 1".repeat(20000), null);
      assertThat(chain.ok()).isFalse();
      assertThat(chain.diagnostics()).isNotEmpty();
    }

    @Test
    void constructor_rejectsBadArguments() {
      assertThatThrownBy(() -> new SqlImporter(null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> new SqlImporter(Dialect.H2, Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parseTimeout");
    }
  }

  // ------------------------------------------------------------------ classification

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT 1|QUERY",
      "WITH x AS (SELECT 1) SELECT * FROM x|QUERY",
      "(SELECT 1)|QUERY",
      "INSERT INTO singer (name) VALUES ('a')|INSERT",
      "REPLACE INTO singer (name) VALUES ('a')|INSERT",
      "UPDATE singer SET age = 1|UPDATE",
      "DELETE FROM singer|DELETE",
      "CREATE TABLE t (a int)|DDL",
      "CREATE VIEW v AS SELECT 1|DDL",
      "CREATE INDEX i ON t(a)|DDL",
      "ALTER TABLE t ADD COLUMN b int|DDL",
      "DROP TABLE singer|DDL",
      "TRUNCATE TABLE singer|DDL",
      "GRANT SELECT ON t TO bob|DDL",
      "RENAME TABLE a TO b|DDL",
      "SET x = 1|OTHER",
      "COMMIT|OTHER",
      "MERGE INTO t USING s ON (t.id = s.id) WHEN MATCHED THEN UPDATE SET t.a = s.a|OTHER"})
  void classifiesStatementKinds(String sql, StatementKind kind) {
    ImportResult r = SQLITE.importSql(sql, null);
    assertThat(r.kind()).isEqualTo(kind);
    assertThat(r.statementCount()).isEqualTo(1);
    if (kind == StatementKind.DDL || kind == StatementKind.OTHER) {
      assertThat(r.statement()).isNull();
      assertThat(r.diagnostics()).as("the guard decides about DDL/OTHER, not the importer").isEmpty();
    }
  }

  // ------------------------------------------------------------------ Spider double quotes

  @Nested
  class DoubleQuotes {
    @Test
    void withCatalog_unknownName_isString() {
      Expr w = where("SELECT name FROM singer WHERE country = \"France\"");
      assertThat(w).isEqualTo(Expr.Comparison.eq(Expr.Column.of("country"), Expr.Literal.of("France")));
    }

    @Test
    void withCatalog_knownColumnName_isColumn() {
      assertThat(firstItem("SELECT \"Name\" FROM singer")).isEqualTo(Expr.Column.of("Name"));
      assertThat(where("SELECT name FROM singer WHERE \"age\" > 20"))
          .isEqualTo(new Expr.Comparison(CmpOp.GT, Expr.Column.of("age"), Expr.Literal.of(20L)));
    }

    @Test
    void withoutCatalog_sqliteAndMysql_readStrings() {
      for (Dialect d : List.of(Dialect.SQLITE, Dialect.MYSQL, Dialect.MARIADB)) {
        ImportResult r = ok(new SqlImporter(d), "SELECT a FROM t WHERE b = \"Bob\"", null);
        assertThat(((Query.Select) r.statement()).where())
            .isEqualTo(Expr.Comparison.eq(Expr.Column.of("b"), Expr.Literal.of("Bob")));
      }
    }

    @Test
    void postgresAndH2_alwaysReadIdentifiers() {
      for (Dialect d : List.of(Dialect.POSTGRES, Dialect.H2)) {
        ImportResult r = ok(new SqlImporter(d), "SELECT a FROM t WHERE b = \"Bob\"", CATALOG);
        assertThat(((Query.Select) r.statement()).where())
            .isEqualTo(Expr.Comparison.eq(Expr.Column.of("b"), Expr.Column.of("Bob")));
      }
    }

    @Test
    void embeddedQuotesAndSpecialCharacters() {
      assertThat(where("SELECT name FROM singer WHERE name = \"say \"\"hi\"\"\" OR name = 'it''s'"))
          .isEqualTo(Expr.Or.of(Expr.Comparison.eq(Expr.Column.of("name"), Expr.Literal.of("say \"hi\"")),
              Expr.Comparison.eq(Expr.Column.of("name"), Expr.Literal.of("it's"))));
      assertThat(where("SELECT name FROM singer WHERE name LIKE \"%New York%\""))
          .isEqualTo(new Expr.Like(Expr.Column.of("name"), Expr.Literal.of("%New York%"), false, false, null));
    }

    @Test
    void qualifiedDoubleQuoted_isAlwaysColumn() {
      assertThat(firstItem("SELECT T1.\"whatever\" FROM singer AS T1"))
          .isEqualTo(Expr.Column.of("T1", "whatever"));
    }

    @Test
    void doubleQuotedFunctionArgument_isString() {
      assertThat(where("SELECT name FROM singer WHERE strftime(\"%Y\", year) = \"2014\""))
          .isEqualTo(Expr.Comparison.eq(Expr.Function.of("strftime", Expr.Literal.of("%Y"),
              Expr.Column.of("year")), Expr.Literal.of("2014")));
    }

    @Test
    void doubleQuotedSelectAlias_isColumnReference() {
      Query.Select s = select("SELECT count(*) AS \"total\", country FROM singer GROUP BY country ORDER BY \"total\"");
      assertThat(s.items().get(0).alias()).isEqualTo("total");
      assertThat(s.orderBy().get(0).expr()).isEqualTo(Expr.Column.of("total"));
    }

    @Test
    void backticksAndBrackets_areIdentifiers() {
      Query.Select s = select("SELECT `name`, [country] FROM `singer` AS [S]");
      assertThat(s.items()).extracting(i -> i.expr())
          .containsExactly(Expr.Column.of("name"), Expr.Column.of("country"));
      assertThat(s.from()).containsExactly(TableRef.Table.of("singer", "S"));
    }
  }

  // ------------------------------------------------------------------ select structure

  @Test
  void spiderStyleAliases_keepCaseAsWritten() {
    Query.Select s = select("select T1.name from singer as T1 join concert as t2 on T1.singer_id = t2.singer_id");
    assertThat(s.items().get(0).expr()).isEqualTo(Expr.Column.of("T1", "name"));
    assertThat(s.from()).containsExactly(new TableRef.Join(JoinType.INNER,
        TableRef.Table.of("singer", "T1"), TableRef.Table.of("concert", "t2"),
        Expr.Comparison.eq(Expr.Column.of("T1", "singer_id"), Expr.Column.of("t2", "singer_id")), List.of()));
  }

  @Test
  void joinsOfEveryKind() {
    Query.Select s = select("SELECT * FROM a LEFT JOIN b ON a.x = b.x RIGHT OUTER JOIN c ON b.y = c.y "
        + "FULL JOIN d USING (z) CROSS JOIN e INNER JOIN f ON f.q = e.q JOIN g");
    TableRef r = s.from().get(0);
    List<JoinType> types = new ArrayList<>();
    while (r instanceof TableRef.Join j) {
      types.add(0, j.type());
      r = j.left();
    }
    assertThat(types).containsExactly(JoinType.LEFT, JoinType.RIGHT, JoinType.FULL, JoinType.CROSS,
        JoinType.INNER, JoinType.CROSS);
    TableRef.Join full = (TableRef.Join) ((TableRef.Join) ((TableRef.Join) ((TableRef.Join) s.from().get(0))
        .left()).left()).left();
    assertThat(full.using()).containsExactly("z");
  }

  @Test
  void commaJoins_areSeveralFromItems() {
    Query.Select s = select("SELECT * FROM singer AS a, concert AS b JOIN singer c ON b.singer_id = c.singer_id "
        + "WHERE a.singer_id = b.singer_id");
    assertThat(s.from()).hasSize(2);
    assertThat(s.from().get(0)).isEqualTo(TableRef.Table.of("singer", "a"));
    assertThat(s.from().get(1)).isInstanceOf(TableRef.Join.class);
  }

  @Test
  void derivedTablesAndScalarSubqueries() {
    Query.Select s = select("SELECT x.n, (SELECT max(age) FROM singer) FROM (SELECT name AS n FROM singer) AS x "
        + "WHERE x.n = (SELECT min(name) FROM singer)");
    assertThat(s.from().get(0)).isInstanceOf(TableRef.Derived.class);
    TableRef.Derived d = (TableRef.Derived) s.from().get(0);
    assertThat(d.alias()).isEqualTo("x");
    assertThat(((Query.Select) d.query()).items().get(0).alias()).isEqualTo("n");
    assertThat(s.items().get(1).expr()).isInstanceOf(Expr.Subquery.class);
    assertThat(((Expr.Comparison) s.where()).right()).isInstanceOf(Expr.Subquery.class);
  }

  @Test
  void derivedTableWithoutAlias_isAllowed() {
    TableRef.Derived d = (TableRef.Derived) select("SELECT count(*) FROM (SELECT name FROM singer)").from().get(0);
    assertThat(d.alias()).isNull();
  }

  @Test
  void groupByHavingOrderByLimitOffset() {
    Query.Select s = select("SELECT country, count(*) FROM singer GROUP BY country HAVING count(*) > 2 "
        + "ORDER BY count(*) DESC, 1 ASC NULLS FIRST LIMIT 3 OFFSET 1");
    assertThat(s.groupBy()).containsExactly(Expr.Column.of("country"));
    assertThat(s.having()).isEqualTo(new Expr.Comparison(CmpOp.GT, Expr.Aggregate.countStar(),
        Expr.Literal.of(2L)));
    assertThat(s.orderBy()).extracting(o -> o.direction()).containsExactly(SortOrder.DESC, SortOrder.ASC);
    assertThat(s.orderBy().get(1).expr()).isEqualTo(new Expr.Ordinal(1));
    assertThat(s.orderBy().get(1).nulls()).isEqualTo(NullOrder.FIRST);
    assertThat(s.limit()).isEqualTo(3L);
    assertThat(s.offset()).isEqualTo(1L);
  }

  @Test
  void mysqlLimitOffsetComma() {
    Query.Select s = select("SELECT name FROM singer LIMIT 2, 5");
    assertThat(s.limit()).isEqualTo(5L);
    assertThat(s.offset()).isEqualTo(2L);
  }

  @Test
  void groupByOrdinalAndDistinct() {
    Query.Select s = select("SELECT DISTINCT country FROM singer GROUP BY 1");
    assertThat(s.distinct()).isTrue();
    assertThat(s.groupBy()).containsExactly(new Expr.Ordinal(1));
  }

  // ------------------------------------------------------------------ set operations and CTEs

  @Test
  void setOperationChain_foldsLeftWithOrderAndLimitOnTop() {
    Query q = (Query) ok("SELECT name FROM singer INTERSECT SELECT name FROM singer WHERE age > 1 "
        + "UNION ALL SELECT name FROM singer EXCEPT SELECT country FROM singer ORDER BY name LIMIT 2").statement();
    assertThat(q).isInstanceOf(Query.SetOperation.class);
    Query.SetOperation top = (Query.SetOperation) q;
    assertThat(top.operator()).isEqualTo(SetOperator.EXCEPT);
    assertThat(top.orderBy()).containsExactly(io.github.nl2sql.ir.OrderItem.asc(Expr.Column.of("name")));
    assertThat(top.limit()).isEqualTo(2L);
    Query.SetOperation mid = (Query.SetOperation) top.left();
    assertThat(mid.operator()).isEqualTo(SetOperator.UNION);
    assertThat(mid.all()).isTrue();
    Query.SetOperation low = (Query.SetOperation) mid.left();
    assertThat(low.operator()).isEqualTo(SetOperator.INTERSECT);
    assertThat(low.left()).isInstanceOf(Query.Select.class);
    assertThat(((Query.Select) low.left()).orderBy()).isEmpty();
    assertThat(((Query.Select) top.right()).limit()).isNull();
  }

  @Test
  void cte_andRecursiveCte() {
    Query.Select s = select("WITH big AS (SELECT name FROM singer WHERE age > 30), b2 AS (SELECT * FROM big) "
        + "SELECT name FROM b2");
    assertThat(s.with().recursive()).isFalse();
    assertThat(s.with().ctes()).extracting(c -> c.name()).containsExactly("big", "b2");

    Query q = (Query) ok("WITH RECURSIVE cnt(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM cnt WHERE n < 5) "
        + "SELECT n FROM cnt").statement();
    assertThat(q.with().recursive()).isTrue();
    assertThat(q.with().ctes().get(0).columns()).containsExactly("n");
    assertThat(q.with().ctes().get(0).query()).isInstanceOf(Query.SetOperation.class);
  }

  @Test
  void cteOverSetOperation_attachesWithToTheTop() {
    Query q = (Query) ok("WITH x AS (SELECT 1 AS a) SELECT a FROM x UNION SELECT a FROM x").statement();
    assertThat(q).isInstanceOf(Query.SetOperation.class);
    assertThat(q.with()).isNotNull();
  }

  // ------------------------------------------------------------------ expressions

  @Test
  void literalsOfEveryType() {
    Query.Select s = select("SELECT 1, 2.5, 'x', NULL, TRUE, false, -3, -4.25, 12345678901234567890, 1e3 FROM t");
    assertThat(s.items()).extracting(i -> ((Expr.Literal) i.expr()).value()).containsExactly(1L,
        new BigDecimal("2.5"), "x", null, true, false, -3L, new BigDecimal("-4.25"),
        new BigDecimal("12345678901234567890"), new BigDecimal("1e3"));
  }

  @Test
  void unaryMinusOnNonLiteral_isNegate_andPlusDisappears() {
    assertThat(firstItem("SELECT -age FROM singer")).isEqualTo(new Expr.Negate(Expr.Column.of("age")));
    assertThat(firstItem("SELECT +age FROM singer")).isEqualTo(Expr.Column.of("age"));
    assertThat(firstItem("SELECT - (1 + age) FROM singer")).isEqualTo(new Expr.Negate(
        new Expr.Arithmetic(ArithOp.ADD, Expr.Literal.of(1L), Expr.Column.of("age"))));
  }

  @Test
  void arithmeticAndConcat_respectPrecedenceAndParentheses() {
    assertThat(firstItem("SELECT (age + 1) * 2 - age / 3 % 4 FROM singer")).isEqualTo(
        new Expr.Arithmetic(ArithOp.SUBTRACT,
            new Expr.Arithmetic(ArithOp.MULTIPLY,
                new Expr.Arithmetic(ArithOp.ADD, Expr.Column.of("age"), Expr.Literal.of(1L)), Expr.Literal.of(2L)),
            new Expr.Arithmetic(ArithOp.MODULO,
                new Expr.Arithmetic(ArithOp.DIVIDE, Expr.Column.of("age"), Expr.Literal.of(3L)),
                Expr.Literal.of(4L))));
    assertThat(firstItem("SELECT name || ' ' || country FROM singer")).isEqualTo(
        new Expr.Arithmetic(ArithOp.CONCAT, new Expr.Arithmetic(ArithOp.CONCAT, Expr.Column.of("name"),
            Expr.Literal.of(" ")), Expr.Column.of("country")));
  }

  @Test
  void andOr_areFlattenedNary() {
    Expr w = where("SELECT * FROM singer WHERE a = 1 AND (b = 2 AND c = 3) AND (d = 4 OR e = 5 OR (f = 6 OR g = 7))");
    assertThat(w).isInstanceOf(Expr.And.class);
    Expr.And and = (Expr.And) w;
    assertThat(and.operands()).hasSize(4);
    assertThat(((Expr.Or) and.operands().get(3)).operands()).hasSize(4);
  }

  @ParameterizedTest
  @CsvSource({"=,EQ", "!=,NE", "<>,NE", "<,LT", "<=,LE", ">,GT", ">=,GE"})
  void comparisons(String op, CmpOp expected) {
    assertThat(where("SELECT * FROM singer WHERE age " + op + " 3"))
        .isEqualTo(new Expr.Comparison(expected, Expr.Column.of("age"), Expr.Literal.of(3L)));
  }

  @Test
  void predicates() {
    assertThat(where("SELECT * FROM singer WHERE name NOT LIKE '%a%'"))
        .isEqualTo(new Expr.Like(Expr.Column.of("name"), Expr.Literal.of("%a%"), true, false, null));
    assertThat(where("SELECT * FROM singer WHERE name LIKE 'a!%' ESCAPE '!'"))
        .isEqualTo(new Expr.Like(Expr.Column.of("name"), Expr.Literal.of("a!%"), false, false, "!"));
    assertThat(where("SELECT * FROM singer WHERE age BETWEEN 10 AND 15"))
        .isEqualTo(new Expr.Between(Expr.Column.of("age"), Expr.Literal.of(10L), Expr.Literal.of(15L), false));
    assertThat(where("SELECT * FROM singer WHERE age NOT BETWEEN 10 AND 15"))
        .isEqualTo(new Expr.Between(Expr.Column.of("age"), Expr.Literal.of(10L), Expr.Literal.of(15L), true));
    assertThat(where("SELECT * FROM singer WHERE age IS NULL"))
        .isEqualTo(new Expr.IsNull(Expr.Column.of("age"), false));
    assertThat(where("SELECT * FROM singer WHERE age IS NOT NULL"))
        .isEqualTo(new Expr.IsNull(Expr.Column.of("age"), true));
    assertThat(where("SELECT * FROM singer WHERE age IN (1, 2)"))
        .isEqualTo(new Expr.InList(Expr.Column.of("age"), List.of(Expr.Literal.of(1L), Expr.Literal.of(2L)), false));
    assertThat(where("SELECT * FROM singer WHERE NOT (age = 1)"))
        .isEqualTo(new Expr.Not(Expr.Comparison.eq(Expr.Column.of("age"), Expr.Literal.of(1L))));
  }

  @Test
  void subqueryPredicates() {
    Expr w = where("SELECT * FROM singer WHERE singer_id NOT IN (SELECT singer_id FROM concert) "
        + "AND EXISTS (SELECT 1 FROM concert) AND NOT EXISTS (SELECT 2 FROM concert) "
        + "AND age > ALL (SELECT age FROM singer) AND age = ANY (SELECT 1) AND age < SOME (SELECT 2)");
    List<Expr> ops = ((Expr.And) w).operands();
    assertThat(ops.get(0)).isInstanceOfSatisfying(Expr.InQuery.class, i -> assertThat(i.negated()).isTrue());
    assertThat(ops.get(1)).isInstanceOfSatisfying(Expr.Exists.class, e -> assertThat(e.negated()).isFalse());
    assertThat(ops.get(2)).isInstanceOfSatisfying(Expr.Exists.class, e -> assertThat(e.negated()).isTrue());
    assertThat(ops.get(3)).isInstanceOfSatisfying(Expr.Quantified.class, q -> {
      assertThat(q.op()).isEqualTo(CmpOp.GT);
      assertThat(q.quantifier()).isEqualTo(Quantifier.ALL);
    });
    assertThat(ops.get(4)).isInstanceOfSatisfying(Expr.Quantified.class,
        q -> assertThat(q.quantifier()).isEqualTo(Quantifier.ANY));
    assertThat(ops.get(5)).isInstanceOfSatisfying(Expr.Quantified.class,
        q -> assertThat(q.quantifier()).isEqualTo(Quantifier.ANY));
  }

  /** Regression: JSqlParser 5.3 reads "a IN (...) AND b" as "a IN ((...) AND b)". */
  @Test
  void inFollowedByAnd_keepsSqlPrecedence() {
    assertThat(printed("SELECT 1 FROM r WHERE a IN (1, 2) AND d = 1"))
        .isEqualTo("SELECT 1 FROM r WHERE (a IN (1, 2) AND d = 1)");
    assertThat(printed("SELECT 1 FROM r WHERE a NOT IN (SELECT b FROM s) AND d = 1 OR e IN (3) AND f = 2"))
        .isEqualTo("SELECT 1 FROM r WHERE ((a NOT IN (SELECT b FROM s) AND d = 1) OR (e IN (3) AND f = 2))");
    assertThat(printed("SELECT 1 FROM r WHERE x = 1 AND a IN (SELECT b FROM s) AND d IN (SELECT e FROM f)"))
        .isEqualTo("SELECT 1 FROM r WHERE (x = 1 AND a IN (SELECT b FROM s) AND d IN (SELECT e FROM f))");
  }

  @Test
  void aggregates() {
    Query.Select s = select("SELECT count(*), COUNT(DISTINCT name), sum(age + 1), avg(age), MIN(age), max(age), "
        + "group_concat(name), group_concat(name, ', ') FROM singer");
    assertThat(s.items()).extracting(i -> i.expr()).containsExactly(
        Expr.Aggregate.countStar(),
        new Expr.Aggregate(AggFunction.COUNT, true, Expr.Column.of("name"), null),
        Expr.Aggregate.of(AggFunction.SUM, new Expr.Arithmetic(ArithOp.ADD, Expr.Column.of("age"),
            Expr.Literal.of(1L))),
        Expr.Aggregate.of(AggFunction.AVG, Expr.Column.of("age")),
        Expr.Aggregate.of(AggFunction.MIN, Expr.Column.of("age")),
        Expr.Aggregate.of(AggFunction.MAX, Expr.Column.of("age")),
        Expr.Aggregate.of(AggFunction.GROUP_CONCAT, Expr.Column.of("name")),
        new Expr.Aggregate(AggFunction.GROUP_CONCAT, false, Expr.Column.of("name"), ", "));
  }

  @Test
  void mysqlGroupConcatWithSeparator() {
    ImportResult r = ok(new SqlImporter(Dialect.MYSQL),
        "SELECT GROUP_CONCAT(DISTINCT name SEPARATOR ';') FROM singer", null);
    assertThat(((Query.Select) r.statement()).items().get(0).expr())
        .isEqualTo(new Expr.Aggregate(AggFunction.GROUP_CONCAT, true, Expr.Column.of("name"), ";"));
  }

  @Test
  void sqliteTwoArgumentMinMax_areScalarFunctions() {
    assertThat(firstItem("SELECT max(age, 3) FROM singer"))
        .isEqualTo(Expr.Function.of("max", Expr.Column.of("age"), Expr.Literal.of(3L)));
  }

  @Test
  void functions_areLowerCasedByName() {
    Query.Select s = select("SELECT LOWER(name), Abs(age), round(age, 2), length(name), substr(name, 1, 2), "
        + "COALESCE(name, 'x'), ifnull(age, 0), strftime('%Y', year) FROM singer");
    assertThat(s.items()).extracting(i -> ((Expr.Function) i.expr()).name())
        .containsExactly("lower", "abs", "round", "length", "substr", "coalesce", "ifnull", "strftime");
  }

  @Test
  void caseSimpleAndSearched() {
    assertThat(firstItem("SELECT CASE WHEN age > 30 THEN 'old' WHEN age IS NULL THEN '?' ELSE 'young' END FROM singer"))
        .isEqualTo(new Expr.Case(null, List.of(
            new io.github.nl2sql.ir.When(new Expr.Comparison(CmpOp.GT, Expr.Column.of("age"), Expr.Literal.of(30L)),
                Expr.Literal.of("old")),
            new io.github.nl2sql.ir.When(new Expr.IsNull(Expr.Column.of("age"), false), Expr.Literal.of("?"))),
            Expr.Literal.of("young")));
    assertThat(firstItem("SELECT CASE country WHEN 'FR' THEN 1 END FROM singer"))
        .isEqualTo(new Expr.Case(Expr.Column.of("country"), List.of(
            new io.github.nl2sql.ir.When(Expr.Literal.of("FR"), Expr.Literal.of(1L))), null));
  }

  @ParameterizedTest
  @CsvSource({"INT,INTEGER", "INTEGER,INTEGER", "BIGINT,BIGINT", "REAL,DOUBLE", "FLOAT,DOUBLE",
      "DOUBLE,DOUBLE", "NUMERIC,DECIMAL", "TEXT,TEXT", "CHAR,TEXT", "DATE,DATE", "DATETIME,TIMESTAMP",
      "TIMESTAMP,TIMESTAMP", "BOOLEAN,BOOLEAN"})
  void castTypes(String sqlType, CastType expected) {
    assertThat(firstItem("SELECT CAST(age AS " + sqlType + ") FROM singer"))
        .isEqualTo(new Expr.Cast(Expr.Column.of("age"), expected));
  }

  @Test
  void castTypeArgumentsAreKept() {
    assertThat(firstItem("SELECT CAST(age AS DECIMAL(10,2)) FROM singer"))
        .isEqualTo(new Expr.Cast(Expr.Column.of("age"), CastType.DECIMAL, 10, 2));
    assertThat(firstItem("SELECT CAST(age AS NUMERIC(7)) FROM singer"))
        .isEqualTo(new Expr.Cast(Expr.Column.of("age"), CastType.DECIMAL, 7, null));
    assertThat(firstItem("SELECT CAST(name AS VARCHAR(20)) FROM singer"))
        .isEqualTo(new Expr.Cast(Expr.Column.of("name"), CastType.TEXT, 20, null));
    // arguments the IR cannot hold are reported, not dropped
    assertThat(SQLITE.importSql("SELECT CAST(age AS DECIMAL(2,5)) FROM singer", CATALOG).diagnostics())
        .anySatisfy(d -> assertThat(d.code()).isEqualTo(DiagnosticCode.NOT_EXPRESSIBLE));
  }

  @Test
  void dateLiteralAndCurrentDate() {
    Query.Select s = select("SELECT DATE '2020-01-31', CURRENT_DATE FROM singer");
    assertThat(s.items().get(0).expr()).isEqualTo(new Expr.Cast(Expr.Literal.of("2020-01-31"), CastType.DATE));
    assertThat(s.items().get(1).expr()).isEqualTo(new Expr.Function("current_date", List.of()));
  }

  @Test
  void windowFunctions() {
    Expr e = firstItem("SELECT rank() OVER (PARTITION BY country ORDER BY age DESC "
        + "ROWS BETWEEN UNBOUNDED PRECEDING AND 2 FOLLOWING) FROM singer");
    assertThat(e).isEqualTo(new Expr.Window(Expr.Function.of("rank"), new WindowSpec(
        List.of(Expr.Column.of("country")), List.of(io.github.nl2sql.ir.OrderItem.desc(Expr.Column.of("age"))),
        new WindowSpec.Frame(FrameUnit.ROWS, new WindowSpec.Bound(BoundType.UNBOUNDED_PRECEDING, null),
            new WindowSpec.Bound(BoundType.FOLLOWING, 2L)))));
    assertThat(firstItem("SELECT sum(age) OVER (ORDER BY age RANGE 3 PRECEDING) FROM singer"))
        .isEqualTo(new Expr.Window(Expr.Aggregate.of(AggFunction.SUM, Expr.Column.of("age")), new WindowSpec(
            List.of(), List.of(io.github.nl2sql.ir.OrderItem.asc(Expr.Column.of("age"))),
            new WindowSpec.Frame(FrameUnit.RANGE, new WindowSpec.Bound(BoundType.PRECEDING, 3L), null))));
    assertThat(((Expr.Window) firstItem("SELECT row_number() OVER (ORDER BY 1) FROM singer")).over().orderBy()
        .get(0).expr()).as("a number in a window's ORDER BY is a constant").isEqualTo(Expr.Literal.of(1L));
    assertThat(firstItem("SELECT count(*) OVER () FROM singer"))
        .isEqualTo(new Expr.Window(Expr.Aggregate.countStar(), new WindowSpec(List.of(), List.of(), null)));
    assertThat(firstItem("SELECT lag(age, 1, 0) OVER (ORDER BY age ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM singer"))
        .isInstanceOfSatisfying(Expr.Window.class, w -> {
          assertThat(w.function()).isEqualTo(Expr.Function.of("lag", Expr.Column.of("age"), Expr.Literal.of(1L),
              Expr.Literal.of(0L)));
          assertThat(w.over().frame().start().type()).isEqualTo(BoundType.CURRENT_ROW);
          assertThat(w.over().frame().end().type()).isEqualTo(BoundType.UNBOUNDED_FOLLOWING);
        });
  }

  @Test
  void stars() {
    Query.Select s = select("SELECT *, T1.* FROM singer AS T1");
    assertThat(s.items()).extracting(i -> i.expr()).containsExactly(Expr.Star.all(), new Expr.Star("T1"));
  }

  @Test
  void mysqlBackslashEscapes_onlyInMysql() {
    ImportResult my = ok(new SqlImporter(Dialect.MARIADB), "SELECT 'a\\'b\\nc', 'x\\%', 'p\\'(' FROM t", null);
    assertThat(((Query.Select) my.statement()).items()).extracting(i -> ((Expr.Literal) i.expr()).value())
        .containsExactly("a'b\nc", "x\\%", "p'(");
    ImportResult lite = ok(SQLITE, "SELECT 'a\\b' FROM t", null);
    assertThat(((Expr.Literal) ((Query.Select) lite.statement()).items().get(0).expr()).value()).isEqualTo("a\\b");
  }

  // ------------------------------------------------------------------ DML

  @Test
  void insertValuesAndInsertSelect() {
    Statement s = ok("INSERT INTO singer (name, age) VALUES ('a', 1), ('b', -2)").statement();
    assertThat(s).isEqualTo(new Statement.Insert(TableRef.Table.of("singer"), List.of("name", "age"),
        List.of(List.of(Expr.Literal.of("a"), Expr.Literal.of(1L)), List.of(Expr.Literal.of("b"),
            Expr.Literal.of(-2L))), null));
    Statement.Insert i = (Statement.Insert) ok("INSERT INTO singer (name) SELECT country FROM singer").statement();
    assertThat(i.rows()).isEmpty();
    assertThat(i.query()).isInstanceOf(Query.Select.class);
    Statement.Insert one = (Statement.Insert) ok("INSERT INTO singer VALUES (1)").statement();
    assertThat(one.columns()).isEmpty();
    assertThat(one.rows()).containsExactly(List.of(Expr.Literal.of(1L)));
  }

  @Test
  void updateAndDelete() {
    ImportResult r = ok("UPDATE singer SET age = age + 1, name = 'x' WHERE singer_id = 3");
    assertThat(r.kind()).isEqualTo(StatementKind.UPDATE);
    Statement.Update u = (Statement.Update) r.statement();
    assertThat(u.table()).isEqualTo(TableRef.Table.of("singer"));
    assertThat(u.set()).extracting(Statement.Assignment::column).containsExactly("age", "name");
    assertThat(u.where()).isEqualTo(Expr.Comparison.eq(Expr.Column.of("singer_id"), Expr.Literal.of(3L)));
    ImportResult d = ok("DELETE FROM singer WHERE age < 3");
    assertThat(d.kind()).isEqualTo(StatementKind.DELETE);
    assertThat(d.statement()).isEqualTo(new Statement.Delete(TableRef.Table.of("singer"),
        new Expr.Comparison(CmpOp.LT, Expr.Column.of("age"), Expr.Literal.of(3L))));
  }

  // ------------------------------------------------------------------ not expressible

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT * FROM singer NATURAL JOIN concert|NATURAL JOIN|NATURAL",
      "SELECT * FROM singer, LATERAL (SELECT 1) AS x|LATERAL|LATERAL",
      "SELECT * FROM singer FOR UPDATE|FOR UPDATE|FOR",
      "SELECT age + INTERVAL '1' DAY FROM singer|INTERVAL|INTERVAL",
      "SELECT @v FROM singer|user variable|@v",
      "SELECT * FROM singer a, concert b WHERE a.singer_id = b.singer_id(+)|Oracle outer join|a.singer_id",
      "SELECT rank() OVER w FROM singer WINDOW w AS (ORDER BY age)|WINDOW|WINDOW",
      "SELECT * FROM singer WHERE age = ?|bind parameter|?",
      "SELECT sum(age) FILTER (WHERE age > 1) FROM singer|FILTER|sum",
      "SELECT DISTINCT ON (country) name FROM singer|DISTINCT ON|DISTINCT",
      "SELECT * FROM singer WHERE (age, name) IN (SELECT 1, 2)|row value|",
      "INSERT INTO singer (age) VALUES (1) ON DUPLICATE KEY UPDATE age = 2|ON DUPLICATE KEY UPDATE|DUPLICATE",
      "UPDATE singer JOIN concert ON singer.singer_id = concert.singer_id SET age = 1|UPDATE with joins|JOIN",
      "REPLACE INTO singer (age) VALUES (1)|REPLACE|REPLACE",
      "SELECT CAST(age AS BLOB) FROM singer|CAST to BLOB|CAST"})
  void notExpressible_namesTheConstructAndItsPosition(String sql, String construct, String at) {
    ImportResult r = SQLITE.importSql(sql, CATALOG);
    assertThat(r.ok()).as("no partial IR").isFalse();
    assertThat(r.kind()).isNotNull();
    Diagnostic d = onlyDiagnostic(r);
    assertThat(d.code()).isEqualTo(DiagnosticCode.NOT_EXPRESSIBLE);
    assertThat(d.message()).contains(construct).endsWith("cannot be expressed in the IR");
    if (at != null) {
      assertThat(d.position()).as("position of %s", construct).isNotNull();
      assertThat(sql.substring(d.position().offset())).startsWithIgnoringCase(at);
    }
  }

  // ------------------------------------------------------------------ positions

  @Test
  void positions_ofColumnsAndTables_pointIntoTheText() {
    String sql = "SELECT T1.name,\n\tcount(*)\nFROM singer AS T1\n  JOIN concert AS T2 ON T1.singer_id = T2.singer_id\n"
        + "WHERE T1.\"age\" > 3 AND country = \"France\"";
    ImportResult r = ok(SQLITE, sql, CATALOG);
    List<Object> nodes = IrNodes.columnsAndTables(r.statement());
    assertThat(nodes).hasSize(7);
    for (Object node : nodes) {
      assertThat(SpiderGoldImportTest.positionProblem(sql, node, r.positions().positionOf(node))).isNull();
    }
    Query.Select s = (Query.Select) r.statement();
    Position name = r.positions().positionOf(s.items().get(0).expr());
    assertThat(name).isEqualTo(new Position(1, 8, 7, 7));
    TableRef.Join join = (TableRef.Join) s.from().get(0);
    Position concert = r.positions().positionOf(join.right());
    assertThat(concert.line()).isEqualTo(4);
    assertThat(concert.column()).isEqualTo(8);
    assertThat(concert.length()).isEqualTo("concert".length());
  }

  @Test
  void positions_surviveTabsCrLfAndNonBmpCharacters() {
    String sql = "SELECT\tT1.name\r\nFROM\tsinger AS T1 WHERE T1.country = '\uD83D\uDE00\u00e9' AND\r\n\tT1.age = 2";
    ImportResult r = ok(SQLITE, sql, CATALOG);
    List<Object> nodes = IrNodes.columnsAndTables(r.statement());
    assertThat(nodes).hasSize(4);
    for (Object node : nodes) {
      assertThat(SpiderGoldImportTest.positionProblem(sql, node, r.positions().positionOf(node))).isNull();
    }
    Position age = r.positions().positionOf(((Expr.Comparison) ((Expr.And) ((Query.Select) r.statement()).where())
        .operands().get(1)).left());
    assertThat(age.line()).isEqualTo(3);
    assertThat(age.column()).isEqualTo(2);

    String bad = "SELECT a\r\nFROM t\r\nWHERE x = '\uD83D\uDE00' AND\r\n  y = oops oops";
    Diagnostic d = onlyDiagnostic(SQLITE.importSql(bad, null));
    assertThat(d.position().line()).isEqualTo(4);
    assertThat(bad.substring(d.position().offset())).startsWith("oops");
  }

  @Test
  void positions_ofQualifiedStarsAndFunctions() {
    String sql = "SELECT T1.*, lower(name) FROM singer AS T1";
    ImportResult r = ok(SQLITE, sql, CATALOG);
    Query.Select s = (Query.Select) r.statement();
    assertThat(r.positions().positionOf(s.items().get(0).expr())).isEqualTo(new Position(1, 8, 7, 2));
    assertThat(r.positions().positionOf(s.items().get(1).expr()).offset()).isEqualTo(sql.indexOf("lower"));
  }

  @Test
  void positions_areIdentityBased_forEqualColumns() {
    String sql = "SELECT age FROM singer WHERE age > 1";
    ImportResult r = ok(SQLITE, sql, CATALOG);
    Query.Select s = (Query.Select) r.statement();
    Expr first = s.items().get(0).expr();
    Expr second = ((Expr.Comparison) s.where()).left();
    assertThat(first).isEqualTo(second);
    assertThat(r.positions().positionOf(first).offset()).isEqualTo(7);
    assertThat(r.positions().positionOf(second).offset()).isEqualTo(sql.lastIndexOf("age"));
  }

  // ------------------------------------------------------------------ concurrency

  @Test
  void oneImporter_isSafeToShareAcrossThreads() throws Exception {
    List<String> sqls = List.of(
        "SELECT T1.name FROM singer AS T1 JOIN concert AS T2 ON T1.singer_id = T2.singer_id WHERE T2.year = \"2014\"",
        "SELECT country, count(*) FROM singer GROUP BY country HAVING count(*) > 1 ORDER BY 2 DESC LIMIT 1",
        "SELECT name FROM singer WHERE age > (SELECT avg(age) FROM singer) EXCEPT SELECT name FROM singer WHERE x",
        "SELECT broken FROM");
    List<String> expected = new ArrayList<>();
    for (String sql : sqls) {
      expected.add(describe(SQLITE.importSql(sql, CATALOG)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 50; i++) {
            int k = i % sqls.size();
            if (!describe(SQLITE.importSql(sqls.get(k), CATALOG)).equals(expected.get(k))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : futures) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String describe(ImportResult r) {
    return (r.ok() ? IrPrinter.print(r.statement()) : "-") + " " + r.diagnostics() + " " + r.positions().size();
  }

  // ------------------------------------------------------------------ printer

  @Test
  void irPrinter_rendersReadableText() {
    assertThat(printed("SELECT T1.name, count(*) AS c FROM singer AS T1 LEFT JOIN concert AS T2 "
        + "ON T1.singer_id = T2.singer_id WHERE T1.age >= 18 AND T1.name LIKE 'A%' GROUP BY T1.name "
        + "ORDER BY c DESC LIMIT 3"))
        .isEqualTo("SELECT T1.name, count(*) AS c FROM singer AS T1 LEFT JOIN concert AS T2 "
            + "ON T1.singer_id = T2.singer_id WHERE (T1.age >= 18 AND T1.name LIKE 'A%') GROUP BY T1.name "
            + "ORDER BY c DESC LIMIT 3");
  }
}
