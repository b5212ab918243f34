package io.github.nl2sql.internal.ir;

import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.OrderItem;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.When;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of the IR's expression tree, in one place: the direct sub-expressions and the directly
 * nested subqueries of each {@link Expr} kind. Traversals (the validator, the access-policy checker,
 * the linking evaluation) recurse with these instead of each spelling out every node kind, so a new
 * kind of expression is taught here once. Internal, not API. Stateless and thread-safe.
 */
public final class IrTree {
  private IrTree() {}

  /** The direct sub-expressions of {@code e}; subqueries are not entered. */
  public static List<Expr> children(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Expr.Arithmetic a) {
      out.add(a.left());
      out.add(a.right());
    } else if (e instanceof Expr.Negate n) {
      out.add(n.operand());
    } else if (e instanceof Expr.Comparison c) {
      out.add(c.left());
      out.add(c.right());
    } else if (e instanceof Expr.Quantified q) {
      out.add(q.left());
    } else if (e instanceof Expr.And a) {
      out.addAll(a.operands());
    } else if (e instanceof Expr.Or o) {
      out.addAll(o.operands());
    } else if (e instanceof Expr.Not n) {
      out.add(n.operand());
    } else if (e instanceof Expr.Like l) {
      out.add(l.expr());
      out.add(l.pattern());
    } else if (e instanceof Expr.InList in) {
      out.add(in.expr());
      out.addAll(in.values());
    } else if (e instanceof Expr.InQuery in) {
      out.add(in.expr());
    } else if (e instanceof Expr.Between b) {
      out.add(b.expr());
      out.add(b.low());
      out.add(b.high());
    } else if (e instanceof Expr.IsNull n) {
      out.add(n.expr());
    } else if (e instanceof Expr.Function f) {
      out.addAll(f.args());
    } else if (e instanceof Expr.Aggregate a) {
      out.add(a.argument());
    } else if (e instanceof Expr.Case c) {
      if (c.operand() != null) {
        out.add(c.operand());
      }
      for (When w : c.whens()) {
        out.add(w.condition());
        out.add(w.result());
      }
      if (c.otherwise() != null) {
        out.add(c.otherwise());
      }
    } else if (e instanceof Expr.Cast c) {
      out.add(c.expr());
    } else if (e instanceof Expr.Window w) {
      out.add(w.function());
      out.addAll(w.over().partitionBy());
      for (OrderItem o : w.over().orderBy()) {
        out.add(o.expr());
      }
    }
    return out;
  }

  /** The subqueries directly inside {@code e} (not inside its sub-expressions). */
  public static List<Query> subqueries(Expr e) {
    if (e instanceof Expr.Quantified q) {
      return List.of(q.query());
    } else if (e instanceof Expr.InQuery in) {
      return List.of(in.query());
    } else if (e instanceof Expr.Exists x) {
      return List.of(x.query());
    } else if (e instanceof Expr.Subquery s) {
      return List.of(s.query());
    }
    return List.of();
  }

}
