package io.github.nl2sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import sqlline.SqlLine;

/** sqlline (from Maven Central) over the wrapped URL, driven by a command script in-process. */
class SqllineTest {

  private static String run(String url, String script) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SqlLine sqlLine = new SqlLine();
    sqlLine.setOutputStream(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
    sqlLine.setErrorStream(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
    String[] args = {"-u", url, "-n", "sa", "-p", "", "--silent=false", "--showWarnings=true",
        "--color=false", "--maxWidth=200", "--headerInterval=1000"};
    sqlLine.begin(args, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), false);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void browseQueryAndBlockedMisspelling() throws Exception {
    String db = "h2:mem:sqlline" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    try (Connection c = DriverManager.getConnection("jdbc:" + db, "sa", ""); Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(40), sale_price DECIMAL(8,2))");
      s.executeUpdate("INSERT INTO products VALUES (1, 'Linen shirt', 49.50), (2, 'Wool coat', 199.00)");
    }
    String output = run("jdbc:nl2sql:" + db + ";nl2sql.guard=block", String.join("\n",
        "!tables",
        "!columns products",
        "SELECT name, sale_price FROM products ORDER BY id;",
        "SELECT name, sale_pricee FROM products;",
        "-- nl: how many products are there?",
        "/* nl: how many products? */",
        "/* nl: how many products? */;",
        "SELECT COUNT(*) AS n FROM products;",
        "!quit", ""));
    System.out.println(output);
    assertThat(output).contains("PRODUCTS");
    assertThat(output).contains("SALE_PRICE");
    assertThat(output).contains("Linen shirt").contains("Wool coat");
  }
}
