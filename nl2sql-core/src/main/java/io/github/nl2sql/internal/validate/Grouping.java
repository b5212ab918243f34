package io.github.nl2sql.internal.validate;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.internal.validate.Checker.Resolution;
import io.github.nl2sql.internal.validate.Scopes.Clause;
import io.github.nl2sql.internal.validate.Scopes.Relation;
import io.github.nl2sql.internal.validate.Scopes.Scope;
import io.github.nl2sql.internal.ir.IrTree;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.OrderItem;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.SelectItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grouping rule of one aggregated SELECT: every column outside an aggregate in the select list,
 * HAVING and ORDER BY must be grouped, or be functionally dependent on a grouped primary key. An
 * error for PostgreSQL and H2, a warning for SQLite, MySQL and MariaDB, which run such queries.
 */
final class Grouping {
  private final Checker checker;
  private final Query.Select select;
  private final Scope scope;
  private final List<Expr> grouped = new ArrayList<>();
  private final Map<Relation, Set<String>> groupedColumns = new IdentityHashMap<>();

  Grouping(Checker checker, Query.Select select, Scope scope) {
    this.checker = checker;
    this.select = select;
    this.scope = scope;
  }

  void check() {
    FunctionRegistry f = checker.functions();
    boolean aggregated = !select.groupBy().isEmpty() || select.having() != null;
    for (SelectItem i : select.items()) {
      aggregated |= Walk.containsAggregate(i.expr(), f);
    }
    for (OrderItem o : select.orderBy()) {
      aggregated |= Walk.containsAggregate(o.expr(), f);
    }
    if (!aggregated) {
      return;
    }
    List<SelectItem> items = select.items();
    for (Expr g : select.groupBy()) {
      Expr target = g;
      if (g instanceof Expr.Ordinal o) {
        if (o.position() > items.size()) {
          continue;
        }
        target = items.get(o.position() - 1).expr();
      } else if (g instanceof Expr.Column c && c.table() == null) {
        Resolution r = checker.resolve(c, scope, Clause.GROUP_BY);
        if (r.kind == Resolution.Kind.ALIAS) {
          target = items.get(r.aliasIndex).expr();
        }
      }
      grouped.add(target);
      if (target instanceof Expr.Column c) {
        Resolution r = checker.resolve(c, scope, Clause.GROUP_BY);
        if (r.kind == Resolution.Kind.FOUND && r.depth == 0) {
          groupedColumns.computeIfAbsent(r.relation, k -> new HashSet<>())
              .add(Scopes.lower(c.column()));
        }
      }
    }
    for (SelectItem i : items) {
      if (!(i.expr() instanceof Expr.Star)) {
        check(i.expr(), Clause.SELECT);
      }
    }
    if (select.having() != null) {
      check(select.having(), Clause.HAVING);
    }
    for (OrderItem o : select.orderBy()) {
      if (!(o.expr() instanceof Expr.Ordinal)) {
        check(o.expr(), Clause.ORDER_BY);
      }
    }
  }

  private void check(Expr e, Clause clause) {
    if (isGrouped(e, clause)) {
      return;
    }
    if (e instanceof Expr.Column c) {
      Resolution r = checker.resolve(c, scope, clause);
      if (r.kind != Resolution.Kind.FOUND || r.depth != 0 || !r.relation.known()) {
        return; // aliases, outer references and unresolved names (reported elsewhere)
      }
      Set<String> cols = groupedColumns.getOrDefault(r.relation, Set.of());
      if (cols.contains(Scopes.lower(c.column())) || dependsOnKey(r.relation, cols)) {
        return;
      }
      Dialect d = checker.dialect();
      checker.notGrouped(c, d == Dialect.POSTGRES || d == Dialect.H2);
      return;
    }
    if (e instanceof Expr.Aggregate) {
      return;
    }
    if (e instanceof Expr.Function f && Walk.isAggregateCall(f, checker.functions())) {
      return;
    }
    if (e instanceof Expr.Window w) {
      for (Expr x : IrTree.children(w.function())) {
        check(x, clause);
      }
      for (Expr x : w.over().partitionBy()) {
        check(x, clause);
      }
      for (OrderItem o : w.over().orderBy()) {
        check(o.expr(), clause);
      }
      return;
    }
    for (Expr child : IrTree.children(e)) {
      check(child, clause);
    }
  }

  /** Functional dependency: the relation's whole primary key is grouped. */
  private static boolean dependsOnKey(Relation r, Set<String> groupedCols) {
    if (r.table == null || r.table.primaryKey().isEmpty()) {
      return false;
    }
    for (String k : r.table.primaryKey()) {
      if (!groupedCols.contains(Scopes.lower(k))) {
        return false;
      }
    }
    return true;
  }

  private boolean isGrouped(Expr e, Clause clause) {
    for (Expr g : grouped) {
      if (g.equals(e)) {
        return true;
      }
    }
    if (e instanceof Expr.Column c && c.table() == null && clause != Clause.SELECT) {
      Resolution r = checker.resolve(c, scope, clause);
      return r.kind == Resolution.Kind.ALIAS;
    }
    return false;
  }
}
