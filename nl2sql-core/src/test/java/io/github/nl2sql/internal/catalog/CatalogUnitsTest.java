package io.github.nl2sql.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.CatalogException;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.ColumnStats;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.Index;
import io.github.nl2sql.catalog.SchemaDiff;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Type mapping, enum parsing, fingerprints and diffs on hand-built catalogs (no database needed). */
class CatalogUnitsTest {
  static Column col(String name, int pos, String type, boolean nullable, String def, String comment) {
    return new Column(name, pos, type, Types.VARCHAR, TypeMapping.fromTypeName(type), null, null, nullable,
        def, comment, null, false, null);
  }

  static Catalog catalog(Table... tables) {
    return CatalogReader.withFingerprint(new Catalog("H2", "2.3", "db", "PUBLIC", Dialect.H2,
        List.of(tables), null, Instant.parse("2026-01-01T00:00:00Z"), null, null));
  }

  static Table products(List<Column> columns, List<String> pk, List<ForeignKey> fks, List<Index> idx) {
    return new Table("PUBLIC", "products", Table.Kind.TABLE, null, columns, pk, null, fks, idx, 10L);
  }

  @Test
  void jdbcTypes_mapToPortableCategories() {
    assertThat(TypeMapping.fromJdbc(Types.BIT, "bool", 1)).isEqualTo(SqlType.BOOLEAN);
    assertThat(TypeMapping.fromJdbc(Types.BIT, "bit", 8)).isEqualTo(SqlType.BINARY);
    assertThat(TypeMapping.fromJdbc(Types.BIGINT, "int8", 19)).isEqualTo(SqlType.INTEGER);
    assertThat(TypeMapping.fromJdbc(Types.NUMERIC, "numeric", 10)).isEqualTo(SqlType.DECIMAL);
    assertThat(TypeMapping.fromJdbc(Types.DOUBLE, "float8", 17)).isEqualTo(SqlType.FLOAT);
    assertThat(TypeMapping.fromJdbc(Types.TIMESTAMP_WITH_TIMEZONE, "timestamptz", 35))
        .isEqualTo(SqlType.TIMESTAMP);
    assertThat(TypeMapping.fromJdbc(Types.DATE, "YEAR", 4)).isEqualTo(SqlType.INTEGER);
    assertThat(TypeMapping.fromJdbc(Types.OTHER, "jsonb", null)).isEqualTo(SqlType.OTHER);
    assertThat(TypeMapping.fromJdbc(Types.OTHER, "uuid", null)).isEqualTo(SqlType.TEXT);
  }

  @Test
  void sqliteDeclaredTypes_followAffinity() {
    assertThat(TypeMapping.fromTypeName("varchar(20)")).isEqualTo(SqlType.TEXT);
    assertThat(TypeMapping.fromTypeName("INT")).isEqualTo(SqlType.INTEGER);
    assertThat(TypeMapping.fromTypeName("number")).isEqualTo(SqlType.DECIMAL);
    assertThat(TypeMapping.fromTypeName("REAL")).isEqualTo(SqlType.FLOAT);
    assertThat(TypeMapping.fromTypeName("TEXT")).isEqualTo(SqlType.TEXT);
    assertThat(TypeMapping.fromTypeName("bool")).isEqualTo(SqlType.BOOLEAN);
    assertThat(TypeMapping.fromTypeName("datetime")).isEqualTo(SqlType.TIMESTAMP);
    assertThat(TypeMapping.fromTypeName("")).isEqualTo(SqlType.OTHER);
    assertThat(TypeMapping.fromTypeName(null)).isEqualTo(SqlType.OTHER);
    assertThat(TypeMapping.declaredSize("decimal(10, 2)")).isEqualTo(10);
    assertThat(TypeMapping.declaredScale("decimal(10, 2)")).isEqualTo(2);
    assertThat(TypeMapping.declaredSize("text")).isNull();
    assertThat(TypeMapping.jdbcTypeOf("bigint")).isEqualTo(Types.BIGINT);
  }

  @Test
  void mysqlEnumList_isParsedWithEscapes() {
    assertThat(CatalogReader.parseEnum("('a','b''c','d,e')")).containsExactly("a", "b'c", "d,e");
    assertThat(CatalogReader.parseEnum("()")).isEmpty();
  }

