package io.github.nl2sql.gnn;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.ColumnStats;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import java.util.List;

/** Small hand-made catalogs for tests. */
final class Schemas {
  private Schemas() {}

  static Column col(String name, SqlType type) {
    return new Column(name, 1, type.name(), 0, type, null, null, true, null, null, List.of(), false, null);
  }

  static Column col(String name, SqlType type, String... values) {
    List<ColumnStats.FrequentValue> fv = java.util.Arrays.stream(values)
        .map(v -> new ColumnStats.FrequentValue(v, 3)).toList();
    return col(name, type).withStats(new ColumnStats(100, 0, values.length, fv));
  }

  /** {@code catalog} with every foreign key removed (as in many real MySQL schemas). */
  static Catalog withoutForeignKeys(Catalog catalog) {
    List<Table> tables = catalog.tables().stream()
        .map(t -> new Table(t.schema(), t.name(), t.kind(), t.comment(), t.columns(), t.primaryKey(), t.uniqueKeys(),
            List.of(), t.indexes(), t.rowCount()))
        .toList();
    return new Catalog(catalog.product(), catalog.productVersion(), catalog.database(), catalog.defaultSchema(),
        catalog.dialect(), tables, catalog.fingerprint(), catalog.readAt(), catalog.statistics(), catalog.notes());
  }

  /** A concert/singer schema in the style of Spider's concert_singer. */
  static Catalog concerts(String fingerprint) {
    Table stadium = new Table(null, "stadium", Table.Kind.TABLE, null,
        List.of(col("Stadium_ID", SqlType.INTEGER), col("Location", SqlType.TEXT), col("Name", SqlType.TEXT),
            col("Capacity", SqlType.INTEGER), col("Highest", SqlType.INTEGER), col("Average", SqlType.INTEGER)),
        List.of("Stadium_ID"), List.of(), List.of(), List.of(), 9L);
    Table singer = new Table(null, "singer", Table.Kind.TABLE, null,
        List.of(col("Singer_ID", SqlType.INTEGER), col("Name", SqlType.TEXT),
            col("Country", SqlType.TEXT, "Netherlands", "France", "United States"),
            col("Song_Name", SqlType.TEXT), col("Age", SqlType.INTEGER), col("Is_male", SqlType.BOOLEAN)),
        List.of("Singer_ID"), List.of(), List.of(), List.of(), 6L);
    Table concert = new Table(null, "concert", Table.Kind.TABLE, null,
        List.of(col("concert_ID", SqlType.INTEGER), col("concert_Name", SqlType.TEXT), col("Theme", SqlType.TEXT),
            col("Stadium_ID", SqlType.INTEGER), col("Year", SqlType.TEXT)),
        List.of("concert_ID"), List.of(),
        List.of(new ForeignKey(null, List.of("Stadium_ID"), null, "stadium", List.of("Stadium_ID"))), List.of(), 6L);
    Table sic = new Table(null, "singer_in_concert", Table.Kind.TABLE, null,
        List.of(col("concert_ID", SqlType.INTEGER), col("Singer_ID", SqlType.INTEGER)),
        List.of("concert_ID", "Singer_ID"), List.of(),
        List.of(new ForeignKey(null, List.of("concert_ID"), null, "concert", List.of("concert_ID")),
            new ForeignKey(null, List.of("Singer_ID"), null, "singer", List.of("Singer_ID"))), List.of(), 10L);
    return new Catalog("SQLite", "3", null, null, Dialect.SQLITE, List.of(stadium, singer, concert, sic),
        fingerprint, null, Catalog.StatisticsStatus.COMPLETE, List.of());
  }
}
