package io.github.nl2sql.gnn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedding vectors of a schema graph's nodes, for one schema fingerprint: computed in process with
 * {@link TextEmbedder}, or computed elsewhere and read from JSON
 * ({@code {"schema_fingerprint": "...", "dim": 384, "nodes": [{"id": "table:singer", "vec": [...]}, ...]}}).
 * Immutable and thread-safe.
 */
public final class SchemaEmbeddings {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String fingerprint;
  private final int dim;
  private final float[][] vectors;

  private SchemaEmbeddings(String fingerprint, int dim, float[][] vectors) {
    this.fingerprint = fingerprint;
    this.dim = dim;
    this.vectors = vectors;
  }

  /** Vectors already aligned with a graph's nodes (not copied). */
  static SchemaEmbeddings of(String fingerprint, float[][] vectors) {
    return new SchemaEmbeddings(fingerprint, TextEmbedder.DIMENSION, vectors);
  }

  /** Embeds every node text of {@code graph} with {@code embedder}. */
  public static SchemaEmbeddings compute(SchemaGraph graph, TextEmbedder embedder) {
    return new SchemaEmbeddings(graph.fingerprint(), TextEmbedder.DIMENSION, embedder.embedAll(graph.texts()));
  }

  /**
   * Reads precomputed node vectors and checks them against the live schema graph. Vectors are
   * L2-normalised on reading.
   *
   * @param in JSON as described in the class comment; not closed
   * @param graph the graph of the live catalog
   * @throws IllegalArgumentException when the JSON is malformed, its {@code schema_fingerprint} differs from
   *     the graph's, its {@code dim} is not {@value TextEmbedder#DIMENSION} (the question is embedded with
   *     MiniLM, so other models' vectors cannot be compared), a vector's length differs from {@code dim},
   *     or its node ids are not exactly the graph's node ids
   * @throws UncheckedIOException when reading fails
   */
  public static SchemaEmbeddings read(InputStream in, SchemaGraph graph) {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("precomputed embeddings are not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read precomputed embeddings", e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("precomputed embeddings must be a JSON object");
    }
    String fp = text(root, "schema_fingerprint");
    if (!fp.equals(graph.fingerprint())) {
      throw new IllegalArgumentException("precomputed embeddings are for schema fingerprint " + fp
          + " but the live catalog has fingerprint " + graph.fingerprint());
    }
    JsonNode dimNode = root.get("dim");
    if (dimNode == null || !dimNode.canConvertToInt()) {
      throw new IllegalArgumentException("precomputed embeddings: \"dim\" must be an integer");
    }
    int dim = dimNode.intValue();
    if (dim != TextEmbedder.DIMENSION) {
      throw new IllegalArgumentException("precomputed embeddings have dim " + dim + " but questions are embedded with "
          + TextEmbedder.MODEL_ID + " (dim " + TextEmbedder.DIMENSION + ")");
    }
    JsonNode nodes = root.get("nodes");
    if (nodes == null || !nodes.isArray()) {
      throw new IllegalArgumentException("precomputed embeddings: \"nodes\" must be an array");
    }
    float[][] vectors = new float[graph.size()][];
    List<String> unknown = new ArrayList<>();
    for (JsonNode n : nodes) {
      String id = text(n, "id");
      int i = graph.indexOf(id);
      if (i < 0) {
        unknown.add(id);
        continue;
      }
      if (vectors[i] != null) {
        throw new IllegalArgumentException("precomputed embeddings: node " + id + " appears twice");
      }
      JsonNode vec = n.get("vec");
      if (vec == null || !vec.isArray() || vec.size() != dim) {
        throw new IllegalArgumentException("precomputed embeddings: node " + id + " must have a \"vec\" of "
            + dim + " numbers, got " + (vec == null || !vec.isArray() ? "none" : vec.size()));
      }
      float[] v = new float[dim];
      for (int k = 0; k < dim; k++) {
        if (!vec.get(k).isNumber()) {
          throw new IllegalArgumentException("precomputed embeddings: node " + id + " has a non-number in \"vec\"");
        }
        v[k] = vec.get(k).floatValue();
      }
      vectors[i] = TextEmbedder.normalise(v);
    }
    List<String> missing = new ArrayList<>();
    for (SchemaGraph.Node n : graph.nodes()) {
      if (vectors[n.index()] == null) {
        missing.add(n.id());
      }
    }
    if (!unknown.isEmpty() || !missing.isEmpty()) {
      throw new IllegalArgumentException("precomputed embeddings do not match the catalog's nodes: "
          + describe("unknown", unknown) + (unknown.isEmpty() || missing.isEmpty() ? "" : "; ")
          + describe("missing", missing));
    }
    return new SchemaEmbeddings(fp, dim, vectors);
  }

  private static String describe(String what, List<String> ids) {
    if (ids.isEmpty()) {
      return "";
    }
    return ids.size() + " " + what + " (" + String.join(", ", ids.subList(0, Math.min(5, ids.size())))
        + (ids.size() > 5 ? ", ..." : "") + ")";
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("precomputed embeddings: \"" + field + "\" must be a string");
    }
    return v.textValue();
  }

  /**
   * Writes these vectors in the format {@link #read} accepts.
   *
   * @param out destination; not closed
   * @param graph the graph these vectors belong to (for node ids)
   * @throws IllegalArgumentException when {@code graph} is not the graph these vectors were made for
   */
  public void write(OutputStream out, SchemaGraph graph) {
    if (!graph.fingerprint().equals(fingerprint) || graph.size() != vectors.length) {
      throw new IllegalArgumentException("these embeddings belong to schema " + fingerprint + ", not " + graph.fingerprint());
    }
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("schema_fingerprint", fingerprint);
      g.writeNumberField("dim", dim);
      g.writeArrayFieldStart("nodes");
      for (SchemaGraph.Node n : graph.nodes()) {
        g.writeStartObject();
        g.writeStringField("id", n.id());
        g.writeArrayFieldStart("vec");
        for (float x : vectors[n.index()]) {
          g.writeNumber(x);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write embeddings", e);
    }
  }

  /** The schema fingerprint these vectors belong to. */
  public String fingerprint() {
    return fingerprint;
  }

  /** Vector dimension. */
  public int dim() {
    return dim;
  }

  /** Vector of node {@code index}; do not modify. */
  public float[] vector(int index) {
    return vectors[index];
  }

  /** All vectors in node order; do not modify. */
  public float[][] vectors() {
    return vectors;
  }
}
