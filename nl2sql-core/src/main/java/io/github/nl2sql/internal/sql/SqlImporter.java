package io.github.nl2sql.internal.sql;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.diagnostics.Position;
import io.github.nl2sql.ir.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * Imports SQL text into IR with JSqlParser.
 *
 * <p>The importer never throws for bad SQL: empty input, syntax errors (with a readable message and a
 * position), several statements, and constructs the IR cannot hold all come back as diagnostics in
 * the {@link ImportResult}. DDL and other non-DML statements are classified ({@link StatementKind}) but
 * not imported; deciding whether they may run is the guard's job.
 *
 * <p>SQLite and MySQL/MariaDB (without ANSI_QUOTES) read a double-quoted token that names no column as a
 * string; gold SQL of the Spider benchmark relies on that ({@code WHERE name = "Bob"}). For those
 * dialects an unqualified double-quoted token becomes a string literal unless some table of the given
 * catalog has a column of that name (case-insensitive); without a catalog it always becomes a string.
 * For PostgreSQL and H2 double quotes always delimit identifiers.
 *
 * <p>Conventions of the IR it produces, so that one query has one shape: a minus directly before a
 * numeric literal makes a negative {@link io.github.nl2sql.ir.Expr.Literal} (any other unary minus is a
 * {@link io.github.nl2sql.ir.Expr.Negate}); literals are {@code Long}, {@code BigDecimal}, {@code
 * String}, {@code Boolean} or {@code null}; parentheses leave no trace; nested AND/OR are flattened into
 * one n-ary node; NOT over LIKE/IN/BETWEEN/IS NULL/EXISTS is folded into the predicate's own negation;
 * {@code ORDER BY 2}/{@code GROUP BY 1} become {@link io.github.nl2sql.ir.Expr.Ordinal}; function names
 * are lower-cased, COUNT/SUM/AVG/MIN/MAX/GROUP_CONCAT become aggregates (SQLite's two-argument MIN/MAX
 * stay scalar functions, and its {@code group_concat(x, sep)} carries {@code sep} as the separator);
 * chains of UNION/INTERSECT/EXCEPT fold left-associatively; a JOIN without ON or USING is a CROSS join;
 * names keep the case and spelling they were written with, without their quotes.
 *
 * <p>Instances are immutable and thread-safe; each call works on its own parser and state. Parsing runs
 * on a shared pool of daemon threads so that a parse exceeding the timeout can be abandoned.
 */
public final class SqlImporter {
  /** Parse timeout used by {@link #SqlImporter(Dialect)}. */
  public static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofSeconds(5);

  private static final ExecutorService PARSER_THREADS = Executors.newCachedThreadPool(new DaemonThreads());

  private final Dialect dialect;
  private final long timeoutMillis;

  /**
   * An importer for {@code dialect} with the {@link #DEFAULT_PARSE_TIMEOUT}.
   *
   * @throws NullPointerException if {@code dialect} is null
   */
  public SqlImporter(Dialect dialect) {
    this(dialect, DEFAULT_PARSE_TIMEOUT);
  }

