package io.github.nl2sql.gnn;

import ai.djl.engine.Engine;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The process-wide ONNX Runtime users, started in the one order that works: DJL's OnnxRuntime engine first
 * (it refuses to start when an {@code OrtEnvironment} already exists), then the MiniLM model, which reuses
 * the environment DJL created. DJL's telemetry and downloads are switched off before its first use.
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
}
