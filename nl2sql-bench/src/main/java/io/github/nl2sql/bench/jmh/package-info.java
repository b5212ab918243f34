/**
 * JMH benchmarks of the guard/validator and the compiler on representative Spider queries. Run with
 * {@code java -cp nl2sql-bench/target/nl2sql-bench.jar org.openjdk.jmh.Main ValidateBenchmark}
 * (or {@code CompileBenchmark}); they need no data files (the schema is built in memory).
 *
 * <p>Internal tooling, not API.
 */
package io.github.nl2sql.bench.jmh;
