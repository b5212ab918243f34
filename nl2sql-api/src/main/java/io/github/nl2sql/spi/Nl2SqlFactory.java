package io.github.nl2sql.spi;

import io.github.nl2sql.Nl2Sql;
import io.github.nl2sql.Nl2SqlConfig;

/**
 * Creates {@link Nl2Sql} instances; found with {@link java.util.ServiceLoader}. nl2sql-core provides
 * the implementation. Not meant to be implemented by applications.
 */
public interface Nl2SqlFactory {
  /** Creates an instance for the given configuration. */
  Nl2Sql create(Nl2SqlConfig config);
}
