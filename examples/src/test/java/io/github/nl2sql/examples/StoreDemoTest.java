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
    // writes and DDL are refused
    assertThat(out).contains("NL2SQL-G002", "NL2SQL-G003", "NL2SQL-G001");
    assertThat(Files.readString(snapshot)).contains("\"fingerprint\"", "sale_price");
  }
}
