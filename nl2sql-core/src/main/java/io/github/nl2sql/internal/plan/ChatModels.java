package io.github.nl2sql.internal.plan;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.github.nl2sql.ModelSettings;

/** Creates langchain4j chat models from {@link ModelSettings}. Internal. */
public final class ChatModels {
  private ChatModels() {}

  /**
   * A chat model for {@code settings}: temperature 0, no client-side retries (regeneration is ours), the
   * configured timeout. The API key is read from the named environment variable now.
   *
   * @throws IllegalArgumentException when the named environment variable is not set
   */
  public static ChatModel create(ModelSettings settings) {
    String key = null;
    if (settings.apiKeyEnv() != null) {
      key = System.getenv(settings.apiKeyEnv());
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("environment variable " + settings.apiKeyEnv()
            + " (the model's API key) is not set");
      }
    }
    switch (settings.provider()) {
      case OPENAI:
        return OpenAiChatModel.builder()
            .baseUrl(settings.baseUrl())
            .apiKey(key != null ? key : "none")
            .modelName(settings.modelName())
            .temperature(0.0)
            .timeout(settings.timeout())
            .maxRetries(0)
            .build();
      case OLLAMA:
        return OllamaChatModel.builder()
            .baseUrl(settings.baseUrl())
            .modelName(settings.modelName())
            .temperature(0.0)
            .timeout(settings.timeout())
            .maxRetries(0)
            .build();
      default:
        throw new IllegalArgumentException("unsupported provider " + settings.provider());
    }
  }

  /** The planner for {@code settings} with a 3,000-token prompt budget. */
  public static LlmPlanner planner(ModelSettings settings) {
    return new LlmPlanner(create(settings), settings.outputMode(), 3000,
        settings.provider().name().toLowerCase(java.util.Locale.ROOT) + ":" + settings.modelName());
  }
}
