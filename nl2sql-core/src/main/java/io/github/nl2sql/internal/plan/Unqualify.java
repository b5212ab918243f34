package io.github.nl2sql.internal.plan;

import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.OrderItem;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.SelectItem;
import java.util.ArrayList;
import java.util.List;

/** Drops table qualifiers from the column references of a one-table SELECT the planner built. Internal. */
final class Unqualify {
  private Unqualify() {}

  static Query.Select apply(Query.Select q) {
    List<SelectItem> items = new ArrayList<>();
    for (SelectItem i : q.items()) {
      items.add(new SelectItem(expr(i.expr()), i.alias()));
    }
    List<Expr> groups = q.groupBy().stream().map(Unqualify::expr).toList();
    List<OrderItem> order = new ArrayList<>();
    for (OrderItem o : q.orderBy()) {
      order.add(new OrderItem(expr(o.expr()), o.direction(), o.nulls()));
    }
    return new Query.Select(q.with(), q.distinct(), items, q.from(), q.where() == null ? null : expr(q.where()),
        groups, q.having() == null ? null : expr(q.having()), order, q.limit(), q.offset());
  }

  static Expr expr(Expr e) {
    if (e instanceof Expr.Column c) {
      return Expr.Column.of(c.column());
    }
    if (e instanceof Expr.Aggregate a) {
      return new Expr.Aggregate(a.function(), a.distinct(), expr(a.argument()), a.separator());
    }
    if (e instanceof Expr.Comparison c) {
      return new Expr.Comparison(c.op(), expr(c.left()), expr(c.right()));
    }
    if (e instanceof Expr.Between b) {
      return new Expr.Between(expr(b.expr()), expr(b.low()), expr(b.high()), b.negated());
    }
    if (e instanceof Expr.And a) {
      return new Expr.And(a.operands().stream().map(Unqualify::expr).toList());
    }
    if (e instanceof Expr.Or o) {
      return new Expr.Or(o.operands().stream().map(Unqualify::expr).toList());
    }
    if (e instanceof Expr.Not n) {
      return new Expr.Not(expr(n.operand()));
    }
    if (e instanceof Expr.IsNull n) {
      return new Expr.IsNull(expr(n.expr()), n.negated());
    }
    if (e instanceof Expr.Like l) {
      return new Expr.Like(expr(l.expr()), expr(l.pattern()), l.negated(), l.ignoreCase(), l.escape());
    }
    return e;
  }
}
