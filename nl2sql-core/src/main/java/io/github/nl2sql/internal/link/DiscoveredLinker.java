package io.github.nl2sql.internal.link;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.link.Linking;
import io.github.nl2sql.link.SchemaLinker;
import io.github.nl2sql.link.SchemaLinkers;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The linker a facade uses when its caller chose none: the preferred one on the class path
 * ({@link SchemaLinkers#preferred()}), which falls back to the lexical linker, for good, the first time it
 * fails for a reason other than a bad question (a model that cannot load on this platform, for example).
 * Adding a module to the class path makes answers better, never makes asking fail. Thread-safe.
 */
public final class DiscoveredLinker implements SchemaLinker {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveredLinker.class);

  private final String name;
  private final SchemaLinker preferred;
  private final SchemaLinker fallback;
  private volatile boolean failed;

  DiscoveredLinker(String name, SchemaLinker preferred, SchemaLinker fallback) {
    this.name = Objects.requireNonNull(name, "name");
    this.preferred = Objects.requireNonNull(preferred, "preferred");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  /**
   * The preferred linker on the class path: itself when it is the lexical one, otherwise wrapped so that
   * it falls back to the lexical linker; the lexical linker, with a warning, when the preferred one cannot
   * even be made.
   *
   * @throws IllegalStateException when a provider on the class path cannot be loaded
   */
  public static SchemaLinker create() {
    String name = SchemaLinkers.preferredName();
    return create(name, () -> SchemaLinkers.named(name));
  }

  static SchemaLinker create(String name, Supplier<SchemaLinker> preferred) {
    SchemaLinker lexical = new LexicalLinkerProvider().linker();
    if (name.equals(LexicalLinkerProvider.NAME)) {
      return lexical;
    }
    try {
      return new DiscoveredLinker(name, preferred.get(), lexical);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("Schema linker '{}' cannot be made, so questions are linked by the lexical linker; choose a "
          + "linker with Nl2Sql.Builder.schemaLinker to silence this", name, e);
      return lexical;
    }
  }

  /** The preferred linker's name ({@code synonyms} with nl2sql-gnn on the class path). */
  public String name() {
    return name;
  }

  /** Whether the preferred linker failed and the lexical one is used instead. */
  public boolean fellBack() {
    return failed;
  }

  @Override
  public Linking link(String question, Catalog catalog, LinkOptions options) {
    if (!failed) {
      try {
        return preferred.link(question, catalog, options);
      } catch (IllegalArgumentException e) {
        throw e;
      } catch (RuntimeException | LinkageError e) {
        failed = true;
        LOG.warn("Schema linker '{}' ({}) failed, so questions are linked by the lexical linker from now on;"
            + " choose a linker with Nl2Sql.Builder.schemaLinker to silence this", name,
            preferred.getClass().getName(), e);
      }
    }
    return fallback.link(question, catalog, options);
  }

  @Override
  public String toString() {
    return "DiscoveredLinker[" + name + (failed ? ", fell back to lexical]" : "]");
  }
}
