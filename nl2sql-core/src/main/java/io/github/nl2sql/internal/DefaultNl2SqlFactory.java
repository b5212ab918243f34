package io.github.nl2sql.internal;

import io.github.nl2sql.Nl2Sql;
import io.github.nl2sql.Nl2SqlConfig;
import io.github.nl2sql.spi.Nl2SqlFactory;

/** Registered through {@code META-INF/services}; creates {@link DefaultNl2Sql}. */
public final class DefaultNl2SqlFactory implements Nl2SqlFactory {
  /** Used by {@link java.util.ServiceLoader}. */
  public DefaultNl2SqlFactory() {}

  @Override
  public Nl2Sql create(Nl2SqlConfig config) {
    return new DefaultNl2Sql(config);
  }
}
