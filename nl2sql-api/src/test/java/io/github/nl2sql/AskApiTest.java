package io.github.nl2sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.TableRef;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AskApiTest {
  private static final Answer.Trace TRACE = new Answer.Trace("offline", 0, 1, 0, false, false);

  private static Answer.Clarification clarification() {
    return new Answer.Clarification("revenue by date", Answer.Clarification.Kind.DATE_COLUMN,
        "Which date do you mean?", List.of(new Answer.Clarification.Option(1, "orders.order_date", "orders.order_date"),
            new Answer.Clarification.Option(2, "shipments.ship_date", "shipments.ship_date")), TRACE);
  }

  @Test
  void clarification_choose_byNumberLabelOrUniqueFragment() {
    Answer.Clarification c = clarification();
    assertThat(c.choose("2")).map(Answer.Clarification.Option::number).contains(2);
    assertThat(c.choose(" 1. ")).map(Answer.Clarification.Option::number).contains(1);
    assertThat(c.choose("ORDERS.ORDER_DATE")).map(Answer.Clarification.Option::number).contains(1);
    assertThat(c.choose("ship")).map(Answer.Clarification.Option::number).contains(2);
    assertThat(c.choose("date")).isEmpty();
    assertThat(c.choose("3")).isEmpty();
    assertThat(c.format()).isEqualTo("Which date do you mean?\n1. orders.order_date\n2. shipments.ship_date");
  }

  @Test
  void clarification_needsTwoNumberedOptions() {
    assertThatThrownBy(() -> new Answer.Clarification("q", Answer.Clarification.Kind.COLUMN, "Which?",
        List.of(new Answer.Clarification.Option(1, "a", "a")), TRACE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two options");
    assertThatThrownBy(() -> new Answer.Clarification("q", Answer.Clarification.Kind.COLUMN, "Which?",
        List.of(new Answer.Clarification.Option(1, "a", "a"), new Answer.Clarification.Option(3, "b", "b")), TRACE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numbered");
  }

  @Test
  void conversation_isBounded_andTracksPendingAndLastStatement() {
    Conversation c = Conversation.create(2);
    c.record("q1", new Answer.Abstained("q1", "no", TRACE));
    c.record("q2", clarification());
    assertThat(c.pendingClarification()).isPresent();
    c.resolve(clarification().options().get(1));
    assertThat(c.pendingClarification()).isEmpty();
    assertThat(c.resolutions()).singleElement().satisfies(r -> assertThat(r.chosen().number()).isEqualTo(2));
    Query.Select q = Query.Select.builder().select(Expr.Star.all()).from(TableRef.Table.of("t")).build();
    c.record("q3", new Answer.Answered("q3", new CompiledQuery("SELECT * FROM t", List.of(), Dialect.H2, q), 0.9,
        "lists t", null, TRACE));
    assertThat(c.turns()).hasSize(2).extracting(Conversation.Turn::question).containsExactly("q2", "q3");
    assertThat(c.lastQuery()).contains(q);
    assertThatThrownBy(() -> c.resolve(clarification().options().get(0)))
        .isInstanceOf(IllegalStateException.class).hasMessage("no clarification is pending");
    assertThatThrownBy(() -> Conversation.create(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void modelSettings_parseSpecs() {
    ModelSettings a = ModelSettings.parse("openai:http://localhost:8080/v1:gpt-4o-mini", "OPENAI_API_KEY");
    assertThat(a.provider()).isEqualTo(ModelSettings.Provider.OPENAI);
    assertThat(a.baseUrl()).isEqualTo("http://localhost:8080/v1");
    assertThat(a.modelName()).isEqualTo("gpt-4o-mini");
    assertThat(a.apiKeyEnv()).isEqualTo("OPENAI_API_KEY");
    ModelSettings b = ModelSettings.parse("ollama:http://localhost:11434:qwen2.5-coder:7b", null);
    assertThat(b.baseUrl()).isEqualTo("http://localhost:11434");
    assertThat(b.modelName()).isEqualTo("qwen2.5-coder:7b");
    assertThat(b.timeout()).isEqualTo(ModelSettings.DEFAULT_TIMEOUT);
    assertThatThrownBy(() -> ModelSettings.parse("gemini:http://x:1:m", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("supported: openai, ollama");
    assertThatThrownBy(() -> ModelSettings.parse("openai:localhost:m", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModelSettings.of(ModelSettings.Provider.OPENAI, "http://x", "m", "bad-name"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("environment variable");
  }

  @Test
  void askProperties_mapOneToOneOntoOptions() {
    Properties p = new Properties();
    p.setProperty("nl2sql.model.provider", "ollama");
    p.setProperty("nl2sql.model.baseUrl", "http://localhost:11434");
    p.setProperty("nl2sql.model.name", "llama3");
    p.setProperty("nl2sql.model.timeoutSeconds", "5");
    p.setProperty("nl2sql.model.output", "ir_json");
    p.setProperty("nl2sql.ask.maxRegenerationRounds", "4");
    p.setProperty("nl2sql.ask.repair", "true");
    p.setProperty("nl2sql.ask.confidenceThreshold", "0.7");
    p.setProperty("nl2sql.ask.execute", "false");
    AskOptions o = AskProperty.toAskOptions(p);
    assertThat(o.model().provider()).isEqualTo(ModelSettings.Provider.OLLAMA);
    assertThat(o.model().timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.model().outputMode()).isEqualTo(ModelSettings.OutputMode.IR_JSON);
    assertThat(o.maxRegenerationRounds()).isEqualTo(4);
    assertThat(o.repair()).isTrue();
    assertThat(o.confidenceThreshold()).isEqualTo(0.7);
    assertThat(o.execute()).isFalse();
    // every property key is distinct and documented
    assertThat(Arrays.stream(AskProperty.values()).map(AskProperty::key).collect(Collectors.toSet()))
        .hasSize(AskProperty.values().length);
    assertThat(AskProperty.values()).allSatisfy(v -> assertThat(v.description()).isNotBlank());
    assertThat(AskProperty.toAskOptions(new Properties())).isEqualTo(AskOptions.defaults());
  }

  @Test
  void askProperties_rejectMalformedValuesNamingTheKey() {
    Properties p = new Properties();
    p.setProperty("nl2sql.ask.repair", "yes");
    assertThatThrownBy(() -> AskProperty.toAskOptions(p)).hasMessageContaining("nl2sql.ask.repair");
    Properties q = new Properties();
    q.setProperty("nl2sql.model.provider", "openai");
    assertThatThrownBy(() -> AskProperty.toAskOptions(q)).hasMessageContaining("nl2sql.model.baseUrl");
  }
}
