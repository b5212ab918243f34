package io.github.nl2sql.bench;

import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.ir.TableRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Spider's difficulty levels (easy, medium, hard, extra) computed on the IR of the gold query, after the
 * rules of Spider's evaluation script: component counts of WHERE/GROUP BY/ORDER BY/LIMIT/JOIN/OR/LIKE
 * (component 1), nested queries and set operations (component 2), and "others" (several aggregates,
 * select columns, WHERE conditions or GROUP BY columns).
 */
final class SpiderHardness {
  private SpiderHardness() {}

  static String of(Statement s) {
    if (!(s instanceof Query q)) {
      return "extra";
    }
    Query.Select main = q instanceof Query.Select sel ? sel : leftmost(q);
    int c1 = component1(main);
    int c2 = component2(q, main);
    int others = others(main);
    if (c1 <= 1 && others == 0 && c2 == 0) {
      return "easy";
    }
    if ((others <= 2 && c1 <= 1 && c2 == 0) || (c1 <= 2 && others < 2 && c2 == 0)) {
      return "medium";
    }
    if ((others > 2 && c1 <= 2 && c2 == 0) || (c1 > 2 && c1 <= 3 && others <= 2 && c2 == 0)
        || (c1 <= 1 && others == 0 && c2 <= 1)) {
      return "hard";
    }
    return "extra";
  }

  private static Query.Select leftmost(Query q) {
    while (q instanceof Query.SetOperation so) {
      q = so.left();
    }
    return (Query.Select) q;
  }

  private static int component1(Query.Select s) {
    int n = 0;
    if (s.where() != null) {
      n++;
    }
    if (!s.groupBy().isEmpty()) {
      n++;
    }
    if (!s.orderBy().isEmpty()) {
      n++;
    }
    if (s.limit() != null) {
      n++;
    }
    int tables = 0;
    for (TableRef r : s.from()) {
      tables += countTables(r);
    }
    if (tables > 1) {
      n += tables - 1;
    }
    List<Expr> conds = conditions(s.where());
    conds.addAll(conditions(s.having()));
    for (Expr e : flattenOr(s.where())) {
      if (e instanceof Expr.Or) {
        n++;
      }
    }
    for (Expr e : conds) {
      if (e instanceof Expr.Like) {
        n++;
      }
    }
    return n;
  }

  private static int countTables(TableRef r) {
    if (r instanceof TableRef.Join j) {
      return countTables(j.left()) + countTables(j.right());
    }
    return 1;
  }

  private static int component2(Query q, Query.Select main) {
    int n = 0;
    if (q instanceof Query.SetOperation) {
      n++;
    }
    List<Expr> conds = conditions(main.where());
    conds.addAll(conditions(main.having()));
    for (Expr e : conds) {
      if (e instanceof Expr.InQuery || e instanceof Expr.Exists || e instanceof Expr.Quantified
          || e instanceof Expr.Comparison c && (c.right() instanceof Expr.Subquery || c.left() instanceof Expr.Subquery)) {
        n++;
      }
    }
    for (TableRef r : main.from()) {
      if (r instanceof TableRef.Derived) {
        n++;
      }
    }
    return n;
  }

  private static int others(Query.Select s) {
    int n = 0;
    int aggs = 0;
    for (var i : s.items()) {
      if (i.expr() instanceof Expr.Aggregate) {
        aggs++;
      }
    }
    for (var o : s.orderBy()) {
      if (o.expr() instanceof Expr.Aggregate) {
        aggs++;
      }
    }
    if (aggs > 1) {
      n++;
    }
    if (s.items().size() > 1) {
      n++;
    }
    if (conditions(s.where()).size() > 1) {
      n++;
    }
    if (s.groupBy().size() > 1) {
      n++;
    }
    return n;
  }

  private static List<Expr> conditions(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e == null) {
      return out;
    }
    if (e instanceof Expr.And a) {
      a.operands().forEach(x -> out.addAll(conditions(x)));
    } else if (e instanceof Expr.Or o) {
      o.operands().forEach(x -> out.addAll(conditions(x)));
    } else if (e instanceof Expr.Not n) {
      out.addAll(conditions(n.operand()));
    } else {
      out.add(e);
    }
    return out;
  }

  private static List<Expr> flattenOr(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Expr.And a) {
      a.operands().forEach(x -> out.addAll(flattenOr(x)));
    } else if (e instanceof Expr.Or o) {
      out.add(o);
      o.operands().forEach(x -> out.addAll(flattenOr(x)));
    }
    return out;
  }
}
