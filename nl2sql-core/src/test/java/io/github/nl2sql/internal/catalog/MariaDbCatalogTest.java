package io.github.nl2sql.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.testing.TestDatabases;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The catalog contract on MariaDB ({@code NL2SQL_TEST_MARIADB_URL}), in a database of its own
 * ({@value #DB}) that is created and dropped here.
 */
class MariaDbCatalogTest extends CatalogContractTest {
  static final String DB = "nl2sql_cat_it";

  @Override
  protected DataSource dataSource() {
    return TestDatabases.mariadb();
  }

  @Override
  protected void createSchema() {
    TestDatabases.run(ds, "CREATE DATABASE " + DB + ";\nUSE " + DB + ";\n" + """
        CREATE TABLE cat_it_brands (id INT NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL,
          CONSTRAINT cat_it_uq_brand_name UNIQUE (name)) COMMENT = 'Brands we sell';
        CREATE TABLE cat_it_products (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
          sku VARCHAR(20) NOT NULL COMMENT 'Stock keeping unit', brand VARCHAR(40), brand_id INT,
          price DECIMAL(10,2) NOT NULL DEFAULT 0, size ENUM('S', 'M', 'L'), created TIMESTAMP NULL,
          CONSTRAINT cat_it_fk_products_brand FOREIGN KEY (brand_id) REFERENCES cat_it_brands (id))
          COMMENT = 'Things we sell';
        """ + SampleSchema.TAIL);
  }

  @Override
  protected void dropSchema() {
    runQuietly(ds, "DROP DATABASE IF EXISTS " + DB);
  }

  @Override
  protected CatalogOptions options() {
    return new CatalogOptions(DB, null, true, Duration.ofSeconds(10), 20, 10_000);
  }

  @Override
  protected Dialect expectedDialect() {
    return Dialect.MARIADB;
  }

  @Override
  protected void createProbeTable() {
    TestDatabases.run(ds, "CREATE TABLE " + DB + ".cat_it_probe (id INT)");
  }

  @Override
  protected void addProbeColumn() {
    TestDatabases.run(ds, "ALTER TABLE " + DB + ".cat_it_probe ADD COLUMN extra VARCHAR(10)");
  }

  @Override
  protected void dropProbeTable() {
    runQuietly(ds, "DROP TABLE IF EXISTS " + DB + ".cat_it_probe");
  }

  @Test
  void schemaIsTheDatabase() {
    assertThat(catalog.database()).isEqualTo(DB);
    assertThat(catalog.defaultSchema()).isEqualTo(DB);
    assertThat(table("cat_it_products").qualifiedName()).isEqualTo(DB + ".cat_it_products");
    assertThat(table("cat_it_stock").foreignKeys().get(0).referencedSchema()).isEqualTo(DB);
    assertThat(table("cat_it_products").rowCount()).isNotNull();
  }

  @Test
  void enumColumn_keepsItsDeclaredType() {
    Column size = column("cat_it_products", "size");
    assertThat(size.typeName()).isEqualToIgnoringCase("enum");
    assertThat(size.stats().frequentValues()).first()
        .isEqualTo(new io.github.nl2sql.catalog.ColumnStats.FrequentValue("M", 3));
  }
}
