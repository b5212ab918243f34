package io.github.nl2sql.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.testing.TestDatabases;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.containers.MySQLContainer;

/**
 * The catalog contract on MySQL 8 in a Testcontainers container. Runs wherever a Docker engine is
 * reachable; elsewhere JUnit reports it as skipped (MySQL itself cannot be installed on the build
 * machines, MariaDB stands in for it there).
 */
@EnabledIf("io.github.nl2sql.testing.TestDatabases#dockerAvailable")
class MySqlContainerCatalogTest extends CatalogContractTest {
  private MySQLContainer<?> mysql;

  @Override
  protected DataSource dataSource() {
    mysql = new MySQLContainer<>("mysql:8.0");
    mysql.start();
    MysqlDataSource ds = new MysqlDataSource();
    ds.setUrl(mysql.getJdbcUrl());
    ds.setUser(mysql.getUsername());
    ds.setPassword(mysql.getPassword());
    return ds;
  }

  @Override
  protected void close() {
    if (mysql != null) {
      mysql.stop();
    }
  }

  @Override
  protected void createSchema() {
    TestDatabases.run(ds, """
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
    runQuietly(ds, """
        DROP VIEW IF EXISTS cat_it_product_names;
        DROP TABLE IF EXISTS cat_it_stock;
        DROP TABLE IF EXISTS cat_it_variants;
        DROP TABLE IF EXISTS cat_it_products;
        DROP TABLE IF EXISTS cat_it_brands;
        """);
  }

  @Override
  protected CatalogOptions options() {
    return new CatalogOptions(mysql.getDatabaseName(), null, true, Duration.ofSeconds(10), 20, 10_000);
  }

  @Override
  protected Dialect expectedDialect() {
    return Dialect.MYSQL;
  }

  @Override
  protected void createProbeTable() {
    TestDatabases.run(ds, "CREATE TABLE cat_it_probe (id INT)");
  }

  @Override
  protected void addProbeColumn() {
    TestDatabases.run(ds, "ALTER TABLE cat_it_probe ADD COLUMN extra VARCHAR(10)");
  }

  @Override
  protected void dropProbeTable() {
    runQuietly(ds, "DROP TABLE IF EXISTS cat_it_probe");
  }

  @Test
  void schemaIsTheDatabase() {
    assertThat(catalog.database()).isEqualTo(mysql.getDatabaseName());
    assertThat(catalog.product()).containsIgnoringCase("mysql");
  }
}
