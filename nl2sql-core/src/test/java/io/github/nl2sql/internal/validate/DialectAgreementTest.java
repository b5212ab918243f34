package io.github.nl2sql.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.ValidationResult;
import io.github.nl2sql.internal.sql.SqlImporter;
import io.github.nl2sql.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator against the real databases: the same SQL runs on SQLite, H2, PostgreSQL and MariaDB
 * (the {@link Shop} schema with a few rows). Whatever a database accepts must get no ERROR from the
 * guard for that dialect (zero false blocks); whatever it rejects for a reason the validator covers must
 * be blocked.
 */
class DialectAgreementTest {

  private static final String[] DDL = {
    "CREATE TABLE categories (id INTEGER PRIMARY KEY, name VARCHAR(100))",
    "CREATE TABLE products (id INTEGER PRIMARY KEY, name VARCHAR(100), sale_price DECIMAL(10,2), "
        + "category_id INTEGER REFERENCES categories(id), launched DATE, active BOOLEAN)",
    "CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, full_name VARCHAR(100), "
        + "city VARCHAR(100))",
    "CREATE TABLE orders (id INTEGER PRIMARY KEY, product_id INTEGER REFERENCES products(id), "
        + "customer_id INTEGER REFERENCES customers(customer_id), quantity INTEGER, order_date DATE)",
    // rows (two products in one category), so that checks a database makes only while evaluating
    // rows (H2's grouping check, window functions in WHERE) happen too
    "INSERT INTO categories VALUES (1, 'tools')",
    "INSERT INTO products VALUES (1, 'hammer', 9.50, 1, '2020-01-02', TRUE)",
    "INSERT INTO products VALUES (2, 'saw', 12.00, 1, '2020-03-04', FALSE)",
    "INSERT INTO customers VALUES (1, 'Ann Lee', 'Oslo')",
    "INSERT INTO orders VALUES (1, 1, 1, 3, '2021-05-06')"
  };

  /** A query and whether a rejection by a database must be mirrored by a block. */
  record Case(String sql, boolean mustBlockWhenRejected) {}

  private static Case ok(String sql) {
    return new Case(sql, true);
  }

