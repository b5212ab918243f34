package io.github.nl2sql.jdbc;

import io.github.nl2sql.policy.AccessPolicy;
import io.github.nl2sql.policy.AccessPolicyException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The validated {@code nl2sql.*} settings of one connection target, with typed accessors. Immutable and
 * thread-safe. Internal.
 */
final class Settings {
  /** What the pass-through guard does. */
  enum GuardMode {
    OFF,
    WARN,
    BLOCK
  }

  private final Map<Nl2SqlProperty, String> values;
  /** The access policy read from {@code nl2sql.policy} when the settings were made; unrestricted without one. */
  private final AccessPolicy policy;

  private Settings(Map<Nl2SqlProperty, String> values, AccessPolicy policy) {
    this.values = Collections.unmodifiableMap(values);
    this.policy = policy;
  }

  /** The defaults only. */
  static Settings defaults() {
    return new Settings(new EnumMap<>(Nl2SqlProperty.class), AccessPolicy.unrestricted());
  }

  /**
   * Reads settings from the URL's {@code nl2sql.*} parameters and from {@code properties} (only its
   * {@code nl2sql.*} keys). A key given in both places must have the same value.
   *
   * @throws InvalidPropertyException for an unknown key, a bad value, a conflict, or settings that
   *     contradict each other
   */
  static Settings of(Map<String, String> fromUrl, Properties properties) throws InvalidPropertyException {
    Map<Nl2SqlProperty, String> values = new EnumMap<>(Nl2SqlProperty.class);
    for (Map.Entry<String, String> e : fromUrl.entrySet()) {
      Nl2SqlProperty p = Nl2SqlProperty.forKey(e.getKey());
      values.put(p, p.normalize(e.getValue()));
    }
    if (properties != null) {
      for (String key : properties.stringPropertyNames()) {
        if (!isOurs(key)) {
          continue;
        }
        Nl2SqlProperty p = Nl2SqlProperty.forKey(key);
        String v = p.normalize(properties.getProperty(key));
        String prior = values.get(p);
        if (prior != null && !prior.equals(v) && fromUrl.keySet().stream().anyMatch(p.key()::equalsIgnoreCase)) {
          throw new InvalidPropertyException("nl2sql property '" + p.key() + "' is set to '" + prior
              + "' in the URL and to '" + v + "' in the connection properties; set it in one place", key);
        }
        values.put(p, v);
      }
    }
    Settings s = new Settings(values, policy(values.get(Nl2SqlProperty.POLICY_FILE)));
    s.checkConsistent();
    return s;
  }

  /**
   * Reads the access policy file; every connection reads it anew, so a changed file applies to
   * connections opened after the change.
   */
  private static AccessPolicy policy(String path) throws InvalidPropertyException {
    if (path == null) {
      return AccessPolicy.unrestricted();
    }
    try {
      return AccessPolicy.load(Path.of(path));
    } catch (AccessPolicyException e) {
      throw new InvalidPropertyException("Invalid nl2sql property '" + Nl2SqlProperty.POLICY_FILE.key() + "': "
          + e.getMessage(), Nl2SqlProperty.POLICY_FILE.key(), e);
    }
  }

  /** Whether {@code key} is one of our keys (by prefix, case-insensitively). */
  static boolean isOurs(String key) {
    return key.regionMatches(true, 0, Nl2SqlProperty.KEY_PREFIX, 0, Nl2SqlProperty.KEY_PREFIX.length());
  }

  /** A copy of {@code properties} without our keys, for the real driver. */
  static Properties stripped(Properties properties) {
    Properties out = new Properties();
    if (properties != null) {
      for (String key : properties.stringPropertyNames()) {
        if (!isOurs(key)) {
          out.setProperty(key, properties.getProperty(key));
        }
      }
    }
    return out;
  }

  private void checkConsistent() throws InvalidPropertyException {
    boolean provider = !get(Nl2SqlProperty.MODEL_PROVIDER).equals("none");
    boolean url = isSet(Nl2SqlProperty.MODEL_BASE_URL);
    boolean name = isSet(Nl2SqlProperty.MODEL_NAME);
    if ((provider || url || name) && !(provider && url && name)) {
      throw new InvalidPropertyException("A model needs 'nl2sql.model.provider', 'nl2sql.model.baseUrl' and "
          + "'nl2sql.model.name' together; set all three or none", Nl2SqlProperty.MODEL_PROVIDER.key());
    }
    if (get(Nl2SqlProperty.PLANNER).equals("llm") && get(Nl2SqlProperty.MODEL_PROVIDER).equals("none")) {
      throw new InvalidPropertyException("nl2sql property 'nl2sql.planner' is 'llm' but no model is "
          + "configured; set 'nl2sql.model.provider' (allowed values are openai, ollama)",
          Nl2SqlProperty.PLANNER.key());
    }
  }

  /** The value as normalized text, the default when unset, {@code null} when unset without default. */
  String get(Nl2SqlProperty p) {
    String v = values.get(p);
    return v != null ? v : p.defaultValue();
  }

  /** Whether the property was set explicitly. */
  boolean isSet(Nl2SqlProperty p) {
    return values.containsKey(p);
  }

  int getInt(Nl2SqlProperty p) {
    return Integer.parseInt(get(p));
  }

  Path getPath(Nl2SqlProperty p) {
    String v = get(p);
    return v == null ? null : Path.of(v);
  }

  /** The access policy ({@code nl2sql.policy}), unrestricted when none is set. */
  AccessPolicy policy() {
    return policy;
  }

  GuardMode guard() {
    return GuardMode.valueOf(get(Nl2SqlProperty.GUARD).toUpperCase(java.util.Locale.ROOT));
  }

  boolean executeWrites() {
    return get(Nl2SqlProperty.WRITES).equals("execute");
  }

  /** A stable key of the explicit settings, for sharing state between connections with equal settings. */
  String cacheKey() {
    return new TreeMap<>(values) + (policy.isUnrestricted() ? "" : " " + policy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Settings && ((Settings) o).values.equals(values) && ((Settings) o).policy.equals(policy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values, policy);
  }

  @Override
  public String toString() {
    return "Settings" + new TreeMap<>(values);
  }
}
