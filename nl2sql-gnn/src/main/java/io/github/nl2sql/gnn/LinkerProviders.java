package io.github.nl2sql.gnn;

import io.github.nl2sql.link.SchemaLinker;
import io.github.nl2sql.spi.SchemaLinkerProvider;
import java.util.function.Supplier;

/**
 * nl2sql-gnn's linkers, registered for {@link java.util.ServiceLoader} so that putting this module on the
 * class path is enough: {@code synonyms} (priority 30, the {@link SynonymLinker} over the {@link FusedLinker})
 * becomes the linker {@code Nl2Sql.ask}, the JDBC driver and the bench use when none is chosen; {@code
 * fused} (20, the fused linker alone) and {@code embedding} (10) are there by name. Why that default: on the
 * validation split its selection holds every table a question needs for 96% of questions (the lexical
 * linker's 85%), so a language model is shown the right tables, and the offline planner answers 5 more
 * questions in Spider's wording and 41 more in Spider-Syn's than with the lexical linker, the same answers
 * as the synonym linker over the lexical one; it costs about 4 ms a question (JMH {@code LinkBenchmark},
 * its own database) and a second or two to load the models once. Each linker is made once, on first use, and shared (they are thread-safe and cache per
 * catalog).
 */
public final class LinkerProviders {
  private LinkerProviders() {}

  /** A name, a priority and where the shared linker comes from. */
  private abstract static class Provider implements SchemaLinkerProvider {
    private final String name;
    private final int priority;
    private final Supplier<SchemaLinker> linker;

    Provider(String name, int priority, Supplier<SchemaLinker> linker) {
      this.name = name;
      this.priority = priority;
      this.linker = linker;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int priority() {
      return priority;
    }

    @Override
    public SchemaLinker linker() {
      return linker.get();
    }
  }

  /**
   * {@link SynonymLinker} over a default {@link FusedLinker}, with its default thresholds: the fused ranking
   * and selection (what a model is shown), with the tables and columns that question words name by another
   * word raised, and those words for the offline planner.
   */
  public static final class Synonyms extends Provider {
    /** Used by {@link java.util.ServiceLoader}. */
    public Synonyms() {
      super("synonyms", 30, () -> SynonymsHolder.LINKER);
    }
  }

  /** {@link FusedLinker} with the default weights and the bundled GNN and join models. */
  public static final class Fused extends Provider {
    /** Used by {@link java.util.ServiceLoader}. */
    public Fused() {
      super("fused", 20, () -> FusedHolder.LINKER);
    }
  }

  /** {@link EmbeddingLinker}: MiniLM cosine ranking alone. */
  public static final class Embedding extends Provider {
    /** Used by {@link java.util.ServiceLoader}. */
    public Embedding() {
      super("embedding", 10, () -> EmbeddingHolder.LINKER);
    }
  }

  // (holders: each linker is made when its provider is first asked for it, not when the class path is
  // scanned; the fused one loads the ONNX models)
  private static final class SynonymsHolder {
    static final SynonymLinker LINKER = new SynonymLinker(new FusedLinker(), SynonymLinker.DEFAULT_MIN_SIMILARITY,
        SynonymLinker.DEFAULT_MIN_MARGIN);
  }

  private static final class FusedHolder {
    static final FusedLinker LINKER = new FusedLinker();
  }

  private static final class EmbeddingHolder {
    static final EmbeddingLinker LINKER = new EmbeddingLinker();
  }
}
