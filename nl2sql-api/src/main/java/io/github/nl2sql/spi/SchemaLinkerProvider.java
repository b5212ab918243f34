package io.github.nl2sql.spi;

import io.github.nl2sql.link.SchemaLinker;

/**
 * Supplies a {@link SchemaLinker} under a name; found with {@link java.util.ServiceLoader} by
 * {@link io.github.nl2sql.link.SchemaLinkers}. nl2sql-core provides {@code lexical}; nl2sql-gnn adds
 * {@code synonyms}, {@code fused} and {@code embedding}. Putting a module on the class path is all it
 * takes: when the caller chooses no linker, the provider with the highest {@link #priority()} is used.
 *
 * <p>An application registers its own provider in
 * {@code META-INF/services/io.github.nl2sql.spi.SchemaLinkerProvider}; the class must be public with a
 * public no-argument constructor.
 */
public interface SchemaLinkerProvider {
  /**
   * The name the linker is chosen by ({@code nl2sql.link.linker=NAME} in the JDBC driver, {@code --linker
   * NAME} in the bench): lower-case letters, digits and {@code -}, unique on the class path.
   */
  String name();

  /**
   * The rank among providers when nobody chose one: the highest wins, ties go to the first name in
   * alphabetical order. nl2sql-core's lexical linker is {@code 0}; nl2sql-gnn's synonym linker
   * {@code 30}.
   */
  int priority();

  /**
   * The linker. Called only when this provider is chosen; it may load models, and it may return the same
   * thread-safe instance every time (linkers cache per catalog fingerprint, so sharing one is cheaper).
   */
  SchemaLinker linker();
}
