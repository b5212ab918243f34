package io.github.nl2sql.internal.validate;

import io.github.nl2sql.internal.ir.IrTree;
import io.github.nl2sql.ir.Cte;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.SelectItem;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.ir.TableRef;
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
    if (s instanceof Query q) {
      query(q, out);
    } else if (s instanceof Statement.Insert ins) {
      ins.rows().forEach(r -> r.forEach(e -> deep(e, out)));
      if (ins.query() != null) {
        query(ins.query(), out);
      }
    } else if (s instanceof Statement.Update up) {
      up.set().forEach(a -> deep(a.value(), out));
      if (up.where() != null) {
        deep(up.where(), out);
      }
    } else if (s instanceof Statement.Delete del && del.where() != null) {
      deep(del.where(), out);
    }
  }

  private static void query(Query q, List<Expr.Column> out) {
    if (q.with() != null) {
      for (Cte c : q.with().ctes()) {
        query(c.query(), out);
      }
    }
    if (q instanceof Query.Select s) {
      for (SelectItem i : s.items()) {
        deep(i.expr(), out);
      }
      for (TableRef r : s.from()) {
        from(r, out);
      }
      if (s.where() != null) {
        deep(s.where(), out);
      }
      s.groupBy().forEach(g -> deep(g, out));
      if (s.having() != null) {
        deep(s.having(), out);
      }
    } else {
      Query.SetOperation op = (Query.SetOperation) q;
      query(op.left(), out);
      query(op.right(), out);
    }
    q.orderBy().forEach(o -> deep(o.expr(), out));
  }

  private static void from(TableRef r, List<Expr.Column> out) {
    if (r instanceof TableRef.Derived d) {
      query(d.query(), out);
    } else if (r instanceof TableRef.Join j) {
      from(j.left(), out);
      from(j.right(), out);
      if (j.on() != null) {
        deep(j.on(), out);
      }
    }
  }

  private static void deep(Expr e, List<Expr.Column> out) {
    if (e instanceof Expr.Column c) {
      out.add(c);
      return;
    }
    for (Query q : IrTree.subqueries(e)) {
      query(q, out);
    }
    for (Expr child : IrTree.children(e)) {
      deep(child, out);
    }
  }
}
