package io.github.nl2sql.jdbc;

import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.internal.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.Locale;

/**
 * What one answered question runs on the real connection, prepared: the compiled read; for a write, a
 * one-row description of the draft (computed by the database itself from bound values, so the caller
 * gets the real driver's {@link ResultSet}); or, with {@code nl2sql.writes=execute}, the write followed
 * by that description. Bind values are (re)applied at every execution. Not thread-safe. Internal.
 */
final class QuestionPlan implements AutoCloseable {
  /** Columns of the result set describing a write. */
  static final List<String> DRAFT_COLUMNS =
      List.of("statement_kind", "sql_text", "parameters", "notes", "executed", "update_count");

  private final WrappedConnection connection;
  private final QuestionAnswer answer;
  private final PreparedStatement statement;
  private final List<Object> binds;
  private final boolean executeWrite;
  private final Dialect dialect;
  private final String kind;
  private PreparedStatement description;

  private QuestionPlan(WrappedConnection connection, QuestionAnswer answer, PreparedStatement statement,
      List<Object> binds, boolean executeWrite, Dialect dialect, String kind) {
    this.connection = connection;
    this.answer = answer;
    this.statement = statement;
    this.binds = binds;
    this.executeWrite = executeWrite;
    this.dialect = dialect;
    this.kind = kind;
  }

  static QuestionPlan prepare(WrappedConnection connection, String question,
      QuestionOutcome.Answered answered, Dialect dialect) throws SQLException {
    CompiledQuery q = answered.query();
    Settings settings = connection.target.settings;
    Connection raw = connection.delegate;
    String kind = q.statement().getClass().getSimpleName().toUpperCase(Locale.ROOT);
    if (q.isRead()) {
      QuestionAnswer a = new QuestionAnswer(question, q.sql(), q.parameters(), q.statement(),
          answered.confidence(), answered.notes(), true);
      PreparedStatement ps = raw.prepareStatement(q.sql());
      try {
        long limit = settings.policy().capRows(settings.getInt(Nl2SqlProperty.ROW_LIMIT));
        if (limit > 0) {
          ps.setMaxRows((int) Math.min(limit, Integer.MAX_VALUE));
        }
        ps.setQueryTimeout(settings.getInt(Nl2SqlProperty.TIMEOUT));
      } catch (SQLException | RuntimeException e) {
        ps.close();
        throw e;
      }
      return new QuestionPlan(connection, a, ps, q.parameters(), false, dialect, kind);
    }
    boolean execute = settings.executeWrites();
    QuestionAnswer a = new QuestionAnswer(question, q.sql(), q.parameters(), q.statement(),
        answered.confidence(), answered.notes(), execute);
    if (execute) {
      PreparedStatement ps = raw.prepareStatement(q.sql());
      return new QuestionPlan(connection, a, ps, q.parameters(), true, dialect, kind);
    }
    PreparedStatement ps = raw.prepareStatement(descriptionSql(dialect));
    return new QuestionPlan(connection, a, ps, descriptionValues(a, kind, false, -1), false, dialect, kind);
  }

  /** {@code SELECT CAST(? AS text) AS statement_kind, ...} for the dialect. */
  static String descriptionSql(Dialect dialect) {
    String text;
    String number;
    switch (dialect) {
      case MYSQL:
      case MARIADB:
        text = "CHAR";
        number = "SIGNED";
        break;
      case SQLITE:
        text = "TEXT";
        number = "INTEGER";
        break;
      default:
        text = "VARCHAR";
        number = "BIGINT";
        break;
    }
    StringBuilder sb = new StringBuilder("SELECT ");
    for (int i = 0; i < DRAFT_COLUMNS.size(); i++) {
      String type = DRAFT_COLUMNS.get(i).equals("update_count") ? number : text;
      sb.append(i == 0 ? "" : ", ").append("CAST(? AS ").append(type).append(") AS ").append(DRAFT_COLUMNS.get(i));
    }
    return sb.toString();
  }

  private static List<Object> descriptionValues(QuestionAnswer a, String kind, boolean executed, long count) {
    return java.util.Arrays.asList(kind, a.sql(), Json.toJson(a.parameters()), String.join("\n", a.notes()),
        Boolean.toString(executed), count < 0 ? null : count);
  }

  QuestionAnswer answer() {
    return answer;
  }

  PreparedStatement statement() {
    return statement;
  }

  /** The warning carrying the generated SQL and its parameters. */
  SQLWarning warning() {
    StringBuilder sb = new StringBuilder("nl2sql answered '").append(answer.question()).append("' with: ")
        .append(answer.sql());
    if (!answer.parameters().isEmpty()) {
      sb.append(" -- parameters: ").append(Json.toJson(answer.parameters()));
    }
    if (answer.confidence() != null) {
      sb.append(String.format(Locale.ROOT, " (confidence %.2f)", answer.confidence()));
    }
    if (!answer.isRead()) {
      sb.append(answer.executed() ? " -- executed (nl2sql.writes=execute)"
          : " -- a draft: nothing was executed (set nl2sql.writes=execute to run writes)");
    }
    return new SQLWarning(sb.toString(), WrappedConnection.WARNING_ANSWER);
  }

  /** Runs the plan; the result set belongs to the real driver. */
  ResultSet execute() throws SQLException {
    bind(statement, binds);
    if (!executeWrite) {
      return statement.executeQuery();
    }
    long count = statement.executeLargeUpdate();
    if (description == null) {
      description = connection.delegate.prepareStatement(descriptionSql(dialect));
    }
    bind(description, descriptionValues(answer, kind, true, count));
    return description.executeQuery();
  }

  private static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (v == null) {
        ps.setNull(i + 1, java.sql.Types.VARCHAR);
      } else {
        ps.setObject(i + 1, v);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      statement.close();
    } finally {
      if (description != null) {
        description.close();
      }
    }
  }
}
