package io.github.nl2sql.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.internal.sql.SqlImporter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MutationGeneratorTest {
  private static final String JOIN3 = "SELECT DISTINCT T1.creation FROM department AS T1 JOIN management"
      + " AS T2 ON T1.department_id  =  T2.department_id JOIN head AS T3 ON T2.head_id  =  T3.head_id"
      + " WHERE T3.born_state  =  'Alabama'";

  @Test
  void findsTableAndColumnOccurrences() throws Exception {
    Path spider = TestCatalogs.requireSpider();
    try (Connection c = TestCatalogs.open(spider, "department_management")) {
      Catalog catalog = TestCatalogs.pragmaCatalog(c);
      MutationGenerator g = new MutationGenerator(JOIN3, catalog,
          sql -> SqliteRunner.prepareError(c, sql));
      assertThat(g.tableOccurrences()).extracting(MutationGenerator.Occurrence::name)
          .containsExactly("department", "management", "head");
      assertThat(g.columnOccurrences()).extracting(MutationGenerator.Occurrence::name)
          .containsExactly("creation", "department_id", "department_id", "head_id", "head_id",
              "born_state");
    }
  }

  @Test
  void sourceMapLocatesTheSameNamesAsTheTokenizer_andColumnsNamedLikeKeywords() throws Exception {
    Path spider = TestCatalogs.requireSpider();
    SqlImporter importer = new SqlImporter(Dialect.SQLITE);
    try (Connection c = TestCatalogs.open(spider, "department_management")) {
      Catalog catalog = TestCatalogs.pragmaCatalog(c);
      MutationGenerator tokens = new MutationGenerator(JOIN3, catalog, sql -> null);
      MutationGenerator mapped = new MutationGenerator(JOIN3, catalog,
          importer.importSql(JOIN3, catalog), sql -> null);
      assertThat(tokens.locator()).isEqualTo("tokens");
      assertThat(mapped.locator()).isEqualTo("source_map");
      assertThat(mapped.tableOccurrences()).isEqualTo(tokens.tableOccurrences());
      assertThat(mapped.columnOccurrences()).isEqualTo(tokens.columnOccurrences());
    }
    try (Connection c = TestCatalogs.open(spider, "mountain_photos")) {
      Catalog catalog = TestCatalogs.pragmaCatalog(c);
      String sql = "SELECT Range FROM mountain GROUP BY Range ORDER BY COUNT(*) DESC LIMIT 1";
      MutationGenerator mapped = new MutationGenerator(sql, catalog,
          importer.importSql(sql, catalog), s -> null);
      assertThat(mapped.columnOccurrences()).extracting(MutationGenerator.Occurrence::name)
          .containsExactly("Range", "Range");
    }
  }

  @Test
  void dropRemovesAJoinWithItsCondition() throws Exception {
    Path spider = TestCatalogs.requireSpider();
    try (Connection c = TestCatalogs.open(spider, "department_management")) {
      Catalog catalog = TestCatalogs.pragmaCatalog(c);
      MutationGenerator g = new MutationGenerator(JOIN3, catalog,
          sql -> SqliteRunner.prepareError(c, sql));
      Set<String> drops = new java.util.TreeSet<>();
      for (int seed = 0; seed < 30; seed++) {
        g.generate(new Random(seed), 1).stream().filter(m -> m.kind() == Mutant.Kind.DROP)
            .forEach(m -> drops.add(m.sql()));
      }
      assertThat(drops).contains(
          "SELECT DISTINCT T1.creation FROM department AS T1 JOIN management AS T2 ON T1.department_id"
              + " = T2.department_id WHERE T3.born_state = 'Alabama'",
          "SELECT DISTINCT T1.creation FROM management AS T2 JOIN head AS T3 ON T2.head_id = T3.head_id"
              + " WHERE T3.born_state = 'Alabama'");
    }
  }

  /** On real Spider databases: every mutant is rejected by SQLite and names the right original. */
  @Test
  void mutantsOfRealGoldQueriesAreInvalidAndKeepTheOriginalName() throws Exception {
    Path spider = TestCatalogs.requireSpider();
    List<Item> items = SpiderData.readItems(spider.resolve("train_spider.json"), "question");
    Map<Mutant.Kind, Integer> made = new EnumMap<>(Mutant.Kind.class);
    for (String dbId : List.of("department_management", "hr_1", "college_2")) {
      try (Connection c = TestCatalogs.open(spider, dbId)) {
        Catalog catalog = TestCatalogs.pragmaCatalog(c);
        Set<String> names = catalog.tables().stream()
            .flatMap(t -> java.util.stream.Stream.concat(java.util.stream.Stream.of(t.name()),
                t.columns().stream().map(Column::name)))
            .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> tableNames = catalog.tables().stream().map(Table::name)
            .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<Item> ofDb = items.stream().filter(i -> i.dbId().equals(dbId)).limit(40).toList();
        for (Item item : ofDb) {
          MutationGenerator g = new MutationGenerator(item.gold(), catalog,
              new SqlImporter(Dialect.SQLITE).importSql(item.gold(), catalog),
              sql -> SqliteRunner.prepareError(c, sql));
          assertThat(g.locator()).isEqualTo("source_map");
          List<Mutant> mutants = g.generate(new Random(item.index()), 1);
          assertThat(mutants).isEqualTo(new MutationGenerator(item.gold(), catalog,
              new SqlImporter(Dialect.SQLITE).importSql(item.gold(), catalog),
              sql -> SqliteRunner.prepareError(c, sql)).generate(new Random(item.index()), 1));
          for (Mutant m : mutants) {
            made.merge(m.kind(), 1, Integer::sum);
            assertThat(SqliteRunner.prepareError(c, m.sql())).as(m.sql()).isNotNull();
            assertThat(m.original().toLowerCase(Locale.ROOT)).isIn(names);
            if (m.kind() == Mutant.Kind.DROP) {
              assertThat(m.original().toLowerCase(Locale.ROOT)).isIn(tableNames);
              continue;
            }
            String restored = m.sql().substring(0, m.offset()) + m.original()
                + m.sql().substring(m.offset() + m.length());
            assertThat(restored).isEqualTo(item.gold());
            assertThat(m.sql().substring(m.offset(), m.offset() + m.length()))
                .isEqualTo(m.replacement());
            if (m.kind() == Mutant.Kind.MISSPELL) {
              assertThat(m.replacement().toLowerCase(Locale.ROOT)).isNotIn(names);
            } else {
              assertThat(m.replacement().toLowerCase(Locale.ROOT)).isIn(names);
              assertThat(MutationGenerator.similar(m.original().toLowerCase(Locale.ROOT),
                  m.replacement().toLowerCase(Locale.ROOT))).as(m.toString()).isTrue();
            }
          }
        }
      }
    }
    assertThat(made.get(Mutant.Kind.MISSPELL)).isGreaterThan(90);
    assertThat(made.get(Mutant.Kind.DROP)).isGreaterThan(30);
    assertThat(made.get(Mutant.Kind.SWAP)).isGreaterThan(40);
  }
}
