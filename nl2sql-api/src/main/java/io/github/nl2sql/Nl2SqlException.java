package io.github.nl2sql;

/**
 * Base of the library's own unchecked exceptions. Misuse of the API (bad arguments, wrong state) is
 * reported with the JDK's {@link IllegalArgumentException} and {@link IllegalStateException} instead.
 */
public class Nl2SqlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Nl2SqlException(String message) {
    super(message);
  }

  public Nl2SqlException(String message, Throwable cause) {
    super(message, cause);
  }
}
