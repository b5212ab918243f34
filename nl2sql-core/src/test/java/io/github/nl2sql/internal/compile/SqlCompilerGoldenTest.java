package io.github.nl2sql.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Golden files: the SQL and bind values of every {@link Cases} query per dialect, in
 * {@code src/test/resources/golden/compile/<dialect>.txt}. On a mismatch the actual output is written to
 * {@code target/golden/compile/<dialect>.txt} so that {@code diff} of the two files shows the change;
 * when a change is intended, copy the actual file over the expected one.
 */
class SqlCompilerGoldenTest {

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void everyCase_matchesTheGoldenFile(Dialect d) throws IOException {
    StringBuilder actual = new StringBuilder();
    SqlCompiler compiler = new SqlCompiler(d);
    for (Cases.Case c : Cases.all()) {
      actual.append("-- ").append(c.name()).append('\n');
      try {
        CompiledQuery q = compiler.compile(c.ir().apply(n -> n), 100);
        actual.append(q.sql()).append('\n').append("-- binds: ").append(q.parameters()).append("\n\n");
      } catch (IllegalArgumentException e) {
        actual.append("-- rejected: ").append(e.getMessage()).append("\n\n");
      }
    }
    String file = d.name().toLowerCase(Locale.ROOT) + ".txt";
    Path expectedFile = Path.of("src/test/resources/golden/compile", file);
    String expected = Files.exists(expectedFile) ? Files.readString(expectedFile, StandardCharsets.UTF_8) : "";
    if (!expected.equals(actual.toString())) {
      Path actualFile = Path.of("target/golden/compile", file);
      Files.createDirectories(actualFile.getParent());
      Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
      assertThat(actual.toString()).as("golden SQL for " + d + " differs; see: diff " + expectedFile + " "
          + actualFile).isEqualTo(expected);
    }
  }
}
