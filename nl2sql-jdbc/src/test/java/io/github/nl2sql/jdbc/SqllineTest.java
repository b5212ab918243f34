package io.github.nl2sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.TableRef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import sqlline.SqlLine;

/**
 * sqlline (from Maven Central) over the wrapped URL, driven in-process by a command script: browse
 * tables, run a query, ask a question, get and answer a clarification, see a misspelled query blocked.
 * The question is answered by a scripted handler standing in for the planner; the driver side (how
 * sqlline sends the text, shows result, warnings and errors) is real.
 */
class SqllineTest {

  private static String run(String url, String script) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SqlLine sqlLine = new SqlLine();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    sqlLine.setOutputStream(ps);
    sqlLine.setErrorStream(ps);
    String[] args = {"-u", url, "-n", "sa", "-p", "", "--showWarnings=true", "--color=false",
        "--maxWidth=250", "--showNestedErrs=true"};
    sqlLine.begin(args, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), false);
    // strip the terminal control sequences jline writes around each line
    return out.toString(StandardCharsets.UTF_8).replaceAll("\u001B\\[[?0-9;]*[a-zA-Z=>]|\u001B[=>]", "");
  }

  @Test
  void browse_query_ask_clarify_andSeeABlockedMisspelling() throws Exception {
    String db = "h2:mem:sqlline" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    String url = "jdbc:nl2sql:" + db + ";nl2sql.guard=block";
    try (Connection c = DriverManager.getConnection("jdbc:" + db, "sa", ""); Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(40), list_price DECIMAL(8,2), "
          + "sale_price DECIMAL(8,2))");
      s.executeUpdate("INSERT INTO products VALUES (1, 'Linen shirt', 59.00, 49.50), (2, 'Wool coat', 249.00, 199.00)");
    }
    // the same URL and user as sqlline's connection share this handler
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      c.unwrap(WrappedConnection.class).target.questionHandler(r -> {
        if (r.clarification() == null) {
          return new QuestionOutcome.Clarify("Which price do you mean?", List.of("list_price", "sale_price"));
        }
        Query ir = Query.Select.builder().select(Expr.Column.of("name"))
            .select(Expr.Column.of(r.chosenOption())).from(TableRef.Table.of("products"))
            .where(new Expr.Comparison(io.github.nl2sql.ir.CmpOp.LT, Expr.Column.of(r.chosenOption()),
                Expr.Literal.of(100))).build();
        return new QuestionOutcome.Answered(new CompiledQuery("SELECT name, " + r.chosenOption()
            + " FROM products WHERE " + r.chosenOption() + " < ?", List.of(100), r.dialect(), ir), 0.9, List.of());
      });
    }
    String output = run(url, String.join("\n",
        "!tables",
        "!columns products",
        "SELECT name, sale_price FROM products ORDER BY id;",
        "SELECT name, sale_pricee FROM products;",
        "nl: which products cost less than 100?;",
        "nl: use 2;",
        "!quit", ""));
    System.out.println(output);
    // browsing: metadata passes through
    assertThat(output).containsPattern("\\| PUBLIC +\\| PRODUCTS +\\| BASE TABLE");
    assertThat(output).containsPattern("\\| PRODUCTS +\\| SALE_PRICE +\\|");
    // a normal query
    assertThat(output).containsPattern("\\| Linen shirt \\| 49.50 +\\|");
    assertThat(output).contains("2 rows selected");
    // the misspelled query is refused before it reaches H2, with the suggestion
    assertThat(output).contains("Error: nl2sql guard blocked this statement (nl2sql.guard=block)")
        .containsIgnoringCase("did you mean 'sale_price'?").contains("(state=NL002,code=0)");
    assertThat(output).doesNotContain("Column \"SALE_PRICEE\" not found");
    // the question asks back with numbered options; the answer runs the generated SQL
    assertThat(output).contains("Error: Clarification needed for 'which products cost less than 100?': Which "
        + "price do you mean?").contains("1) list_price").contains("2) sale_price").contains("(state=NL001,code=0)");
    assertThat(output).contains("nl2sql answered 'which products cost less than 100?' with: SELECT name, "
        + "sale_price FROM products WHERE sale_price < ? -- parameters: [100]");
    String answer = output.substring(output.indexOf("> nl: use 2"));
    assertThat(answer).containsPattern("\\| Linen shirt \\| 49.50 +\\|").contains("1 row selected")
        .doesNotContain("Wool coat");
  }
}
