package io.github.nl2sql;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * String properties for question answering, one per option of {@link AskOptions} and
 * {@link ModelSettings}, for configurations that only have strings (the JDBC driver's URL and
 * {@code Properties}, the bench CLI). Each maps one-to-one onto a builder option.
 */
public enum AskProperty {
  /** {@link ModelSettings#provider()}: {@code openai} or {@code ollama}; no model when unset. */
  MODEL_PROVIDER("nl2sql.model.provider", String.class, null,
      "Language model API: openai (and compatible servers) or ollama; unset = offline planner only"),
  /** {@link ModelSettings#baseUrl()}. */
  MODEL_BASE_URL("nl2sql.model.baseUrl", String.class, null,
      "Model endpoint, e.g. https://api.openai.com/v1 or http://localhost:11434"),
  /** {@link ModelSettings#modelName()}. */
  MODEL_NAME("nl2sql.model.name", String.class, null, "Model name, e.g. gpt-4o-mini"),
  /** {@link ModelSettings#apiKeyEnv()}. */
  MODEL_API_KEY_ENV("nl2sql.model.apiKeyEnv", String.class, null,
      "Name of the environment variable holding the API key (the key itself is never a property)"),
  /** {@link ModelSettings#timeout()} in seconds. */
  MODEL_TIMEOUT_SECONDS("nl2sql.model.timeoutSeconds", Integer.class, "60", "Time limit of one model call"),
  /** {@link ModelSettings#outputMode()}. */
  MODEL_OUTPUT("nl2sql.model.output", String.class, "sql", "What the model writes: sql or ir_json"),
  /** {@link AskOptions#maxRegenerationRounds()}. */
  MAX_REGENERATION_ROUNDS("nl2sql.ask.maxRegenerationRounds", Integer.class,
      String.valueOf(AskOptions.DEFAULT_MAX_REGENERATION_ROUNDS),
      "Times a rejected model draft is regenerated with its diagnostics"),
  /** {@link AskOptions#repair()}. */
  REPAIR("nl2sql.ask.repair", Boolean.class, "false",
      "Replace an unknown identifier when exactly one candidate is clearly best"),
  /** {@link AskOptions#confidenceThreshold()}. */
  CONFIDENCE_THRESHOLD("nl2sql.ask.confidenceThreshold", Double.class,
      String.valueOf(AskOptions.DEFAULT_CONFIDENCE_THRESHOLD), "Drafts below this confidence are not answered"),
  /** {@link AskOptions#execute()}. */
  EXECUTE("nl2sql.ask.execute", Boolean.class, "true", "Run answers and return their rows");

  private final String key;
  private final Class<?> type;
  private final String defaultValue;
  private final String description;

  AskProperty(String key, Class<?> type, String defaultValue, String description) {
    this.key = key;
    this.type = type;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** The property name. */
  public String key() {
    return key;
  }

  /** The value type: String, Integer, Double or Boolean. */
  public Class<?> type() {
    return type;
  }

  /** The default as a string, or {@code null} when there is none. */
  public String defaultValue() {
    return defaultValue;
  }

  /** One line for documentation and the JDBC driver's property info. */
  public String description() {
    return description;
  }

  private String raw(Map<?, ?> props) {
    Object v = props.get(key);
    return v == null ? defaultValue : v.toString().trim();
  }

  private int intValue(Map<?, ?> props) {
    String v = raw(props);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, got '" + v + "'");
    }
  }

  private double doubleValue(Map<?, ?> props) {
    String v = raw(props);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
    }
  }

  private boolean booleanValue(Map<?, ?> props) {
    String v = raw(props).toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
    }
    return Boolean.parseBoolean(v);
  }

  /**
   * Reads the {@code nl2sql.model.*} and {@code nl2sql.ask.*} properties (other keys are ignored).
   *
   * @throws IllegalArgumentException naming the property when a value is malformed, or when a model is
   *     partly configured (provider without base URL or name, or the other way round)
   */
  public static AskOptions toAskOptions(Properties properties) {
    Map<Object, Object> p = properties == null ? Map.of() : properties;
    String provider = MODEL_PROVIDER.raw(p);
    String baseUrl = MODEL_BASE_URL.raw(p);
    String name = MODEL_NAME.raw(p);
    ModelSettings model = null;
    if (provider != null || baseUrl != null || name != null) {
      if (provider == null || baseUrl == null || name == null) {
        throw new IllegalArgumentException("a model needs " + MODEL_PROVIDER.key + ", " + MODEL_BASE_URL.key
            + " and " + MODEL_NAME.key + " together");
      }
      String output = MODEL_OUTPUT.raw(p).toUpperCase(Locale.ROOT);
      ModelSettings.OutputMode mode;
      try {
        mode = ModelSettings.OutputMode.valueOf(output);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(MODEL_OUTPUT.key + " must be sql or ir_json, got '" + output + "'");
      }
      int seconds = MODEL_TIMEOUT_SECONDS.intValue(p);
      if (seconds < 1) {
        throw new IllegalArgumentException(MODEL_TIMEOUT_SECONDS.key + " must be >= 1, got " + seconds);
      }
      model = new ModelSettings(ModelSettings.Provider.parse(provider), baseUrl, name,
          MODEL_API_KEY_ENV.raw(p), Duration.ofSeconds(seconds), mode);
    }
    return new AskOptions(null, model, MAX_REGENERATION_ROUNDS.intValue(p), REPAIR.booleanValue(p),
        CONFIDENCE_THRESHOLD.doubleValue(p), EXECUTE.booleanValue(p), true);
  }
}
