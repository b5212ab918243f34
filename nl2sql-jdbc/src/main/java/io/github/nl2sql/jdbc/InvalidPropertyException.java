package io.github.nl2sql.jdbc;

/**
 * An {@code nl2sql.*} setting is unknown or has a bad value. SQLState {@value #SQLSTATE} ("invalid
 * attribute value"). The message names the key and lists the valid keys or allowed values. Raised by
 * {@link Nl2SqlDriver#connect} and {@link Nl2SqlDataSource} before any connection is opened.
 */
public final class InvalidPropertyException extends Nl2SqlJdbcException {
  private static final long serialVersionUID = 1L;

  /** SQLState of this exception. */
  public static final String SQLSTATE = "HY024";

  private final String key;

  InvalidPropertyException(String message, String key) {
    this(message, key, null);
  }

  InvalidPropertyException(String message, String key, Throwable cause) {
    super(message, SQLSTATE, null, cause);
    this.key = key;
  }

  /** The offending key as given. */
  public String key() {
    return key;
  }
}
