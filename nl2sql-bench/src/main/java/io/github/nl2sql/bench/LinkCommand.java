package io.github.nl2sql.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nl2sql.gnn.Coherence;
import io.github.nl2sql.gnn.FusedLinker;
import io.github.nl2sql.gnn.GnnModel;
import io.github.nl2sql.gnn.JoinInference;
import io.github.nl2sql.gnn.eval.LinkEvaluation;
import io.github.nl2sql.gnn.eval.SpiderSet;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.link.SchemaLinker;
import io.github.nl2sql.link.SchemaLinkers;
import io.github.nl2sql.link.Signal;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code link}: schema linking quality. For each question, the gold tables and columns come from the gold
 * SQL (imported to IR, aliases resolved); the fused linker (lexical, value, comment, embedding, GNN; pick
 * with {@code --signals}) ranks the schema, and the summary reports table and column recall@k and full
 * recall@k (k = 1, 3, 5, 10, 20, 30), the mean size of the prompt selection, and latency. {@code --merged}
 * links every question against one catalog of all databases in {@code --data} (tables named
 * {@code db_id.table}); only the question's own database's elements count as hits. The linker is built as
 * the library builds it by default (bundled GNN and join inference, default weights and coherence
 * re-ranking); {@code --weights}, {@code --coherence}, {@code --no-join-inference} and {@code --model}
 * measure other settings (the ablations in nl2sql-gnn's model card; {@code train/pipeline.sh} runs this
 * command).
 *
 * <p>Per item (with {@code --out}): index, db_id, question, gold tables and columns, top tables and
 * columns, selected tables, ms.
 */
@Command(name = "link", mixinStandardHelpOptions = true,
    description = "Measure schema linking (recall@k of gold tables/columns, selection size, latency).")
