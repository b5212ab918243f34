package io.github.nl2sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** HikariCP both ways: a pool in front of the wrapped driver, and {@link Nl2SqlDataSource} over a pool. */
class HikariTest {
  @TempDir static Path tmp;

  static Stream<Arguments> databases() {
    return Dbs.all(tmp).map(a -> Arguments.of(a[0], a[1]));
  }

  private static void roundTrip(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(20))");
      try {
        s.executeUpdate("INSERT INTO " + table + " VALUES (1, 'tea')");
        try (ResultSet rs = s.executeQuery("SELECT name FROM " + table)) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("tea");
        }
        // a question fails cleanly (no planner yet) and the pooled connection stays usable
        assertThatThrownBy(() -> s.executeQuery("-- nl: how many rows?"))
            .isInstanceOf(QuestionFailedException.class);
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(1);
        }
      } finally {
        s.executeUpdate("DROP TABLE " + table);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void hikariInFrontOfTheWrappedDriver(String name, String url) throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setDriverClassName(Nl2SqlDriver.class.getName());
    config.setJdbcUrl("jdbc:nl2sql:" + Dbs.with(url, "nl2sql.rowLimit=500"));
    config.setMaximumPoolSize(2);
    config.setPoolName("nl2sql-" + name);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      try (Connection c = pool.getConnection()) {
        Nl2SqlConnection n = c.unwrap(Nl2SqlConnection.class);
        assertThat(n.setting(Nl2SqlProperty.ROW_LIMIT)).isEqualTo("500");
        roundTrip(c, Dbs.unique("hk_front"));
      }
      assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void nl2sqlDataSourceOverAHikariPool(String name, String url) throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:" + url);
    config.setMaximumPoolSize(2);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      Nl2SqlDataSource ds = Nl2SqlDataSource.wrap(pool, Map.of("nl2sql.timeout", "5"));
      assertThat(ds.unwrap(HikariDataSource.class)).isSameAs(pool);
      assertThat(ds.setting(Nl2SqlProperty.TIMEOUT)).isEqualTo("5");
      for (int i = 0; i < 3; i++) {
        try (Connection c = ds.getConnection()) {
          assertThat(c).isInstanceOf(Nl2SqlConnection.class);
          assertThat(c.unwrap(com.zaxxer.hikari.pool.HikariProxyConnection.class)).isNotNull();
          if (i == 0) {
            roundTrip(c, Dbs.unique("hk_over"));
          }
          assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isEqualTo(1);
        }
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
      }
    }
  }
}
