package io.github.nl2sql.gnn.jmh;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.gnn.FusedLinker;
import io.github.nl2sql.gnn.SynonymLinker;
import io.github.nl2sql.gnn.eval.SpiderSet;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.link.Linking;
import io.github.nl2sql.link.SchemaLinker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Linking latency with the schema's embeddings cached, of the fused linker (lexical + value + embedding +
 * GNN), of the {@link SynonymLinker} over the lexical one, and of the default linker with this module on
 * the class path (the synonym linker over the fused one): one Spider database, and one catalog merged
 * from all spider-train databases. Questions cycle
 * through the validation questions. Needs the Spider data ($NL2SQL_SPIDER_DIR or ../shared/data/spider-train).
 *
 * <p>Run: {@code java -cp <test classpath> org.openjdk.jmh.Main LinkBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class LinkBenchmark {
  /** {@code database} (each question against its own database) or {@code merged} (all databases). */
  @Param({"database", "merged"})
  public String mode;

  /**
   * {@code fused} ({@link FusedLinker}), {@code synonyms-over-lexical} ({@link SynonymLinker} over the
   * lexical linker) or {@code default} ({@link io.github.nl2sql.link.SchemaLinkers#preferred()}).
   */
  @Param({"fused", "synonyms-over-lexical", "default"})
  public String linkerName;

  private SchemaLinker linker;
  private final List<String> questions = new ArrayList<>();
  private final List<Catalog> catalogs = new ArrayList<>();
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    linker = switch (linkerName) {
      case "fused" -> new FusedLinker();
      case "synonyms-over-lexical" -> new SynonymLinker();
      case "default" -> io.github.nl2sql.link.SchemaLinkers.preferred();
      default -> throw new IllegalArgumentException("linkerName: fused, synonyms-over-lexical or default");
    };
    Path dir = spiderDir();
    SpiderSet set = new SpiderSet(dir);
    var validation = SpiderSet.split().get("validation");
    Catalog merged = mode.equals("merged") ? set.merged(allDatabases(dir)) : null;
    for (SpiderSet.Item i : SpiderSet.readQuestions(dir.resolve("train_spider.json"), "question")) {
      if (validation.contains(i.dbId()) && set.catalog(i.dbId()).isPresent() && questions.size() < 300) {
        questions.add(i.question());
        catalogs.add(merged != null ? merged : set.catalog(i.dbId()).get());
      }
    }
    // embed every schema once: the benchmark measures per-question work with cached schema embeddings
    for (int k = 0; k < questions.size(); k++) {
      linker.link(questions.get(k), catalogs.get(k), LinkOptions.defaults());
    }
  }

  @Benchmark
  public Linking link() {
    int k = next++ % questions.size();
    return linker.link(questions.get(k), catalogs.get(k), LinkOptions.defaults());
  }

  private static List<String> allDatabases(Path dir) throws Exception {
    try (var s = Files.list(dir.resolve("database"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Path spiderDir() {
    String env = System.getenv("NL2SQL_SPIDER_DIR");
    if (env != null) {
      return Path.of(env);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("../shared/data/spider-train").normalize();
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("Spider data not found: set NL2SQL_SPIDER_DIR");
  }
}
