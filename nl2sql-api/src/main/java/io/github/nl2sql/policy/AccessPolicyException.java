package io.github.nl2sql.policy;

import io.github.nl2sql.Nl2SqlException;

/**
 * An access policy file could not be read or is malformed. The message names the file, the key and what
 * is allowed, e.g. {@code Access policy /etc/app/policy.properties: 'maxRows' must be a whole number
 * from 1 to 9223372036854775807, got 'ten'}.
 */
public class AccessPolicyException extends Nl2SqlException {
  private static final long serialVersionUID = 1L;

  /** Where the policy came from (a file path, or a description). */
  private final String source;
  /** The offending key, or {@code null} when the whole file is at fault. */
  private final String key;

  /**
   * @param source where the policy came from
   * @param key the offending key, or {@code null}
   * @param problem what is wrong, without the source
   * @param cause the underlying failure, or {@code null}
   */
  public AccessPolicyException(String source, String key, String problem, Throwable cause) {
    super("Access policy " + source + ": " + problem, cause);
    this.source = source;
    this.key = key;
  }

  /** Where the policy came from: a file path, or a description. */
  public String source() {
    return source;
  }

  /** The offending key, or {@code null} when the file as a whole could not be read. */
  public String key() {
    return key;
  }
}
