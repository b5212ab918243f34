package io.github.nl2sql.internal.validate;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import java.util.ArrayList;
import java.util.List;

/** A small shop schema for validator tests. */
final class Shop {
  private Shop() {}

  static Column col(String name, int pos, SqlType type) {
    return new Column(name, pos, type.name().toLowerCase(java.util.Locale.ROOT), 0, type, null, null,
        true, null, null, List.of(), false, null);
  }

  static Table table(String name, List<String> pk, List<ForeignKey> fks, Object... nameTypePairs) {
    List<Column> cols = new ArrayList<>();
    for (int i = 0; i < nameTypePairs.length; i += 2) {
      cols.add(col((String) nameTypePairs[i], i / 2 + 1, (SqlType) nameTypePairs[i + 1]));
    }
    return new Table(null, name, Table.Kind.TABLE, null, cols, pk, List.of(), fks, List.of(), null);
  }

  static ForeignKey fk(String column, String table, String refColumn) {
    return new ForeignKey(null, List.of(column), null, table, List.of(refColumn));
  }

  static Catalog catalog(Dialect dialect) {
    Table categories = table("categories", List.of("id"), List.of(),
        "id", SqlType.INTEGER, "name", SqlType.TEXT);
    Table products = table("products", List.of("id"), List.of(fk("category_id", "categories", "id")),
        "id", SqlType.INTEGER, "name", SqlType.TEXT, "sale_price", SqlType.DECIMAL,
        "category_id", SqlType.INTEGER, "launched", SqlType.DATE, "active", SqlType.BOOLEAN);
    Table customers = table("customers", List.of("customer_id"), List.of(),
        "customer_id", SqlType.INTEGER, "full_name", SqlType.TEXT, "city", SqlType.TEXT);
    Table orders = table("orders", List.of("id"),
        List.of(fk("product_id", "products", "id"), fk("customer_id", "customers", "customer_id")),
        "id", SqlType.INTEGER, "product_id", SqlType.INTEGER, "customer_id", SqlType.INTEGER,
        "quantity", SqlType.INTEGER, "order_date", SqlType.DATE);
    return new Catalog("test", "1", "shop", null, dialect,
        List.of(categories, products, customers, orders), "x", null, null, List.of());
  }
}
