package io.github.nl2sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.ir.TableRef;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The question path of the driver on each real database, with a scripted {@link QuestionHandler} in
 * place of the planner: what the caller gets for an answer (the real driver's result set, the SQL as a
 * warning, the unwrap interfaces), a clarification and its answer, a blocked answer, and write drafts.
 */
class QuestionHookTest {
  @TempDir static Path tmp;

  static Stream<Arguments> databases() {
    return Dbs.all(tmp).map(a -> Arguments.of(a[0], a[1]));
  }

  /** Answers "item N" questions with SELECT name FROM t WHERE id = N; "ambiguous" asks back; "bad" blocks. */
  private static final class Scripted implements QuestionHandler {
    final String table;
    final AtomicReference<Request> last = new AtomicReference<>();

    Scripted(String table) {
      this.table = table;
    }

    @Override
    public QuestionOutcome answer(Request r) {
      last.set(r);
      String q = r.question();
      if (q.contains("ambiguous") && r.chosenOption() == null) {
        return new QuestionOutcome.Clarify("Which price do you mean?", List.of("list price", "sale price"));
      }
      if (q.contains("bad")) {
        return new QuestionOutcome.Blocked(List.of(Diagnostic.error(DiagnosticCode.UNKNOWN_COLUMN, "pricee",
            List.of("price"), "pricee", table)));
      }
      if (q.contains("explode")) {
        throw new IllegalStateException("model endpoint http://127.0.0.1:1 refused the connection");
      }
      if (q.startsWith("delete")) {
        Statement ir = new Statement.Delete(TableRef.Table.of(table),
            Expr.Comparison.eq(Expr.Column.of("id"), Expr.Literal.of(2)));
        return new QuestionOutcome.Answered(new CompiledQuery("DELETE FROM " + table + " WHERE id = ?",
            List.of(2), r.dialect(), ir), 0.5, List.of("deletes one row"));
      }
      int id = r.chosenOption() != null && r.chosenOption().equals("sale price") ? 1 : 2;
      Query ir = Query.Select.builder().select(Expr.Column.of("name")).from(TableRef.Table.of(table))
          .where(Expr.Comparison.eq(Expr.Column.of("id"), Expr.Literal.of(id))).build();
      return new QuestionOutcome.Answered(new CompiledQuery("SELECT name FROM " + table + " WHERE id = ?",
          List.of(id), r.dialect(), ir), 0.875, List.of());
    }
  }

