package io.github.nl2sql.bench;

import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.internal.sql.ImportResult;
import io.github.nl2sql.internal.sql.SqlImporter;
import io.github.nl2sql.internal.compile.SqlCompiler;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code roundtrip}: gold SQL -> SQLite (expected rows) -> import to IR -> compile for SQLite without
 * an added LIMIT -> run with its bind values -> same rows? Rows are compared as lists when the gold
 * query's outermost query has ORDER BY, else as multisets (see {@link ResultComparator}).
 *
 * <p>Per item (with {@code --out}): db_id, question, gold, imported (bool), sql (compiled), params,
 * ordered, outcome ({@code same_result}, {@code different_result}, {@code gold_failed},
 * {@code import_failed}, {@code compile_failed}, {@code execute_failed}) and reason.
 */
@Command(name = "roundtrip", mixinStandardHelpOptions = true,
    description = "Import gold SQL to IR, compile it back for SQLite and compare results.")
public final class RoundtripCommand extends BenchCommand {
  @Option(names = "--bind", defaultValue = "typed", paramLabel = "typed|jdbc",
      description = "how bind values reach SQLite: typed (integral numbers as INTEGER, others as REAL) "
          + "or jdbc (PreparedStatement.setObject, as the library's executor does) "
          + "(default: ${DEFAULT-VALUE})")
  String bind;

  private final SqlImporter importer = new SqlImporter(Dialect.SQLITE);
  private final SqlCompiler compiler = new SqlCompiler(Dialect.SQLITE);

  private int runnable;
  private int imported;
  private int compiled;
  private int executed;
  private int same;
  private int different;
  private int orderOnly;
  private final Map<String, Integer> failedByReason = new TreeMap<>();
  private final Map<String, Integer> importFailedBySubject = new TreeMap<>();
  private final Map<String, Integer> goldFailedByError = new TreeMap<>();
  private long importNanos;
  private long compileNanos;

  @Override
  protected String name() {
    return "roundtrip";
  }

  @Override
  protected void start(List<Item> items) {
    if (!bind.equals("typed") && !bind.equals("jdbc")) {
      throw new BenchException("--bind must be typed or jdbc, got " + bind);
    }
  }

  @Override
  protected void process(Item item, Databases.Db db, Context context) {
    Map<String, Object> rec = item.record();
    try {
      run(item, db, context, rec);
    } finally {
      context.out().write(rec);
    }
  }

  private void run(Item item, Databases.Db db, Context context, Map<String, Object> rec) {
    Execution gold = context.runner().execute(db.connection(), item.gold(), List.of());
    if (!gold.ok()) {
      goldFailedByError.merge(gold.errorClass(), 1, Integer::sum);
      fail(rec, "gold_failed", "gold_failed", gold.errorMessage());
      return;
    }
    runnable++;
    long t0 = System.nanoTime();
    ImportResult ir;
    try {
      ir = importer.importSql(item.gold(), db.catalog());
    } catch (RuntimeException e) {
      rec.put("imported", false);
      fail(rec, "import_failed", "import_failed:exception:" + e.getClass().getSimpleName(),
          String.valueOf(e.getMessage()));
      return;
    } finally {
      importNanos += System.nanoTime() - t0;
    }
    rec.put("imported", ir.ok());
    if (!ir.ok()) {
      Diagnostic d = ir.diagnostics().isEmpty() ? null : ir.diagnostics().get(0);
      String code = d == null ? "no_diagnostic" : d.code().id();
      if (d != null) {
        importFailedBySubject.merge(code + " " + (d.subject() == null ? d.message() : d.subject()), 1,
            Integer::sum);
      }
      fail(rec, "import_failed", "import_failed:" + code, d == null ? null : d.format());
      return;
    }
    imported++;
    Statement statement = ir.statement();
    boolean ordered = statement instanceof Query q && !q.orderBy().isEmpty();
    rec.put("ordered", ordered);
    CompiledQuery cq;
    long t1 = System.nanoTime();
    try {
      cq = compiler.compile(statement, 0);
    } catch (RuntimeException e) {
      fail(rec, "compile_failed", "compile_failed", e.toString());
      return;
    } finally {
      compileNanos += System.nanoTime() - t1;
    }
    compiled++;
    rec.put("sql", cq.sql());
    rec.put("params", new ArrayList<>(cq.parameters()));
    Execution actual = context.runner().execute(db.connection(), cq.sql(), cq.parameters(),
        bind.equals("jdbc"));
    if (!actual.ok()) {
      fail(rec, "execute_failed", "execute_failed:" + actual.errorClass(), actual.errorMessage());
      return;
    }
    executed++;
    if (ResultComparator.same(gold.rows(), actual.rows(), ordered)) {
      same++;
      rec.put("outcome", "same_result");
      return;
    }
    different++;
    String reason = "different_result";
    if (ordered && ResultComparator.same(gold.rows(), actual.rows(), false)) {
      orderOnly++;
      reason = "different_result:order";
    }
    rec.put("gold_rows", gold.rows().size());
    rec.put("rows", actual.rows().size());
    rec.put("gold_sample", sample(gold.rows()));
    rec.put("sample", sample(actual.rows()));
    fail(rec, "different_result", reason, null);
  }

  private static List<List<Object>> sample(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> row : rows.subList(0, Math.min(3, rows.size()))) {
      out.add(ResultComparator.normaliseRow(row));
    }
    return out;
  }

  private void fail(Map<String, Object> rec, String outcome, String reason, String detail) {
    rec.put("outcome", outcome);
    rec.put("reason", reason);
    if (detail != null) {
      rec.put("detail", detail);
    }
    failedByReason.merge(reason, 1, Integer::sum);
  }

  @Override
  protected void summarise(Map<String, Object> s) {
    s.put("bind", bind);
    s.put("runnable", runnable);
    s.put("imported", imported);
    s.put("compiled", compiled);
    s.put("executed", executed);
    s.put("same_result", same);
    s.put("different_result", different);
    s.put("different_result_order_only", orderOnly);
    s.put("same_result_rate", rate(same, runnable));
    s.put("imported_rate", rate(imported, runnable));
    s.put("failed_by_reason", failedByReason);
    s.put("gold_failed_by_error", goldFailedByError);
    s.put("import_failed_by_subject", top(importFailedBySubject, 30));
    s.put("import_ms", importNanos / 1_000_000);
    s.put("compile_ms", compileNanos / 1_000_000);
  }

  /** The {@code n} most frequent entries, most frequent first (ties by key). */
  static Map<String, Integer> top(Map<String, Integer> counts, int n) {
    Map<String, Integer> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
