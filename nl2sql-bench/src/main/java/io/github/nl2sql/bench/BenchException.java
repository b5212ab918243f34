package io.github.nl2sql.bench;

/** A problem with the bench's input (arguments, files) that ends the run with a message. */
public class BenchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message for the user. */
  public BenchException(String message) {
    super(message);
  }

  /** With a message for the user and the cause. */
  public BenchException(String message, Throwable cause) {
    super(message, cause);
  }
}
