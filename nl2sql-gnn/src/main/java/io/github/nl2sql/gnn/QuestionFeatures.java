package io.github.nl2sql.gnn;

import io.github.nl2sql.link.Evidence;
import io.github.nl2sql.link.LinkedColumn;
import io.github.nl2sql.link.LinkedTable;
import io.github.nl2sql.link.Linking;

/**
 * Per-question node features, shared by the training export and inference so both see the same numbers:
 * 0 cosine(question, node text), 1 cosine minus the best cosine of the same kind, 2 the lexical linker's
 * score, 3 that score minus the best of the same kind, 4 best LEXICAL evidence, 5 best VALUE evidence,
 * 6 best COMMENT evidence. Part of {@link SchemaGraph#FEATURE_VERSION}.
 */
public final class QuestionFeatures {
  /** Number of question features per node. */
  public static final int COUNT = 7;

  private QuestionFeatures() {}

  /**
   * Computes the features.
   *
   * @param graph the schema graph
   * @param cosines cosine of the question and each node, in node order
   * @param lexical the lexical linker's linking of the question against the same catalog (all signals it
   *     provides), or {@code null} to leave the lexical features at 0
   * @return {@code graph.size() x COUNT}
   */
  public static float[][] compute(SchemaGraph graph, float[] cosines, Linking lexical) {
    int n = graph.size();
    float[][] f = new float[n][COUNT];
    if (lexical != null) {
      for (LinkedTable t : lexical.tables()) {
        int i = graph.indexOf(SchemaGraph.tableId(t.table()));
        if (i >= 0) {
          fill(f[i], t.score(), t.evidence());
        }
      }
      for (LinkedColumn c : lexical.columns()) {
        int i = graph.columnIndex(c.table(), c.column());
        if (i >= 0) {
          fill(f[i], c.score(), c.evidence());
        }
      }
    }
    float[] bestCos = {-1, -1};
    float[] bestLex = {0, 0};
    for (SchemaGraph.Node node : graph.nodes()) {
      int k = node.kind().ordinal();
      bestCos[k] = Math.max(bestCos[k], cosines[node.index()]);
      bestLex[k] = Math.max(bestLex[k], f[node.index()][2]);
    }
    for (SchemaGraph.Node node : graph.nodes()) {
      int i = node.index();
      int k = node.kind().ordinal();
      f[i][0] = cosines[i];
      f[i][1] = cosines[i] - bestCos[k];
      f[i][3] = f[i][2] - bestLex[k];
    }
    return f;
  }

  private static void fill(float[] f, double score, java.util.List<Evidence> evidence) {
    f[2] = (float) score;
    for (Evidence e : evidence) {
      switch (e.signal()) {
        case LEXICAL:
          f[4] = Math.max(f[4], (float) e.score());
          break;
        case VALUE:
          f[5] = Math.max(f[5], (float) e.score());
          break;
        case COMMENT:
          f[6] = Math.max(f[6], (float) e.score());
          break;
        default:
          break;
      }
    }
  }
}
