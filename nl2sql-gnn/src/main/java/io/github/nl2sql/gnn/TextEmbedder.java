package io.github.nl2sql.gnn;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentence embeddings from the in-process quantized all-MiniLM-L6-v2 model (384 dimensions, inside its
 * Maven artifact; nothing is downloaded). Vectors are L2-normalised, so a dot product is the cosine.
 * Thread-safe; the model is shared by all instances and loaded on first use.
 */
public final class TextEmbedder {
  /** Dimension of the vectors. */
  public static final int DIMENSION = 384;

  /** Identifies the model in embedding files and model cards. */
  public static final String MODEL_ID = "all-minilm-l6-v2-q";

  private static final TextEmbedder MINI_LM = new TextEmbedder();

  private TextEmbedder() {}

  /** The shared MiniLM embedder. */
  public static TextEmbedder miniLm() {
    return MINI_LM;
  }

  /**
   * Embeds one text.
   *
   * @throws IllegalArgumentException when {@code text} is null or blank
   */
  public float[] embed(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text to embed must not be null or blank");
    }
    return normalise(Runtimes.miniLm().embed(text).content().vector());
  }

  /**
   * Embeds many texts, in order.
   *
   * @throws IllegalArgumentException when a text is null or blank
   */
  public float[][] embedAll(List<String> texts) {
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) {
      if (t == null || t.isBlank()) {
        throw new IllegalArgumentException("text to embed must not be null or blank");
      }
      segments.add(TextSegment.from(t));
    }
    if (segments.isEmpty()) {
      return new float[0][];
    }
    List<Embedding> out = Runtimes.miniLm().embedAll(segments).content();
    float[][] vectors = new float[out.size()][];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = normalise(out.get(i).vector());
    }
    return vectors;
  }

  static float[] normalise(float[] v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    if (n == 0) {
      return v;
    }
    float inv = (float) (1.0 / Math.sqrt(n));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * inv;
    }
    return out;
  }

  static float dot(float[] a, float[] b) {
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
