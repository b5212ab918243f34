package io.github.nl2sql.gnn;

import io.github.nl2sql.link.SchemaLinker;
import io.github.nl2sql.spi.SchemaLinkerProvider;
import java.util.function.Supplier;

/**
 * nl2sql-gnn's linkers, registered for {@link java.util.ServiceLoader} so that putting this module on the
 * class path is enough: {@code synonyms} (priority 30) becomes the linker {@code Nl2Sql.ask} and the JDBC
 * driver use when none is chosen, because it is the one measured to make the offline planner answer more
 * questions at the same precision; {@code fused} (20) and {@code embedding} (10) are there by name. Each
 * linker is made once, on first use, and shared (they are thread-safe and cache per catalog).
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

  /** {@link SynonymLinker} over the lexical linker, with its default thresholds. */
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
    static final SynonymLinker LINKER = new SynonymLinker();
  }

  private static final class FusedHolder {
    static final FusedLinker LINKER = new FusedLinker();
  }

  private static final class EmbeddingHolder {
    static final EmbeddingLinker LINKER = new EmbeddingLinker();
  }
}
