package io.github.nl2sql.bench;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.sqlite.SQLiteConfig;

/**
 * Test support: the Spider folder (skipping when absent) and a minimal catalog read with SQLite
 * pragmas, so generator tests do not depend on the catalog reader.
 */
final class TestCatalogs {
  private TestCatalogs() {}

  /** The spider-train folder: $NL2SQL_SPIDER_DIR or shared/data/spider-train above the working dir. */
  static Optional<Path> spiderDir() {
    String env = System.getenv("NL2SQL_SPIDER_DIR");
    if (env != null && !env.isBlank()) {
      return Files.isDirectory(Path.of(env)) ? Optional.of(Path.of(env)) : Optional.empty();
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path p = d.resolve("shared").resolve("data").resolve("spider-train");
      if (Files.isRegularFile(p.resolve("train_spider.json"))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The spider-train folder; skips the test with the reason when absent. */
  static Path requireSpider() {
    Optional<Path> d = spiderDir();
    Assumptions.assumeTrue(d.isPresent(), "Spider training data not found: set NL2SQL_SPIDER_DIR or "
        + "put shared/data/spider-train beside the repository (see shared/data/README.md)");
    return d.get();
  }

  static Connection open(Path spider, String dbId) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    return config.createConnection("jdbc:sqlite:" + SpiderData.databaseFile(spider, dbId).toAbsolutePath());
  }

  static Catalog pragmaCatalog(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    List<Table> tables = new ArrayList<>();
    for (String name : names) {
      List<Column> cols = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + name.replace("\"", "\"\"") + "\")")) {
        while (rs.next()) {
          cols.add(new Column(rs.getString("name"), rs.getInt("cid") + 1, rs.getString("type"),
              Types.OTHER, null, null, null, true, null, null, null, false, null));
        }
      }
      tables.add(new Table(null, name, Table.Kind.TABLE, null, cols, null, null, null, null, null));
    }
    return new Catalog("SQLite", null, null, null, Dialect.SQLITE, tables, null, null, null, null);
  }
}
