package io.github.nl2sql.internal.ir;

import io.github.nl2sql.ir.Cte;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.OrderItem;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.SelectItem;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.ir.TableRef;
import io.github.nl2sql.ir.When;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of the IR's tree, in one place: the direct sub-expressions and the directly nested
 * subqueries of each {@link Expr} kind, and {@link #walk} over a whole statement. Traversals (the
 * validator, the compiler's spelling, the access-policy checker, the linking evaluation) recurse with
 * these instead of each spelling out every node kind, so a new kind of node is taught here once.
 *
 * <p>{@link #walk} is for purposes that need every node but not its scope (which columns a statement
 * names, which names it defines). The access-policy checker and the gold-element extractor walk query
 * levels themselves: they resolve names in scopes they build as they go (FROM before the expressions
 * that read it, CTEs visible to later ones), an order a pre-order walk does not give. Internal, not
 * API. Stateless and thread-safe.
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

  /**
   * What {@link #walk} reports, each node before what is inside it; every method does nothing unless
   * overridden.
   */
  public interface Visitor {
    /** The table an INSERT, UPDATE or DELETE writes. */
    default void target(TableRef.Table table) {}

    /** A common table expression, before its query. */
    default void cte(Cte cte) {}

    /** A select-list item, before its expression. */
    default void selectItem(SelectItem item) {}

    /** A FROM item (a table, a derived table before its query, a join before its sides and condition). */
    default void from(TableRef ref) {}

    /** An expression, before its subqueries and then its sub-expressions. */
    default void expr(Expr e) {}
  }

  /**
   * Walks every node of {@code statement} in pre-order: each query level (CTEs first, then select
   * items, FROM, WHERE, GROUP BY, HAVING, set-operation branches, ORDER BY), derived tables, join
   * conditions and subqueries inside expressions; for writes the target, the inserted rows or
   * assigned values, an INSERT's query and the WHERE condition.
   */
  public static void walk(Statement statement, Visitor v) {
    if (statement instanceof Query q) {
      query(q, v);
    } else if (statement instanceof Statement.Insert ins) {
      v.target(ins.table());
      ins.rows().forEach(r -> r.forEach(e -> expr(e, v)));
      if (ins.query() != null) {
        query(ins.query(), v);
      }
    } else if (statement instanceof Statement.Update up) {
      v.target(up.table());
      up.set().forEach(a -> expr(a.value(), v));
      expr(up.where(), v);
    } else if (statement instanceof Statement.Delete del) {
      v.target(del.table());
      expr(del.where(), v);
    }
  }

  private static void query(Query q, Visitor v) {
    if (q.with() != null) {
      for (Cte c : q.with().ctes()) {
        v.cte(c);
        query(c.query(), v);
      }
    }
    if (q instanceof Query.Select s) {
      for (SelectItem i : s.items()) {
        v.selectItem(i);
        expr(i.expr(), v);
      }
      s.from().forEach(r -> from(r, v));
      expr(s.where(), v);
      s.groupBy().forEach(g -> expr(g, v));
      expr(s.having(), v);
    } else {
      Query.SetOperation op = (Query.SetOperation) q;
      query(op.left(), v);
      query(op.right(), v);
    }
    q.orderBy().forEach(o -> expr(o.expr(), v));
  }

  private static void from(TableRef r, Visitor v) {
    v.from(r);
    if (r instanceof TableRef.Derived d) {
      query(d.query(), v);
    } else if (r instanceof TableRef.Join j) {
      from(j.left(), v);
      from(j.right(), v);
      expr(j.on(), v);
    }
  }

  private static void expr(Expr e, Visitor v) {
    if (e == null) {
      return;
    }
    v.expr(e);
    for (Query q : subqueries(e)) {
      query(q, v);
    }
    for (Expr child : children(e)) {
      expr(child, v);
    }
  }
}
