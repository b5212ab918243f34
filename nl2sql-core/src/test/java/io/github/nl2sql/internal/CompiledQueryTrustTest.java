package io.github.nl2sql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.InvalidQueryException;
import io.github.nl2sql.Nl2Sql;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.internal.sql.SqlImporter;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code execute(CompiledQuery)} runs only SQL compiled from valid IR: a compiled query whose SQL was
 * swapped for something else is refused before anything reaches the database, while an equal copy of
 * a genuine compilation (deserialized, or built by hand) runs.
 */
class CompiledQueryTrustTest {
  @TempDir static Path tmp;

  static Stream<Arguments> databases() {
    return TestDatabases.all(tmp, true);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void swappedSqlIsRefusedAndAnEqualCopyRuns(Dialect dialect, DataSource ds) {
    TestDatabases.run(ds, "DROP TABLE IF EXISTS trust_items;\n"
        + "CREATE TABLE trust_items (id INT PRIMARY KEY, name VARCHAR(20));\n"
        + "INSERT INTO trust_items VALUES (1, 'a'), (2, 'b');\n");
    try (Nl2Sql nl2sql = Nl2Sql.builder(ds).build()) {
      CompiledQuery genuine = nl2sql.compile(
          nl2sql.validate("SELECT name FROM trust_items WHERE id = 1").orThrow());

      Statement ir = genuine.statement();
      CompiledQuery forged = new CompiledQuery("DELETE FROM trust_items", List.of(), dialect, ir);
      assertThatThrownBy(() -> nl2sql.execute(forged))
          .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.diagnostics())
              .anySatisfy(d -> assertThat(d.code()).isEqualTo(DiagnosticCode.FOREIGN_COMPILED_QUERY)));
      CompiledQuery otherValues = new CompiledQuery(genuine.sql(), List.of(2L, 1000L), dialect, ir);
      assertThatThrownBy(() -> nl2sql.stream(otherValues)).isInstanceOf(InvalidQueryException.class);
      assertThat(nl2sql.execute("SELECT count(*) FROM trust_items").rows().get(0).get(0).toString())
          .isEqualTo("2");

      // a copy equal to what this instance compiles (e.g. read back from JSON) runs
      CompiledQuery copy = new CompiledQuery(genuine.sql(), genuine.parameters(), dialect, ir);
      assertThat(nl2sql.execute(copy).rows()).extracting(r -> r.get(0)).containsExactly("a");
      // and so does one compiled by another instance over the same schema
      try (Nl2Sql other = Nl2Sql.builder(ds).build()) {
        assertThat(other.execute(genuine).rows()).hasSize(1);
      }
      // IR that does not validate is refused as such
      Statement bad = new SqlImporter(dialect).importSql("SELECT nam FROM trust_items", null).statement();
      CompiledQuery unvalidated = new CompiledQuery("SELECT nam FROM trust_items", List.of(), dialect, bad);
      assertThatThrownBy(() -> nl2sql.execute(unvalidated))
          .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.diagnostics())
              .anySatisfy(d -> assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_COLUMN)));
    } finally {
      TestDatabases.run(ds, "DROP TABLE IF EXISTS trust_items;\n");
    }
  }
}