  private static Connection open(String url, String table, Scripted handler) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:nl2sql:" + url);
    try (java.sql.Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(20))");
      s.executeUpdate("INSERT INTO " + table + " VALUES (1, 'tea'), (2, 'coffee')");
    }
    c.unwrap(WrappedConnection.class).questionHandler(handler);
    return c;
  }

  private static void drop(Connection c, String table) throws SQLException {
    try (java.sql.Statement s = c.createStatement()) {
      s.executeUpdate("DROP TABLE " + table);
    }
  }

  private static List<String> column(ResultSet rs, int col) throws SQLException {
    List<String> out = new java.util.ArrayList<>();
    while (rs.next()) {
      out.add(rs.getString(col));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void answeredQuestion_returnsTheRealResultSet_withSqlAsWarning(String name, String url) throws SQLException {
    String table = Dbs.unique("q_items");
    Scripted h = new Scripted(table);
    try (Connection c = open(url, table, h)) {
      try (java.sql.Statement s = c.createStatement()) {
        try (ResultSet rs = s.executeQuery("\n  -- nl: what is item 2?\n")) {
          assertThat(rs.getStatement()).isSameAs(s);
          assertThat(column(rs, 1)).containsExactly("coffee");
        }
        assertThat(h.last.get().question()).isEqualTo("what is item 2?");
        assertThat(h.last.get().dialect()).isEqualTo(Dialect.detect("jdbc:" + url));
        SQLWarning w = s.getWarnings();
        assertThat(w.getSQLState()).isEqualTo("01N01");
        assertThat(w.getMessage()).isEqualTo("nl2sql answered 'what is item 2?' with: SELECT name FROM "
            + table + " WHERE id = ? -- parameters: [2] (confidence 0.88)");
        QuestionAnswer a = s.unwrap(Nl2SqlStatement.class).lastAnswer().orElseThrow();
        assertThat(a.sql()).isEqualTo("SELECT name FROM " + table + " WHERE id = ?");
        assertThat(a.parameters()).containsExactly(2);
        assertThat((Object) a.statement()).isInstanceOf(Query.Select.class);
        assertThat(a.confidence()).isEqualTo(0.875);
        assertThat(c.unwrap(Nl2SqlConnection.class).lastAnswer()).contains(a);

        assertThat(s.execute("-- nl: what is item 2")).isTrue();
        assertThat(s.getUpdateCount()).isEqualTo(-1);
        try (ResultSet rs = s.getResultSet()) {
          assertThat(column(rs, 1)).containsExactly("coffee");
        }
        assertThat(s.getMoreResults()).isFalse();
        assertThat(s.getResultSet()).isNull();
        // KEEP_CURRENT_RESULT leaves the question's result set open; it is no longer the current result
        assertThat(s.execute("-- nl: what is item 2")).isTrue();
        ResultSet kept = s.getResultSet();
        assertThat(s.getMoreResults(java.sql.Statement.KEEP_CURRENT_RESULT)).isFalse();
        assertThat(kept.isClosed()).isFalse();
        assertThat(s.getResultSet()).isNull();
        assertThat(column(kept, 1)).containsExactly("coffee");
        kept.close();
        // the next plain statement forgets the question
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          assertThat(column(rs, 1)).containsExactly("2");
        }
        assertThat(s.unwrap(Nl2SqlStatement.class).lastAnswer()).isEmpty();
        assertThat((Object) s.getWarnings()).isNull();
        assertThatThrownBy(() -> s.executeUpdate("-- nl: what is item 2"))
            .isInstanceOf(QuestionFailedException.class).hasMessageContaining("run it with executeQuery or execute");
      }
      try (PreparedStatement ps = c.prepareStatement("-- nl: what is item 2?")) {
        for (int i = 0; i < 2; i++) {
          try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.getStatement()).isSameAs(ps);
            assertThat(column(rs, 1)).containsExactly("coffee");
          }
        }
        assertThat(ps.getWarnings().getMessage()).contains("-- parameters: [2]");
        assertThat(ps.execute()).isTrue();
        assertThat(ps.getUpdateCount()).isEqualTo(-1);
        assertThat(ps.getLargeUpdateCount()).isEqualTo(-1);
        ResultSet current = ps.getResultSet();
        assertThat(current.getStatement()).isSameAs(ps);
        assertThat(ps.getMoreResults()).isFalse();
        assertThat(current.isClosed()).isTrue();
        assertThat(ps.getResultSet()).isNull();
        assertThat(ps.unwrap(Nl2SqlStatement.class).lastAnswer()).isPresent();
      }
      drop(c, table);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void clarification_isAnException_answeredWithUseN(String name, String url) throws SQLException {
    String table = Dbs.unique("q_clar");
    Scripted h = new Scripted(table);
    try (Connection c = open(url, table, h); java.sql.Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("-- nl: the ambiguous price"))
          .isInstanceOfSatisfying(ClarificationRequiredException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("NL001");
            assertThat(e.options()).containsExactly("list price", "sale price");
            assertThat(e.getMessage()).isEqualTo("Clarification needed for 'the ambiguous price': Which price "
                + "do you mean?\n  1) list price\n  2) sale price\nAnswer with: -- nl: use <number>  (or, where a client drops comments: nl: use <number>)");
          });
      Nl2SqlConnection n = c.unwrap(Nl2SqlConnection.class);
      assertThat(n.pendingClarification()).containsExactly("list price", "sale price");
      assertThatThrownBy(() -> s.executeQuery("-- nl: use 3"))
          .isInstanceOf(QuestionFailedException.class).hasMessageContaining("choose 1 to 2");
      try (ResultSet rs = s.executeQuery("-- nl: use 2")) {
        assertThat(column(rs, 1)).containsExactly("tea");
      }
      assertThat(h.last.get().question()).isEqualTo("the ambiguous price");
      assertThat(h.last.get().chosenOption()).isEqualTo("sale price");
      assertThat(h.last.get().clarification().prompt()).isEqualTo("Which price do you mean?");
      assertThat(n.pendingClarification()).isEmpty();
      assertThatThrownBy(() -> s.executeQuery("-- nl: use 1"))
          .isInstanceOf(QuestionFailedException.class).hasMessageContaining("none is pending");
      // a failed answer to a clarification consumes it too; so does a new question
      assertThatThrownBy(() -> s.executeQuery("-- nl: the ambiguous explode")).isInstanceOf(ClarificationRequiredException.class);
      assertThatThrownBy(() -> s.executeQuery("-- nl: use 1")).isInstanceOf(QuestionFailedException.class)
          .hasMessageContaining("refused the connection");
      assertThatThrownBy(() -> s.executeQuery("-- nl: use 1"))
          .isInstanceOf(QuestionFailedException.class).hasMessageContaining("none is pending");
      assertThatThrownBy(() -> s.executeQuery("-- nl: the ambiguous price")).isInstanceOf(ClarificationRequiredException.class);
      assertThatThrownBy(() -> s.executeQuery("-- nl: a bad question")).isInstanceOf(BlockedStatementException.class);
      assertThat(n.pendingClarification()).isEmpty();
      drop(c, table);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void blockedAndFailedQuestions_areExceptions_andTheConnectionStaysUsable(String name, String url)
      throws SQLException {
    String table = Dbs.unique("q_block");
    Scripted h = new Scripted(table);
    try (Connection c = open(url, table, h); java.sql.Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("-- nl: a bad question"))
          .isInstanceOfSatisfying(BlockedStatementException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("NL002");
            assertThat(e.diagnostics()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.UNKNOWN_COLUMN);
            assertThat(e.getMessage()).contains("did you mean 'price'?");
          });
      assertThatThrownBy(() -> c.prepareStatement("-- nl: explode"))
          .isInstanceOf(QuestionFailedException.class).hasMessageContaining("refused the connection")
          .hasCauseInstanceOf(IllegalStateException.class);
      try (ResultSet rs = s.executeQuery("-- nl: item 2")) {
        assertThat(column(rs, 1)).containsExactly("coffee");
      }
      drop(c, table);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void writeQuestion_returnsADraft_andRunsNothing_unlessWritesExecute(String name, String url) throws SQLException {
    String table = Dbs.unique("q_write");
    Scripted h = new Scripted(table);
    try (Connection c = open(url, table, h); java.sql.Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("-- nl: delete item 2")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("statement_kind")).isEqualTo("DELETE");
        assertThat(rs.getString("sql_text")).isEqualTo("DELETE FROM " + table + " WHERE id = ?");
        assertThat(rs.getString("parameters")).isEqualTo("[2]");
        assertThat(rs.getString("notes")).isEqualTo("deletes one row");
        assertThat(rs.getString("executed")).isEqualTo("false");
        rs.getLong("update_count");
        assertThat(rs.wasNull()).isTrue();
        assertThat(rs.next()).isFalse();
      }
      assertThat(s.getWarnings().getMessage()).contains("a draft: nothing was executed");
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
        assertThat(column(rs, 1)).containsExactly("2");
      }
      drop(c, table);
    }
    String url2 = Dbs.with(url, "nl2sql.writes=execute");
    try (Connection c = open(url2, table, h); java.sql.Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("-- nl: delete item 2")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("executed")).isEqualTo("true");
        assertThat(rs.getLong("update_count")).isEqualTo(1);
      }
      assertThat(c.unwrap(Nl2SqlConnection.class).lastAnswer().orElseThrow().executed()).isTrue();
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
        assertThat(column(rs, 1)).containsExactly("1");
      }
      drop(c, table);
    }
  }
}
