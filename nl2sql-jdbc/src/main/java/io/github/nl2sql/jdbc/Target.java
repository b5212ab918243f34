package io.github.nl2sql.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.internal.catalog.CatalogOptions;
import io.github.nl2sql.internal.catalog.CatalogReader;
import io.github.nl2sql.ValidationResult;
import io.github.nl2sql.internal.policy.PolicyChecker;
import io.github.nl2sql.internal.validate.Guard;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
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
  /** Statement texts whose guard results are kept per catalog version. */
  private static final int CHECKED_STATEMENTS = 2_000;

  /**
   * A catalog as read at one time, with the guard checking against it, the schema probe token then, and
   * the guard's results for recently seen statement texts (so repeated statements are parsed once per
   * catalog version).
   */
  record CatalogEntry(Catalog catalog, Guard guard, PolicyChecker policy, long readAtNanos, String probe,
      Cache<String, List<Diagnostic>> checked) {

    /**
     * The guard's diagnostics for {@code sql}, with the access policy's (when there is one), from the
     * cache when this text was seen before.
     */
    List<Diagnostic> check(String sql) {
      return checked.get(sql, this::checkNow);
    }

    private List<Diagnostic> checkNow(String sql) {
      ValidationResult r = guard.check(sql);
      if (policy == null) {
        return r.diagnostics();
      }
      List<Diagnostic> out = new java.util.ArrayList<>(policy.hideDenied(r.diagnostics(), catalog));
      if (r.statement() != null) {
        // typed writes are the user's own business (the guard never refuses a write as such); what they
        // touch is checked
        out.addAll(policy.check(r.statement(), catalog, false));
      }
      return List.copyOf(out);
    }
  }

  final Settings settings;
  /** Where connections go, masked; for messages and logs. */
  final String description;
  private final Dialect urlDialect;
  private volatile Dialect detectedDialect;
  private final Map<String, CatalogEntry> catalogs = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final long refreshNanos;
  private volatile QuestionHandler questionHandler;

  /**
   * @param settings the validated settings
   * @param description where connections go, masked
   * @param innerUrl the real URL, or {@code null} (a wrapped DataSource)
   * @param questions the data source the planner reads the catalog through
   */
  Target(Settings settings, String description, String innerUrl, javax.sql.DataSource questions) {
    this.settings = settings;
    this.description = description;
    this.urlDialect = detectOrNull(innerUrl);
    this.refreshNanos = Duration.ofSeconds(settings.getInt(Nl2SqlProperty.CATALOG_REFRESH)).toNanos();
    this.questionHandler = new PlannerQuestionHandler(questions);
    LOG.debug("nl2sql target {} with {}", description, settings);
    for (Nl2SqlProperty p : Nl2SqlProperty.RESERVED) {
      if (settings.isSet(p)) {
        LOG.warn("nl2sql target {}: setting {} is accepted but has no effect in this version (it is reserved for "
            + "the nl2sql-rag module)", description, p.key());
      }
    }
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
    Dialect known = detectedDialect;
    if (known != null) {
      return known;
    }
    String product = raw.getMetaData().getDatabaseProductName();
    Dialect d = detectOrNull(product);
    if (d == null) {
      throw new java.sql.SQLFeatureNotSupportedException("nl2sql cannot check or answer for database '"
          + product + "' (" + description + "); supported: MySQL, MariaDB, PostgreSQL, SQLite, H2. "
          + "Use nl2sql.guard=off to pass statements through unchecked.", "0A000");
    }
    detectedDialect = d;
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
   * when absent or older than {@code nl2sql.catalog.refresh}; with {@code verify}, also when the
   * schema probe (one cheap query) says the schema changed since it was read.
   */
  CatalogEntry catalog(Connection raw, String scope, boolean verify) throws SQLException {
    CatalogEntry e = catalogs.get(scope);
    if (e != null && System.nanoTime() - e.readAtNanos() < refreshNanos
        && (!verify || e.probe().equals(inSavepoint(raw, () -> reader(raw).probe(raw))))) {
      return e;
    }
    synchronized (locks.computeIfAbsent(scope, k -> new Object())) {
      CatalogEntry now = catalogs.get(scope);
      if (now != e && now != null) {
        return now;
      }
      CatalogReader reader = reader(raw);
      long t0 = System.nanoTime();
      String probe = inSavepoint(raw, () -> reader.probe(raw));
      Catalog catalog = inSavepoint(raw, () -> reader.readSchema(raw));
      CatalogEntry fresh = new CatalogEntry(catalog, new Guard(catalog, reader.options().dialect(), true),
          settings.policy().isUnrestricted() ? null : new PolicyChecker(settings.policy()), System.nanoTime(), probe, Caffeine.newBuilder().maximumSize(CHECKED_STATEMENTS).build());
      catalogs.put(scope, fresh);
      LOG.debug("nl2sql read catalog of {} scope {} in {} ms", description, scope,
          (System.nanoTime() - t0) / 1_000_000);
      return fresh;
    }
  }

  /** A read over the caller's connection. */
  @FunctionalInterface
  interface Read<T> {
    T run() throws SQLException;
  }

  /**
   * Runs a catalog read on the caller's connection. Inside the caller's transaction it runs under a
   * savepoint that is rolled back if the read fails, so a failed metadata query cannot leave the
   * caller's transaction aborted (PostgreSQL) or changed.
   */
  static <T> T inSavepoint(Connection raw, Read<T> read) throws SQLException {
    if (raw.getAutoCommit()) {
      return read.run();
    }
    java.sql.Savepoint sp = raw.setSavepoint();
    T result;
    try {
      result = read.run();
    } catch (SQLException | RuntimeException e) {
      try {
        raw.rollback(sp);
      } catch (SQLException rollbackFailed) {
        e.addSuppressed(rollbackFailed);
      }
      throw e;
    }
    try {
      raw.releaseSavepoint(sp);
    } catch (SQLException notSupported) {
      // some drivers cannot release; the savepoint ends with the transaction
    }
    return result;
  }

  private CatalogReader reader(Connection raw) throws SQLException {
    CatalogOptions options = new CatalogOptions(settings.get(Nl2SqlProperty.SCHEMA), dialect(raw), false,
        Duration.ofSeconds(10), 0, 0);
    return new CatalogReader(options);
  }

  /** Forgets every cached catalog (after DDL), so the next check reads afresh. */
  void invalidateCatalogs() {
    catalogs.clear();
  }
}
