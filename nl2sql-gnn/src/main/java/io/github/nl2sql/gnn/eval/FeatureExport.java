package io.github.nl2sql.gnn.eval;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.gnn.QuestionFeatures;
import io.github.nl2sql.gnn.SchemaEmbeddings;
import io.github.nl2sql.gnn.SchemaGraph;
import io.github.nl2sql.gnn.TextEmbedder;
import io.github.nl2sql.internal.link.LexicalLinker;
import io.github.nl2sql.link.LinkOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the GNN training data for a Spider-format folder: {@code graphs.jsonl} (one schema graph per
 * database: node ids, kinds, embeddings, static features, edges), {@code questions.jsonl} (per question:
 * split, question embedding, question features, gold node indices from the gold SQL) and {@code meta.json}
 * (feature version and sizes).
 *
 * <p>Usage: {@code FeatureExport DATA_DIR OUT_DIR QUESTIONS_JSON [SYN_JSON]}; questions of a second file
 * ({@code SpiderSynQuestion} field) are added as extra training questions (source {@code syn}) for the
 * training databases only.
 */
public final class FeatureExport {
  private FeatureExport() {}

  /** Entry point; see the class comment. */
  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: FeatureExport DATA_DIR OUT_DIR QUESTIONS_JSON [SYN_JSON]");
      System.exit(2);
    }
    SpiderSet set = new SpiderSet(Path.of(args[0]));
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    Set<String> validation = SpiderSet.split().get("validation");
    List<SpiderSet.Item> items = SpiderSet.readQuestions(Path.of(args[2]), "question");
    List<SpiderSet.Item> syn = args.length > 3 ? SpiderSet.readQuestions(Path.of(args[3]), "SpiderSynQuestion") : List.of();

    TextEmbedder embedder = TextEmbedder.miniLm();
    LexicalLinker lexical = new LexicalLinker();
    Map<String, SchemaGraph> graphs = new LinkedHashMap<>();
    Map<String, SchemaEmbeddings> embeddings = new HashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    JsonFactory jf = new JsonFactory();
    try (OutputStream qs = Files.newOutputStream(out.resolve("questions.jsonl"));
        JsonGenerator g = jf.createGenerator(qs, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      List<Object[]> all = new ArrayList<>();
      for (SpiderSet.Item i : items) {
        all.add(new Object[] {i, "spider"});
      }
      for (SpiderSet.Item i : syn) {
        if (!validation.contains(i.dbId())) {
          all.add(new Object[] {i, "syn"});
        }
      }
      int done = 0;
      for (Object[] pair : all) {
        SpiderSet.Item item = (SpiderSet.Item) pair[0];
        String source = (String) pair[1];
        if (++done % 500 == 0) {
          System.err.printf("%d/%d%n", done, all.size());
        }
        java.util.Optional<Catalog> catalog = set.catalog(item.dbId());
        if (catalog.isEmpty()) {
          counts.merge("missing_database", 1, Integer::sum);
          continue;
        }
        GoldElements gold = SpiderSet.gold(item.query(), catalog.get());
        if (gold == null || gold.tables().isEmpty()) {
          counts.merge("not_imported", 1, Integer::sum);
          continue;
        }
        SchemaGraph graph = graphs.computeIfAbsent(item.dbId(), id -> SchemaGraph.of(catalog.get(), true));
        SchemaEmbeddings emb = embeddings.computeIfAbsent(item.dbId(), id -> SchemaEmbeddings.compute(graph, embedder));
        float[] q = embedder.embed(item.question());
        float[] cos = new float[graph.size()];
        for (int n = 0; n < cos.length; n++) {
          float s = 0;
          float[] v = emb.vector(n);
          for (int k = 0; k < q.length; k++) {
            s += q[k] * v[k];
          }
          cos[n] = s;
        }
        float[][] qf = QuestionFeatures.compute(graph, cos, lexical.link(item.question(), catalog.get(), LinkOptions.defaults()));
        List<Integer> goldNodes = new ArrayList<>();
        for (String t : gold.tables()) {
          goldNodes.add(graph.indexOf(SchemaGraph.tableId(t)));
        }
        for (String c : gold.columns()) {
          int dot = c.indexOf('.');
          goldNodes.add(graph.columnIndex(c.substring(0, dot), c.substring(dot + 1)));
        }
        g.writeStartObject();
        g.writeStringField("db_id", item.dbId());
        g.writeNumberField("index", item.index());
        g.writeStringField("source", source);
        g.writeStringField("split", validation.contains(item.dbId()) ? "validation" : "train");
        g.writeStringField("question", item.question());
        g.writeFieldName("q");
        floats(g, q);
        g.writeArrayFieldStart("qfeat");
        for (float[] row : qf) {
          floats(g, row);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("gold");
        for (int n : goldNodes) {
          if (n >= 0) {
            g.writeNumber(n);
          }
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        counts.merge(source + "_" + (validation.contains(item.dbId()) ? "validation" : "train"), 1, Integer::sum);
      }
    }
    try (OutputStream gs = Files.newOutputStream(out.resolve("graphs.jsonl"));
        JsonGenerator g = jf.createGenerator(gs, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      for (Map.Entry<String, SchemaGraph> e : graphs.entrySet()) {
        SchemaGraph graph = e.getValue();
        g.writeStartObject();
        g.writeStringField("db_id", e.getKey());
        g.writeStringField("feature_version", SchemaGraph.FEATURE_VERSION);
        g.writeStringField("fingerprint", graph.fingerprint());
        g.writeArrayFieldStart("ids");
        for (SchemaGraph.Node n : graph.nodes()) {
          g.writeString(n.id());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("kind");
        for (SchemaGraph.Node n : graph.nodes()) {
          g.writeNumber(n.kind().ordinal());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("emb");
        for (float[] v : embeddings.get(e.getKey()).vectors()) {
          floats(g, v);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("feat");
        for (float[] v : graph.staticFeatures()) {
          floats(g, v);
        }
        g.writeEndArray();
        ints(g, "src", graph.edgeSource());
        ints(g, "dst", graph.edgeTarget());
        ints(g, "rel", graph.edgeRelation());
        g.writeFieldName("w");
        floats(g, graph.edgeWeight());
        g.writeEndObject();
        g.writeRaw('\n');
      }
    }
    Files.writeString(out.resolve("meta.json"), "{\"feature_version\": \"" + SchemaGraph.FEATURE_VERSION
        + "\", \"embedding_model\": \"" + TextEmbedder.MODEL_ID + "\", \"static_features\": " + SchemaGraph.STATIC_FEATURES
        + ", \"question_features\": " + QuestionFeatures.COUNT + ", \"relations\": " + SchemaGraph.Relation.values().length
        + ", \"counts\": " + io.github.nl2sql.internal.json.Json.toJson(counts) + "}\n");
    System.err.println("export: " + counts);
  }

  private static void floats(JsonGenerator g, float[] v) throws IOException {
    g.writeStartArray();
    for (float x : v) {
      // 5 significant digits are plenty for training and keep the files small
      g.writeNumber(Float.parseFloat(String.format(java.util.Locale.ROOT, "%.5g", x)));
    }
    g.writeEndArray();
  }

  private static void ints(JsonGenerator g, String field, int[] v) throws IOException {
    g.writeArrayFieldStart(field);
    for (int x : v) {
      g.writeNumber(x);
    }
    g.writeEndArray();
  }
}
