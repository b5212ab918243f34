package io.github.nl2sql.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreDemoTest {
  @TempDir Path tmp;

  @Test
  void demoPrintsCatalogSuggestionAndRows() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Path snapshot = tmp.resolve("catalog.json");
    new StoreDemo(new PrintStream(buf, true, StandardCharsets.UTF_8)).run(DemoStore.create(), snapshot);
    String out = buf.toString(StandardCharsets.UTF_8);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "demo-output.txt"), out, StandardCharsets.UTF_8);

    // catalog: tables, a comment, a foreign key, frequent values from statistics
    assertThat(out).contains("products", "order_items", "Label that makes the product",
        "FK [customer_id] -> customers[id]", "Theory");
    // the misspelled column is blocked with the right suggestion and nothing runs
    assertThat(out).contains("Column 'sale_pricee' not found in table 'products'; did you mean 'sale_price'?")
        .contains("no, nothing was executed");
    // the corrected query runs with bind values, not literals, in the SQL
    assertThat(out).contains("Params:   [Theory, shirts, 1000]").contains("Linen Shirt | blue | 95.00")
        .contains("Oxford Shirt | white | 89.00");
    assertThat(out.lines().filter(l -> l.startsWith("SQL out:")))
        .hasSize(2)
        .allSatisfy(l -> assertThat(l).doesNotContain("Theory").doesNotContain("'").doesNotContain("500"));
    // compiled SQL (of queries and of answers) never carries a literal value
    assertThat(out.lines().filter(l -> l.startsWith("SQL out:") || l.startsWith("SQL:      ")))
        .isNotEmpty().noneMatch(l -> l.contains("Theory") || l.contains("Paris") || l.contains("France"));
    // writes and DDL are refused
    assertThat(out).contains("NL2SQL-G002", "NL2SQL-G003", "NL2SQL-G001");
    // questions in plain language, answered offline, with SQL, parameters and rows
    assertThat(out).contains("Question: How many customers are there?", "Counts rows", "16")
        .contains("Params:   [Theory, shirts, 1000]", "Trench Coat", "Params:   [returned, 1000]")
        .contains("Abstains: I can answer this only with a language model configured");
    // a conversation: sorted by the second column, then narrowed to Paris
    assertThat(out).contains("order by 2 asc").contains("Params:   [France, Paris, 1000]")
        .contains("Klara | Costa | Paris");
    assertThat(Files.readString(snapshot)).contains("\"fingerprint\"", "sale_price");
  }
}
