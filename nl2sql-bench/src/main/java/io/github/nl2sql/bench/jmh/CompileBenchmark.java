package io.github.nl2sql.bench.jmh;

import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.internal.compile.SqlCompiler;
import io.github.nl2sql.internal.sql.ImportResult;
import io.github.nl2sql.internal.sql.SqlImporter;
import io.github.nl2sql.ir.Statement;
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
 * {@code SqlCompiler.compile(ir, 0)} (IR -> jOOQ tree -> SQL text and bind values) on the IR of Spider
 * queries of growing complexity, imported once per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompileBenchmark {
  /** Which query of {@link BenchFixtures#QUERIES} (the valid ones). */
  @Param({"simple", "join", "group", "subquery", "setop"})
  public String query;

  /** Target dialect. */
  @Param({"SQLITE", "POSTGRES"})
  public String dialect;

  private SqlCompiler compiler;
  private Statement statement;

  /** Imports the query to IR and builds the compiler. */
  @Setup
  public void setUp() {
    ImportResult ir = new SqlImporter(Dialect.SQLITE).importSql(BenchFixtures.QUERIES.get(query),
        BenchFixtures.catalog());
    if (!ir.ok()) {
      throw new IllegalStateException("cannot import " + query + ": " + ir.diagnostics());
    }
    statement = ir.statement();
    compiler = new SqlCompiler(Dialect.valueOf(dialect));
  }

  /** One compilation. */
  @Benchmark
  public CompiledQuery compile() {
    return compiler.compile(statement, 0);
  }
}
