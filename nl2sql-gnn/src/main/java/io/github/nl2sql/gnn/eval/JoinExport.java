package io.github.nl2sql.gnn.eval;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.gnn.JoinInference;
import io.github.nl2sql.gnn.SchemaEmbeddings;
import io.github.nl2sql.gnn.SchemaGraph;
import io.github.nl2sql.gnn.TextEmbedder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the join-inference training data: {@code joins.jsonl}, one line per database with its split,
 * candidate pairs, their features and labels (1 where a declared foreign key links the pair).
 *
 * <p>Usage: {@code JoinExport DATA_DIR OUT_DIR}.
 */
public final class JoinExport {
  private JoinExport() {}

  /** Entry point; see the class comment. */
  public static void main(String[] args) throws IOException {
    SpiderSet set = new SpiderSet(Path.of(args[0]));
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    Set<String> validation = SpiderSet.split().get("validation");
    List<String> dbs;
    try (Stream<Path> s = Files.list(set.dir().resolve("database"))) {
      dbs = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    int pairs = 0;
    int positives = 0;
    try (OutputStream os = Files.newOutputStream(out.resolve("joins.jsonl"));
        JsonGenerator g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      for (String db : dbs) {
        Optional<Catalog> c = set.catalog(db);
        if (c.isEmpty() || c.get().tables().isEmpty()) {
          continue;
        }
        Catalog catalog = c.get();
        SchemaGraph graph = SchemaGraph.of(catalog, false);
        SchemaEmbeddings emb = SchemaEmbeddings.compute(graph, TextEmbedder.miniLm());
        List<JoinInference.Candidate> cands = JoinInference.candidates(catalog, graph, emb);
        g.writeStartObject();
        g.writeStringField("db_id", db);
        g.writeStringField("split", validation.contains(db) ? "validation" : "train");
        g.writeStringField("feature_version", JoinInference.FEATURE_VERSION);
        g.writeArrayFieldStart("pairs");
        for (JoinInference.Candidate k : cands) {
          g.writeString(k.fromTable() + "." + k.fromColumn() + "->" + k.toTable() + "." + k.toColumn());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("feat");
        for (JoinInference.Candidate k : cands) {
          g.writeStartArray();
          for (float x : k.features()) {
            g.writeNumber(x);
          }
          g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("label");
        for (JoinInference.Candidate k : cands) {
          boolean y = JoinInference.declared(catalog.table(k.fromTable()).orElseThrow(), k.fromColumn(), k.toTable(), k.toColumn());
          g.writeNumber(y ? 1 : 0);
          positives += y ? 1 : 0;
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        pairs += cands.size();
      }
    }
    System.err.printf("join export: %d databases, %d candidate pairs, %d positive%n", dbs.size(), pairs, positives);
  }
}
