package io.github.nl2sql.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.ColumnStats;
import io.github.nl2sql.catalog.SchemaDiff;
import io.github.nl2sql.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store (memory + disk snapshots) and the provider (probe, re-read, diff) on SQLite files. */
class CatalogStoreTest {
  @TempDir
  Path tmp;
  DataSource ds;
  Path snapshots;

  @BeforeEach
  void setUp() {
    ds = TestDatabases.sqlite(tmp.resolve("db"));
    snapshots = tmp.resolve("snapshots");
    TestDatabases.run(ds, """
        CREATE TABLE cat_it_products (id INTEGER PRIMARY KEY, brand VARCHAR(40));
        INSERT INTO cat_it_products (brand) VALUES ('Theory'), ('Theory'), ('Vince');
        """);
  }

  private static long theoryCount(Catalog c) {
    ColumnStats stats = c.table("cat_it_products").orElseThrow().column("brand").orElseThrow().stats();
    return stats.frequentValues().stream().filter(v -> v.value().equals("Theory"))
        .mapToLong(ColumnStats.FrequentValue::count).findFirst().orElse(0);
  }

  @Test
  void snapshot_isSavedUnderItsFingerprintAndReadBack() {
    CatalogStore store = new CatalogStore(snapshots);
    Catalog c = new CatalogProvider(ds, CatalogOptions.defaults(), Duration.ofHours(1), store).current();
    Path file = snapshots.resolve(c.fingerprint() + ".json");
    assertThat(file).exists();
    assertThat(store.loadSnapshot(c.fingerprint())).contains(c);
    try (var files = Files.list(snapshots)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary files left behind").containsExactly(c.fingerprint() + ".json");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void snapshotOnDisk_isReusedByANewProvider() {
    Catalog first = new CatalogProvider(ds, CatalogOptions.defaults(), Duration.ofHours(1),
        new CatalogStore(snapshots)).current();
    assertThat(theoryCount(first)).isEqualTo(2);
    // Data changes, schema does not: a new process (fresh store, same folder) reuses the statistics.
    TestDatabases.run(ds, "INSERT INTO cat_it_products (brand) VALUES ('Theory'), ('Theory')");
    Catalog second = new CatalogProvider(ds, CatalogOptions.defaults(), Duration.ofHours(1),
        new CatalogStore(snapshots)).current();
    assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
    assertThat(theoryCount(second)).as("statistics from the snapshot").isEqualTo(2);
    assertThat(second.statistics()).isEqualTo(Catalog.StatisticsStatus.COMPLETE);
    // Without the folder the statistics are sampled again.
    Catalog fresh = new CatalogProvider(ds, CatalogOptions.defaults(), Duration.ofHours(1), null).current();
    assertThat(theoryCount(fresh)).isEqualTo(4);
  }

  @Test
  void corruptSnapshot_isIgnoredAndReplaced() throws Exception {
    Catalog first = new CatalogProvider(ds, CatalogOptions.defaults(), Duration.ofHours(1),
        new CatalogStore(snapshots)).current();
    Path file = snapshots.resolve(first.fingerprint() + ".json");
    Files.writeString(file, "{\"product\": \"SQLite\", \"tables\": [", StandardCharsets.UTF_8);
    TestDatabases.run(ds, "INSERT INTO cat_it_products (brand) VALUES ('Theory')");

    CatalogStore store = new CatalogStore(snapshots);
    assertThat(store.loadSnapshot(first.fingerprint())).isEmpty();
    Catalog second = new CatalogProvider(ds, CatalogOptions.defaults(), Duration.ofHours(1), store).current();
    assertThat(theoryCount(second)).as("read again from the database").isEqualTo(3);
    assertThat(store.loadSnapshot(first.fingerprint())).as("file rewritten").contains(second);
  }

  @Test
  void snapshotWhoseContentDoesNotMatchItsName_isIgnored() throws Exception {
    CatalogStore store = new CatalogStore(snapshots);
    Catalog c = new CatalogProvider(ds, CatalogOptions.defaults(), Duration.ofHours(1), store).current();
    Path file = snapshots.resolve(c.fingerprint() + ".json");
    Files.writeString(file, Files.readString(file).replace("cat_it_products", "cat_it_other"));
    assertThat(store.loadSnapshot(c.fingerprint())).isEmpty();
  }

  @Test
  void badFingerprint_isRejected() {
    CatalogStore store = new CatalogStore(snapshots);
    assertThatThrownBy(() -> store.loadSnapshot("../../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fingerprint");
    assertThat(new CatalogStore(null).loadSnapshot("a".repeat(64))).isEmpty();
  }

  @Test
  void memoryCache_runsTheLoaderOnce() {
    CatalogStore store = new CatalogStore(null);
    AtomicInteger loads = new AtomicInteger();
    Catalog c = new Catalog("p", "1", null, null, null, List.of(), null, null, null, null);
    assertThat(store.get("k", k -> {
      loads.incrementAndGet();
      return c;
    })).isSameAs(c);
    assertThat(store.get("k", k -> {
      loads.incrementAndGet();
      return c;
    })).isSameAs(c);
    assertThat(loads).hasValue(1);
    store.invalidate("k");
    assertThat(store.getIfPresent("k")).isEmpty();
  }

  @Test
  void provider_probesAndReReadsAfterAChange() {
    CatalogProvider provider = new CatalogProvider(ds, CatalogOptions.defaults(), Duration.ZERO,
        new CatalogStore(snapshots));
    Catalog first = provider.current();
    assertThat(provider.current()).as("unchanged schema, same catalog").isSameAs(first);
    assertThat(provider.lastChange()).isEmpty();

    TestDatabases.run(ds, "ALTER TABLE cat_it_products ADD COLUMN price DECIMAL(10,2)");
    Catalog second = provider.current();
    assertThat(second).isNotSameAs(first);
    assertThat(second.fingerprint()).isNotEqualTo(first.fingerprint());
    assertThat(second.table("cat_it_products").orElseThrow().column("price")).isPresent();
    SchemaDiff change = provider.lastChange().orElseThrow();
    assertThat(change.addedColumns()).containsExactly("cat_it_products.price");
    assertThat(snapshots.resolve(second.fingerprint() + ".json")).exists();
  }

  @Test
  void provider_withinTheProbeInterval_doesNotLook() {
    CatalogProvider provider = new CatalogProvider(ds, CatalogOptions.withoutStatistics(),
        Duration.ofHours(1), new CatalogStore(null));
    Catalog first = provider.current();
    TestDatabases.run(ds, "CREATE TABLE cat_it_more (id INT)");
    assertThat(provider.current()).isSameAs(first);
    SchemaDiff diff = provider.refresh();
    assertThat(diff.addedTables()).containsExactly("cat_it_more");
    assertThat(provider.current().table("cat_it_more")).isPresent();
    assertThat(provider.lastChange()).contains(diff);
  }

  @Test
  void provider_sharesOneReadBetweenThreads() throws Exception {
    CatalogProvider provider = new CatalogProvider(ds, CatalogOptions.defaults(), Duration.ofHours(1),
        new CatalogStore(null));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Catalog>> futures = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        futures.add(pool.submit(provider::current));
      }
      Catalog first = futures.get(0).get();
      for (Future<Catalog> f : futures) {
        assertThat(f.get()).isSameAs(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void provider_rejectsBadArguments() {
    assertThatThrownBy(() -> new CatalogProvider(null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dataSource");
    assertThatThrownBy(() -> new CatalogProvider(ds, null, Duration.ofSeconds(-1), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("probeInterval");
  }
}
