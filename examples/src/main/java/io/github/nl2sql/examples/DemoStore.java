package io.github.nl2sql.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded demo database: an in-memory H2 database in MySQL mode holding a small online clothing
 * store (customers, products of several brands including Theory shirts, orders, order items). Nothing
 * to install; every call creates a fresh, private database that lives as long as the JVM.
 */
public final class DemoStore {
  private DemoStore() {}

  /** Creates and loads a fresh demo store database. */
  public static DataSource create() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:store_" + UUID.randomUUID().toString().substring(0, 8)
        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    ds.setUser("demo");
    load(ds);
    return ds;
  }

  private static void load(DataSource ds) {
    String script;
    try (InputStream in = DemoStore.class.getResourceAsStream("store.sql")) {
      if (in == null) {
        throw new IllegalStateException("store.sql is missing from the class path");
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (String stmt : script.split(";\\s*\\n")) {
        String sql = stmt.replaceAll("(?m)^--.*$", "").trim();
        if (!sql.isEmpty()) {
          s.execute(sql);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot load the demo store: " + e.getMessage(), e);
    }
  }
}
