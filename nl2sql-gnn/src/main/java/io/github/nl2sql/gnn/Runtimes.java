package io.github.nl2sql.gnn;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BiFunction;

/**
 * The process-wide ONNX Runtime users, started in the one order that works: DJL's OnnxRuntime engine first
 * (it refuses to start when an {@code OrtEnvironment} already exists), then the MiniLM model, which reuses
 * the environment DJL created. DJL's telemetry and downloads are switched off before its first use. Also
 * the plumbing the bundled graph models share: their files in the jar, their cards, their ONNX sessions.
 */
final class Runtimes {
  /** DJL's name for its OnnxRuntime engine; always named, since with langchain4j present the default differs. */
  static final String ENGINE = "OnnxRuntime";

  /**
   * Session options for our small graph models: one thread each, so a request does not spin up (and spin
   * on) a thread pool, and concurrent requests scale across cores instead.
   */
  static final java.util.Map<String, String> SESSION_OPTIONS =
      java.util.Map.of("interOpNumThreads", "1", "intraOpNumThreads", "1");

  private static volatile Engine engine;
  private static volatile AllMiniLmL6V2QuantizedEmbeddingModel miniLm;

  private Runtimes() {}

  /** DJL's OnnxRuntime engine, started offline on first use. */
  static Engine engine() {
    Engine e = engine;
    if (e == null) {
      synchronized (Runtimes.class) {
        e = engine;
        if (e == null) {
          // no network at run time: no usage telemetry, no model downloads
          if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
          }
          if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
          }
          e = Engine.getEngine(ENGINE);
          engine = e;
        }
      }
    }
    return e;
  }

  /** The quantized all-MiniLM-L6-v2 model (384 dimensions), loaded from its jar on first use. */
  static AllMiniLmL6V2QuantizedEmbeddingModel miniLm() {
    AllMiniLmL6V2QuantizedEmbeddingModel m = miniLm;
    if (m == null) {
      synchronized (Runtimes.class) {
        m = miniLm;
        if (m == null) {
          engine();
          m = new AllMiniLmL6V2QuantizedEmbeddingModel();
          miniLm = m;
        }
      }
    }
    return m;
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Whether {@code owner}'s jar carries both files of a bundled model. */
  static boolean isBundled(Class<?> owner, String onnxPath, String cardPath) {
    return owner.getResource(onnxPath) != null && owner.getResource(cardPath) != null;
  }

  /**
   * Opens a bundled model's ONNX graph and card and hands them to {@code load}.
   *
   * @param what the model in messages, e.g. {@code "GNN model"}
   * @throws IllegalStateException when the jar lacks either file
   */
  static <T> T bundled(Class<?> owner, String onnxPath, String cardPath, String what,
      BiFunction<InputStream, InputStream, T> load) {
    try (InputStream onnx = owner.getResourceAsStream(onnxPath);
        InputStream card = owner.getResourceAsStream(cardPath)) {
      if (onnx == null || card == null) {
        throw new IllegalStateException("no bundled " + what + " at " + onnxPath);
      }
      return load.apply(onnx, card);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the bundled " + what, e);
    }
  }

  /** Reads a model card (JSON). */
  static JsonNode card(InputStream json, String what) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the " + what + " card", e);
    }
  }

  /**
   * Loads an ONNX graph into a new model on our engine, with {@link #SESSION_OPTIONS}; the model is closed
   * again when loading fails.
   *
   * @throws UncheckedIOException when reading fails
   * @throws IllegalStateException when the graph cannot be loaded
   */
  static Model load(String name, InputStream onnx, String what) {
    Model model = Model.newInstance(name, engine().getEngineName());
    try {
      model.load(onnx, SESSION_OPTIONS);
      return model;
    } catch (IOException e) {
      model.close();
      throw new UncheckedIOException("could not read the " + what, e);
    } catch (MalformedModelException | RuntimeException e) {
      model.close();
      throw new IllegalStateException("could not load the " + what + ": " + e.getMessage(), e);
    }
  }
}
