package io.github.nl2sql.bench;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.internal.catalog.CatalogOptions;
import io.github.nl2sql.internal.catalog.CatalogReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * One read-only SQLite connection and one {@link Catalog} per {@code db_id}, opened on first use and
 * kept for the run. Not thread-safe; {@link #close()} closes every connection.
 */
public final class Databases implements AutoCloseable {
  /** A database: its read-only connection and its catalog. */
  public record Db(String id, Connection connection, Catalog catalog) {}

  private final Path dataDir;
  private final boolean statistics;
  private final Map<String, Db> open = new HashMap<>();
  private final Map<String, Boolean> missing = new HashMap<>();
  private final Map<String, BenchException> failed = new HashMap<>();
  private long catalogNanos;

  /**
   * @param dataDir the Spider folder
   * @param statistics whether catalogs sample column statistics (slower; only what needs values)
   */
  public Databases(Path dataDir, boolean statistics) {
    this.dataDir = dataDir;
    this.statistics = statistics;
  }

  /** Whether the database file of {@code dbId} exists. */
  public boolean exists(String dbId) {
    return !missing.computeIfAbsent(dbId,
        id -> !Files.isRegularFile(SpiderData.databaseFile(dataDir, id)));
  }

  /**
   * The database {@code dbId}, opened (read-only) and its catalog read on first use.
   *
   * @throws BenchException when the file is absent or cannot be opened or its catalog read (the
   *     failure is remembered and thrown again for later calls)
   */
  public Db get(String dbId) {
    Db db = open.get(dbId);
    if (db != null) {
      return db;
    }
    if (!exists(dbId)) {
      throw new BenchException("No database file for " + dbId);
    }
    BenchException earlier = failed.get(dbId);
    if (earlier != null) {
      throw earlier;
    }
    try {
      db = openDb(dbId);
    } catch (BenchException e) {
      failed.put(dbId, e);
      throw e;
    }
    open.put(dbId, db);
    return db;
  }

  private Db openDb(String dbId) {
    Db db;
    Path file = SpiderData.databaseFile(dataDir, dbId);
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    Connection c;
    try {
      c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    } catch (SQLException e) {
      throw new BenchException("Cannot open " + file + ": " + e.getMessage(), e);
    }
    try {
      long t0 = System.nanoTime();
      CatalogOptions options = statistics
          ? new CatalogOptions(null, Dialect.SQLITE, true, Duration.ofSeconds(10), 20, 10_000)
          : new CatalogOptions(null, Dialect.SQLITE, false, Duration.ofSeconds(10), 0, 0);
      Catalog catalog = new CatalogReader(options).read(c);
      catalogNanos += System.nanoTime() - t0;
      db = new Db(dbId, c, catalog);
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw new BenchException("Cannot read the catalog of " + dbId + ": " + e, e);
    }
    return db;
  }

  /** Milliseconds spent reading catalogs so far. */
  public long catalogMillis() {
    return catalogNanos / 1_000_000;
  }

  /** Number of databases opened so far. */
  public int openedCount() {
    return open.size();
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // nothing to do on shutdown
    }
  }

  @Override
  public void close() {
    open.values().forEach(db -> closeQuietly(db.connection()));
    open.clear();
  }
}