public final class LinkCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Option(names = "--signals", defaultValue = "LEXICAL,VALUE,COMMENT,EMBEDDING,GNN", paramLabel = "LIST",
      description = "signals to fuse, comma-separated from LEXICAL, VALUE, COMMENT, EMBEDDING, GNN "
          + "(default: ${DEFAULT-VALUE})")
  String signals;

  @Option(names = "--linker", defaultValue = "fused", paramLabel = "NAME",
      description = "fused: nl2sql-gnn's fusion, set up by --weights, --coherence, --join-inference and "
          + "--model; any other name is a linker on the class path as it comes (lexical, synonyms, embedding), "
          + "given the --signals (default: ${DEFAULT-VALUE})")
  String linkerName;

  @Option(names = "--merged", description = "link against one catalog made of all databases in --data")
  boolean merged;

  @Option(names = "--split", defaultValue = "all", paramLabel = "all|validation|train",
      description = "only questions of nl2sql-gnn's committed database-disjoint split of spider-train "
          + "(default: ${DEFAULT-VALUE})")
  String split;

  @Option(names = "--weights", paramLabel = "L,E,G",
      description = "fusion weights of lexical, embedding and GNN scores (default: the linker's)")
  String weights;

  @Option(names = "--coherence", paramLabel = "N,C,V|off",
      description = "coherence re-ranking over the join graph: neighbour, component and value weights, or "
          + "off (default: the linker's, " + "0.2,1.0,2.0)")
  String coherence;

  @Option(names = "--join-inference", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "infer joins for catalogs without declared foreign keys, as the library does by default "
          + "(default: ${DEFAULT-VALUE}; --no-join-inference to leave them without)")
  boolean joinInference;

  @Option(names = "--model", paramLabel = "ONNX", description = "a GNN model instead of the bundled one")
  Path model;

  @Option(names = "--card", paramLabel = "JSON", description = "the card of --model")
  Path card;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(common.questions)) {
      throw new ParameterException(spec.commandLine(), "--questions " + common.questions + " is not a readable file");
    }
    if (common.limit != null && common.limit < 0) {
      throw new ParameterException(spec.commandLine(), "--limit must be >= 0, got " + common.limit);
    }
    if ((model == null) != (card == null)) {
      throw new ParameterException(spec.commandLine(), "--model and --card go together");
    }
    SpiderData.checkDataDir(common.data);
    Set<Signal> chosen = parseSignals(signals);
    FusedLinker.Weights w = weights == null ? FusedLinker.Weights.defaults() : parseWeights(weights);
    Coherence c = coherence == null ? Coherence.defaults() : parseCoherence(coherence);
    Set<String> dbs = switch (split) {
      case "all" -> null;
      case "validation", "train" -> SpiderSet.split().get(split);
      default -> throw new ParameterException(spec.commandLine(), "--split must be all, validation or train, got " + split);
    };
    List<SpiderSet.Item> items = new ArrayList<>();
    for (SpiderSet.Item i : SpiderSet.readQuestions(common.questions, common.questionField)) {
      if ((dbs == null || dbs.contains(i.dbId())) && (common.limit == null || items.size() < common.limit)) {
        items.add(i);
      }
    }
    SpiderSet set = new SpiderSet(common.data);
    List<String> all = null;
    if (merged) {
      try (Stream<Path> s = Files.list(common.data.resolve("database"))) {
        all = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
      } catch (IOException e) {
        throw new BenchException("cannot list " + common.data.resolve("database") + ": " + e.getMessage(), e);
      }
    }
    GnnModel gnn = loadModel();
    JoinInference joins = joinInference && JoinInference.isBundled() ? JoinInference.bundled() : null;
    try {
      SchemaLinker linker;
      if (linkerName.equals("fused")) {
        linker = new FusedLinker(w, c, gnn, joins);
      } else {
        try {
          linker = SchemaLinkers.named(linkerName);
        } catch (IllegalArgumentException e) {
          throw new ParameterException(spec.commandLine(), "--linker: " + e.getMessage());
        }
      }
      PrintStream progress = "off".equals(common.progress) ? null : System.err;
      ObjectNode summary;
      if (common.out != null) {
        try (BufferedWriter out = Files.newBufferedWriter(common.out, StandardCharsets.UTF_8)) {
          summary = LinkEvaluation.run(set, items, linker, LinkOptions.defaults().withSignals(chosen), all, out, progress);
        }
      } else {
        summary = LinkEvaluation.run(set, items, linker, LinkOptions.defaults().withSignals(chosen), all, null, progress);
      }
      summary.put("linker", linkerName);
      summary.put("signals", String.join(",", chosen.stream().map(Enum::name).toList()));
      summary.put("merged", merged);
      summary.put("split", split);
      if (linker instanceof FusedLinker) {
        // (the settings of the fusion built here; another linker comes with its own, not these)
        summary.put("gnn", gnn != null && chosen.contains(Signal.GNN));
        summary.put("coherence", c.toString());
        summary.put("join_inference", joins != null);
      }
      spec.commandLine().getOut().println(summary);
      spec.commandLine().getOut().flush();
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (gnn != null) {
        gnn.close();
      }
      if (joins != null) {
        joins.close();
      }
    }
  }

  private Coherence parseCoherence(String text) {
    if (text.equals("off")) {
      return Coherence.off();
    }
    String[] parts = text.split(",");
    if (parts.length != 3) {
      throw new ParameterException(spec.commandLine(), "--coherence needs three numbers N,C,V or off, got " + text);
    }
    try {
      return new Coherence(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--coherence: " + e.getMessage());
    }
  }

  private GnnModel loadModel() {
    if (model != null) {
      try (InputStream m = Files.newInputStream(model); InputStream c = Files.newInputStream(card)) {
        return GnnModel.load(m, c);
      } catch (IOException e) {
        throw new BenchException("cannot read --model/--card: " + e.getMessage(), e);
      }
    }
    return GnnModel.isBundled() ? GnnModel.bundled() : null;
  }

  private Set<Signal> parseSignals(String list) {
    Set<Signal> out = new LinkedHashSet<>();
    for (String s : list.split(",")) {
      try {
        out.add(Signal.valueOf(s.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "unknown signal " + s.trim() + " in --signals; known: "
            + EnumSet.of(Signal.LEXICAL, Signal.VALUE, Signal.COMMENT, Signal.EMBEDDING, Signal.GNN));
      }
    }
    return out;
  }

  private FusedLinker.Weights parseWeights(String text) {
    String[] parts = text.split(",");
    if (parts.length != 3) {
      throw new ParameterException(spec.commandLine(), "--weights needs three numbers L,E,G, got " + text);
    }
    try {
      return new FusedLinker.Weights(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--weights: " + e.getMessage());
    }
  }
}