  /**
   * An importer for {@code dialect} whose parses are abandoned after {@code parseTimeout}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the timeout is not positive
   */
  public SqlImporter(Dialect dialect, Duration parseTimeout) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(parseTimeout, "parseTimeout");
    if (parseTimeout.isNegative() || parseTimeout.isZero()) {
      throw new IllegalArgumentException("parseTimeout must be positive, got " + parseTimeout);
    }
    this.timeoutMillis = parseTimeout.toMillis();
  }

  /** The dialect this importer reads. */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * Parses and imports {@code sql}. Never throws for bad SQL; problems come back as diagnostics.
   *
   * <p>With several statements, {@link ImportResult#statementCount()} says how many, a
   * {@code MULTIPLE_STATEMENTS} diagnostic is added, and the first statement is still imported when it
   * can be.
   *
   * @param sql the SQL text; {@code null} or blank gives an {@code EMPTY_INPUT} diagnostic
   * @param catalog used to tell SQLite/MySQL double-quoted strings from quoted identifiers; may be null
   */
  public ImportResult importSql(String sql, Catalog catalog) {
    String text = sql == null ? "" : sql;
    boolean brackets = dialect != Dialect.POSTGRES;
    boolean backslash = dialect == Dialect.MYSQL || dialect == Dialect.MARIADB;
    List<Integer> starts = SqlText.statementStarts(text, brackets, backslash);
    if (text.isBlank() || starts.isEmpty()) {
      return new ImportResult(text, null, 0, null,
          List.of(Diagnostic.error(DiagnosticCode.EMPTY_INPUT, null, List.of())), SourceMap.EMPTY);
    }
    int unbalanced = SqlText.unbalancedParenthesis(text, brackets, backslash);
    if (unbalanced >= 0) {
      String what = text.charAt(unbalanced) == '(' ? "'(' is never closed" : "')' has no matching '('";
      List<Diagnostic> diags = new ArrayList<>();
      diags.add(Diagnostic.error(DiagnosticCode.SYNTAX_ERROR, null, List.of(), what)
          .at(Position.of(text, unbalanced, 1)));
      if (starts.size() > 1) {
        diags.add(multiple(text, starts.size(), starts));
      }
      return new ImportResult(text, null, starts.size(), null, diags, SourceMap.EMPTY);
    }
    Statements statements;
    try {
      statements = parse(text.substring(0, SqlText.significantEnd(text, brackets, backslash)));
    } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
      SyntaxErrors.Described d = refine(text, SyntaxErrors.describe(e, text));
      List<Diagnostic> diags = new ArrayList<>();
      diags.add(Diagnostic.error(DiagnosticCode.SYNTAX_ERROR, null, List.of(), d.message()).at(d.position()));
      if (starts.size() > 1) {
        diags.add(multiple(text, starts.size(), starts));
      }
      return new ImportResult(text, null, starts.size(), null, diags, SourceMap.EMPTY);
    }
    if (statements == null || statements.isEmpty()) {
      // The text has a statement (the lexical scan found one) but the parser gave nothing back.
      return new ImportResult(text, null, starts.size(), null, List.of(Diagnostic.error(
          DiagnosticCode.SYNTAX_ERROR, null, List.of(), "no statement recognised (nested too deeply?)")
          .at(Position.of(text, starts.get(0), 0))), SourceMap.EMPTY);
    }
    int count = statements.size();
    net.sf.jsqlparser.statement.Statement first = statements.get(0);
    StatementKind kind = classify(first);
    List<Diagnostic> diags = new ArrayList<>();
    if (count > 1) {
      diags.add(multiple(text, count, starts));
    }
    Statement ir = null;
    SourceMap positions = SourceMap.EMPTY;
    if (kind != StatementKind.DDL && kind != StatementKind.OTHER) {
      AstConverter converter = new AstConverter(text, dialect, catalog);
      try {
        ir = converter.statement(first);
        positions = converter.positions();
      } catch (NotExpressibleException e) {
        diags.add(Diagnostic.error(DiagnosticCode.NOT_EXPRESSIBLE, e.construct(), List.of(), e.construct())
            .at(e.position()));
      } catch (IllegalArgumentException e) {
        // An IR invariant rejected what the parser accepted (e.g. a negative ordinal); report, never throw.
        String what = e.getMessage() == null ? "construct" : e.getMessage();
        diags.add(Diagnostic.error(DiagnosticCode.NOT_EXPRESSIBLE, what, List.of(), what));
      } catch (StackOverflowError e) {
        String what = "expression nested this deeply";
        diags.add(Diagnostic.error(DiagnosticCode.NOT_EXPRESSIBLE, what, List.of(), what));
      } catch (RuntimeException e) {
        // A parser tree shape this importer does not know; still a diagnostic, never an exception.
        String what = "construct (" + e.getClass().getSimpleName() + ")";
        diags.add(Diagnostic.error(DiagnosticCode.NOT_EXPRESSIBLE, what, List.of(), what));
      }
    }
    return new ImportResult(text, kind, count, ir, diags, positions);
  }

  private static Diagnostic multiple(String text, int count, List<Integer> starts) {
    Diagnostic d = Diagnostic.error(DiagnosticCode.MULTIPLE_STATEMENTS, null, List.of(), count);
    if (starts.size() > 1) {
      int at = starts.get(1);
      int end = at;
      while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != ';') {
        end++;
      }
      d = d.at(Position.of(text, at, end - at));
    }
    return d;
  }

  /**
   * Parses like {@link CCJSqlParserUtil#parseStatements(String)}: first without JSqlParser's "complex
   * parsing", then, for input that is not nested too deeply, with it. When both fail, the error of the
   * attempt that got further into the text is reported, which points nearer to the actual mistake than
   * the retry's error alone.
   */
  private Statements parse(String sql) throws JSQLParserException {
    JSQLParserException simple;
    try {
      return CCJSqlParserUtil.parseStatements(parser(sql, false), PARSER_THREADS);
    } catch (JSQLParserException e) {
      simple = e;
    }
    if (CCJSqlParserUtil.getNestingDepth(sql) > CCJSqlParserUtil.ALLOWED_NESTING_DEPTH) {
      throw simple;
    }
    try {
      return CCJSqlParserUtil.parseStatements(parser(sql, true), PARSER_THREADS);
    } catch (JSQLParserException complex) {
      throw SyntaxErrors.reach(simple) >= SyntaxErrors.reach(complex) ? simple : complex;
    }
  }

  /**
   * JSqlParser backtracks out of a broken subquery and reports the error at its opening SELECT ("expected
   * NOT, '(' ..."), far from the mistake. So each query that starts at or after the reported place (up to
   * its closing parenthesis, or to the end) is parsed alone with the SELECT rule, which stops at the real
   * problem; the innermost failing one (the first in the text among several) gives the error. Keeps
   * {@code d} when nothing better is found.
   */
  private SyntaxErrors.Described refine(String sql, SyntaxErrors.Described d) {
    if (d.position() == null) {
      return d;
    }
    int origin = d.position().offset();
    boolean brackets = dialect != Dialect.POSTGRES;
    boolean backslash = dialect == Dialect.MYSQL || dialect == Dialect.MARIADB;
    List<int[]> failing = new ArrayList<>();
    List<SyntaxErrors.Described> errors = new ArrayList<>();
    // All probes together get one parse timeout, so a bad statement costs at most two timeouts.
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    int probes = 0;
    for (int at : SqlText.selectStarts(sql, origin, brackets, backslash)) {
      long left = deadline - System.nanoTime();
      if (probes++ >= MAX_PROBES || left <= 0) {
        break;
      }
      int end = SqlText.subqueryEnd(sql, at);
      SyntaxErrors.Described inner = probe(sql.substring(at, end), left);
      if (inner != null && inner.position() != null && inner.position().offset() > 0) {
        Position p = inner.position();
        failing.add(new int[] {at, end});
        errors.add(new SyntaxErrors.Described(inner.message(), Position.of(sql, at + p.offset(), p.length())));
      }
    }
    SyntaxErrors.Described best = d;
    int bestStart = Integer.MAX_VALUE;
    for (int i = 0; i < failing.size(); i++) {
      int[] r = failing.get(i);
      boolean innermost = true;
      for (int[] other : failing) {
        if (other != r && other[0] > r[0] && other[1] <= r[1]) {
          innermost = false;
          break;
        }
      }
      if (innermost && r[0] < bestStart) {
        bestStart = r[0];
        best = errors.get(i);
      }
    }
    return best;
  }

  private static final int MAX_PROBES = 16;

  /** Parses {@code region} with the SELECT rule on the parser pool, giving up after the timeout. */
  private SyntaxErrors.Described probe(String region, long timeoutNanos) {
    CCJSqlParser parser = parser(region, true);
    Future<SyntaxErrors.Described> f = PARSER_THREADS.submit(() -> probeSelect(parser, region));
    try {
      return f.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      parser.interrupted = true;
      f.cancel(true);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      return null;
    }
  }

  /** Parses {@code region} with the SELECT rule; the error or leftover token, or null when it parses. */
  private static SyntaxErrors.Described probeSelect(CCJSqlParser parser, String region) {
    try {
      parser.Select();
      net.sf.jsqlparser.parser.Token next = parser.getNextToken();
      if (next == null || next.kind == 0 || ";".equals(next.image)) {
        return null;
      }
      int offset = Math.max(0, next.absoluteBegin - 1);
      return new SyntaxErrors.Described("unexpected '" + next.image + "'",
          Position.of(region, offset, Math.min(next.image.length(), region.length() - offset)));
    } catch (net.sf.jsqlparser.parser.ParseException | RuntimeException | StackOverflowError e) {
      return SyntaxErrors.describe(e, region);
    }
  }

  private CCJSqlParser parser(String sql, boolean complex) {
    CCJSqlParser parser = CCJSqlParserUtil.newParser(sql);
    parser.withTimeOut(timeoutMillis);
    parser.withSquareBracketQuotation(dialect != Dialect.POSTGRES);
    parser.withBackslashEscapeCharacter(dialect == Dialect.MYSQL || dialect == Dialect.MARIADB);
    parser.withAllowComplexParsing(complex);
    return parser;
  }

  /** The kind of a parsed statement, as the guard sees it. */
  static StatementKind classify(net.sf.jsqlparser.statement.Statement st) {
    if (st instanceof Select) {
      return StatementKind.QUERY;
    }
    if (st instanceof Insert || st instanceof Upsert) {
      return StatementKind.INSERT;
    }
    if (st instanceof Update) {
      return StatementKind.UPDATE;
    }
    if (st instanceof Delete) {
      return StatementKind.DELETE;
    }
    String pkg = st.getClass().getPackageName();
    String name = st.getClass().getSimpleName();
    if (name.equals("AlterSession") || name.equals("AlterSystemStatement")) {
      return StatementKind.OTHER;
    }
    if (pkg.contains(".statement.create") || pkg.contains(".statement.alter")
        || pkg.contains(".statement.drop") || pkg.contains(".statement.truncate")
        || pkg.contains(".statement.grant") || pkg.contains(".statement.comment")
        || name.equals("PurgeStatement") || name.equals("RenameTableStatement")) {
      return StatementKind.DDL;
    }
    return StatementKind.OTHER;
  }

  private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "nl2sql-sql-parser-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
