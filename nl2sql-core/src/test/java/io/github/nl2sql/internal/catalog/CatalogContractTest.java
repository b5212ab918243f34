package io.github.nl2sql.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.ColumnStats;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.Index;
import io.github.nl2sql.catalog.SchemaDiff;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The same catalog facts checked on every supported database. Each subclass creates the sample
 * schema (brands, products, composite-keyed variants and stock, a view) in its own database or
 * schema, with data, and drops it afterwards. Names are compared in lower case, as H2 folds
 * unquoted names to upper case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CatalogContractTest {
  protected DataSource ds;
  protected Catalog catalog;

  /** The database under test. */
  protected abstract DataSource dataSource();

  /** Creates the sample schema and data. */
  protected abstract void createSchema();

  /** Drops what {@link #createSchema} made. */
  protected abstract void dropSchema();

  /** Options naming the schema under test. */
  protected abstract CatalogOptions options();

  protected abstract Dialect expectedDialect();

  /** Creates a table {@code cat_it_probe (id INT)} in the schema under test. */
  protected abstract void createProbeTable();

  /** Adds a nullable column {@code extra VARCHAR(10)} to {@code cat_it_probe}. */
  protected abstract void addProbeColumn();

  protected abstract void dropProbeTable();

  protected boolean supportsComments() {
    return true;
  }

  protected boolean supportsEnums() {
    return true;
  }

  @BeforeAll
  void setUp() throws SQLException {
    ds = dataSource();
    dropSchema();
    createSchema();
    try (Connection c = ds.getConnection()) {
      catalog = new CatalogReader(options()).read(c);
    }
  }

  @AfterAll
  void tearDown() {
    try {
      if (ds != null) {
        dropSchema();
      }
    } finally {
      close();
    }
  }

  /** Releases what {@link #dataSource()} started (a container); called last. */
  protected void close() {}

  protected Catalog read(CatalogOptions options) throws SQLException {
    try (Connection c = ds.getConnection()) {
      return new CatalogReader(options).read(c);
    }
  }

  protected static CatalogOptions withStatistics(CatalogOptions o, boolean on, Duration timeout) {
    return new CatalogOptions(o.schema(), o.dialect(), on, timeout, 20, 10_000);
  }

  static List<String> lower(List<String> names) {
    return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toList());
  }

  Table table(String name) {
    return catalog.table(name).orElseThrow(() -> new AssertionError("no table " + name + " in "
        + catalog.tables().stream().map(Table::name).toList()));
  }

  Column column(String table, String column) {
    return table(table).column(column).orElseThrow(() -> new AssertionError("no column " + column));
  }

  @Test
  void identity_isRead() {
    assertThat(catalog.dialect()).isEqualTo(expectedDialect());
    assertThat(catalog.product()).isNotBlank();
    assertThat(catalog.productVersion()).isNotBlank();
    assertThat(catalog.fingerprint()).matches("[0-9a-f]{64}");
    assertThat(catalog.readAt()).isNotNull();
  }

  @Test
  void tablesAndView_areListedInOrder() {
    List<String> names = catalog.tables().stream().map(Table::name)
        .filter(n -> n.toLowerCase(Locale.ROOT).startsWith("cat_it_")).toList();
    assertThat(lower(names)).containsExactly("cat_it_brands", "cat_it_product_names", "cat_it_products",
        "cat_it_stock", "cat_it_variants");
    assertThat(table("cat_it_product_names").kind()).isEqualTo(Table.Kind.VIEW);
    assertThat(table("cat_it_products").kind()).isEqualTo(Table.Kind.TABLE);
    assertThat(lower(table("cat_it_product_names").columns().stream().map(Column::name).toList()))
        .containsExactly("id", "sku");
  }

  @Test
  void columns_haveTypesNullabilityAndDefaults() {
    Table products = table("cat_it_products");
    assertThat(lower(products.columns().stream().map(Column::name).toList()))
        .containsExactly("id", "sku", "brand", "brand_id", "price", "size", "created");
    assertThat(products.columns()).extracting(Column::position).containsExactly(1, 2, 3, 4, 5, 6, 7);

    Column id = column("cat_it_products", "id");
    assertThat(id.type()).isEqualTo(SqlType.INTEGER);
    assertThat(id.autoIncrement()).isTrue();
    assertThat(id.nullable()).isFalse();

    Column sku = column("cat_it_products", "sku");
    assertThat(sku.type()).isEqualTo(SqlType.TEXT);
    assertThat(sku.size()).isEqualTo(20);
    assertThat(sku.nullable()).isFalse();
    assertThat(sku.autoIncrement()).isFalse();

    assertThat(column("cat_it_products", "brand").nullable()).isTrue();

    Column price = column("cat_it_products", "price");
    assertThat(price.type()).isEqualTo(SqlType.DECIMAL);
    assertThat(price.size()).isEqualTo(10);
    assertThat(price.scale()).isEqualTo(2);
    assertThat(price.defaultValue()).contains("0");
    assertThat(price.nullable()).isFalse();

    assertThat(column("cat_it_products", "created").type()).isEqualTo(SqlType.TIMESTAMP);
    assertThat(column("cat_it_products", "brand_id").defaultValue()).isNull();
  }

  @Test
  void comments_areRead() {
    if (!supportsComments()) {
      return;
    }
    assertThat(table("cat_it_products").comment()).isEqualTo("Things we sell");
    assertThat(column("cat_it_products", "sku").comment()).isEqualTo("Stock keeping unit");
    assertThat(column("cat_it_products", "brand").comment()).isNull();
  }

  @Test
  void enumValues_areRead() {
    if (!supportsEnums()) {
      return;
    }
    Column size = column("cat_it_products", "size");
    assertThat(size.enumValues()).containsExactly("S", "M", "L");
    assertThat(size.type()).isEqualTo(SqlType.TEXT);
    assertThat(column("cat_it_products", "sku").enumValues()).isEmpty();
  }

  @Test
  void keys_primaryUniqueAndForeign() {
    assertThat(lower(table("cat_it_products").primaryKey())).containsExactly("id");
    assertThat(lower(table("cat_it_variants").primaryKey())).containsExactly("product_id", "variant_no");
    assertThat(table("cat_it_brands").uniqueKeys()).extracting(CatalogContractTest::lower)
        .containsExactly(List.of("name"));
    assertThat(table("cat_it_variants").uniqueKeys()).isEmpty();

    List<ForeignKey> productFks = table("cat_it_products").foreignKeys();
    assertThat(productFks).hasSize(1);
    assertThat(lower(productFks.get(0).columns())).containsExactly("brand_id");
    assertThat(productFks.get(0).referencedTable()).isEqualToIgnoringCase("cat_it_brands");
    assertThat(lower(productFks.get(0).referencedColumns())).containsExactly("id");

    List<ForeignKey> stockFks = table("cat_it_stock").foreignKeys();
    assertThat(stockFks).hasSize(1);
    ForeignKey composite = stockFks.get(0);
    assertThat(lower(composite.columns())).containsExactly("product_id", "variant_no");
    assertThat(composite.referencedTable()).isEqualToIgnoringCase("cat_it_variants");
    assertThat(lower(composite.referencedColumns())).containsExactly("product_id", "variant_no");
    assertThat(table("cat_it_product_names").foreignKeys()).isEmpty();
  }

  @Test
  void indexes_includeDeclaredAndKeyIndexes() {
    List<Index> indexes = table("cat_it_products").indexes();
    assertThat(indexes).anySatisfy(i -> {
      assertThat(lower(List.of(i.name()))).containsExactly("cat_it_ix_products_brand");
      assertThat(lower(i.columns())).containsExactly("brand", "price");
      assertThat(i.unique()).isFalse();
    });
    assertThat(table("cat_it_brands").indexes())
        .anySatisfy(i -> {
          assertThat(lower(i.columns())).containsExactly("name");
          assertThat(i.unique()).isTrue();
        });
  }

  @Test
  void statistics_countNullsDistinctsAndFrequentValues() {
    assertThat(catalog.statistics()).isEqualTo(Catalog.StatisticsStatus.COMPLETE);
    ColumnStats brand = column("cat_it_products", "brand").stats();
    assertThat(brand).isNotNull();
    assertThat(brand.sampledRows()).isEqualTo(10);
    assertThat(brand.nullFraction()).isEqualTo(0.2);
    assertThat(brand.distinctCount()).isEqualTo(2);
    assertThat(brand.frequentValues()).containsExactly(new ColumnStats.FrequentValue("Theory", 5),
        new ColumnStats.FrequentValue("Vince", 3));
    ColumnStats id = column("cat_it_products", "id").stats();
    assertThat(id.distinctCount()).isEqualTo(10);
    assertThat(id.nullFraction()).isZero();
    assertThat(id.frequentValues()).isEmpty();
    assertThat(table("cat_it_product_names").columns().get(0).stats()).isNull();
  }

  @Test
  void statistics_withNoTimeLeft_catalogStillLoadsWithANote() throws SQLException {
    Catalog c = read(withStatistics(options(), true, Duration.ZERO));
    assertThat(c.statistics()).isEqualTo(Catalog.StatisticsStatus.UNAVAILABLE);
    assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("time budget").containsIgnoringCase("cat_it_products"));
    assertThat(c.table("cat_it_products")).isPresent();
    assertThat(c.table("cat_it_products").get().columns()).allSatisfy(col -> assertThat(col.stats()).isNull());
    assertThat(c.fingerprint()).isEqualTo(catalog.fingerprint());
  }

  @Test
  void statistics_disabled_areAbsent() throws SQLException {
    Catalog c = read(withStatistics(options(), false, Duration.ofSeconds(5)));
    assertThat(c.statistics()).isEqualTo(Catalog.StatisticsStatus.DISABLED);
    assertThat(c.notes()).isEmpty();
    assertThat(c.tables()).allSatisfy(t -> assertThat(t.columns()).allSatisfy(col ->
        assertThat(col.stats()).isNull()));
    assertThat(c.fingerprint()).isEqualTo(catalog.fingerprint());
  }

  @Test
  void unknownSchema_isAClearError() {
    CatalogOptions o = options();
    CatalogOptions missing = new CatalogOptions("cat_it_no_such_schema", o.dialect(), false,
        Duration.ofSeconds(1), 0, 0);
    if (expectedDialect() == Dialect.SQLITE) {
      return;
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(missing))
        .isInstanceOf(io.github.nl2sql.CatalogException.class)
        .hasMessageContaining("cat_it_no_such_schema does not exist");
  }

  @Test
  void rowCounts_ofFullySampledTables_areExact() {
    assertThat(table("cat_it_products").rowCount()).isEqualTo(10);
    assertThat(table("cat_it_stock").rowCount()).isEqualTo(2);
  }

  @Test
  void snapshot_roundTripsThroughJson() {
    String json = CatalogSnapshots.toJson(catalog);
    Catalog back = CatalogSnapshots.fromJson(json);
    assertThat(back).isEqualTo(catalog);
    assertThat(CatalogSnapshots.toJson(back)).isEqualTo(json);
    assertThat(Fingerprints.of(back)).isEqualTo(catalog.fingerprint());
  }

  @Test
  void fingerprintProbeAndDiff_followASchemaChange() throws SQLException {
    dropProbeTable();
    createProbeTable();
    try {
      CatalogOptions noStats = withStatistics(options(), false, Duration.ofSeconds(5));
      CatalogReader reader = new CatalogReader(noStats);
      Catalog before;
      String tokenBefore;
      try (Connection c = ds.getConnection()) {
        before = reader.read(c);
        tokenBefore = reader.probe(c);
        assertThat(reader.read(c).fingerprint()).as("same schema, same fingerprint")
            .isEqualTo(before.fingerprint());
        assertThat(reader.probe(c)).as("same schema, same token").isEqualTo(tokenBefore);
      }
      addProbeColumn();
      try (Connection c = ds.getConnection()) {
        Catalog after = reader.read(c);
        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());
        assertThat(reader.probe(c)).isNotEqualTo(tokenBefore);
        SchemaDiff diff = CatalogDiffs.diff(before, after);
        assertThat(diff.addedColumns()).hasSize(1);
        assertThat(diff.addedColumns().get(0).toLowerCase(Locale.ROOT)).endsWith("cat_it_probe.extra");
        assertThat(diff.addedTables()).isEmpty();
        assertThat(diff.removedTables()).isEmpty();
        assertThat(CatalogDiffs.diff(after, after).isEmpty()).isTrue();
        SchemaDiff reverse = CatalogDiffs.diff(after, before);
        assertThat(reverse.removedColumns()).hasSize(1);
      }
    } finally {
      dropProbeTable();
    }
  }

  @Test
  void probe_isCheaperThanARead() throws SQLException {
    CatalogReader reader = new CatalogReader(withStatistics(options(), false, Duration.ofSeconds(5)));
    try (Connection c = ds.getConnection()) {
      reader.probe(c);
      reader.read(c);
      long probe = Long.MAX_VALUE;
      long read = Long.MAX_VALUE;
      for (int i = 0; i < 5; i++) {
        long t0 = System.nanoTime();
        reader.probe(c);
        long t1 = System.nanoTime();
        reader.read(c);
        long t2 = System.nanoTime();
        probe = Math.min(probe, t1 - t0);
        read = Math.min(read, t2 - t1);
      }
      System.out.printf(Locale.ROOT, "[catalog] %s: schema read %.2f ms, probe %.2f ms%n",
          expectedDialect(), read / 1e6, probe / 1e6);
      assertThat(probe).isLessThan(read);
    }
  }

  /** Runs a script, ignoring failures (for idempotent cleanup). */
  protected static void runQuietly(DataSource ds, String script) {
    for (String stmt : script.split(";\\s*(\\r?\\n|$)")) {
      if (stmt.isBlank()) {
        continue;
      }
      try {
        TestDatabases.run(ds, stmt);
      } catch (IllegalStateException e) {
        // cleanup of something that is not there
      }
    }
  }
}
