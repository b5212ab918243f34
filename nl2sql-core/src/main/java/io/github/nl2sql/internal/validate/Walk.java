package io.github.nl2sql.internal.validate;

import io.github.nl2sql.internal.ir.IrTree;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.Statement;
import java.util.ArrayList;
import java.util.List;

/** Generic traversals of the IR used by the validator. */
final class Walk {
  private Walk() {}

  /** Adds the column references in {@code e} to {@code out}, not entering subqueries. */
  static void columns(Expr e, List<Expr.Column> out) {
    if (e instanceof Expr.Column c) {
      out.add(c);
      return;
    }
    for (Expr child : IrTree.children(e)) {
      columns(child, out);
    }
  }

  /** Whether {@code e} contains a (non-window) aggregate, not entering subqueries. */
  static boolean containsAggregate(Expr e, FunctionRegistry functions) {
    if (e == null) {
      return false;
    }
    if (e instanceof Expr.Aggregate) {
      return true;
    }
    if (e instanceof Expr.Function f && isAggregateCall(f, functions)) {
      return true;
    }
    if (e instanceof Expr.Window w) {
      // the window's own function is not an aggregate of this query level; its arguments may be
      List<Expr> inner = new ArrayList<>(IrTree.children(w.function()));
      inner.addAll(w.over().partitionBy());
      w.over().orderBy().forEach(o -> inner.add(o.expr()));
      for (Expr x : inner) {
        if (containsAggregate(x, functions)) {
          return true;
        }
      }
      return false;
    }
    for (Expr child : IrTree.children(e)) {
      if (containsAggregate(child, functions)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a plain function call is an aggregate (e.g. {@code stddev(x)}, or {@code max(x)}). */
  static boolean isAggregateCall(Expr.Function f, FunctionRegistry functions) {
    String n = f.name().toLowerCase(java.util.Locale.ROOT);
    if (f.args().size() == 1 && (n.equals("count") || n.equals("sum") || n.equals("avg")
        || n.equals("min") || n.equals("max") || n.equals("group_concat"))) {
      return true;
    }
    return functions.lookup(n).map(s -> s.kind() == FunctionRegistry.Kind.AGGREGATE).orElse(false);
  }

  /** Adds every column reference in {@code s}, subqueries and CTEs included, to {@code out}. */
  static void columns(Statement s, List<Expr.Column> out) {
    IrTree.walk(s, new IrTree.Visitor() {
      @Override
      public void expr(Expr e) {
        if (e instanceof Expr.Column c) {
          out.add(c);
        }
      }
    });
  }
}
