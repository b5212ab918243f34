package io.github.nl2sql.internal.catalog;

/** DDL and data of the sample schema the catalog tests read; the parts all databases share. */
final class SampleSchema {
  private SampleSchema() {}

  /** Everything after {@code cat_it_brands} and {@code cat_it_products} exist: index, tables, view, data. */
  static final String TAIL = """
      CREATE INDEX cat_it_ix_products_brand ON cat_it_products (brand, price);
      CREATE TABLE cat_it_variants (product_id INT NOT NULL, variant_no INT NOT NULL, color VARCHAR(20),
        PRIMARY KEY (product_id, variant_no),
        CONSTRAINT cat_it_fk_variants_product FOREIGN KEY (product_id) REFERENCES cat_it_products (id));
      CREATE TABLE cat_it_stock (id INT NOT NULL PRIMARY KEY, product_id INT NOT NULL,
        variant_no INT NOT NULL, qty INT,
        CONSTRAINT cat_it_fk_stock_variant FOREIGN KEY (product_id, variant_no)
          REFERENCES cat_it_variants (product_id, variant_no));
      CREATE VIEW cat_it_product_names AS SELECT id, sku FROM cat_it_products;
      INSERT INTO cat_it_brands (id, name) VALUES (1, 'Theory'), (2, 'Vince');
      INSERT INTO cat_it_products (sku, brand, brand_id, price, size) VALUES
        ('SKU-01', 'Theory', 1, 10.50, 'S'), ('SKU-02', 'Theory', 1, 20.00, 'M'),
        ('SKU-03', 'Theory', 1, 30.00, 'L'), ('SKU-04', 'Theory', 1, 40.00, 'S'),
        ('SKU-05', 'Theory', 1, 50.00, NULL), ('SKU-06', 'Vince', 2, 15.00, 'M'),
        ('SKU-07', 'Vince', 2, 25.00, 'M'), ('SKU-08', 'Vince', 2, 35.00, 'L'),
        ('SKU-09', NULL, NULL, 5.00, NULL), ('SKU-10', NULL, NULL, 6.00, 'S');
      INSERT INTO cat_it_variants (product_id, variant_no, color) VALUES (1, 1, 'red'), (1, 2, 'blue'),
        (2, 1, 'red');
      INSERT INTO cat_it_stock (id, product_id, variant_no, qty) VALUES (1, 1, 1, 5), (2, 1, 2, 0);
      """;
}
