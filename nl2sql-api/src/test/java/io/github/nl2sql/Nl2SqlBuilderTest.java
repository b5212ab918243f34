package io.github.nl2sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class Nl2SqlBuilderTest {
  /** The builder never touches the data source, so an inert one is enough here. */
  private static final DataSource NO_DB = new DataSource() {
    @Override public Connection getConnection() { throw new UnsupportedOperationException(); }
    @Override public Connection getConnection(String u, String p) { throw new UnsupportedOperationException(); }
    @Override public PrintWriter getLogWriter() { return null; }
    @Override public void setLogWriter(PrintWriter out) {}
    @Override public void setLoginTimeout(int seconds) {}
    @Override public int getLoginTimeout() { return 0; }
    @Override public Logger getParentLogger() { return Logger.getGlobal(); }
    @Override public <T> T unwrap(Class<T> iface) { throw new UnsupportedOperationException(); }
    @Override public boolean isWrapperFor(Class<?> iface) { return false; }
  };

  @Test
  void defaults_areDocumentedValues() {
    Nl2SqlConfig c = Nl2Sql.builder(NO_DB).toConfig();
    assertThat(c.defaultLimit()).isEqualTo(1000);
    assertThat(c.maxRows()).isEqualTo(10_000);
    assertThat(c.queryTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.statistics()).isTrue();
    assertThat(c.allowWrites()).isFalse();
    assertThat(c.dialect()).isNull();
    assertThat(c.snapshotDirectory()).isNull();
  }

  @Test
  void settingAnOptionTwice_throwsNamingTheOption() {
    assertThatThrownBy(() -> Nl2Sql.builder(NO_DB).maxRows(5).maxRows(6))
        .isInstanceOf(IllegalStateException.class).hasMessage("maxRows was already set");
    assertThatThrownBy(() -> Nl2Sql.builder(NO_DB).dialect(Dialect.H2).dialect(Dialect.H2))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("dialect");
    assertThatThrownBy(() -> Nl2Sql.builder(NO_DB).snapshotDirectory(Path.of("a")).snapshotDirectory(Path.of("b")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("snapshotDirectory");
  }

  @Test
  void invalidValues_throwNamingTheOption() {
    assertThatThrownBy(() -> Nl2Sql.builder(NO_DB).maxRows(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRows");
    assertThatThrownBy(() -> Nl2Sql.builder(NO_DB).defaultLimit(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultLimit");
    assertThatThrownBy(() -> Nl2Sql.builder(NO_DB).queryTimeout(Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queryTimeout");
    assertThatThrownBy(() -> Nl2Sql.builder(NO_DB).schema(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema");
    assertThatThrownBy(() -> Nl2Sql.builder(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("dataSource");
  }

  @Test
  void build_withoutAnImplementationOnTheClassPath_saysWhatToAdd() {
    Nl2Sql.Builder b = Nl2Sql.builder(NO_DB);
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nl2sql-core");
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already called");
  }

  @Test
  void dialect_detectedFromProductNamesAndUrls() {
    assertThat(Dialect.detect("MariaDB")).isEqualTo(Dialect.MARIADB);
    assertThat(Dialect.detect("MySQL")).isEqualTo(Dialect.MYSQL);
    assertThat(Dialect.detect("PostgreSQL")).isEqualTo(Dialect.POSTGRES);
    assertThat(Dialect.detect("SQLite")).isEqualTo(Dialect.SQLITE);
    assertThat(Dialect.detect("H2")).isEqualTo(Dialect.H2);
    assertThat(Dialect.detect("jdbc:h2:mem:x")).isEqualTo(Dialect.H2);
    assertThatThrownBy(() -> Dialect.detect("Oracle")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("supported: MySQL, MariaDB, PostgreSQL, SQLite, H2");
  }

  @Test
  void clock_defaultsToTheSystemClock_andIsSetOnce() {
    assertThat(Nl2Sql.builder(NO_DB).toConfig().ask().clock()).isEqualTo(java.time.Clock.systemDefaultZone());
    java.time.Clock fixed = java.time.Clock.fixed(java.time.Instant.parse("2026-01-15T00:00:00Z"),
        java.time.ZoneOffset.UTC);
    assertThat(Nl2Sql.builder(NO_DB).clock(fixed).toConfig().ask().clock()).isSameAs(fixed);
    assertThatThrownBy(() -> Nl2Sql.builder(NO_DB).clock(fixed).clock(fixed))
        .isInstanceOf(IllegalStateException.class).hasMessage("clock was already set");
    assertThatThrownBy(() -> Nl2Sql.builder(NO_DB).clock(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void askOptions_defaultsAndConflicts() {
    Nl2SqlConfig c = Nl2Sql.builder(NO_DB).toConfig();
    assertThat(c.ask()).isEqualTo(AskOptions.defaults());
    assertThat(c.ask().hasModel()).isFalse();
    ModelSettings m = ModelSettings.parse("openai:http://localhost:1/v1:m", null);
    io.github.nl2sql.plan.Planner p = new io.github.nl2sql.plan.Planner() {
      @Override public String name() { return "custom"; }
      @Override public io.github.nl2sql.plan.Plan plan(io.github.nl2sql.plan.PlanRequest r) {
        return new io.github.nl2sql.plan.Plan.Abstain("no");
      }
    };
    assertThatThrownBy(() -> Nl2Sql.builder(NO_DB).model(m).planner(p))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("planner cannot be combined with model");
    assertThatThrownBy(() -> Nl2Sql.builder(NO_DB).repair(true).repair(false))
        .isInstanceOf(IllegalStateException.class).hasMessage("repair was already set");
    assertThatThrownBy(() -> Nl2Sql.builder(NO_DB).maxRegenerationRounds(11))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRegenerationRounds");
    assertThatThrownBy(() -> Nl2Sql.builder(NO_DB).confidenceThreshold(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidenceThreshold");
    Nl2SqlConfig d = Nl2Sql.builder(NO_DB).model(m).maxRegenerationRounds(1).confidenceThreshold(0.8).toConfig();
    assertThat(d.ask().model()).isEqualTo(m);
    assertThat(d.ask().maxRegenerationRounds()).isEqualTo(1);
  }

  @Test
  void linkOptions_defaultToLinkOptionsDefaults_areSetOnce_andCheckedWhenMade() {
    assertThat(Nl2Sql.builder(NO_DB).toConfig().ask().link()).isEqualTo(io.github.nl2sql.link.LinkOptions.defaults());
    io.github.nl2sql.link.LinkOptions small = new io.github.nl2sql.link.LinkOptions(
        java.util.EnumSet.allOf(io.github.nl2sql.link.Signal.class), 300, 2);
    assertThat(Nl2Sql.builder(NO_DB).linkOptions(small).toConfig().ask().link()).isSameAs(small);
    assertThatThrownBy(() -> Nl2Sql.builder(NO_DB).linkOptions(small).linkOptions(small))
        .isInstanceOf(IllegalStateException.class).hasMessage("linkOptions was already set");
    assertThatThrownBy(() -> Nl2Sql.builder(NO_DB).linkOptions(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("linkOptions");
    assertThatThrownBy(() -> new io.github.nl2sql.link.LinkOptions(java.util.Set.of(), 2000, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxTables");
    assertThatThrownBy(() -> new io.github.nl2sql.link.LinkOptions(java.util.Set.of(), 0, 8))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenBudget");
  }
}
