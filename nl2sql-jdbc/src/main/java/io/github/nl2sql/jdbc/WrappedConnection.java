package io.github.nl2sql.jdbc;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The connection handed to callers: passes everything to the real connection, routes {@code -- nl:}
 * questions to the question handler and runs the pass-through guard. Not thread-safe beyond what JDBC
 * promises for a connection. Internal.
 */
final class WrappedConnection extends DelegatingConnection implements Nl2SqlConnection {
  /** SQLState of the warning carrying a question's generated SQL. */
  static final String WARNING_ANSWER = "01N01";
  /** SQLState of the guard's diagnostics warnings. */
  static final String WARNING_GUARD = "01N02";
  /** SQLState of the warning saying the guard could not check a statement. */
  static final String WARNING_UNCHECKED = "01N03";

  /** Name-resolution codes: the only ones block mode refuses. */
  static final Set<DiagnosticCode> NAME_CODES = EnumSet.of(DiagnosticCode.UNKNOWN_TABLE,
      DiagnosticCode.UNKNOWN_COLUMN, DiagnosticCode.UNKNOWN_COLUMN_IN_SCOPE, DiagnosticCode.UNKNOWN_QUALIFIER);
  /** Access policy codes (nl2sql.policy): block mode refuses them too. */
  static final Set<DiagnosticCode> POLICY_CODES = EnumSet.of(DiagnosticCode.POLICY_TABLE_DENIED,
      DiagnosticCode.POLICY_COLUMN_DENIED, DiagnosticCode.POLICY_STAR_DENIED, DiagnosticCode.POLICY_WRITE_DENIED);
  /** Codes about the guard's own limits (SQL it cannot read, DDL, scripts); never reported in pass-through. */
  static final Set<DiagnosticCode> SILENT_CODES = EnumSet.of(DiagnosticCode.SYNTAX_ERROR,
      DiagnosticCode.NOT_EXPRESSIBLE, DiagnosticCode.EMPTY_INPUT, DiagnosticCode.MULTIPLE_STATEMENTS,
      DiagnosticCode.WRITE_NOT_ALLOWED, DiagnosticCode.DDL_NOT_ALLOWED, DiagnosticCode.STATEMENT_NOT_ALLOWED);

  /** What the guard said about one statement. */
  record Checked(SQLWarning warning, List<Diagnostic> diagnostics) {
    static final Checked NONE = new Checked(null, List.of());
  }

  final Target target;
  final Settings.GuardMode guardMode;
  /** {@code guardMode == OFF}, read on every plain statement. */
  final boolean guardOff;
  private String scope;
  private DatabaseMetaData metaData;
  private QuestionOutcome.Clarify pending;
  private String pendingQuestion;
  private volatile QuestionAnswer lastAnswer;
  private final QuestionHandler.Session session = new QuestionHandler.Session();
  /** This connection's own handler (tests), or {@code null} for the target's. */
  private QuestionHandler handler;

  WrappedConnection(Connection delegate, Target target) {
    super(delegate);
    this.target = target;
    this.guardMode = target.settings.guard();
    this.guardOff = guardMode == Settings.GuardMode.OFF;
  }

  // ---- wrapping hooks

  @Override
  Statement wrapStatement(Statement statement) {
    return new WrappedStatement(this, statement);
  }

  @Override
  PreparedStatement wrapPrepared(String sql, PreparedStatement statement) throws SQLException {
    // not reached today: every prepareStatement variant is overridden below, so that the guard and
    // questions run before the real driver sees the SQL
    return new WrappedPreparedStatement(this, statement, guardOff ? null : guarded(sql));
  }

  @Override
  CallableStatement wrapCallable(String sql, CallableStatement statement) {
    return new WrappedCallableStatement(this, statement);
  }

  @Override
  DatabaseMetaData wrapMetaData(DatabaseMetaData md) {
    DatabaseMetaData m = metaData;
    if (m == null || ((WrappedDatabaseMetaData) m).delegate != md) {
      m = new WrappedDatabaseMetaData(this, md);
      metaData = m;
    }
    return m;
  }

  // ---- statements that carry behaviour: questions and the guard run before the real driver sees SQL

