package io.github.nl2sql.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.Answer;
import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Conversation;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.ModelSettings;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.ColumnStats;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.internal.link.LexicalLinker;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.TableRef;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.plan.Attempt;
import io.github.nl2sql.plan.DatabaseIdentity;
import io.github.nl2sql.plan.PlanRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden-file tests of the model prompt. On a mismatch the actual text is written to
 * {@code target/prompts/<name>.actual.txt}, so {@code diff} shows the change in one command.
 */
class PromptBuilderTest {
  static Catalog store() {
    Column id = col("id", 1, SqlType.INTEGER, null, null);
    List<Table> tables = List.of(
        new Table(null, "products", Table.Kind.TABLE, "What the store sells", List.of(id,
            col("name", 2, SqlType.TEXT, null, null),
            col("brand", 3, SqlType.TEXT, null, List.of("Theory", "Everlane", "Burberry")),
            col("sale_price", 4, SqlType.DECIMAL, "Price after discount", null)),
            List.of("id"), List.of(), List.of(), List.of(), 4L),
        new Table(null, "order_items", Table.Kind.TABLE, null, List.of(
            col("order_id", 1, SqlType.INTEGER, null, null), col("product_id", 2, SqlType.INTEGER, null, null),
            col("quantity", 3, SqlType.INTEGER, null, null)),
            List.of("order_id", "product_id"), List.of(),
            List.of(new ForeignKey("fk_p", List.of("product_id"), null, "products", List.of("id"))), List.of(), 5L));
    return new Catalog("H2", "2.3.232", "store", "PUBLIC", Dialect.H2, tables, "f", null, null, null);
  }

  static Column col(String name, int pos, SqlType type, String comment, List<String> frequent) {
    ColumnStats stats = frequent == null ? null
        : new ColumnStats(10, 0, frequent.size(), frequent.stream().map(v -> new ColumnStats.FrequentValue(v, 3)).toList());
    return new Column(name, pos, type.name(), 0, type, null, null, !name.equals("id"), null, comment, List.of(), false,
        stats);
  }

  static PlanRequest request(String question, List<Conversation.Turn> history, List<Attempt> attempts) {
    Catalog c = store();
    return new PlanRequest(question, c, new LexicalLinker().link(question, c, LinkOptions.defaults()),
        new DatabaseIdentity("H2", "2.3.232", "demo store", Dialect.H2), history, List.of(), null, attempts);
  }

  static void golden(String name, String actual) throws IOException {
    String expected;
    try (InputStream in = PromptBuilderTest.class.getResourceAsStream(name + ".txt")) {
      expected = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!actual.equals(expected)) {
      Path out = Path.of("target", "prompts", name + ".actual.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, actual, StandardCharsets.UTF_8);
      assertThat(actual).as("prompt differs from src/test/resources/io/github/nl2sql/internal/plan/" + name
          + ".txt; actual written to " + out.toAbsolutePath()).isEqualTo(expected);
    }
  }

  @Test
  void firstQuestion_sqlMode() throws IOException {
    PlanRequest r = request("Which Theory products sell the most units?", List.of(), List.of());
    PromptBuilder b = new PromptBuilder(3000);
    golden("prompt-first", b.system(r, ModelSettings.OutputMode.SQL) + "\n---\n" + b.user(r));
  }

  @Test
  void regeneration_carriesTheRejectedDraftAndItsSuggestions_andTheConversation() throws IOException {
    Query.Select last = Query.Select.builder().select(Expr.Column.of("name")).from(TableRef.Table.of("products")).build();
    Answer prior = new Answer.Answered("List the products", new CompiledQuery("select name from products limit ?",
        List.of(1000L), Dialect.H2, last), 0.9, "lists products", null,
        new Answer.Trace("offline", 0, 1, 0, false, false));
    Diagnostic d = Diagnostic.error(DiagnosticCode.UNKNOWN_COLUMN, "sale_pricee", List.of("sale_price"),
        "sale_pricee", "products");
    PlanRequest r = request("only those with a sale price under 50",
        List.of(new Conversation.Turn("List the products", prior)),
        List.of(new Attempt("SELECT name FROM products WHERE sale_pricee < 50", List.of(d))));
    golden("prompt-regenerate", new PromptBuilder(3000).user(r));
  }

  @Test
  void prompt_isDeterministic_andShrinksToTheBudget() {
    PlanRequest r = request("Which Theory products sell the most units?", List.of(), List.of());
    assertThat(new PromptBuilder(3000).user(r)).isEqualTo(new PromptBuilder(3000).user(r));
    String full = new PromptBuilder(3000).user(r);
    String small = new PromptBuilder(50).user(r);
    assertThat(full).contains("values: 'Theory'");
    assertThat(small).doesNotContain("values:").contains(PromptBuilder.QUESTION_PREFIX);
    assertThat(PromptBuilder.tokens(small)).isLessThanOrEqualTo(PromptBuilder.tokens(full));
    assertThatThrownBy(() -> new PromptBuilder(10)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void irJsonMode_includesTheSchema() {
    PlanRequest r = request("How many products are there?", List.of(), List.of());
    assertThat(new PromptBuilder(3000).system(r, ModelSettings.OutputMode.IR_JSON)).contains("\"kind\"")
        .contains("JSON Schema");
  }
}
