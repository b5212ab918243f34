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
import java.util.concurrent.Executors;
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
    List<Integer> starts = SqlText.statementStarts(text, brackets);
    if (text.isBlank() || starts.isEmpty()) {
      return new ImportResult(text, null, 0, null,
          List.of(Diagnostic.error(DiagnosticCode.EMPTY_INPUT, null, List.of())), SourceMap.EMPTY);
    }
    Statements statements;
    try {
      statements = parse(text.substring(0, SqlText.significantEnd(text, brackets)));
    } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
      SyntaxErrors.Described d = SyntaxErrors.describe(e, text);
      List<Diagnostic> diags = new ArrayList<>();
      diags.add(Diagnostic.error(DiagnosticCode.SYNTAX_ERROR, null, List.of(), d.message()).at(d.position()));
      if (starts.size() > 1) {
        diags.add(multiple(text, starts.size(), starts));
      }
      return new ImportResult(text, null, starts.size(), null, diags, SourceMap.EMPTY);
    }
    if (statements == null || statements.isEmpty()) {
      return new ImportResult(text, null, 0, null,
          List.of(Diagnostic.error(DiagnosticCode.EMPTY_INPUT, null, List.of())), SourceMap.EMPTY);
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
      } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
        // An IR invariant rejected what the parser accepted (e.g. an empty list); report, never throw.
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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

  private Statements parse(String sql) throws JSQLParserException {
    return CCJSqlParserUtil.parseStatements(sql, PARSER_THREADS, this::configure);
  }

  private void configure(CCJSqlParser parser) {
    parser.withTimeOut(timeoutMillis);
    parser.withSquareBracketQuotation(dialect != Dialect.POSTGRES);
    parser.withBackslashEscapeCharacter(dialect == Dialect.MYSQL || dialect == Dialect.MARIADB);
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
