package io.github.nl2sql.internal.sql;

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

/** Test helper: collects every column reference and table node of an IR tree, in tree order. */
final class IrNodes {
  private final List<Object> nodes = new ArrayList<>();

  private IrNodes() {}

  /** All {@link Expr.Column} and {@link TableRef.Table} instances in {@code statement}. */
  static List<Object> columnsAndTables(Statement statement) {
    IrNodes n = new IrNodes();
    n.statement(statement);
    return n.nodes;
  }

  private void statement(Statement s) {
    if (s instanceof Query q) {
      query(q);
    } else if (s instanceof Statement.Insert i) {
      nodes.add(i.table());
      i.rows().forEach(r -> r.forEach(this::expr));
      if (i.query() != null) {
        query(i.query());
      }
    } else if (s instanceof Statement.Update u) {
      nodes.add(u.table());
      u.set().forEach(a -> expr(a.value()));
      expr(u.where());
    } else if (s instanceof Statement.Delete d) {
      nodes.add(d.table());
      expr(d.where());
    }
  }

  private void query(Query q) {
    if (q.with() != null) {
      for (Cte c : q.with().ctes()) {
        query(c.query());
      }
    }
    if (q instanceof Query.Select s) {
      for (SelectItem i : s.items()) {
        expr(i.expr());
      }
      s.from().forEach(this::tableRef);
      expr(s.where());
      s.groupBy().forEach(this::expr);
      expr(s.having());
    } else {
      Query.SetOperation so = (Query.SetOperation) q;
      query(so.left());
      query(so.right());
    }
    for (OrderItem o : q.orderBy()) {
      expr(o.expr());
    }
  }

  private void tableRef(TableRef r) {
    if (r instanceof TableRef.Table t) {
      nodes.add(t);
    } else if (r instanceof TableRef.Derived d) {
      query(d.query());
    } else {
      TableRef.Join j = (TableRef.Join) r;
      tableRef(j.left());
      tableRef(j.right());
      expr(j.on());
    }
  }

  private void expr(Expr e) {
    if (e == null) {
      return;
    }
    if (e instanceof Expr.Column) {
      nodes.add(e);
    } else if (e instanceof Expr.Arithmetic a) {
      expr(a.left());
      expr(a.right());
    } else if (e instanceof Expr.Negate n) {
      expr(n.operand());
    } else if (e instanceof Expr.Comparison c) {
      expr(c.left());
      expr(c.right());
    } else if (e instanceof Expr.Quantified q) {
      expr(q.left());
      query(q.query());
    } else if (e instanceof Expr.And a) {
      a.operands().forEach(this::expr);
    } else if (e instanceof Expr.Or o) {
      o.operands().forEach(this::expr);
    } else if (e instanceof Expr.Not n) {
      expr(n.operand());
    } else if (e instanceof Expr.Like l) {
      expr(l.expr());
      expr(l.pattern());
    } else if (e instanceof Expr.InList i) {
      expr(i.expr());
      i.values().forEach(this::expr);
    } else if (e instanceof Expr.InQuery i) {
      expr(i.expr());
      query(i.query());
    } else if (e instanceof Expr.Between b) {
      expr(b.expr());
      expr(b.low());
      expr(b.high());
    } else if (e instanceof Expr.IsNull i) {
      expr(i.expr());
    } else if (e instanceof Expr.Exists x) {
      query(x.query());
    } else if (e instanceof Expr.Subquery s) {
      query(s.query());
    } else if (e instanceof Expr.Function f) {
      f.args().forEach(this::expr);
    } else if (e instanceof Expr.Aggregate a) {
      expr(a.argument());
    } else if (e instanceof Expr.Case c) {
      expr(c.operand());
      for (When w : c.whens()) {
        expr(w.condition());
        expr(w.result());
      }
      expr(c.otherwise());
    } else if (e instanceof Expr.Cast c) {
      expr(c.expr());
    } else if (e instanceof Expr.Window w) {
      expr(w.function());
      w.over().partitionBy().forEach(this::expr);
      w.over().orderBy().forEach(o -> expr(o.expr()));
    }
  }
}
