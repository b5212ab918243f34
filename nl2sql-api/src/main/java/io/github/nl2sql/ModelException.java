package io.github.nl2sql;

/**
 * Thrown by {@link Nl2Sql#ask(String)} when the configured language model cannot be reached or fails:
 * a timeout, an HTTP error status, a refused connection, a rejected API key. A model that answers with
 * something unusable (malformed JSON, invalid SQL) does not throw: that draft is rejected and the
 * question is regenerated or blocked.
 */
public class ModelException extends Nl2SqlException {
  private static final long serialVersionUID = 1L;

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why the call failed, not null
   * @param message what happened, including the provider and model name but never an API key
   * @param cause the provider client's exception, or {@code null}
   */
  public ModelException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = java.util.Objects.requireNonNull(reason, "reason");
  }

  /** Why the call failed. */
  public Reason reason() {
    return reason;
  }

  /** Why a model call failed. */
  public enum Reason {
    /** No answer within the configured timeout. */
    TIMEOUT,
    /** The endpoint answered with an HTTP error status (4xx other than authentication, 5xx). */
    HTTP_ERROR,
    /** The API key was missing or refused. */
    AUTHENTICATION,
    /** The endpoint could not be reached. */
    CONNECTION,
    /** Anything else the provider client reported. */
    OTHER
  }
}
