package io.github.nl2sql.examples;

import io.github.nl2sql.Answer;
import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Conversation;
import io.github.nl2sql.Nl2Sql;
import io.github.nl2sql.QueryResult;
import io.github.nl2sql.ResultColumn;
import io.github.nl2sql.ValidationResult;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.ColumnStats;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.internal.catalog.CatalogSnapshots;
import io.github.nl2sql.internal.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The README's first command: builds the embedded demo store, prints its catalog snapshot, validates a
 * misspelled query and shows the suggestion, compiles and runs queries and prints SQL, bind values and
 * rows, then asks questions in plain language with the offline planner (answers, an abstention, and a
 * conversation with follow-ups).
 */
public final class StoreDemo {
  private final PrintStream out;

  StoreDemo(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    Path snapshot = args.length > 0 ? Path.of(args[0]) : Path.of("target", "demo-catalog.json");
    new StoreDemo(System.out).run(DemoStore.create(), snapshot);
  }

  void run(DataSource store, Path snapshotFile) throws IOException {
    try (Nl2Sql nl2sql = Nl2Sql.builder(store).databaseName("demo store").build()) {
      Catalog catalog = nl2sql.catalog();
      printCatalog(catalog);
      if (snapshotFile.getParent() != null) {
        Files.createDirectories(snapshotFile.getParent());
      }
      Files.writeString(snapshotFile, CatalogSnapshots.toJson(catalog), StandardCharsets.UTF_8);
      out.println("Full catalog snapshot (JSON): " + snapshotFile.toAbsolutePath());

      section("1. A misspelled query is blocked, with a suggestion");
      String misspelled = "SELECT name, sale_pricee FROM products WHERE brand = 'Theory'";
      out.println("SQL:  " + misspelled);
      ValidationResult bad = nl2sql.validate(misspelled);
      for (Diagnostic d : bad.diagnostics()) {
        out.println("  " + d.code().id() + " " + d.severity() + ": " + d.format());
      }
      out.println("Runs? " + (bad.isValid() ? "yes" : "no, nothing was executed"));

      section("2. The corrected query: validated IR, compiled to parameterized SQL, executed");
      run(nl2sql, "SELECT name, color, sale_price FROM products "
          + "WHERE brand = 'Theory' AND category = 'shirts' ORDER BY sale_price DESC");

      section("3. Revenue per brand (join + group by + having)");
      run(nl2sql, "SELECT p.brand, SUM(i.quantity * i.unit_price) AS revenue, COUNT(DISTINCT i.order_id) AS orders "
          + "FROM order_items i JOIN products p ON p.id = i.product_id "
          + "GROUP BY p.brand HAVING SUM(i.quantity * i.unit_price) > 500 ORDER BY revenue DESC");

      section("4. Writes and schema changes are refused");
      for (String sql : List.of("DELETE FROM orders WHERE status = 'returned'", "DROP TABLE customers",
          "SELECT 1; DROP TABLE customers")) {
        out.println("SQL:  " + sql);
        nl2sql.validate(sql).diagnostics().forEach(d -> out.println("  " + d.code().id() + ": " + d.format()));
      }

      section("5. Questions in plain language, answered offline (no language model configured)");
      for (String q : List.of("How many customers are there?",
          "List the name, color and sale price of Theory products in category shirts, ordered by sale price descending.",
          "What is the average sale price for each brand?",
          "What is the name of the product with the highest sale price?",
          "How many orders have status returned?",
          "Which customers spent more than the average customer last quarter?")) {
        ask(nl2sql, q, null);
      }

      section("6. A conversation: follow-ups refine the last answer");
      Conversation conversation = Conversation.create();
      for (String q : List.of("List the first name, last name and city of customers in France",
          "sort by the second column", "only Paris")) {
        ask(nl2sql, q, conversation);
      }
    }
  }

  private void ask(Nl2Sql nl2sql, String question, Conversation conversation) {
    out.println("Question: " + question);
    Answer a = conversation == null ? nl2sql.ask(question) : nl2sql.ask(question, conversation);
    if (a instanceof Answer.Answered ok) {
      out.printf("Answer:   confidence %.2f; %s%n", ok.confidence(), ok.explanation());
      out.println("SQL:      " + ok.query().sql());
      out.println("Params:   " + ok.query().parameters());
      printRows(ok.result());
    } else if (a instanceof Answer.Clarification c) {
      out.println("Asks back: " + c.format().replace("\n", "\n           "));
    } else if (a instanceof Answer.Abstained ab) {
      out.println("Abstains: " + ab.reason());
    } else if (a instanceof Answer.Blocked b) {
      out.println("Blocked:  " + b.diagnostics());
    }
    out.println();
  }

  private void run(Nl2Sql nl2sql, String sql) {
    out.println("SQL in:   " + sql);
    ValidationResult v = nl2sql.validate(sql);
    CompiledQuery q = nl2sql.compile(v.orThrow());
    out.println("IR:       " + Json.toJson(q.statement()));
    out.println("SQL out:  " + q.sql());
    out.println("Params:   " + q.parameters());
    QueryResult r = nl2sql.execute(q);
    printRows(r);
  }

  private void printCatalog(Catalog c) {
    section("Catalog of the " + c.product() + " " + c.productVersion() + " database '" + c.database()
        + "' (dialect " + c.dialect() + ")");
    out.println("fingerprint " + c.fingerprint() + ", statistics " + c.statistics());
    for (Table t : c.tables()) {
      out.println(t.name() + (t.comment() != null ? "  -- " + t.comment() : "")
          + (t.rowCount() != null ? "  (" + t.rowCount() + " rows)" : ""));
      for (Column col : t.columns()) {
        StringBuilder sb = new StringBuilder("    ").append(col.name()).append(' ').append(col.typeName())
            .append(col.nullable() ? "" : " NOT NULL");
        if (t.primaryKey().contains(col.name())) {
          sb.append(" PK");
        }
        if (col.comment() != null) {
          sb.append("  -- ").append(col.comment());
        }
        ColumnStats s = col.stats();
        if (s != null && !s.frequentValues().isEmpty()) {
          sb.append("  e.g. ").append(s.frequentValues().stream().limit(4)
              .map(ColumnStats.FrequentValue::value).collect(Collectors.joining(", ")));
        }
        out.println(sb);
      }
      for (ForeignKey fk : t.foreignKeys()) {
        out.println("    FK " + fk.columns() + " -> " + fk.referencedTable() + fk.referencedColumns());
      }
    }
  }

  private void printRows(QueryResult r) {
    List<String> header = new ArrayList<>();
    for (ResultColumn col : r.columns()) {
      header.add(col.label());
    }
    out.println("Rows:     " + String.join(" | ", header));
    for (List<Object> row : r.rows()) {
      out.println("          " + row.stream().map(String::valueOf).collect(Collectors.joining(" | ")));
    }
    out.println("          (" + r.rowCount() + " rows in " + r.elapsed().toMillis() + " ms"
        + (r.truncated() ? ", truncated" : "") + ")");
  }

  private void section(String title) {
    out.println();
    out.println("== " + title);
  }
}
