package io.github.nl2sql.internal.catalog;

import io.github.nl2sql.CatalogException;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.SchemaDiff;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current catalog of one data source, kept fresh cheaply.
 *
 * <p>The first {@link #current()} reads the catalog. Later calls return it from memory, running the
 * {@link SchemaProbe} at most once per probe interval; when the probe's token changed, the catalog is
 * read again and the difference is kept ({@link #lastChange()}). A read first loads the schema alone
 * (to get the fingerprint); column statistics, the expensive part, are taken from the
 * {@link CatalogStore} (memory, then the snapshot on disk) when a complete set exists for that
 * fingerprint, and otherwise sampled and stored.
 *
 * <p>If a re-read after a detected change fails, the previous catalog stays current (a warning is
 * logged) and the read is retried after the next probe interval.
 *
 * <p>Thread-safe: concurrent callers share one read; callers between probes never block.
 */
public final class CatalogProvider {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogProvider.class);
  /** Probe interval used when none is given. */
  public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(30);

  private final DataSource dataSource;
  private final CatalogReader reader;
  private final long probeIntervalNanos;
  private final CatalogStore store;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile State state;
  private volatile SchemaDiff lastChange;

  /** What is current: the catalog, the probe token it was read under and when the probe last ran. */
  private record State(Catalog catalog, String token, long probedAt) {}

  /**
   * A provider that reads nothing until the first {@link #current()}.
   *
   * @param dataSource where connections come from (each read or probe borrows one and closes it)
   * @param options what and how to read; {@code null} means {@link CatalogOptions#defaults()}
   * @param probeInterval least time between two probes; {@code null} means {@link
   *     #DEFAULT_PROBE_INTERVAL}, zero probes on every {@link #current()}
   * @param store caches and snapshots; {@code null} means a private memory-only store
   * @throws IllegalArgumentException when {@code dataSource} is null or {@code probeInterval} negative
   */
  public CatalogProvider(DataSource dataSource, CatalogOptions options, Duration probeInterval,
      CatalogStore store) {
    if (dataSource == null) {
      throw new IllegalArgumentException("dataSource must not be null");
    }
    Duration interval = probeInterval == null ? DEFAULT_PROBE_INTERVAL : probeInterval;
    if (interval.isNegative()) {
      throw new IllegalArgumentException("probeInterval must not be negative: " + probeInterval);
    }
    this.dataSource = dataSource;
    this.reader = new CatalogReader(options);
    this.probeIntervalNanos = interval.toNanos();
    this.store = store == null ? new CatalogStore(null) : store;
  }

  /**
   * The current catalog: read on first use, then from memory, re-read when the probe sees a change.
   *
   * @throws CatalogException when the first read fails (later failures keep the previous catalog)
   */
  public Catalog current() {
    State s = state;
    if (s != null && System.nanoTime() - s.probedAt() < probeIntervalNanos) {
      return s.catalog();
    }
    lock.lock();
    try {
      s = state;
      if (s == null) {
        state = load(false);
        return state.catalog();
      }
      if (System.nanoTime() - s.probedAt() < probeIntervalNanos) {
        return s.catalog();
      }
      String token;
      try (Connection c = connection()) {
        token = reader.probe(c);
      } catch (CatalogException | SQLException e) {
        LOG.warn("Schema probe failed, keeping the catalog read at {}: {}", s.catalog().readAt(),
            e.getMessage());
        state = new State(s.catalog(), s.token(), System.nanoTime());
        return s.catalog();
      }
      if (token.equals(s.token())) {
        state = new State(s.catalog(), token, System.nanoTime());
        return s.catalog();
      }
      try {
        State fresh = load(false);
        lastChange = CatalogDiffs.diff(s.catalog(), fresh.catalog());
        LOG.info("Schema of {} changed; catalog read again: {}", describe(s.catalog()), lastChange);
        state = fresh;
      } catch (CatalogException e) {
        LOG.warn("Schema changed but the catalog could not be read again; keeping the previous one: {}",
            e.getMessage());
        state = new State(s.catalog(), s.token(), System.nanoTime());
      }
      return state.catalog();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Reads the catalog (statistics included) now, makes it current and returns what changed since
   * the previous one (everything is "added" when there was none).
   *
   * @throws CatalogException when the read fails; the previous catalog stays current
   */
  public SchemaDiff refresh() {
    lock.lock();
    try {
      Catalog old = state == null ? null : state.catalog();
      State fresh = load(true);
      SchemaDiff diff = CatalogDiffs.diff(old, fresh.catalog());
      if (old != null) {
        lastChange = diff;
      }
      state = fresh;
      return diff;
    } finally {
      lock.unlock();
    }
  }

  /** The difference found by the latest re-read that followed a change, if any. */
  public Optional<SchemaDiff> lastChange() {
    return Optional.ofNullable(lastChange);
  }

  /** The catalog if one has been read, without reading or probing. */
  public Optional<Catalog> peek() {
    State s = state;
    return s == null ? Optional.empty() : Optional.of(s.catalog());
  }

  private State load(boolean forceStatistics) {
    try (Connection c = connection()) {
      // The token is taken before the read, so a change racing with the read leaves an old token
      // behind and is picked up by the next probe (at worst one needless re-read, never a missed one).
      String token = reader.probe(c);
      Catalog schema = reader.readSchema(c);
      Catalog full = withStatistics(c, schema, forceStatistics);
      return new State(full, token, System.nanoTime());
    } catch (SQLException e) {
      throw new CatalogException("Cannot read the catalog: " + e.getMessage(), e);
    }
  }

  private Catalog withStatistics(Connection c, Catalog schema, boolean force) {
    CatalogOptions options = reader.options();
    String fingerprint = schema.fingerprint();
    String key = fingerprint + ":" + options.statistics() + ":" + options.sampleRows() + ":"
        + options.frequentValues();
    if (!options.statistics()) {
      saveIfAbsent(schema);
      return schema;
    }
    if (!force) {
      Optional<Catalog> cached = store.getIfPresent(key)
          .or(() -> store.loadSnapshot(fingerprint))
          .filter(x -> x.statistics() == Catalog.StatisticsStatus.COMPLETE);
      if (cached.isPresent()) {
        Catalog merged = CatalogReader.withStatisticsFrom(schema, cached.get());
        store.put(key, merged);
        return merged;
      }
    }
    Catalog full = reader.addStatistics(c, schema);
    if (full.statistics() == Catalog.StatisticsStatus.COMPLETE) {
      store.put(key, full);
    }
    if (full.statistics() == Catalog.StatisticsStatus.COMPLETE) {
      save(full);
    } else {
      // An incomplete read never replaces a snapshot that may hold complete statistics.
      saveIfAbsent(full);
    }
    return full;
  }

  private void saveIfAbsent(Catalog catalog) {
    if (store.snapshotFile(catalog.fingerprint()).map(f -> !Files.exists(f)).orElse(false)) {
      save(catalog);
    }
  }

  private void save(Catalog catalog) {
    try {
      store.saveSnapshot(catalog);
    } catch (CatalogException e) {
      LOG.warn("Catalog snapshot not saved: {}", e.getMessage());
    }
  }

  private Connection connection() throws SQLException {
    Connection c = dataSource.getConnection();
    if (c == null) {
      throw new SQLException("The data source returned no connection");
    }
    return c;
  }

  private static String describe(Catalog c) {
    return c.product() + (c.database() != null ? " database " + c.database() : "")
        + (c.defaultSchema() != null ? " schema " + c.defaultSchema() : "");
  }
}
