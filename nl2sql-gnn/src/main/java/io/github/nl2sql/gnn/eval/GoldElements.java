package io.github.nl2sql.gnn.eval;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.ir.Cte;
import io.github.nl2sql.internal.ir.IrTree;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.OrderItem;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.SelectItem;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.ir.TableRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The catalog tables and columns a statement uses: every table in a FROM (CTE names excluded), and every
 * column reference resolved to its real table (qualifiers are aliases or names of FROM tables of the
 * enclosing SELECT or of outer SELECTs; an unqualified column belongs to the first FROM table, innermost
 * scope first, that has it). {@code *} adds no column. Names are the catalog's spelling.
 *
 * @param tables tables used, in first-use order
 * @param columns columns used as {@code table.column}, in first-use order
 */
public record GoldElements(Set<String> tables, Set<String> columns) {

  /** Collects the elements of {@code statement} against {@code catalog}. */
  public static GoldElements of(Statement statement, Catalog catalog) {
    Walker w = new Walker(catalog);
    if (statement instanceof Query q) {
      w.query(q, List.of());
    }
    return new GoldElements(w.tables, w.columns);
  }

  private static final class Walker {
    private final Catalog catalog;
    private final Set<String> tables = new LinkedHashSet<>();
    private final Set<String> columns = new LinkedHashSet<>();
    private final Set<String> cteNames = new HashSet<>();

    Walker(Catalog catalog) {
      this.catalog = catalog;
    }

    /** One SELECT's visible tables: alias (lower case) -> catalog table; derived tables map to null. */
    private void query(Query q, List<Map<String, Table>> outer) {
      if (q instanceof Query.SetOperation s) {
        with(s.with(), outer);
        query(s.left(), outer);
        query(s.right(), outer);
        return;
      }
      Query.Select s = (Query.Select) q;
      with(s.with(), outer);
      Map<String, Table> scope = new LinkedHashMap<>();
      for (TableRef r : s.from()) {
        from(r, scope, outer);
      }
      List<Map<String, Table>> scopes = new ArrayList<>();
      scopes.add(scope);
      scopes.addAll(outer);
      ExprWalker ew = new ExprWalker(scopes);
      for (SelectItem i : s.items()) {
        ew.walk(i.expr());
      }
      for (TableRef r : s.from()) {
        joinConditions(r, ew);
      }
      ew.walk(s.where());
      s.groupBy().forEach(ew::walk);
      ew.walk(s.having());
      for (OrderItem o : s.orderBy()) {
        ew.walk(o.expr());
      }
    }

    private void with(io.github.nl2sql.ir.With with, List<Map<String, Table>> outer) {
      if (with == null) {
        return;
      }
      for (Cte c : with.ctes()) {
        cteNames.add(c.name().toLowerCase(Locale.ROOT));
        query(c.query(), outer);
      }
    }

    private void from(TableRef r, Map<String, Table> scope, List<Map<String, Table>> outer) {
      if (r instanceof TableRef.Table t) {
        String alias = (t.alias() != null ? t.alias() : t.name()).toLowerCase(Locale.ROOT);
        Table real = cteNames.contains(t.name().toLowerCase(Locale.ROOT)) ? null
            : catalog.table(t.schema(), t.name()).orElse(null);
        if (real != null) {
          tables.add(real.name());
        }
        scope.put(alias, real);
      } else if (r instanceof TableRef.Derived d) {
        query(d.query(), outer);
        if (d.alias() != null) {
          scope.put(d.alias().toLowerCase(Locale.ROOT), null);
        }
      } else if (r instanceof TableRef.Join j) {
        from(j.left(), scope, outer);
        from(j.right(), scope, outer);
      }
    }

    private void joinConditions(TableRef r, ExprWalker ew) {
      if (r instanceof TableRef.Join j) {
        joinConditions(j.left(), ew);
        joinConditions(j.right(), ew);
        ew.walk(j.on());
        for (String u : j.using()) {
          ew.walk(new Expr.Column(null, u));
        }
      }
    }

    private final class ExprWalker {
      private final List<Map<String, Table>> scopes;

      ExprWalker(List<Map<String, Table>> scopes) {
        this.scopes = scopes;
      }

      void walk(Expr e) {
        if (e == null) {
          return;
        }
        if (e instanceof Expr.Column c) {
          visitColumn(c);
          return;
        }
        IrTree.children(e).forEach(this::walk);
        IrTree.subqueries(e).forEach(this::sub);
      }

      private void sub(Query q) {
        query(q, scopes);
      }

      private Void visitColumn(Expr.Column e) {
        if (e.table() != null) {
          String q = e.table().toLowerCase(Locale.ROOT);
          for (Map<String, Table> scope : scopes) {
            if (scope.containsKey(q)) {
              Table t = scope.get(q);
              if (t != null) {
                t.column(e.column()).ifPresent(c -> columns.add(t.name() + "." + c.name()));
              }
              return null;
            }
          }
          return null;
        }
        for (Map<String, Table> scope : scopes) {
          for (Table t : scope.values()) {
            if (t != null && t.column(e.column()).isPresent()) {
              columns.add(t.name() + "." + t.column(e.column()).get().name());
              return null;
            }
          }
        }
        return null;
      }
    }
  }
}
