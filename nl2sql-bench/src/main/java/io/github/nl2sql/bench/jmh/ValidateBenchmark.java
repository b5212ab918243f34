package io.github.nl2sql.bench.jmh;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.ValidationResult;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.internal.validate.Guard;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Guard.check(sql)} (parse, import, guard, validate with suggestions) on Spider queries of
 * growing complexity; the catalog and the guard are built once per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ValidateBenchmark {
  /** Which query of {@link BenchFixtures#QUERIES}. */
  @Param({"simple", "join", "group", "subquery", "setop", "misspelled"})
  public String query;

  private Guard guard;
  private String sql;

  /** Builds the catalog and the guard, and checks the query once so a broken setup fails early. */
  @Setup
  public void setUp() {
    Catalog catalog = BenchFixtures.catalog();
    guard = new Guard(catalog, Dialect.SQLITE, false);
    sql = BenchFixtures.QUERIES.get(query);
    boolean valid = guard.check(sql).isValid();
    if (valid == query.equals("misspelled")) {
      throw new IllegalStateException("unexpected verdict for " + query + ": valid=" + valid);
    }
  }

  /** One full check of the SQL text. */
  @Benchmark
  public ValidationResult check() {
    return guard.check(sql);
  }
}
