package io.github.nl2sql.internal.link;

import io.github.nl2sql.link.SchemaLinker;
import io.github.nl2sql.spi.SchemaLinkerProvider;

/**
 * Provides {@link LexicalLinker} as {@code lexical}, priority {@code 0}: the linker used when nothing
 * better is on the class path. One instance is shared, so its per-catalog index is built once.
 */
public final class LexicalLinkerProvider implements SchemaLinkerProvider {
  /** The provider's name. */
  public static final String NAME = "lexical";

  private static final LexicalLinker SHARED = new LexicalLinker();

  /** Used by {@link java.util.ServiceLoader}. */
  public LexicalLinkerProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 0;
  }

  @Override
  public SchemaLinker linker() {
    return SHARED;
  }
}
