package io.github.nl2sql.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.github.nl2sql.Answer;
import io.github.nl2sql.Conversation;
import io.github.nl2sql.ModelException;
import io.github.nl2sql.ModelSettings;
import io.github.nl2sql.Nl2Sql;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.internal.json.Json;
import io.github.nl2sql.internal.replay.ReplayServer;
import io.github.nl2sql.ir.CmpOp;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.SortOrder;
import io.github.nl2sql.ir.TableRef;
import io.github.nl2sql.llm.LlmPlanners;
import io.github.nl2sql.testing.TestDatabases;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Nl2Sql#ask} through real HTTP: the langchain4j OpenAI and Ollama clients talk to a local
 * {@link ReplayServer} that replays recorded model answers (IR JSON), and the answers are validated,
 * regenerated, compiled and run on H2.
 */
class AskReplayEndToEndTest {
  private static final String Q = "Which Theory shirts cost more than 90?";

  private DataSource ds;
  private ReplayServer server;

  @BeforeEach
  void store() {
    ds = TestDatabases.h2(true);
    TestDatabases.run(ds, "CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, "
        + "brand VARCHAR(20) NOT NULL, price DECIMAL(10,2) NOT NULL, sale_price DECIMAL(10,2));\n"
        + "INSERT INTO products VALUES (1, 'Oxford Shirt', 'Theory', 89.00, 79.00), "
        + "(2, 'Linen Shirt', 'Theory', 95.00, 90.00), (3, 'Poplin Shirt', 'Everlane', 48.00, NULL);\n");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String good() {
    return Json.toJson(Query.Select.builder().select(Expr.Column.of("name"))
        .from(TableRef.Table.of("products"))
        .where(Expr.And.of(Expr.Comparison.eq(Expr.Column.of("brand"), Expr.Literal.of("Theory")),
            new Expr.Comparison(CmpOp.GT, Expr.Column.of("price"), Expr.Literal.of(90))))
        .orderBy(Expr.Column.of("name"), SortOrder.ASC).build());
  }

  private static String misspelled() {
    return good().replace("\"price\"", "\"pricee\"");
  }

  private Nl2Sql nl2sql(List<ReplayServer.Record> records, Duration timeout, boolean ollama, int rounds) {
    server = new ReplayServer(records);
    ChatModel model = ollama
        ? OllamaChatModel.builder().baseUrl(server.ollamaBaseUrl()).modelName("replay").timeout(timeout)
            .maxRetries(0).build()
        : OpenAiChatModel.builder().baseUrl(server.openAiBaseUrl()).apiKey("none").modelName("replay")
            .timeout(timeout).maxRetries(0).build();
    return Nl2Sql.builder(ds).planner(LlmPlanners.of(model, ModelSettings.OutputMode.IR_JSON))
        .offlineFastPath(false).maxRegenerationRounds(rounds).build();
  }

  private Nl2Sql nl2sql(String... responses) {
    return nl2sql(List.of(new ReplayServer.Record(null, Q, List.of(responses))), Duration.ofSeconds(10), false, 2);
  }

  @Test
  void validAnswer_isValidatedCompiledAndRun() {
    try (Nl2Sql n = nl2sql(good())) {
      Answer a = n.ask(Q);
      assertThat(a).isInstanceOf(Answer.Answered.class);
      Answer.Answered ok = (Answer.Answered) a;
      assertThat(ok.query().parameters()).containsExactly("Theory", 90L, 1000L); // the default LIMIT is a bind value too
      assertThat(ok.query().sql()).doesNotContain("Theory");
      assertThat(ok.result().rows()).containsExactly(List.of("Linen Shirt"));
      assertThat(ok.trace().modelCalls()).isEqualTo(1);
      assertThat(ok.trace().rejectedDrafts()).isZero();
      assertThat(server.calls()).isEqualTo(1);
    }
  }

  @Test
  void unknownColumn_isFixedByRegeneration() {
    try (Nl2Sql n = nl2sql(misspelled(), good())) {
      Answer a = n.ask(Q);
      assertThat(a).isInstanceOf(Answer.Answered.class);
      assertThat(a.trace().modelCalls()).isEqualTo(2);
      assertThat(a.trace().rejectedDrafts()).isEqualTo(1);
      assertThat(a.trace().regenerated()).isTrue();
      assertThat(((Answer.Answered) a).result().rows()).containsExactly(List.of("Linen Shirt"));
    }
  }

  @Test
  void stillInvalid_isBlockedWithSuggestions_andNothingRuns() {
    try (Nl2Sql n = nl2sql(misspelled())) {
      Answer a = n.ask(Q);
      assertThat(a).isInstanceOf(Answer.Blocked.class);
      Answer.Blocked b = (Answer.Blocked) a;
      assertThat(b.diagnostics()).anySatisfy(d -> assertThat(d.code().name()).startsWith("UNKNOWN_COLUMN"));
      assertThat(b.suggestions()).anySatisfy(s -> assertThat(s).containsIgnoringCase("price"));
      assertThat(a.trace().modelCalls()).isEqualTo(3);
      assertThat(server.calls()).isEqualTo(3);
    }
  }

  @Test
  void repair_fixesAClearlyBestIdentifier_withoutAnotherModelCall() {
    server = new ReplayServer(List.of(new ReplayServer.Record(null, Q, List.of(misspelled()))));
    ChatModel model = OpenAiChatModel.builder().baseUrl(server.openAiBaseUrl()).apiKey("none").modelName("replay")
        .maxRetries(0).build();
    try (Nl2Sql n = Nl2Sql.builder(ds).planner(LlmPlanners.of(model, ModelSettings.OutputMode.IR_JSON))
        .offlineFastPath(false).repair(true).build()) {
      Answer a = n.ask(Q);
      assertThat(a).isInstanceOf(Answer.Answered.class);
      assertThat(a.trace().repaired()).isTrue();
      assertThat(a.trace().modelCalls()).isEqualTo(1);
    }
  }

  @Test
  void malformedJson_isRejectedAndRegenerated() {
    try (Nl2Sql n = nl2sql("{\"kind\": \"select\", \"items\": [", good())) {
      Answer a = n.ask(Q);
      assertThat(a).isInstanceOf(Answer.Answered.class);
      assertThat(a.trace().rejectedDrafts()).isEqualTo(1);
    }
    server.close();
    try (Nl2Sql n = nl2sql("this is not JSON at all")) {
      Answer a = n.ask(Q);
      assertThat(a).isInstanceOf(Answer.Blocked.class);
      assertThat(((Answer.Blocked) a).diagnostics().get(0).code()).isEqualTo(DiagnosticCode.SYNTAX_ERROR);
    }
  }

  @Test
  void timeout_throwsModelExceptionNamingTheReason() {
    try (Nl2Sql n = nl2sql(List.of(new ReplayServer.Record(null, Q, List.of("@sleep 3000 " + good()))),
        Duration.ofMillis(500), false, 2)) {
      assertThatThrownBy(() -> n.ask(Q)).isInstanceOf(ModelException.class)
          .satisfies(e -> assertThat(((ModelException) e).reason()).isEqualTo(ModelException.Reason.TIMEOUT));
    }
  }

  @Test
  void http500_throwsModelException() {
    try (Nl2Sql n = nl2sql("@http 500")) {
      assertThatThrownBy(() -> n.ask(Q)).isInstanceOf(ModelException.class)
          .satisfies(e -> assertThat(((ModelException) e).reason()).isEqualTo(ModelException.Reason.HTTP_ERROR))
          .hasMessageContaining("500");
    }
  }

  @Test
  void clarification_roundTrip() {
    String clarify = "CLARIFY: Which price do you mean?\nOPTION: products.price\nOPTION: products.sale_price";
    try (Nl2Sql n = nl2sql(clarify, good())) {
      Conversation c = Conversation.create();
      Answer first = n.ask(Q, c);
      assertThat(first).isInstanceOf(Answer.Clarification.class);
      Answer.Clarification cl = (Answer.Clarification) first;
      assertThat(cl.format()).isEqualTo("Which price do you mean?\n1. products.price\n2. products.sale_price");
      assertThat(c.pendingClarification()).isPresent();
      Answer second = n.ask("1", c);
      assertThat(second).isInstanceOf(Answer.Answered.class);
      assertThat(second.question()).isEqualTo(Q);
      assertThat(c.resolutions()).singleElement()
          .satisfies(r -> assertThat(r.chosen().value()).isEqualTo("products.price"));
      assertThat(c.pendingClarification()).isEmpty();
      assertThat(c.lastStatement()).isPresent();
    }
  }

  @Test
  void ollamaEndpoint_answers() {
    try (Nl2Sql n = nl2sql(List.of(new ReplayServer.Record(null, Q, List.of(good()))), Duration.ofSeconds(10),
        true, 2)) {
      Answer a = n.ask(Q);
      assertThat(a).isInstanceOf(Answer.Answered.class);
      assertThat(((Answer.Answered) a).result().rows()).containsExactly(List.of("Linen Shirt"));
    }
  }

  private Nl2Sql sqlMode(boolean repair, String... responses) {
    server = new ReplayServer(List.of(new ReplayServer.Record(null, Q, List.of(responses))));
    ChatModel model = OpenAiChatModel.builder().baseUrl(server.openAiBaseUrl()).apiKey("none").modelName("replay")
        .maxRetries(0).build();
    return Nl2Sql.builder(ds).planner(LlmPlanners.of(model)).offlineFastPath(false).repair(repair).build();
  }

  @Test
  void sqlMode_misspelledColumnIsRegeneratedFromTheSuggestion() {
    String bad = "```sql\nSELECT name FROM products WHERE brand = 'Theory' AND pricee > 90 ORDER BY name\n```";
    String fixed = "SELECT name FROM products WHERE brand = 'Theory' AND price > 90 ORDER BY name;";
    try (Nl2Sql n = sqlMode(false, bad, fixed)) {
      Answer a = n.ask(Q);
      assertThat(a).isInstanceOf(Answer.Answered.class);
      assertThat(((Answer.Answered) a).query().parameters()).startsWith("Theory", 90L);
      assertThat(a.trace().rejectedDrafts()).isEqualTo(1);
      assertThat(a.trace().modelCalls()).isEqualTo(2);
    }
  }

  @Test
  void sqlMode_blockedAnswerCarriesSuggestion_andRepairNeverTouchesValidSql() {
    String bad = "SELECT name FROM products WHERE sale_pricee > 80";
    try (Nl2Sql n = sqlMode(false, bad)) {
      Answer a = n.ask(Q);
      assertThat(a).isInstanceOf(Answer.Blocked.class);
      assertThat(((Answer.Blocked) a).sql()).isEqualTo(bad);
      assertThat(((Answer.Blocked) a).suggestions()).contains("sale_price");
    }
    server.close();
    try (Nl2Sql n = sqlMode(true, bad)) {
      Answer a = n.ask(Q);
      assertThat(a).isInstanceOf(Answer.Answered.class);
      assertThat(a.trace().repaired()).isTrue();
      assertThat(((Answer.Answered) a).query().sql()).contains("sale_price");
    }
    server.close();
    try (Nl2Sql n = sqlMode(true, "SELECT name FROM products WHERE price > 80")) {
      Answer a = n.ask(Q);
      assertThat(a.trace().repaired()).isFalse();
    }
  }
}