  private static final List<Case> CASES = List.of(
      ok("SELECT p.name, c.name AS category FROM products p JOIN categories c ON p.category_id = c.id "
          + "WHERE p.sale_price > 10 ORDER BY category"),
      ok("SELECT category_id, COUNT(*) AS n FROM products GROUP BY category_id HAVING COUNT(*) > 1 "
          + "ORDER BY n DESC"),
      ok("SELECT p.name, COUNT(*) FROM products p JOIN orders o ON o.product_id = p.id "
          + "GROUP BY p.id, p.name"),
      ok("SELECT p.name, COUNT(*) FROM products p JOIN orders o ON o.product_id = p.id GROUP BY p.id"),
      ok("SELECT name FROM products WHERE id IN (SELECT product_id FROM orders WHERE quantity > 2)"),
      ok("SELECT name FROM products p WHERE EXISTS (SELECT 1 FROM orders o WHERE o.product_id = p.id)"),
      ok("WITH t AS (SELECT product_id, SUM(quantity) AS total FROM orders GROUP BY product_id) "
          + "SELECT p.name, t.total FROM t JOIN products p ON p.id = t.product_id"),
      ok("SELECT d.n FROM (SELECT category_id, COUNT(*) AS n FROM products GROUP BY category_id) d "
          + "WHERE d.n > 1"),
      ok("SELECT name FROM products UNION SELECT name FROM categories ORDER BY name"),
      ok("SELECT customer_id, full_name FROM orders JOIN customers USING (customer_id)"),
      ok("SELECT name, ROW_NUMBER() OVER (PARTITION BY category_id ORDER BY sale_price DESC) AS r "
          + "FROM products"),
      ok("SELECT LOWER(name), COALESCE(sale_price, 0) FROM products"),
      ok("SELECT category_id AS cat, COUNT(*) FROM products GROUP BY category_id ORDER BY cat"),
      ok("SELECT p.id FROM products p, products q WHERE p.id = q.id"),
      ok("SELECT MAX(sale_price) - MIN(sale_price) FROM products"),
      ok("SELECT name FROM products p WHERE p.id IN (SELECT product_id FROM orders "
          + "WHERE orders.customer_id = p.category_id)"),
      ok("SELECT o.id FROM orders o WHERE o.quantity > (SELECT AVG(quantity) FROM orders)"),
      ok("SELECT full_name, (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.customer_id) AS n "
          + "FROM customers c ORDER BY n"),
      ok("SELECT c.name FROM categories c WHERE c.id NOT IN (SELECT category_id FROM products "
          + "WHERE category_id IS NOT NULL)"),
      ok("SELECT name FROM products WHERE name LIKE 'a%' AND sale_price BETWEEN 1 AND 5"),
      ok("SELECT COUNT(DISTINCT category_id) FROM products"),
      ok("SELECT name FROM products ORDER BY 1 DESC LIMIT 3"),
      ok("SELECT CASE WHEN sale_price > 5 THEN 'high' ELSE 'low' END AS band, COUNT(*) FROM products "
          + "GROUP BY CASE WHEN sale_price > 5 THEN 'high' ELSE 'low' END"),
      // rejected by every database, each for a reason the validator covers
      ok("SELECT sale_pricee FROM products"),
      ok("SELECT p.nam FROM products p"),
      ok("SELECT x.name FROM products p"),
      ok("SELECT products.name FROM products p"),
      ok("SELECT name FROM products p JOIN categories c ON p.category_id = c.id"),
      ok("SELECT name FROM products WHERE COUNT(*) > 1"),
      ok("SELECT id FROM products UNION SELECT id, name FROM categories"),
      ok("SELECT name FROM prodcts"),
      ok("SELECT name FROM products WHERE category_id IN (SELECT id, name FROM categories)"),
      ok("SELECT name FROM products WHERE id = (SELECT id, name FROM categories)"),
      ok("SELECT name FROM products ORDER BY 3"),
      ok("SELECT MAX(COUNT(*)) FROM products"),
      ok("SELECT name FROM products WHERE ROW_NUMBER() OVER (ORDER BY id) = 1"),
      ok("SELECT LOWR(name) FROM products"),
      ok("SELECT LOWER(name, 1) FROM products"),
      ok("WITH a AS (SELECT 1 AS x), a AS (SELECT 2 AS x) SELECT * FROM a"),
      ok("WITH a(x, y) AS (SELECT 1) SELECT * FROM a"),
      ok("SELECT t.x FROM (SELECT id AS x FROM products) t WHERE t.id = 1"),
      ok("SELECT name FROM products WHERE id IN (SELECT id FROM orders o WHERE o.quantity = p.id)"),
      // grouping: PostgreSQL and H2 reject, SQLite and MariaDB (default sql_mode) run it
      ok("SELECT name, COUNT(*) FROM products GROUP BY category_id"),
      // an outer column in a subquery's GROUP BY: SQLite does not resolve it, the others do
      ok("SELECT name FROM products WHERE category_id IN (SELECT category_id FROM orders "
          + "GROUP BY category_id)"),
      // type mismatches never block, by design (PostgreSQL rejects this one at run time)
      new Case("SELECT name FROM products WHERE sale_price = 'cheap'", false),
      // a select-list alias in WHERE: SQLite resolves it, the others do not
      ok("SELECT sale_price AS price FROM products WHERE price > 1"),
      // an alias inside an ORDER BY / GROUP BY expression: PostgreSQL and H2 reject, the others run
      ok("SELECT sale_price AS price FROM products ORDER BY price * 2"),
      ok("SELECT sale_price AS price FROM products ORDER BY -price, name"),
      ok("SELECT category_id + 1 AS c, COUNT(*) FROM products GROUP BY c + 1"),
      ok("SELECT sale_price AS price FROM products ORDER BY price"),
      ok("SELECT category_id AS c, COUNT(*) FROM products GROUP BY c"),
      // an alias named like an input column: the column is meant inside the expression
      ok("SELECT sale_price AS name FROM products ORDER BY name || 'x'"),
      // DISTINCT sorted by what it does not select: PostgreSQL and H2 reject
      ok("SELECT DISTINCT name FROM products ORDER BY sale_price"),
      ok("SELECT DISTINCT name FROM products ORDER BY LOWER(name)"),
      ok("SELECT DISTINCT p.name FROM products p ORDER BY name"),
      ok("SELECT DISTINCT name AS n FROM products ORDER BY n DESC"),
      ok("SELECT DISTINCT name, sale_price FROM products ORDER BY sale_price * 2"),
      ok("SELECT DISTINCT LOWER(name) FROM products ORDER BY LOWER(name)"),
      ok("SELECT DISTINCT name FROM products ORDER BY 1"));

