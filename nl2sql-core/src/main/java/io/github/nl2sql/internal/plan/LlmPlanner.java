package io.github.nl2sql.internal.plan;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.nl2sql.ModelException;
import io.github.nl2sql.ModelSettings.OutputMode;
import io.github.nl2sql.plan.Plan;
import io.github.nl2sql.plan.PlanRequest;
import io.github.nl2sql.plan.Planner;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.Objects;

/**
 * Plans with any langchain4j {@link ChatModel}: builds the prompt, calls the model once, and reads its
 * answer as SQL text, IR JSON (JSON response format requested), a clarification or a refusal. Each call
 * is one model call; regeneration is driven by the caller through {@link PlanRequest#attempts()}.
 * Thread-safe when the chat model is.
 */
public final class LlmPlanner implements Planner {
  private final ChatModel model;
  private final OutputMode mode;
  private final PromptBuilder prompts;
  private final String label;

  /**
   * @param model the chat model
   * @param mode what the model is asked to write
   * @param tokenBudget prompt budget for the user message
   * @param label provider and model name for error messages (never an API key)
   */
  public LlmPlanner(ChatModel model, OutputMode mode, int tokenBudget, String label) {
    this.model = Objects.requireNonNull(model, "model");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.prompts = new PromptBuilder(tokenBudget);
    this.label = label == null ? model.getClass().getSimpleName() : label;
  }

  @Override
  public String name() {
    return "llm";
  }

  @Override
  public boolean usesModel() {
    return true;
  }

  /** The prompt builder in use (for tests and tools that show prompts). */
  public PromptBuilder prompts() {
    return prompts;
  }

  @Override
  public Plan plan(PlanRequest request) {
    ChatRequest.Builder b = ChatRequest.builder()
        .messages(SystemMessage.from(prompts.system(request, mode)), UserMessage.from(prompts.user(request)));
    if (mode == OutputMode.IR_JSON) {
      b.responseFormat(ResponseFormat.JSON);
    }
    ChatResponse response;
    try {
      response = model.chat(b.build());
    } catch (RuntimeException e) {
      throw translate(e);
    }
    String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
    double confidence = request.attempts().isEmpty() ? 0.8 : 0.7;
    return ModelOutput.read(text, mode, confidence);
  }

  private ModelException translate(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException || t instanceof HttpTimeoutException
          || t instanceof java.net.SocketTimeoutException) {
        return new ModelException(ModelException.Reason.TIMEOUT, "The language model " + label
            + " did not answer in time", e);
      }
      if (t instanceof AuthenticationException) {
        return new ModelException(ModelException.Reason.AUTHENTICATION, "The language model " + label
            + " refused the API key", e);
      }
      if (t instanceof HttpException h) {
        return new ModelException(h.statusCode() == 401 || h.statusCode() == 403
            ? ModelException.Reason.AUTHENTICATION : ModelException.Reason.HTTP_ERROR,
            "The language model " + label + " answered HTTP " + h.statusCode() + ": " + shorten(h.getMessage()), e);
      }
      if (t instanceof ConnectException) {
        return new ModelException(ModelException.Reason.CONNECTION, "Cannot reach the language model " + label, e);
      }
      if (t instanceof IOException && t.getMessage() != null && t.getMessage().contains("timed out")) {
        return new ModelException(ModelException.Reason.TIMEOUT, "The language model " + label
            + " did not answer in time", e);
      }
    }
    return new ModelException(ModelException.Reason.OTHER, "The language model " + label + " failed: "
        + shorten(e.getMessage()), e);
  }

  private static String shorten(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
