package io.github.nl2sql.gnn.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nl2sql.gnn.Coherence;
import io.github.nl2sql.gnn.FusedLinker;
import io.github.nl2sql.gnn.GnnModel;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.link.Signal;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Command-line link evaluation (the same measurement as the bench's {@code link} subcommand), used by
 * {@code train/pipeline.sh}. Options: {@code --data DIR --questions FILE [--question-field F] [--out FILE]
 * [--limit N] [--signals LEXICAL,VALUE,COMMENT,EMBEDDING,GNN] [--merged] [--split validation|train|all]
 * [--model ONNX --card JSON] [--weights L,E,G] [--coherence NEIGHBOUR,COMPONENT,VALUE | --coherence off]}. Prints the summary as one JSON line.
 */
public final class LinkBench {
  private LinkBench() {}

  /** Entry point; see the class comment. */
  public static void main(String[] args) throws IOException {
    Path data = null;
    Path questions = null;
    Path out = null;
    String field = "question";
    int limit = Integer.MAX_VALUE;
    Set<Signal> signals = EnumSet.allOf(Signal.class);
    boolean merged = false;
    String split = "all";
    Path model = null;
    Path card = null;
    FusedLinker.Weights weights = FusedLinker.Weights.defaults();
    Coherence coherence = Coherence.defaults();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--data" -> data = Path.of(args[++i]);
        case "--questions" -> questions = Path.of(args[++i]);
        case "--question-field" -> field = args[++i];
        case "--out" -> out = Path.of(args[++i]);
        case "--limit" -> limit = Integer.parseInt(args[++i]);
        case "--signals" -> signals = signals(args[++i]);
        case "--merged" -> merged = true;
        case "--split" -> split = args[++i];
        case "--model" -> model = Path.of(args[++i]);
        case "--card" -> card = Path.of(args[++i]);
        case "--weights" -> {
          String[] w = args[++i].split(",");
          weights = new FusedLinker.Weights(Double.parseDouble(w[0]), Double.parseDouble(w[1]), Double.parseDouble(w[2]));
        }
        case "--coherence" -> coherence = coherence(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    if (data == null || questions == null) {
      throw new IllegalArgumentException("--data and --questions are required");
    }
    SpiderSet set = new SpiderSet(data);
    List<SpiderSet.Item> items = select(SpiderSet.readQuestions(questions, field), split, limit);
    GnnModel gnn = null;
    if (model != null) {
      try (InputStream m = Files.newInputStream(model); InputStream c = Files.newInputStream(card)) {
        gnn = GnnModel.load(m, c);
      }
    } else if (GnnModel.isBundled()) {
      gnn = GnnModel.bundled();
    }
    FusedLinker linker = new FusedLinker(weights, coherence, gnn, null);
    LinkOptions options = LinkOptions.defaults().withSignals(signals);
    List<String> dbs = new ArrayList<>();
    if (merged) {
      try (var s = Files.list(data.resolve("database"))) {
        s.map(p -> p.getFileName().toString()).sorted().forEach(dbs::add);
      }
    }
    ObjectNode summary;
    if (out != null) {
      try (BufferedWriter w = Files.newBufferedWriter(out)) {
        summary = LinkEvaluation.run(set, items, linker, options, merged ? dbs : null, w, System.err);
      }
    } else {
      summary = LinkEvaluation.run(set, items, linker, options, merged ? dbs : null, null, System.err);
    }
    summary.put("signals", String.join(",", signals.stream().map(Enum::name).toList()));
    summary.put("merged", merged);
    summary.put("split", split);
    summary.put("gnn", gnn != null && signals.contains(Signal.GNN));
    summary.put("coherence", coherence.toString());
    if (gnn != null) {
      gnn.close();
    }
    System.out.println(summary);
  }

  static List<SpiderSet.Item> select(List<SpiderSet.Item> all, String split, int limit) {
    Set<String> dbs = switch (split) {
      case "all" -> null;
      case "validation", "train" -> SpiderSet.split().get(split);
      default -> throw new IllegalArgumentException("--split must be validation, train or all, got " + split);
    };
    List<SpiderSet.Item> out = new ArrayList<>();
    for (SpiderSet.Item i : all) {
      if ((dbs == null || dbs.contains(i.dbId())) && out.size() < limit) {
        out.add(i);
      }
    }
    return out;
  }

  static Coherence coherence(String spec) {
    if (spec.equals("off")) {
      return Coherence.off();
    }
    String[] w = spec.split(",");
    if (w.length != 3) {
      throw new IllegalArgumentException("--coherence takes NEIGHBOUR,COMPONENT,VALUE or off, got " + spec);
    }
    return new Coherence(Double.parseDouble(w[0]), Double.parseDouble(w[1]), Double.parseDouble(w[2]));
  }

  static Set<Signal> signals(String list) {
    Set<Signal> out = new LinkedHashSet<>();
    for (String s : list.split(",")) {
      try {
        out.add(Signal.valueOf(s.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown signal " + s + "; known: " + EnumSet.allOf(Signal.class), e);
      }
    }
    return out;
  }
}
