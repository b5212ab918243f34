package io.github.nl2sql.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared Spider training data: {@code $NL2SQL_SPIDER_DIR} when set, else {@code
 * ../shared/data/spider-train} next to the repository (searched upwards from the working directory).
 * Tests that need it call {@link #requireDir()}, which skips them with a message saying how to provide
 * the data when it is absent.
 */
public final class SpiderData {
  public static final String ENV = "NL2SQL_SPIDER_DIR";

  private SpiderData() {}

  /** The spider-train folder, if present. */
  public static Optional<Path> dir() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env);
      return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path p = d.resolve("shared").resolve("data").resolve("spider-train");
      if (Files.isRegularFile(p.resolve("tables.json"))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The spider-train folder; skips the calling test (with the reason) when it is absent. */
  public static Path requireDir() {
    Optional<Path> d = dir();
    Assumptions.assumeTrue(d.isPresent(), "Spider training data not found: set " + ENV
        + " or put shared/data/spider-train beside the repository (see shared/data/README.md)");
    return d.get();
  }

  /** The SQLite file of {@code dbId}. */
  public static Path database(Path spiderDir, String dbId) {
    return spiderDir.resolve("database").resolve(dbId).resolve(dbId + ".sqlite");
  }
}
