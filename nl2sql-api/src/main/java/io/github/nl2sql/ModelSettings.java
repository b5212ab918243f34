package io.github.nl2sql;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Which language model to call, configured by strings (builder, JDBC properties, CLI). The API key is
 * never held here: only the name of the environment variable that holds it, read when the model is
 * created. Immutable.
 *
 * @param provider the API flavour
 * @param baseUrl the endpoint, e.g. {@code https://api.openai.com/v1} or {@code http://localhost:11434}
 * @param modelName the model, e.g. {@code gpt-4o-mini} or {@code qwen2.5-coder:7b}
 * @param apiKeyEnv name of the environment variable holding the API key, or {@code null} for none
 * @param timeout time limit of one model call
 * @param outputMode whether the model writes SQL text or IR JSON
 */
public record ModelSettings(Provider provider, String baseUrl, String modelName, String apiKeyEnv,
    Duration timeout, OutputMode outputMode) {

  /** Default time limit of one model call. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public ModelSettings {
    Objects.requireNonNull(provider, "provider");
    if (baseUrl == null || !(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
      throw new IllegalArgumentException("model base URL must start with http:// or https://, got " + baseUrl);
    }
    if (modelName == null || modelName.isBlank()) {
      throw new IllegalArgumentException("model name must not be blank");
    }
    if (apiKeyEnv != null && !apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("API key environment variable name is not valid: " + apiKeyEnv);
    }
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("model timeout must be positive, got " + timeout);
    }
    outputMode = outputMode == null ? OutputMode.SQL : outputMode;
  }

  /** Settings with the default timeout and SQL output. */
  public static ModelSettings of(Provider provider, String baseUrl, String modelName, String apiKeyEnv) {
    return new ModelSettings(provider, baseUrl, modelName, apiKeyEnv, null, null);
  }

  /**
   * Parses {@code provider:baseUrl:model}, e.g. {@code openai:http://localhost:8080/v1:gpt-4o-mini} or
   * {@code ollama:http://localhost:11434:llama3}. The model is the text after the last colon that does
   * not belong to the URL's port.
   *
   * @throws IllegalArgumentException when the text does not have that shape
   */
  public static ModelSettings parse(String spec, String apiKeyEnv) {
    if (spec == null) {
      throw new IllegalArgumentException("model spec must not be null");
    }
    int first = spec.indexOf(':');
    if (first < 0) {
      throw new IllegalArgumentException("model spec must be provider:baseUrl:model, got " + spec);
    }
    Provider p = Provider.parse(spec.substring(0, first));
    String rest = spec.substring(first + 1);
    int last = rest.lastIndexOf(':');
    // a model name may contain a colon (ollama tags like llama3:8b): take the URL up to its path end
    int schemeEnd = rest.indexOf("://");
    if (schemeEnd < 0 || last <= schemeEnd) {
      throw new IllegalArgumentException("model spec must be provider:baseUrl:model, got " + spec);
    }
    int pathStart = rest.indexOf('/', schemeEnd + 3);
    int split;
    if (pathStart >= 0) {
      // the model begins after the first colon following the URL's path
      split = rest.indexOf(':', pathStart);
    } else {
      // no path: host[:port]:model[:tag]
      int hostColon = rest.indexOf(':', schemeEnd + 3);
      int afterPort = hostColon < 0 ? -1 : rest.indexOf(':', hostColon + 1);
      boolean port = hostColon >= 0 && afterPort > 0
          && rest.substring(hostColon + 1, afterPort).matches("\\d{1,5}");
      split = port ? afterPort : hostColon;
    }
    if (split < 0 || split == rest.length() - 1) {
      throw new IllegalArgumentException("model spec must be provider:baseUrl:model, got " + spec);
    }
    return of(p, rest.substring(0, split), rest.substring(split + 1), apiKeyEnv);
  }

  /** The API flavour of a model endpoint. */
  public enum Provider {
    /** The OpenAI chat-completions API and compatible servers (vLLM, LM Studio, llama.cpp, ...). */
    OPENAI,
    /** Ollama's {@code /api/chat}. */
    OLLAMA;

    /**
     * Parses a provider name, ignoring case.
     *
     * @throws IllegalArgumentException naming the supported providers
     */
    public static Provider parse(String name) {
      try {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("unknown model provider '" + name + "'; supported: openai, ollama");
      }
    }
  }

  /** What a model is asked to write. */
  public enum OutputMode {
    /** SQL text in the target dialect, imported into IR (most models write SQL best). */
    SQL,
    /** IR JSON under the IR's JSON Schema (structured output where the provider supports it). */
    IR_JSON
  }

  @Override
  public String toString() {
    return "ModelSettings[provider=" + provider + ", baseUrl=" + baseUrl + ", modelName=" + modelName
        + ", apiKeyEnv=" + apiKeyEnv + ", timeout=" + timeout + ", outputMode=" + outputMode + "]";
  }
}