  @TempDir static Path tmp;

  @BeforeAll
  static void importerAvailable() {
    try {
      new SqlImporter(Dialect.SQLITE).importSql("SELECT 1", null);
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("the SQL importer is not available yet: " + e.getMessage());
    }
  }

  @Test
  void sqlite() throws Exception {
    try (Connection c = TestDatabases.sqlite(tmp).getConnection()) {
      agree(c, Dialect.SQLITE);
    }
  }

  @Test
  void h2() throws Exception {
    try (Connection c = TestDatabases.h2(false).getConnection()) {
      agree(c, Dialect.H2);
    }
  }

  @Test
  void postgres() throws Exception {
    DataSource ds = TestDatabases.postgres();
    String schema = "validator_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = ds.getConnection()) {
      exec(c, "CREATE SCHEMA " + schema);
      try {
        exec(c, "SET search_path TO " + schema);
        agree(c, Dialect.POSTGRES);
      } finally {
        exec(c, "DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  @Test
  void mariadb() throws Exception {
    DataSource ds = TestDatabases.mariadb();
    String db = "nl2sql_validator_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = ds.getConnection()) {
      exec(c, "CREATE DATABASE " + db);
      try {
        exec(c, "USE " + db);
        agree(c, Dialect.MARIADB);
      } finally {
        exec(c, "DROP DATABASE " + db);
      }
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** Null when the database runs {@code sql}, else its error message. */
  private static String run(Connection c, String sql) {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
      return null;
    } catch (SQLException e) {
      return String.valueOf(e.getMessage());
    }
  }

  private static void agree(Connection c, Dialect dialect) throws SQLException {
    for (String ddl : DDL) {
      exec(c, ddl);
    }
    Guard guard = new Guard(Shop.catalog(dialect), dialect, false);
    List<String> falseBlocks = new ArrayList<>();
    List<String> missedBlocks = new ArrayList<>();
    int imported = 0;
    for (Case k : CASES) {
      String dbError = run(c, k.sql());
      ValidationResult r = guard.check(k.sql());
      if (r.statement() == null) {
        continue; // not importable: the importer's diagnostics say why; nothing to compare
      }
      imported++;
      boolean blocked = !r.errors().isEmpty();
      if (dbError == null && blocked) {
        falseBlocks.add(k.sql() + "\n    " + r.errors());
      } else if (dbError != null && !blocked && k.mustBlockWhenRejected()) {
        missedBlocks.add(k.sql() + "\n    db: " + dbError.lines().findFirst().orElse("")
            + "\n    guard: " + r.diagnostics());
      }
    }
    String name = dialect.name().toLowerCase(Locale.ROOT);
    System.out.printf("%s: %d of %d cases imported%n", name, imported, CASES.size());
    assertThat(falseBlocks).as(name + ": accepted by the database but blocked").isEmpty();
    assertThat(missedBlocks).as(name + ": rejected by the database but not blocked").isEmpty();
    assertThat(imported).as(name + ": cases imported").isGreaterThan(CASES.size() / 2);
  }
}
