package io.github.nl2sql.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.testing.SpiderData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NameSuggesterTest {

  @Test
  void caseInsensitiveEqualityComesFirst() {
    assertThat(NameSuggester.suggest("NAME", List.of("names", "name_x", "Name"))).first()
        .isEqualTo("Name");
  }

  @Test
  void singleTypos_rankTheOriginalFirst() {
    List<String> cols = List.of("id", "name", "sale_price", "cost_price", "category_id", "launched");
    assertThat(NameSuggester.suggest("sale_pricee", cols)).containsExactly("sale_price");
    assertThat(NameSuggester.suggest("sael_price", cols)).first().isEqualTo("sale_price");
    assertThat(NameSuggester.suggest("nme", cols)).first().isEqualTo("name");
    assertThat(NameSuggester.suggest("categry_id", cols)).first().isEqualTo("category_id");
    assertThat(NameSuggester.suggest("launches", cols)).first().isEqualTo("launched");
  }

  @Test
  void pluralsTokensAndCamelCase() {
    assertThat(NameSuggester.suggest("student", List.of("students", "studio", "stadium"))).first()
        .isEqualTo("students");
    assertThat(NameSuggester.suggest("categories", List.of("category", "categorical"))).first()
        .isEqualTo("category");
    assertThat(NameSuggester.suggest("customerName", List.of("customer_name", "customer_id")))
        .first().isEqualTo("customer_name");
    assertThat(NameSuggester.tokens("orderDate_2")).containsExactly("order", "date", "2");
  }

  @Test
  void unrelatedNames_areNotSuggested() {
    assertThat(NameSuggester.suggest("zzz", List.of("name", "price"))).isEmpty();
    assertThat(NameSuggester.suggest(null, List.of("name"))).isEmpty();
    assertThat(NameSuggester.suggest("x", null)).isEmpty();
  }

  @Test
  void biasAndTiesAreDeterministic() {
    List<String> cands = List.of("T1", "T2");
    assertThat(NameSuggester.suggest("T3", cands)).containsExactly("T1", "T2");
    assertThat(NameSuggester.suggest("T3", cands, Map.of("T2", 0.5), 5)).first().isEqualTo("T2");
  }

  @Test
  void distances() {
    assertThat(NameSuggester.damerau("abcd", "abdc")).isEqualTo(1);
    assertThat(NameSuggester.damerau("kitten", "sitting")).isEqualTo(3);
    assertThat(NameSuggester.jaroWinkler("martha", "marhta")).isBetween(0.96, 0.97);
    assertThat(NameSuggester.singular("cities")).isEqualTo("city");
    assertThat(NameSuggester.singular("status")).isEqualTo("status");
  }

  /** One random typo: insert, delete, substitute or transpose a character. */
  static String typo(String s, Random rnd) {
    String letters = "abcdefghijklmnopqrstuvwxyz_0123456789";
    for (int attempt = 0; attempt < 20; attempt++) {
      int op = rnd.nextInt(4);
      StringBuilder sb = new StringBuilder(s);
      int i = rnd.nextInt(s.length());
      char c = letters.charAt(rnd.nextInt(letters.length()));
      switch (op) {
        case 0:
          sb.insert(rnd.nextInt(s.length() + 1), c);
          break;
        case 1:
          if (s.length() < 2) {
            continue;
          }
          sb.deleteCharAt(i);
          break;
        case 2:
          sb.setCharAt(i, c);
          break;
        default:
          if (s.length() < 2) {
            continue;
          }
          int j = i == s.length() - 1 ? i - 1 : i;
          char a = sb.charAt(j);
          sb.setCharAt(j, sb.charAt(j + 1));
          sb.setCharAt(j + 1, a);
      }
      String m = sb.toString();
      if (!m.equalsIgnoreCase(s)) {
        return m;
      }
    }
    return null;
  }

  /**
   * Every column of every Spider training schema, misspelt by one random edit: the original must be
   * the first suggestion among its table's columns (and each table among the schema's tables) for at
   * least 95% of the mutants that are not themselves another existing name.
   */
  @Test
  void spiderSchemas_typosRankOriginalFirst() {
    Path dir = SpiderData.requireDir();
    Map<String, Catalog> catalogs = SpiderCatalogs.load(dir);
    Random rnd = new Random(42);
    int colTotal = 0;
    int colTop1 = 0;
    int tabTotal = 0;
    int tabTop1 = 0;
    List<String> misses = new ArrayList<>();
    for (Catalog cat : catalogs.values()) {
      List<String> tableNames = cat.tables().stream().map(Table::name).toList();
      for (Table t : cat.tables()) {
        List<String> cols = t.columns().stream().map(Column::name).toList();
        for (String col : cols) {
          String m = typo(col, rnd);
          if (m == null || cols.stream().anyMatch(c -> c.equalsIgnoreCase(m))) {
            continue;
          }
          colTotal++;
          List<String> s = NameSuggester.suggest(m, cols);
          if (!s.isEmpty() && s.get(0).equals(col)) {
            colTop1++;
          } else if (misses.size() < 40) {
            misses.add(col + " <- " + m + " got " + s);
          }
        }
        String m = typo(t.name(), rnd);
        if (m != null && tableNames.stream().noneMatch(n -> n.equalsIgnoreCase(m))) {
          tabTotal++;
          List<String> s = NameSuggester.suggest(m, tableNames);
          if (!s.isEmpty() && s.get(0).equals(t.name())) {
            tabTop1++;
          } else if (misses.size() < 60) {
            misses.add("table " + t.name() + " <- " + m + " got " + s);
          }
        }
      }
    }
    // unqualified columns are ranked among all columns of the joined tables: a table and the tables
    // its foreign keys reach
    int joinTotal = 0;
    int joinTop1 = 0;
    for (Catalog cat : catalogs.values()) {
      for (Table t : cat.tables()) {
        List<String> cols = new ArrayList<>(t.columns().stream().map(Column::name).toList());
        t.foreignKeys().forEach(fk -> cat.table(fk.referencedTable())
            .ifPresent(o -> o.columns().forEach(c -> cols.add(c.name()))));
        for (Column col : t.columns()) {
          String m = typo(col.name(), rnd);
          if (m == null || cols.stream().anyMatch(c -> c.equalsIgnoreCase(m))) {
            continue;
          }
          joinTotal++;
          List<String> s = NameSuggester.suggest(m, cols);
          if (!s.isEmpty() && s.get(0).equalsIgnoreCase(col.name())) {
            joinTop1++;
          }
        }
      }
    }
    double joinRate = (double) joinTop1 / joinTotal;
    System.out.printf("typo top-1 among joined tables' columns: %d/%d = %.4f%n", joinTop1, joinTotal,
        joinRate);
    assertThat(joinRate).isGreaterThanOrEqualTo(0.95);
    double colRate = (double) colTop1 / colTotal;
    double tabRate = (double) tabTop1 / tabTotal;
    System.out.printf("typo top-1: columns %d/%d = %.4f, tables %d/%d = %.4f%n", colTop1, colTotal,
        colRate, tabTop1, tabTotal, tabRate);
    misses.forEach(x -> System.out.println("  miss: " + x));
    assertThat(colRate).isGreaterThanOrEqualTo(0.95);
    assertThat(tabRate).isGreaterThanOrEqualTo(0.95);
  }
}
