package io.github.nl2sql.llm;

import dev.langchain4j.model.chat.ChatModel;
import io.github.nl2sql.ModelSettings;
import io.github.nl2sql.internal.plan.ChatModels;
import io.github.nl2sql.internal.plan.LlmPlanner;
import io.github.nl2sql.plan.Planner;

/**
 * Planners backed by a langchain4j chat model, for {@link io.github.nl2sql.Nl2Sql.Builder#planner}:
 *
 * <pre>{@code
 * ChatModel model = OpenAiChatModel.builder().apiKey(key).modelName("gpt-4o-mini").build();
 * Nl2Sql nl2sql = Nl2Sql.builder(dataSource).planner(LlmPlanners.of(model)).build();
 * }</pre>
 *
 * The returned planners are thread-safe when the chat model is.
 */
public final class LlmPlanners {
  private LlmPlanners() {}

  /** A planner asking {@code model} for SQL text, with a 3,000-token prompt budget. */
  public static Planner of(ChatModel model) {
    return of(model, ModelSettings.OutputMode.SQL);
  }

  /** A planner asking {@code model} for SQL text or IR JSON. */
  public static Planner of(ChatModel model, ModelSettings.OutputMode mode) {
    return new LlmPlanner(model, mode, 3000, null);
  }

  /**
   * A planner for a model configured by strings (the API key is read from the named environment
   * variable now).
   *
   * @throws IllegalArgumentException when the API key variable is named but not set
   */
  public static Planner of(ModelSettings settings) {
    return ChatModels.planner(settings);
  }
}