  /** A call that prepares the real statement. */
  @FunctionalInterface
  private interface Prepare {
    PreparedStatement prepare() throws SQLException;
  }

  // Each prepareStatement variant starts with the pass-through path (guard off, plain SQL) written out:
  // one flag, one character read and one small object over the real driver's call, so it inlines into
  // the caller; questions and the guard go through prepared(...).

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    if (guardOff && !SqlText.isQuestion(sql)) {
      return new WrappedPreparedStatement(this, delegate.prepareStatement(sql), null);
    }
    return prepared(sql, () -> delegate.prepareStatement(sql));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    if (guardOff && !SqlText.isQuestion(sql)) {
      return new WrappedPreparedStatement(this, delegate.prepareStatement(sql, resultSetType,
          resultSetConcurrency), null);
    }
    return prepared(sql, () -> delegate.prepareStatement(sql, resultSetType, resultSetConcurrency));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    if (guardOff && !SqlText.isQuestion(sql)) {
      return new WrappedPreparedStatement(this, delegate.prepareStatement(sql, resultSetType,
          resultSetConcurrency, resultSetHoldability), null);
    }
    return prepared(sql, () -> delegate.prepareStatement(sql, resultSetType, resultSetConcurrency,
        resultSetHoldability));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    if (guardOff && !SqlText.isQuestion(sql)) {
      return new WrappedPreparedStatement(this, delegate.prepareStatement(sql, autoGeneratedKeys), null);
    }
    return prepared(sql, () -> delegate.prepareStatement(sql, autoGeneratedKeys));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    if (guardOff && !SqlText.isQuestion(sql)) {
      return new WrappedPreparedStatement(this, delegate.prepareStatement(sql, columnIndexes), null);
    }
    return prepared(sql, () -> delegate.prepareStatement(sql, columnIndexes));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    if (guardOff && !SqlText.isQuestion(sql)) {
      return new WrappedPreparedStatement(this, delegate.prepareStatement(sql, columnNames), null);
    }
    return prepared(sql, () -> delegate.prepareStatement(sql, columnNames));
  }

  /**
   * A question (planned now; the real statement is the plan's, {@code prepare} is not called) or plain
   * SQL under the guard (checked now; its findings ride on the statement as warnings).
   */
  private PreparedStatement prepared(String sql, Prepare prepare) throws SQLException {
    if (SqlText.isQuestion(sql)) {
      return prepareQuestion(sql);
    }
    StatementState state = guarded(sql);
    return new WrappedPreparedStatement(this, prepare.prepare(), state);
  }

  /** The state of plain SQL prepared under the guard: checked now (block mode may refuse it), findings kept. */
  private StatementState guarded(String sql) throws SQLException {
    StatementState state = new StatementState();
    state.guarded(sql, guard(sql));
    return state;
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    refuseQuestionCall(sql);
    return super.prepareCall(sql);
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    refuseQuestionCall(sql);
    return super.prepareCall(sql, resultSetType, resultSetConcurrency);
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    refuseQuestionCall(sql);
    return super.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  private static void refuseQuestionCall(String sql) throws SQLException {
    if (SqlText.isQuestion(sql)) {
      throw new QuestionFailedException("Questions cannot be run through prepareCall; use "
          + "createStatement().executeQuery(...) or prepareStatement(...)", null);
    }
  }

  private PreparedStatement prepareQuestion(String sql) throws SQLException {
    QuestionPlan plan = planQuestion(sql);
    try {
      StatementState state = new StatementState();
      state.question(plan);
      return new WrappedPreparedStatement(this, plan.statement(), state);
    } catch (RuntimeException e) {
      plan.close();
      throw e;
    }
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    super.setCatalog(catalog);
    scope = null;
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    super.setSchema(schema);
    scope = null;
  }

  // ---- the guard

  /**
   * Checks plain SQL under the guard mode. Off: nothing at all. Warn: diagnostics become a warning.
   * Block: unknown tables or columns throw; other diagnostics become a warning. When the catalog cannot
   * be read or the guard fails, the statement passes with a warning saying it was not checked.
   */
  Checked guard(String sql) throws SQLException {
    if (guardMode == Settings.GuardMode.OFF || sql == null) {
      return Checked.NONE;
    }
    String keyword = SqlText.firstKeyword(sql);
    if (!SqlText.isGuardable(keyword)) {
      if (SqlText.isScopeChange(keyword)) {
        scope = null;
      }
      return Checked.NONE;
    }
    List<Diagnostic> reported;
    try {
      String checked = SqlText.withoutParameterMarkers(sql);
      Target.CatalogEntry entry = target.catalog(delegate, scope(), false);
      reported = relevant(entry.check(checked));
      if (hasNameError(reported)) {
        // the schema may have changed since the catalog was read (on another connection): when the
        // schema probe says so, read it again before reporting unknown names
        Target.CatalogEntry again = target.catalog(delegate, scope(), true);
        if (again != entry) {
          reported = relevant(again.check(checked));
        }
      }
    } catch (SQLException | RuntimeException e) {
      if (e instanceof SQLException && isClosed()) {
        throw (SQLException) e;
      }
      return new Checked(new SQLWarning("nl2sql guard could not check this statement ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + "); it was passed through unchecked",
          WARNING_UNCHECKED, e), List.of());
    }
    List<Diagnostic> blocking = new ArrayList<>();
    boolean unknown = false;
    boolean denied = false;
    for (Diagnostic d : reported) {
      if (d.isError() && NAME_CODES.contains(d.code())) {
        blocking.add(d);
        unknown = true;
      } else if (d.isError() && POLICY_CODES.contains(d.code())) {
        blocking.add(d);
        denied = true;
      }
    }
    if (guardMode == Settings.GuardMode.BLOCK && !blocking.isEmpty()) {
      String why = unknown && denied ? "it names tables or columns that do not exist, and uses some the access "
          + "policy (nl2sql.policy) denies" : unknown ? "it names tables or columns that do not exist"
          : "it uses tables or columns the access policy (nl2sql.policy) denies";
      throw new BlockedStatementException(BlockedStatementException.describe(
          "nl2sql guard blocked this statement (nl2sql.guard=block): " + why + "; nothing was sent to the "
              + "database", blocking), reported);
    }
    if (reported.isEmpty()) {
      return Checked.NONE;
    }
    SQLWarning head = null;
    for (Diagnostic d : reported) {
      SQLWarning w = new SQLWarning("nl2sql guard: " + d.code().id() + " " + d.format(), WARNING_GUARD);
      if (head == null) {
        head = w;
      } else {
        head.setNextWarning(w);
      }
    }
    return new Checked(head, List.copyOf(reported));
  }

  /** The diagnostics worth reporting for SQL the user typed: not the guard's own limits, not other schemas' tables. */
  private List<Diagnostic> relevant(List<Diagnostic> diagnostics) {
    List<Diagnostic> out = new ArrayList<>(diagnostics.size());
    for (Diagnostic d : diagnostics) {
      if (!SILENT_CODES.contains(d.code())
          && !(d.code() == DiagnosticCode.UNKNOWN_TABLE && existsElsewhere(d.subject()))) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * Whether a table the guard's catalog (one schema) does not know exists elsewhere in the database: a
   * system table or another schema's ({@code information_schema.tables}, {@code pg_tables},
   * {@code sqlite_master}). Only asked on the path where a name is unknown.
   */
  private boolean existsElsewhere(String table) {
    if (table == null || table.isEmpty()) {
      return false;
    }
    if (table.toLowerCase(java.util.Locale.ROOT).startsWith("sqlite_")) {
      return true;
    }
    try {
      return Target.inSavepoint(delegate, () -> {
        DatabaseMetaData md = delegate.getMetaData();
        for (String name : new String[] {table, table.toUpperCase(java.util.Locale.ROOT),
            table.toLowerCase(java.util.Locale.ROOT)}) {
          try (java.sql.ResultSet rs = md.getTables(null, null, name, null)) {
            if (rs.next()) {
              return true;
            }
          }
        }
        return false;
      });
    } catch (SQLException e) {
      return false;
    }
  }

  private static boolean hasNameError(List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      if (d.isError() && NAME_CODES.contains(d.code())) {
        return true;
      }
    }
    return false;
  }

  /** Called after plain SQL ran: DDL makes the cached catalogs stale. */
  void afterExecute(String sql) {
    if (guardMode != Settings.GuardMode.OFF && sql != null) {
      String keyword = SqlText.firstKeyword(sql);
      if (SqlText.isSchemaChange(keyword)) {
        target.invalidateCatalogs();
      } else if (SqlText.isScopeChange(keyword)) {
        scope = null;
      }
    }
  }

  private String scope() throws SQLException {
    String s = scope;
    if (s == null) {
      String schema = target.settings.get(Nl2SqlProperty.SCHEMA);
      s = schema != null ? "schema:" + schema : delegate.getCatalog() + "/" + delegate.getSchema();
      scope = s;
    }
    return s;
  }

  // ---- questions

  /**
   * Answers a question and prepares what it runs on the real connection: the compiled read, a draft
   * description of a write, or (with {@code nl2sql.writes=execute}) the write itself.
   */
  QuestionPlan planQuestion(String sql) throws SQLException {
    if (isClosed()) {
      throw new QuestionFailedException("Cannot answer a question: the connection is closed", "08003", null);
    }
    String question = SqlText.question(sql);
    if (question.isEmpty()) {
      throw new QuestionFailedException("Empty question: write the question after '-- nl:', e.g. "
          + "-- nl: how many orders were placed last month?", null);
    }
    QuestionOutcome.Clarify answering = null;
    String chosen = null;
    int option = SqlText.chosenOption(question);
    if (option >= 0) {
      if (pending == null) {
        throw new QuestionFailedException("'-- nl: use " + option + "' answers a clarification, but none "
            + "is pending on this connection; ask a question first", null);
      }
      if (option < 1 || option > pending.options().size()) {
        throw new QuestionFailedException("No option " + option + " for the pending clarification '"
            + pending.prompt() + "'; choose 1 to " + pending.options().size(), null);
      }
      answering = pending;
      chosen = pending.options().get(option - 1);
      question = pendingQuestion;
    }
    Dialect dialect = target.dialect(delegate);
    // a new question replaces a pending clarification, and a reply consumes it, whatever comes back
    pending = null;
    pendingQuestion = null;
    QuestionOutcome outcome;
    try {
      QuestionHandler h = handler != null ? handler : target.questionHandler();
      outcome = h.answer(new QuestionHandler.Request(question, answering, chosen,
          answering == null ? 0 : option, delegate, dialect, target.settings, session));
    } catch (RuntimeException e) {
      throw new QuestionFailedException("The question '" + question + "' could not be answered: "
          + e.getMessage() + ". Nothing was sent to the database.", e);
    }
    if (outcome instanceof QuestionOutcome.Clarify) {
      QuestionOutcome.Clarify c = (QuestionOutcome.Clarify) outcome;
      pending = c;
      pendingQuestion = question;
      throw new ClarificationRequiredException(question, c.prompt(), c.options());
    }
    if (outcome instanceof QuestionOutcome.Blocked) {
      List<Diagnostic> diagnostics = ((QuestionOutcome.Blocked) outcome).diagnostics();
      throw new BlockedStatementException(BlockedStatementException.describe("The question '" + question
          + "' was not answered: the SQL planned for it did not validate; nothing was sent to the database",
          diagnostics), diagnostics);
    }
    QuestionPlan plan = QuestionPlan.prepare(this, question, (QuestionOutcome.Answered) outcome, dialect);
    lastAnswer = plan.answer();
    return plan;
  }

  /** Answers this connection's questions with {@code handler} instead of the target's. */
  void questionHandler(QuestionHandler handler) {
    this.handler = java.util.Objects.requireNonNull(handler, "handler");
  }

  // ---- Nl2SqlConnection

  @Override
  public Optional<QuestionAnswer> lastAnswer() {
    return Optional.ofNullable(lastAnswer);
  }

  @Override
  public List<String> pendingClarification() {
    QuestionOutcome.Clarify p = pending;
    return p == null ? List.of() : p.options();
  }

  @Override
  public String setting(Nl2SqlProperty property) {
    return target.settings.get(property);
  }

  @Override
  public void refreshCatalog() {
    target.invalidateCatalogs();
  }

  @Override
  public String toString() {
    return "Nl2SqlConnection[" + target.description + ", " + delegate + "]";
  }
}
