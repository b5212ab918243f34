package io.github.nl2sql.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.ColumnStats;
import io.github.nl2sql.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The catalog contract on PostgreSQL ({@code NL2SQL_TEST_POSTGRES_URL}), in a schema of its own
 * ({@value #SCHEMA}) that is created and dropped here, plus reading as a role that may not select.
 */
class PostgresCatalogTest extends CatalogContractTest {
  static final String SCHEMA = "nl2sql_cat_it";
  static final String ROLE = "nl2sql_cat_it_reader";

  @Override
  protected DataSource dataSource() {
    return TestDatabases.postgres();
  }

  @Override
  protected void createSchema() {
    TestDatabases.run(ds, "CREATE SCHEMA " + SCHEMA + ";\nSET search_path TO " + SCHEMA + ";\n" + """
        CREATE TYPE cat_it_size AS ENUM ('S', 'M', 'L');
        CREATE TABLE cat_it_brands (id INT NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL,
          CONSTRAINT cat_it_uq_brand_name UNIQUE (name));
        COMMENT ON TABLE cat_it_brands IS 'Brands we sell';
        CREATE TABLE cat_it_products (id SERIAL PRIMARY KEY, sku VARCHAR(20) NOT NULL,
          brand VARCHAR(40), brand_id INT, price NUMERIC(10,2) NOT NULL DEFAULT 0, size cat_it_size,
          created TIMESTAMP,
          CONSTRAINT cat_it_fk_products_brand FOREIGN KEY (brand_id) REFERENCES cat_it_brands (id));
        COMMENT ON TABLE cat_it_products IS 'Things we sell';
        COMMENT ON COLUMN cat_it_products.sku IS 'Stock keeping unit';
        """ + SampleSchema.TAIL);
  }

  @Override
  protected void dropSchema() {
    runQuietly(ds, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE;\nDROP ROLE IF EXISTS " + ROLE);
  }

  @Override
  protected CatalogOptions options() {
    return new CatalogOptions(SCHEMA, null, true, Duration.ofSeconds(10), 20, 10_000);
  }

  @Override
  protected Dialect expectedDialect() {
    return Dialect.POSTGRES;
  }

  @Override
  protected void createProbeTable() {
    TestDatabases.run(ds, "CREATE TABLE " + SCHEMA + ".cat_it_probe (id INT)");
  }

  @Override
  protected void addProbeColumn() {
    TestDatabases.run(ds, "ALTER TABLE " + SCHEMA + ".cat_it_probe ADD COLUMN extra VARCHAR(10)");
  }

  @Override
  protected void dropProbeTable() {
    runQuietly(ds, "DROP TABLE IF EXISTS " + SCHEMA + ".cat_it_probe");
  }

  @Test
  void enumType_isNamedByItsType() {
    assertThat(column("cat_it_products", "size").typeName()).isEqualTo("cat_it_size");
    assertThat(catalog.defaultSchema()).isEqualTo(SCHEMA);
    assertThat(table("cat_it_products").qualifiedName()).isEqualTo(SCHEMA + ".cat_it_products");
  }

  @Test
  void partialAndExpressionIndexes_areIndexesButNotUniqueKeys() throws SQLException {
    TestDatabases.run(ds, "CREATE TABLE " + SCHEMA + ".cat_it_idx (id INT PRIMARY KEY, email TEXT, "
        + "active BOOLEAN);\n"
        + "CREATE UNIQUE INDEX cat_it_idx_active_email ON " + SCHEMA + ".cat_it_idx (email) WHERE active;\n"
        + "CREATE UNIQUE INDEX cat_it_idx_lower_email ON " + SCHEMA + ".cat_it_idx (lower(email), id)");
    try {
      Catalog c = read(options());
      var t = c.table("cat_it_idx").orElseThrow();
      assertThat(t.indexes()).extracting(i -> i.name() + " " + i.unique() + " " + i.columns())
          .containsExactly("cat_it_idx_active_email true [email]",
              "cat_it_idx_lower_email true [<expression>, id]", "cat_it_idx_pkey true [id]");
      assertThat(t.uniqueKeys()).isEmpty();
      assertThat(t.primaryKey()).containsExactly("id");
    } finally {
      runQuietly(ds, "DROP TABLE IF EXISTS " + SCHEMA + ".cat_it_idx");
    }
  }

  @Test
  void statistics_withoutSelectPermission_catalogStillLoadsAndSaysSo() throws SQLException {
    runQuietly(ds, "DROP ROLE IF EXISTS " + ROLE);
    TestDatabases.run(ds, "CREATE ROLE " + ROLE + " LOGIN;\nGRANT USAGE ON SCHEMA " + SCHEMA + " TO " + ROLE);
    try {
      PGSimpleDataSource restricted = (PGSimpleDataSource) TestDatabases.postgres();
      restricted.setUser(ROLE);
      try (Connection c = restricted.getConnection()) {
        // In a transaction: each denied table must not poison the queries after it.
        c.setAutoCommit(false);
        Catalog limited = new CatalogReader(options()).read(c);
        c.rollback();
        assertThat(limited.table("cat_it_products")).isPresent();
        assertThat(limited.fingerprint()).isEqualTo(catalog.fingerprint());
        assertThat(limited.statistics()).isEqualTo(Catalog.StatisticsStatus.UNAVAILABLE);
        assertThat(limited.notes()).singleElement().satisfies(n -> assertThat(n)
            .contains("4 of 4 tables (permission denied").contains(SCHEMA + ".cat_it_products"));
      }
    } finally {
      runQuietly(ds, "REVOKE USAGE ON SCHEMA " + SCHEMA + " FROM " + ROLE + ";\nDROP ROLE IF EXISTS " + ROLE);
    }
  }

  @Test
  void largeTable_isBlockSampledAcrossTheWholeTable() throws SQLException {
    // rows 1..100,000 say 'early', the rest 'late': the first 2,000 rows alone would see only 'early'
    TestDatabases.run(ds, "CREATE TABLE " + SCHEMA + ".cat_it_big (id INT PRIMARY KEY, phase VARCHAR(10));\n"
        + "INSERT INTO " + SCHEMA + ".cat_it_big SELECT g, CASE WHEN g <= 100000 THEN 'early' ELSE 'late' END "
        + "FROM generate_series(1, 200000) g;\n"
        + "ANALYZE " + SCHEMA + ".cat_it_big");
    try {
      CatalogOptions sample2000 = new CatalogOptions(SCHEMA, null, true, Duration.ofSeconds(30), 20, 2000);
      Catalog first = read(sample2000);
      Catalog again = read(sample2000);
      var table = first.table("cat_it_big").orElseThrow();
      var stats = table.column("phase").orElseThrow().stats();
      assertThat(stats.frequentValues()).extracting(ColumnStats.FrequentValue::value)
          .contains("early", "late");
      assertThat(stats.sampledRows()).as("about the sample size, from blocks all over the table")
          .isBetween(500L, 4000L);
      assertThat(table.rowCount()).as("the estimate, not the sample size").isGreaterThan(150_000L);
      assertThat(again.table("cat_it_big").orElseThrow().column("phase").orElseThrow().stats())
          .as("a fixed seed: the same data gives the same statistics").isEqualTo(stats);
      // a table within the sample's reach is read from its first rows, whole
      var small = first.table("cat_it_products").orElseThrow();
      assertThat(small.column("sku").orElseThrow().stats().sampledRows()).isEqualTo(small.rowCount());
    } finally {
      runQuietly(ds, "DROP TABLE IF EXISTS " + SCHEMA + ".cat_it_big");
    }
  }
}
