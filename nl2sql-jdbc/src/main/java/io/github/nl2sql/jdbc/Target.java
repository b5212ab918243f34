package io.github.nl2sql.jdbc;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.internal.catalog.CatalogOptions;
import io.github.nl2sql.internal.catalog.CatalogReader;
import io.github.nl2sql.internal.validate.Guard;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What connections to one database with the same settings share: the settings, the dialect, the
 * question handler and the guard's catalogs (one per database/schema a connection is in). Thread-safe.
 * Internal.
 */
final class Target {
  private static final Logger LOG = LoggerFactory.getLogger(Target.class);

  /** A catalog as read at one time, with the guard checking against it. */
  record CatalogEntry(Catalog catalog, Guard guard, long readAtNanos) {}

  final Settings settings;
  /** Where connections go, masked; for messages and logs. */
  final String description;
  private final Dialect urlDialect;
  private final Map<String, CatalogEntry> catalogs = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final long refreshNanos;
  private volatile QuestionHandler questionHandler;

  Target(Settings settings, String description, String innerUrl) {
    this.settings = settings;
    this.description = description;
    this.urlDialect = detectOrNull(innerUrl);
    this.refreshNanos = Duration.ofSeconds(settings.getInt(Nl2SqlProperty.CATALOG_REFRESH)).toNanos();
    this.questionHandler = QuestionHandler.unavailable();
    LOG.debug("nl2sql target {} with {}", description, settings);
  }

  static Dialect detectOrNull(String urlOrProduct) {
    try {
      return urlOrProduct == null ? null : Dialect.detect(urlOrProduct);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The dialect from the URL, else from the database product name.
   *
   * @throws SQLException (0A000) naming the product when nl2sql does not support it
   */
  Dialect dialect(Connection raw) throws SQLException {
    if (urlDialect != null) {
      return urlDialect;
    }
    String product = raw.getMetaData().getDatabaseProductName();
    Dialect d = detectOrNull(product);
    if (d == null) {
      throw new java.sql.SQLFeatureNotSupportedException("nl2sql cannot check or answer for database '"
          + product + "' (" + description + "); supported: MySQL, MariaDB, PostgreSQL, SQLite, H2. "
          + "Use nl2sql.guard=off to pass statements through unchecked.", "0A000");
    }
    return d;
  }

  QuestionHandler questionHandler() {
    return questionHandler;
  }

  /** Replaces how questions are answered (tests, and the planner adapter). */
  void questionHandler(QuestionHandler handler) {
    this.questionHandler = java.util.Objects.requireNonNull(handler, "handler");
  }

  /**
   * The catalog of {@code scope} (the connection's current database/schema), read over {@code raw}
   * when absent, older than {@code nl2sql.catalog.refresh}, or when {@code freshNanos} asks for one read
   * after that time.
   *
   * @param freshNanos re-read unless the cached entry was read at or after this {@link System#nanoTime()}
   *     value; {@code Long.MIN_VALUE} accepts any unexpired entry
   */
  CatalogEntry catalog(Connection raw, String scope, long freshNanos) throws SQLException {
    CatalogEntry e = catalogs.get(scope);
    long now = System.nanoTime();
    if (usable(e, now, freshNanos)) {
      return e;
    }
    synchronized (locks.computeIfAbsent(scope, k -> new Object())) {
      e = catalogs.get(scope);
      if (usable(e, now, freshNanos)) {
        return e;
      }
      Dialect dialect = dialect(raw);
      String schema = settings.get(Nl2SqlProperty.SCHEMA);
      CatalogOptions options = new CatalogOptions(schema, dialect, false, Duration.ofSeconds(10), 0, 0);
      long t0 = System.nanoTime();
      Catalog catalog = new CatalogReader(options).read(raw);
      CatalogEntry fresh = new CatalogEntry(catalog, new Guard(catalog, dialect, true), System.nanoTime());
      catalogs.put(scope, fresh);
      LOG.debug("nl2sql read catalog of {} scope {} in {} ms", description, scope,
          (System.nanoTime() - t0) / 1_000_000);
      return fresh;
    }
  }

  private boolean usable(CatalogEntry e, long now, long freshNanos) {
    return e != null && now - e.readAtNanos() < refreshNanos
        && (freshNanos == Long.MIN_VALUE || e.readAtNanos() - freshNanos >= 0);
  }

  /** Forgets every cached catalog (after DDL), so the next check reads afresh. */
  void invalidateCatalogs() {
    catalogs.clear();
  }
}
