package io.github.nl2sql.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog contract on a SQLite file, plus SQLite's type affinity and PRAGMA-only facts. */
class SqliteCatalogTest extends CatalogContractTest {
  @TempDir
  static Path dir;

  @Override
  protected DataSource dataSource() {
    return TestDatabases.sqlite(dir);
  }

  @Override
  protected void createSchema() {
    TestDatabases.run(ds, """
        CREATE TABLE cat_it_brands (id INT NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL,
          CONSTRAINT cat_it_uq_brand_name UNIQUE (name));
        CREATE TABLE cat_it_products (id INTEGER PRIMARY KEY, sku VARCHAR(20) NOT NULL,
          brand VARCHAR(40), brand_id INT, price DECIMAL(10,2) NOT NULL DEFAULT 0, size TEXT,
          created TIMESTAMP,
          CONSTRAINT cat_it_fk_products_brand FOREIGN KEY (brand_id) REFERENCES cat_it_brands (id));
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
        DROP TABLE IF EXISTS cat_it_types;
        """);
  }

  @Override
  protected CatalogOptions options() {
    return CatalogOptions.defaults();
  }

  @Override
  protected Dialect expectedDialect() {
    return Dialect.SQLITE;
  }

  @Override
  protected boolean supportsComments() {
    return false;
  }

  @Override
  protected boolean supportsEnums() {
    return false;
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
  void declaredTypes_mapByAffinity() throws SQLException {
    TestDatabases.run(ds, """
        CREATE TABLE cat_it_types (a varchar(20), b INT, c number, d REAL, e TEXT, f bool, g datetime,
          h, i BLOB, j date, k decimal(8,3), l bigint, m double precision, n nvarchar(5), o time,
          p json);
        INSERT INTO cat_it_types (a, h) VALUES ('x', 1), ('y', 'two'), ('x', NULL);
        """);
    try {
      Catalog c = read(CatalogOptions.defaults());
      Table t = c.table("cat_it_types").orElseThrow();
      assertThat(t.columns()).extracting(Column::type).containsExactly(SqlType.TEXT, SqlType.INTEGER,
          SqlType.DECIMAL, SqlType.FLOAT, SqlType.TEXT, SqlType.BOOLEAN, SqlType.TIMESTAMP,
          SqlType.OTHER, SqlType.BINARY, SqlType.DATE, SqlType.DECIMAL, SqlType.INTEGER, SqlType.FLOAT,
          SqlType.TEXT, SqlType.TIME, SqlType.OTHER);
      Column a = t.column("a").orElseThrow();
      assertThat(a.typeName()).isEqualTo("varchar(20)");
      assertThat(a.size()).isEqualTo(20);
      Column k = t.column("k").orElseThrow();
      assertThat(k.size()).isEqualTo(8);
      assertThat(k.scale()).isEqualTo(3);
      Column h = t.column("h").orElseThrow();
      assertThat(h.typeName()).isEmpty();
      assertThat(h.stats().distinctCount()).isEqualTo(2);
      assertThat(h.stats().frequentValues()).as("mixed storage classes are not text").isEmpty();
      assertThat(a.stats().frequentValues()).first()
          .isEqualTo(new io.github.nl2sql.catalog.ColumnStats.FrequentValue("x", 2));
      assertThat(t.rowCount()).isEqualTo(3);
    } finally {
      runQuietly(ds, "DROP TABLE IF EXISTS cat_it_types");
    }
  }

  @Test
  void virtualTableOfAMissingModule_isLeftOutWithANote() throws Exception {
    Path file = dir.resolve("vt.sqlite");
    DataSource vt = TestDatabases.sqliteFile(file);
    TestDatabases.run(vt, "CREATE TABLE cat_it_ok (id INT);\n"
        + "PRAGMA writable_schema = ON;\n"
        + "INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES ('table', "
        + "'cat_it_virtual', 'cat_it_virtual', 0, 'CREATE VIRTUAL TABLE cat_it_virtual USING nosuchmodule(a)')");
    try (Connection c = vt.getConnection()) {
      Catalog catalog = new CatalogReader(CatalogOptions.defaults()).read(c);
      assertThat(catalog.table("cat_it_ok")).isPresent();
      assertThat(catalog.table("cat_it_virtual")).isEmpty();
      assertThat(catalog.notes()).anySatisfy(n -> assertThat(n).startsWith("Table cat_it_virtual left out:"));
    }
  }

  @Test
  void rowCounts_areExact() {
    assertThat(catalog.table("cat_it_products").orElseThrow().rowCount()).isEqualTo(10);
    assertThat(catalog.table("cat_it_product_names").orElseThrow().rowCount()).isNull();
  }

  @Test
  void identity_databaseIsTheFileName() {
    assertThat(catalog.database()).startsWith("t");
    assertThat(catalog.defaultSchema()).isNull();
    assertThat(catalog.tables()).allSatisfy(t -> assertThat(t.schema()).isNull());
  }

  @Test
  void foreignKeyWithoutColumns_referencesThePrimaryKey() throws SQLException {
    TestDatabases.run(ds, """
        CREATE TABLE cat_it_fk_parent (a INT, b INT, PRIMARY KEY (a, b));
        CREATE TABLE cat_it_fk_child (x INT, y INT, FOREIGN KEY (x, y) REFERENCES cat_it_fk_parent);
        """);
    try (Connection conn = ds.getConnection()) {
      Catalog c = new CatalogReader(new CatalogOptions(null, null, false, Duration.ZERO, 0, 0)).read(conn);
      var fk = c.table("cat_it_fk_child").orElseThrow().foreignKeys().get(0);
      assertThat(fk.columns()).containsExactly("x", "y");
      assertThat(fk.referencedColumns()).containsExactly("a", "b");
    } finally {
      runQuietly(ds, "DROP TABLE IF EXISTS cat_it_fk_child;\nDROP TABLE IF EXISTS cat_it_fk_parent");
    }
  }
}