  @Test
  void fingerprint_ignoresStatisticsRowCountsAndReadTime() {
    Column brand = col("brand", 1, "varchar(40)", true, null, null);
    Catalog a = catalog(products(List.of(brand), List.of(), null, null));
    Table withStats = products(List.of(brand.withStats(new ColumnStats(5, 0.2, 2,
        List.of(new ColumnStats.FrequentValue("Theory", 3))))), List.of(), null, null).withRowCount(99L);
    Catalog b = new Catalog("H2", "2.4", "db", "PUBLIC", Dialect.H2, List.of(withStats), null,
        Instant.now(), Catalog.StatisticsStatus.COMPLETE, List.of("a note"));
    assertThat(Fingerprints.of(b)).isEqualTo(a.fingerprint());
    assertThat(Fingerprints.canonicalJson(a)).doesNotContain("rowCount").doesNotContain("readAt")
        .doesNotContain("fingerprint");
    Catalog c = catalog(products(List.of(col("brand", 1, "varchar(40)", false, null, null)), List.of(),
        null, null));
    assertThat(c.fingerprint()).isNotEqualTo(a.fingerprint());
  }

  @Test
  void diff_describesEveryKindOfChange() {
    Catalog older = catalog(
        products(List.of(col("id", 1, "INT", false, null, null), col("brand", 2, "varchar(40)", true, null,
            null), col("gone", 3, "INT", true, null, null)), List.of("id"), List.of(),
            List.of(new Index("ix_brand", false, List.of("brand")))),
        new Table("PUBLIC", "old_table", Table.Kind.TABLE, null, List.of(col("x", 1, "INT", true, null,
            null)), null, null, null, null, null));
    Catalog newer = catalog(
        products(List.of(col("id", 1, "BIGINT", false, null, null), col("brand", 2, "varchar(40)", false,
            "'none'", "Brand name"), col("added", 3, "INT", true, null, null)), List.of("id", "brand"),
            List.of(new ForeignKey("fk_b", List.of("brand"), "PUBLIC", "brands", List.of("name"))),
            List.of()),
        new Table("PUBLIC", "new_table", Table.Kind.VIEW, null, List.of(col("y", 1, "INT", true, null,
            null)), null, null, null, null, null));
    SchemaDiff d = CatalogDiffs.diff(older, newer);
    assertThat(d.addedTables()).containsExactly("PUBLIC.new_table");
    assertThat(d.removedTables()).containsExactly("PUBLIC.old_table");
    assertThat(d.addedColumns()).containsExactly("PUBLIC.products.added");
    assertThat(d.removedColumns()).containsExactly("PUBLIC.products.gone");
    assertThat(d.changedColumns()).containsExactly("PUBLIC.products.id: type INT -> BIGINT",
        "PUBLIC.products.brand: nullable -> NOT NULL; default null -> 'none'; comment none -> 'Brand name'");
    assertThat(d.changedTables()).singleElement().satisfies(s -> assertThat(s)
        .startsWith("PUBLIC.products: primary key [id] -> [id, brand]")
        .contains("foreign key added fk_b [brand] -> PUBLIC.brands[name]")
        .contains("index removed ix_brand [brand]"));
    assertThat(CatalogDiffs.diff(null, newer).addedTables()).hasSize(2);
    assertThat(CatalogDiffs.diff(newer, newer).isEmpty()).isTrue();
  }

  @Test
  void diff_roundTripsThroughJson() throws Exception {
    SchemaDiff d = new SchemaDiff(List.of("a"), List.of(), List.of("t.c"), List.of(), List.of(), List.of());
    String json = io.github.nl2sql.internal.json.Json.toJson(d);
    assertThat(io.github.nl2sql.internal.json.Json.mapper().readValue(json, SchemaDiff.class)).isEqualTo(d);
  }

  @Test
  void badSnapshotJson_isACatalogException() {
    assertThatThrownBy(() -> CatalogSnapshots.fromJson("{\"tables\": 3}"))
        .isInstanceOf(CatalogException.class).hasMessageStartingWith("Not a catalog snapshot");
    assertThatThrownBy(() -> CatalogSnapshots.fromJson("{\"bogus\": 1}"))
        .isInstanceOf(CatalogException.class).hasMessageContaining("bogus");
    assertThatThrownBy(() -> CatalogSnapshots.fromJson(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reader_rejectsANullConnection() {
    assertThatThrownBy(() -> new CatalogReader(null).read(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connection");
  }
}
