package io.github.nl2sql;

/** Thrown when a database's catalog cannot be read, or a snapshot cannot be loaded or written. */
public class CatalogException extends Nl2SqlException {
  private static final long serialVersionUID = 1L;

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }

  public CatalogException(String message) {
    super(message);
  }
}
