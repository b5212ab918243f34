package io.github.nl2sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * {@code nl2sql.link.linker} chooses the schema linker behind {@code -- nl:} questions: with {@code synonyms}
 * (nl2sql-gnn's SynonymLinker, real MiniLM model), and by default because nl2sql-gnn is on this test class
 * path, a question in words the schema does not use is answered offline on a real H2 database; an unknown
 * name, or a class that is absent or no SchemaLinker, fails the question with an
 * {@link InvalidPropertyException} naming the property, and the connection stays usable.
 */
class LinkerPropertyTest {
  private static final String CARS = "-- nl: How many cars are there?";

  private static Connection connect(String linker) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:nl2sql:" + Dbs.h2()
        + (linker == null ? "" : ";nl2sql.link.linker=" + linker));
    try (Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE vehicles (vehicle_id INT PRIMARY KEY, make VARCHAR(20))");
      s.executeUpdate("CREATE TABLE drivers (driver_id INT PRIMARY KEY, name VARCHAR(20))");
      s.executeUpdate("INSERT INTO vehicles VALUES (1, 'Volvo'), (2, 'Fiat')");
    }
    return c;
  }

  /** Asks {@link #CARS} over a connection with {@code nl2sql.link.linker=linker} (none when null). */
  private static void assertAnswersCars(String linker) throws SQLException {
    try (Connection c = connect(linker); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(CARS)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(2);
    }
  }

  /** A plain query still runs on the connection after a failed question. */
  private static void assertStillUsable(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM vehicles")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(2);
    }
  }

  @Test
  void synonyms_answersInTheUsersWords() throws SQLException {
    assertAnswersCars("synonyms");
  }

  @Test
  void byDefault_theBestLinkerOnTheClassPath_answersInTheUsersWords() throws SQLException {
    assertAnswersCars(null);
    assertAnswersCars("auto");
  }

  @Test
  void anUnknownName_listsTheLinkersThereAre() throws SQLException {
    try (Connection c = connect("synonym"); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery(CARS)).isInstanceOf(InvalidPropertyException.class)
          .hasMessageContaining("'nl2sql.link.linker'").hasMessageContaining("No schema linker named 'synonym'")
          .hasMessageContaining("[synonyms, fused, embedding, lexical]");
      assertStillUsable(s);
    }
  }

  @Test
  void lexical_doesNotKnowTheWord() throws SQLException {
    try (Connection c = connect("lexical"); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery(CARS)).isInstanceOf(SQLException.class)
          .isNotInstanceOf(InvalidPropertyException.class);
    }
  }

  @Test
  void anAbsentOrWrongClass_isAClearError_andTheConnectionStaysUsable() throws SQLException {
    try (Connection c = connect("com.example.NoSuchLinker"); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery(CARS)).isInstanceOf(InvalidPropertyException.class)
          .hasMessageContaining("'nl2sql.link.linker'").hasMessageContaining("com.example.NoSuchLinker")
          .hasMessageContaining("not on the class path");
      assertStillUsable(s);
    }
    try (Connection c = connect("java.lang.String"); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery(CARS)).isInstanceOf(InvalidPropertyException.class)
          .hasMessageContaining("is not a io.github.nl2sql.link.SchemaLinker");
    }
  }
}
