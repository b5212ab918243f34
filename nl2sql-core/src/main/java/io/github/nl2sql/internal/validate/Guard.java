package io.github.nl2sql.internal.validate;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.ValidationResult;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.diagnostics.Position;
import io.github.nl2sql.diagnostics.Severity;
import io.github.nl2sql.internal.sql.ImportResult;
import io.github.nl2sql.internal.sql.SourceMap;
import io.github.nl2sql.internal.sql.SqlImporter;
import io.github.nl2sql.internal.sql.StatementKind;
import io.github.nl2sql.ir.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks raw SQL or IR before anything runs: one statement only, no DDL, no writes unless allowed,
 * nothing but queries and DML, and every name resolved ({@link Validator}).
 *
 * <p>Immutable and thread-safe.
 */
public final class Guard {
  private static final Pattern FIRST_WORDS =
      Pattern.compile("^(?:\\s|--[^\\n]*\\n|/\\*.*?\\*/)*([A-Za-z]+)(?:\\s+([A-Za-z]+))?",
          Pattern.DOTALL);

  private final Catalog catalog;
  private final Dialect dialect;
  private final boolean allowWrites;
  private final Validator validator;
  private volatile CatalogNames names;

  /**
   * A guard for {@code catalog} in {@code dialect}.
   *
   * @param catalog the schema names resolve against
   * @param dialect target dialect; {@code null} takes the catalog's (SQLite when it has none)
   * @param allowWrites whether INSERT, UPDATE and DELETE pass (DDL never does)
   * @throws NullPointerException when {@code catalog} is null
   */
  public Guard(Catalog catalog, Dialect dialect, boolean allowWrites) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.validator = new Validator(catalog, dialect);
    this.dialect = validator.dialect();
    this.allowWrites = allowWrites;
  }

  /**
   * The catalog's spelling of the names in {@code statement}, to compile it with once it is valid
   * (see {@link CatalogNames}).
   */
  public io.github.nl2sql.internal.compile.SqlCompiler.Spelling spelling(Statement statement) {
    CatalogNames n = names;
    if (n == null) {
      n = new CatalogNames(catalog);
      names = n;
    }
    return n.spelling(statement);
  }

  /**
   * Imports, guards and validates SQL text. Never throws for bad SQL: a {@code null} or blank text,
   * text that does not parse, several statements, DDL, writes when not allowed and anything that is
   * not a query or DML come back as error diagnostics.
   *
   * @param sql the SQL text, may be {@code null}
   * @return the result: the IR when the text imported, and the diagnostics, errors first
   */
  public ValidationResult check(String sql) {
    if (sql == null || sql.isBlank()) {
      return new ValidationResult(sql, null,
          List.of(Diagnostic.error(DiagnosticCode.EMPTY_INPUT, null, List.of())));
    }
    ImportResult imported = new SqlImporter(dialect).importSql(sql, catalog);
    List<Diagnostic> diags = new ArrayList<>();
    Position start = startPosition(sql);
    boolean blocked = false;
    if (imported.statementCount() > 1) {
      blocked = true;
      if (imported.diagnostics().stream()
          .noneMatch(d -> d.code() == DiagnosticCode.MULTIPLE_STATEMENTS)) {
        diags.add(Diagnostic.error(DiagnosticCode.MULTIPLE_STATEMENTS, null, List.of(),
            imported.statementCount()).at(start));
      }
    }
    StatementKind kind = imported.kind();
    if (kind != null) {
      String words = leadingWords(sql, kind);
      switch (kind) {
        case DDL:
          diags.add(Diagnostic.error(DiagnosticCode.DDL_NOT_ALLOWED, words, List.of(), words).at(start));
          blocked = true;
          break;
        case INSERT:
        case UPDATE:
        case DELETE:
          if (!allowWrites) {
            diags.add(Diagnostic.error(DiagnosticCode.WRITE_NOT_ALLOWED, kind.name(), List.of(),
                kind.name()).at(start));
            blocked = true;
          }
          break;
        case OTHER:
          diags.add(Diagnostic.error(DiagnosticCode.STATEMENT_NOT_ALLOWED, words, List.of(), words)
              .at(start));
          blocked = true;
          break;
        default:
          break;
      }
    }
    // the importer's own findings (syntax errors, constructs the IR cannot hold, several statements)
    diags.addAll(imported.diagnostics());
    if (!blocked && imported.statement() != null) {
      diags.addAll(validator.validate(imported.statement(), imported.positions(), true));
    }
    return new ValidationResult(sql, imported.statement(), errorsFirst(diags));
  }

  /**
   * Guards and validates IR: writes are refused unless allowed, then the IR is validated.
   *
   * @param statement the IR
   * @return the result, with the statement and the diagnostics, errors first
   * @throws NullPointerException when {@code statement} is null
   */
  public ValidationResult check(Statement statement) {
    Objects.requireNonNull(statement, "statement");
    List<Diagnostic> diags = new ArrayList<>();
    if (!statement.isRead() && !allowWrites) {
      String kind = statement instanceof Statement.Insert ? "INSERT"
          : statement instanceof Statement.Update ? "UPDATE" : "DELETE";
      diags.add(Diagnostic.error(DiagnosticCode.WRITE_NOT_ALLOWED, kind, List.of(), kind));
    }
    diags.addAll(validator.validate(statement, SourceMap.EMPTY));
    return new ValidationResult(null, statement, errorsFirst(diags));
  }

  /** Whether INSERT, UPDATE and DELETE pass this guard. */
  public boolean allowsWrites() {
    return allowWrites;
  }

  private static List<Diagnostic> errorsFirst(List<Diagnostic> diags) {
    List<Diagnostic> out = new ArrayList<>();
    for (Severity s : Severity.values()) {
      for (Diagnostic d : diags) {
        if (d.severity() == s) {
          out.add(d);
        }
      }
    }
    return out;
  }

  /** The statement's first keyword(s) in upper case, e.g. {@code DROP TABLE}, for messages. */
  static String leadingWords(String sql, StatementKind kind) {
    Matcher m = FIRST_WORDS.matcher(sql);
    if (!m.find()) {
      return kind.name();
    }
    String first = m.group(1).toUpperCase(Locale.ROOT);
    String second = m.group(2) == null ? null : m.group(2).toUpperCase(Locale.ROOT);
    if (kind == StatementKind.DDL && second != null
        && List.of("CREATE", "DROP", "ALTER", "TRUNCATE", "RENAME").contains(first)
        && List.of("TABLE", "VIEW", "INDEX", "SCHEMA", "DATABASE", "SEQUENCE", "TRIGGER",
            "FUNCTION", "PROCEDURE", "USER", "ROLE", "TYPE").contains(second)) {
      return first + " " + second;
    }
    return first;
  }

  private static Position startPosition(String sql) {
    Matcher m = FIRST_WORDS.matcher(sql);
    if (m.find()) {
      return Position.of(sql, m.start(1), m.end(1) - m.start(1));
    }
    return Position.of(sql, 0, 0);
  }
}
