package io.github.nl2sql.internal.policy;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.ir.Cte;
import io.github.nl2sql.internal.ir.IrTree;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.OrderItem;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.SelectItem;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.ir.TableRef;
import io.github.nl2sql.policy.AccessPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks IR against an {@link AccessPolicy}: every table a statement uses (FROM, joins, subqueries, CTE
 * bodies, write targets), every column it reads or writes, and every {@code *} (which would read all
 * columns of its tables, denied ones included), resolved against the catalog the way the validator does
 * (qualifiers by alias or name, unqualified columns by the tables in scope, inner scopes first).
 * Unknown names are left to the validator. Immutable and thread-safe.
 */
public final class PolicyChecker {
  private final AccessPolicy policy;

  /** @throws NullPointerException when {@code policy} is null */
  public PolicyChecker(AccessPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** The policy checked. */
  public AccessPolicy policy() {
    return policy;
  }

  /**
   * The policy's error diagnostics for {@code statement}: denied tables (G005), denied columns (G006),
   * {@code *} over a table with denied columns (G007) and, with {@code checkWrites}, a write when the
   * policy allows none (G008). Each problem is reported once. Empty when the statement complies.
   *
   * @param catalog the catalog names resolve against
   * @param checkWrites whether to refuse INSERT, UPDATE and DELETE when the policy allows no writes
   */
  public List<Diagnostic> check(Statement statement, Catalog catalog, boolean checkWrites) {
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(catalog, "catalog");
    if (policy.isUnrestricted()) {
      return List.of();
    }
    Run run = new Run(catalog);
    if (statement instanceof Query q) {
      run.query(q, null);
    } else {
      if (checkWrites && !policy.allowWrites()) {
        String kind = statement instanceof Statement.Insert ? "INSERT"
            : statement instanceof Statement.Update ? "UPDATE" : "DELETE";
        run.add(Diagnostic.error(DiagnosticCode.POLICY_WRITE_DENIED, kind, List.of(), kind));
      }
      run.write(statement);
    }
    return List.copyOf(run.found);
  }

  /**
   * {@code catalog} without the tables and columns the policy denies, for planners and prompts (so a
   * language model never sees them). Its fingerprint is derived from the original's and the policy, so
   * caches keyed by fingerprint keep the two apart. The catalog itself when the policy denies nothing.
   */
  public Catalog visible(Catalog catalog) {
    if (policy.allowedTables().isEmpty() && policy.deniedTables().isEmpty() && policy.deniedColumns().isEmpty()) {
      return catalog;
    }
    List<Table> tables = new ArrayList<>();
    for (Table t : catalog.tables()) {
      if (!policy.allowsTable(t.name())) {
        continue;
      }
      List<Column> columns = new ArrayList<>();
      for (Column c : t.columns()) {
        if (policy.allowsColumn(t.name(), c.name())) {
          columns.add(c);
        }
      }
      tables.add(columns.size() == t.columns().size() ? t : t.withColumns(columns));
    }
    return new Catalog(catalog.product(), catalog.productVersion(), catalog.database(), catalog.defaultSchema(),
        catalog.dialect(), tables, sha256(catalog.fingerprint() + "\u0000" + policy), catalog.readAt(),
        catalog.statistics(), catalog.notes());
  }

  /**
   * A planner's draft with each {@code *} (or {@code t.*}) of its outermost select list over a table
   * with denied columns replaced by that table's allowed columns, in catalog order, qualified by the
   * table's reference name; {@code statement} itself when there is nothing to replace. Planners see the
   * catalog without denied columns, so "show all customers" reads as {@code SELECT *}; this keeps such
   * answers possible without reading what the policy denies. Only the outermost SELECT is rewritten:
   * anything else the policy denies is still refused by {@link #check}.
   */
  public Statement expandStars(Statement statement, Catalog catalog) {
    if (!(statement instanceof Query.Select sel) || policy.deniedColumns().isEmpty()) {
      return statement;
    }
    List<Source> sources = new ArrayList<>();
    for (TableRef ref : sel.from()) {
      baseTables(ref, sel.with(), catalog, sources);
    }
    List<SelectItem> items = new ArrayList<>();
    boolean changed = false;
    for (SelectItem item : sel.items()) {
      if (item.expr() instanceof Expr.Star star && item.alias() == null) {
        List<SelectItem> expanded = new ArrayList<>();
        boolean denies = false;
        boolean opaque = false;
        for (Source src : sources) {
          if (star.table() != null && !star.table().equalsIgnoreCase(src.name())) {
            continue;
          }
          if (src.table() == null) {
            opaque = true;
            continue;
          }
          for (Column c : src.table().columns()) {
            if (policy.allowsColumn(src.table().name(), c.name())) {
              expanded.add(new SelectItem(Expr.Column.of(src.name(), c.name()), null));
            } else {
              denies = true;
            }
          }
        }
        if (denies && !opaque && !expanded.isEmpty()) {
          items.addAll(expanded);
          changed = true;
          continue;
        }
      }
      items.add(item);
    }
    return changed ? sel.withItems(items) : statement;
  }

  /** The FROM entries of one level: base tables with their catalog entry, CTEs and derived tables without. */
  private static void baseTables(TableRef ref, io.github.nl2sql.ir.With with, Catalog catalog, List<Source> out) {
    if (ref instanceof TableRef.Table t) {
      boolean cte = with != null && t.schema() == null
          && with.ctes().stream().anyMatch(c -> c.name().equalsIgnoreCase(t.name()));
      out.add(new Source(t.referenceName(), cte ? null : catalog.table(t.schema(), t.name()).orElse(null)));
    } else if (ref instanceof TableRef.Derived d) {
      out.add(new Source(d.alias(), null));
    } else if (ref instanceof TableRef.Join j) {
      baseTables(j.left(), with, catalog, out);
      baseTables(j.right(), with, catalog, out);
    }
  }

  /**
   * {@code diagnostics} with the "did you mean" suggestions that name a denied table or column removed,
   * so a misspelling does not reveal what the policy hides.
   */
  public List<Diagnostic> hideDenied(List<Diagnostic> diagnostics, Catalog catalog) {
    if (policy.allowedTables().isEmpty() && policy.deniedTables().isEmpty() && policy.deniedColumns().isEmpty()) {
      return diagnostics;
    }
    List<Diagnostic> out = new ArrayList<>(diagnostics.size());
    for (Diagnostic d : diagnostics) {
      if (d.suggestions().isEmpty()) {
        out.add(d);
        continue;
      }
      List<String> kept = new ArrayList<>();
      for (String suggestion : d.suggestions()) {
        if (visibleName(suggestion, catalog)) {
          kept.add(suggestion);
        }
      }
      out.add(kept.size() == d.suggestions().size() ? d
          : new Diagnostic(d.code(), d.severity(), d.message(), d.subject(), d.position(), kept));
    }
    return out;
  }

  /** Whether a suggested name ({@code table}, {@code column} or {@code table.column}) names nothing denied. */
  private boolean visibleName(String name, Catalog catalog) {
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      String table = name.substring(0, dot);
      return policy.allowsTable(table) && policy.allowsColumn(table, name.substring(dot + 1));
    }
    if (catalog.table(name).isPresent() && !policy.allowsTable(catalog.table(name).get().name())) {
      return false;
    }
    boolean denied = false;
    for (Table t : catalog.tables()) {
      if (t.column(name).isPresent()) {
        if (policy.allowsTable(t.name()) && policy.allowsColumn(t.name(), name)) {
          return true;
        }
        denied = true;
      }
    }
    return !denied;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** One entry of a FROM scope: a reference name and the catalog table behind it ({@code null}: CTE or derived). */
  private record Source(String name, Table table) {}

  /** A query level's FROM entries, with the enclosing level (for correlated references) and the CTEs in scope. */
  private record Scope(List<Source> sources, Scope outer, List<String> ctes) {}

  /** One check: walks the statement and collects diagnostics. */
  private final class Run {
    private final Catalog catalog;
    private final Set<Diagnostic> found = new LinkedHashSet<>();
    private Scope scope;

    Run(Catalog catalog) {
      this.catalog = catalog;
    }

    void add(Diagnostic d) {
      found.add(d);
    }

    /** Checks a query in the scope {@code outer} (null at the top), with the CTEs visible there. */
    void query(Query q, Scope outer) {
      List<String> ctes = new ArrayList<>(outer == null ? List.of() : outer.ctes());
      if (q.with() != null) {
        for (Cte cte : q.with().ctes()) {
          ctes.add(cte.name());
          Scope saved = scope;
          scope = new Scope(List.of(), outer, List.copyOf(ctes));
          query(cte.query(), scope);
          scope = saved;
        }
      }
      Scope withCtes = new Scope(List.of(), outer, List.copyOf(ctes));
      if (q instanceof Query.SetOperation s) {
        query(s.left(), withCtes);
        query(s.right(), withCtes);
        // ORDER BY of a set operation names output columns: nothing of a table is read there
        return;
      }
      Query.Select sel = (Query.Select) q;
      List<Source> sources = new ArrayList<>();
      for (TableRef ref : sel.from()) {
        from(ref, sources, withCtes);
      }
      Scope saved = scope;
      scope = new Scope(sources, outer, withCtes.ctes());
      for (TableRef ref : sel.from()) {
        joinConditions(ref);
      }
      for (SelectItem item : sel.items()) {
        visit(item.expr());
      }
      visit(sel.where());
      sel.groupBy().forEach(this::visit);
      visit(sel.having());
      for (OrderItem o : sel.orderBy()) {
        visit(o.expr());
      }
      scope = saved;
    }

    private void from(TableRef ref, List<Source> sources, Scope context) {
      if (ref instanceof TableRef.Table t) {
        boolean cte = t.schema() == null && context.ctes().stream().anyMatch(c -> c.equalsIgnoreCase(t.name()));
        if (cte) {
          sources.add(new Source(t.referenceName(), null));
          return;
        }
        table(t.name());
        sources.add(new Source(t.referenceName(), catalog.table(t.schema(), t.name()).orElse(null)));
      } else if (ref instanceof TableRef.Derived d) {
        // a derived table's query sees the enclosing scope only in LATERAL, which the IR does not hold
        query(d.query(), context.outer() == null && context.ctes().isEmpty() ? null
            : new Scope(List.of(), context.outer(), context.ctes()));
        sources.add(new Source(d.alias(), null));
      } else if (ref instanceof TableRef.Join j) {
        from(j.left(), sources, context);
        from(j.right(), sources, context);
      }
    }

    private void joinConditions(TableRef ref) {
      if (ref instanceof TableRef.Join j) {
        joinConditions(j.left());
        joinConditions(j.right());
        visit(j.on());
        for (String c : j.using()) {
          visitColumn(Expr.Column.of(c));
        }
      }
    }

    private void table(String name) {
      if (!policy.allowsTable(name)) {
        add(Diagnostic.error(DiagnosticCode.POLICY_TABLE_DENIED, name, List.of(), name));
      }
    }

    private void column(Table t, String column) {
      if (policy.allowsTable(t.name()) && !policy.allowsColumn(t.name(), column)) {
        add(Diagnostic.error(DiagnosticCode.POLICY_COLUMN_DENIED, t.name() + "." + column, List.of(),
            column, t.name()));
      }
    }

    private void star(Table t) {
      if (!policy.allowsTable(t.name())) {
        return;
      }
      List<String> denied = new ArrayList<>();
      for (Column c : t.columns()) {
        if (!policy.allowsColumn(t.name(), c.name())) {
          denied.add("'" + c.name() + "'");
        }
      }
      if (!denied.isEmpty()) {
        add(Diagnostic.error(DiagnosticCode.POLICY_STAR_DENIED, t.name() + ".*", List.of(), t.name(),
            (denied.size() == 1 ? "column " : "columns ") + String.join(", ", denied)));
      }
    }

    /** Writes: the target table, the written columns, and what the statement reads. */
    void write(Statement s) {
      scope = new Scope(List.of(), null, List.of());
      if (s instanceof Statement.Insert ins) {
        table(ins.table().name());
        Table t = catalog.table(ins.table().schema(), ins.table().name()).orElse(null);
        if (t != null) {
          ins.columns().forEach(c -> column(t, c));
        }
        for (List<Expr> row : ins.rows()) {
          row.forEach(this::visit);
        }
        if (ins.query() != null) {
          query(ins.query(), null);
        }
        return;
      }
      TableRef.Table target = s instanceof Statement.Update u ? u.table() : ((Statement.Delete) s).table();
      table(target.name());
      Table t = catalog.table(target.schema(), target.name()).orElse(null);
      scope = new Scope(List.of(new Source(target.referenceName(), t)), null, List.of());
      if (s instanceof Statement.Update u) {
        for (Statement.Assignment a : u.set()) {
          if (t != null) {
            column(t, a.column());
          }
          visit(a.value());
        }
        visit(u.where());
      } else {
        visit(((Statement.Delete) s).where());
      }
    }

    /** Checks what {@code e} reads: columns, stars, and the subqueries inside it. */
    private void visit(Expr e) {
      if (e == null) {
        return;
      }
      if (e instanceof Expr.Column c) {
        visitColumn(c);
      } else if (e instanceof Expr.Star star) {
        visitStar(star);
      } else if (e instanceof Expr.Aggregate a && a.argument() instanceof Expr.Star) {
        // COUNT(*) counts rows; it reads no column
      } else {
        // EXISTS (SELECT * ...) reads no column through its star; its conditions are checked
        IrTree.children(e).forEach(this::visit);
        for (Query q : IrTree.subqueries(e)) {
          query(q, scope);
        }
      }
    }

    private Void visitColumn(Expr.Column e) {
      if (e.table() != null) {
        for (Scope s = scope; s != null; s = s.outer()) {
          for (Source src : s.sources()) {
            if (src.name() != null && src.name().equalsIgnoreCase(e.table())) {
              if (src.table() != null) {
                column(src.table(), e.column());
              }
              return null;
            }
          }
        }
        // a schema-qualified or unknown qualifier: the validator reports what it cannot resolve
        catalog.table(e.table()).ifPresent(t -> column(t, e.column()));
        return null;
      }
      // unqualified: the innermost level with a table that has the column decides
      for (Scope s = scope; s != null; s = s.outer()) {
        boolean any = false;
        for (Source src : s.sources()) {
          if (src.table() != null && src.table().column(e.column()).isPresent()) {
            column(src.table(), src.table().column(e.column()).get().name());
            any = true;
          }
        }
        if (any) {
          return null;
        }
      }
      return null;
    }

    private Void visitStar(Expr.Star e) {
      for (Source src : scope.sources()) {
        if (src.table() != null && (e.table() == null || e.table().equalsIgnoreCase(src.name()))) {
          star(src.table());
        }
      }
      return null;
    }
  }
}
