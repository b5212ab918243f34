package io.github.nl2sql.internal.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.ColumnStats;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.link.LinkedColumn;
import io.github.nl2sql.link.LinkedTable;
import io.github.nl2sql.link.Linking;
import io.github.nl2sql.link.Signal;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexicalLinkerTest {
  private static Column col(String name, SqlType type, String comment, String... frequent) {
    ColumnStats stats = frequent.length == 0 ? null : new ColumnStats(100, 0, frequent.length,
        java.util.Arrays.stream(frequent).map(v -> new ColumnStats.FrequentValue(v, 10)).toList());
    return new Column(name, 1, type.name(), 0, type, null, null, true, null, comment, List.of(), false, stats);
  }

  private static Table table(String name, List<String> pk, List<ForeignKey> fks, Column... cols) {
    return new Table(null, name, Table.Kind.TABLE, null, List.of(cols), pk, List.of(), fks, List.of(), null);
  }

  static final Catalog STORE = new Catalog("H2", "2", "store", "public", Dialect.H2, List.of(
      table("customers", List.of("id"), List.of(),
          col("id", SqlType.INTEGER, null), col("first_name", SqlType.TEXT, null),
          col("country", SqlType.TEXT, null, "Germany", "France", "Italy")),
      table("products", List.of("id"), List.of(),
          col("id", SqlType.INTEGER, null), col("name", SqlType.TEXT, null),
          col("brand", SqlType.TEXT, "Label that makes the product", "Theory", "Everlane", "Levi's"),
          col("category", SqlType.TEXT, null, "shirts", "dresses"),
          col("sale_price", SqlType.DECIMAL, "Current selling price in EUR")),
      table("orders", List.of("id"), List.of(new ForeignKey(null, List.of("customer_id"), null, "customers", List.of("id"))),
          col("id", SqlType.INTEGER, null), col("customer_id", SqlType.INTEGER, null),
          col("order_date", SqlType.DATE, null)),
      table("order_items", List.of("order_id", "product_id"), List.of(
              new ForeignKey(null, List.of("order_id"), null, "orders", List.of("id")),
              new ForeignKey(null, List.of("product_id"), null, "products", List.of("id"))),
          col("order_id", SqlType.INTEGER, null), col("product_id", SqlType.INTEGER, null),
          col("quantity", SqlType.INTEGER, null))),
      null, null, Catalog.StatisticsStatus.COMPLETE, List.of());

  private final LexicalLinker linker = new LexicalLinker();

  @Test
  void valueMatch_linksBrandFromAStoredValue() {
    Linking l = linker.link("Theory shirts cheaper than 100", STORE, LinkOptions.defaults());
    assertThat(l.tables().get(0).table()).isEqualTo("products");
    assertThat(l.values()).anySatisfy(v -> {
      assertThat(v.column()).isEqualTo("brand");
      assertThat(v.value()).isEqualTo("Theory");
    });
    assertThat(l.columns().subList(0, 3)).extracting(LinkedColumn::column).contains("brand", "category");
  }

  @Test
  void pluralAndSnakeCase_matchNames() {
    Linking l = linker.link("What is the sale price of each product?", STORE, LinkOptions.defaults());
    assertThat(l.tables().get(0).table()).isEqualTo("products");
    assertThat(l.columns().get(0).qualifiedName()).isEqualTo("products.sale_price");
  }

  @Test
  void selection_isClosedUnderForeignKeyPaths() {
    Linking l = linker.link("Which customers from Germany ordered Theory products?", STORE, LinkOptions.defaults());
    assertThat(l.tables()).extracting(LinkedTable::table).startsWith("customers");
    assertThat(l.selection().tables()).contains("customers", "products", "orders", "order_items");
    assertThat(l.selection().joins()).hasSize(3);
    assertThat(l.selection().columns().get("order_items")).contains("order_id", "product_id");
  }

  @Test
  void signals_canBeTurnedOff() {
    LinkOptions lexicalOnly = LinkOptions.defaults().withSignals(EnumSet.of(Signal.LEXICAL));
    Linking l = linker.link("Theory", STORE, lexicalOnly);
    assertThat(l.values()).isEmpty();
    assertThat(l.tables().get(0).score()).isZero();
  }

  @Test
  void blankQuestion_isRejected() {
    assertThatThrownBy(() -> linker.link(" ", STORE, LinkOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("question");
  }
}
