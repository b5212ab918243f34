package io.github.nl2sql.gnn;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.gnn.eval.GoldElements;
import io.github.nl2sql.gnn.eval.SpiderSet;
import org.junit.jupiter.api.Test;

class GoldElementsTest {
  private final Catalog catalog = Schemas.concerts("fp-gold");

  @Test
  void aliasesResolveToTheirTablesAndUnqualifiedColumnsToTheTableThatHasThem() {
    GoldElements g = SpiderSet.gold("SELECT T1.Name FROM singer AS T1 JOIN singer_in_concert AS T2 "
        + "ON T1.Singer_ID = T2.Singer_ID WHERE Age > 30", catalog);
    assertThat(g.tables()).containsExactly("singer", "singer_in_concert");
    assertThat(g.columns()).containsExactlyInAnyOrder("singer.Name", "singer.Singer_ID",
        "singer_in_concert.Singer_ID", "singer.Age");
  }

  @Test
  void subqueriesAndCountStarContributeTheirOwnTables() {
    GoldElements g = SpiderSet.gold("SELECT count(*) FROM concert WHERE Stadium_ID IN "
        + "(SELECT Stadium_ID FROM stadium WHERE Capacity > 1000)", catalog);
    assertThat(g.tables()).containsExactly("concert", "stadium");
    assertThat(g.columns()).containsExactlyInAnyOrder("concert.Stadium_ID", "stadium.Stadium_ID", "stadium.Capacity");
  }

  @Test
  void setOperationsCollectBothSides() {
    GoldElements g = SpiderSet.gold("SELECT Name FROM singer WHERE Age > 40 UNION SELECT Name FROM stadium", catalog);
    assertThat(g.tables()).containsExactly("singer", "stadium");
    assertThat(g.columns()).containsExactly("singer.Name", "singer.Age", "stadium.Name");
  }
}
