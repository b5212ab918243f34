package io.github.nl2sql.internal.validate;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.ColumnStats;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.diagnostics.Position;
import io.github.nl2sql.diagnostics.Severity;
import io.github.nl2sql.internal.sql.SourceMap;
import io.github.nl2sql.internal.validate.Scopes.Clause;
import io.github.nl2sql.internal.validate.Scopes.CteDef;
import io.github.nl2sql.internal.validate.Scopes.CteEnv;
import io.github.nl2sql.internal.validate.Scopes.Relation;
import io.github.nl2sql.internal.validate.Scopes.Scope;
import io.github.nl2sql.internal.validate.Scopes.Shape;
import io.github.nl2sql.ir.AggFunction;
import io.github.nl2sql.ir.Cte;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.OrderItem;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.SelectItem;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.ir.TableRef;
import io.github.nl2sql.ir.When;
import io.github.nl2sql.ir.With;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One validation run over one statement: walks the IR once, resolving names scope by scope and
 * collecting diagnostics. Not thread-safe; {@link Validator} makes a new one per call.
 */
final class Checker {
  private static final Set<String> SQLITE_ROWID = Set.of("rowid", "oid", "_rowid_");
  private static final Set<String> AGG_NAMES = Set.of("count", "sum", "avg", "min", "max",
      "group_concat");
  private static final Pattern NUMBER = Pattern.compile("\\s*[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?\\s*");
  private static final Pattern DATE_LIKE = Pattern.compile("\\s*\\d{4}(-\\d{1,2}(-\\d{1,2})?)?([ T].*)?\\s*");
  private static final Pattern TIME_LIKE = Pattern.compile("\\s*\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?\\s*");
  private static final Set<String> BOOLEAN_WORDS = Set.of("true", "false", "t", "f", "0", "1", "yes",
      "no", "y", "n", "on", "off");

  private final Catalog catalog;
  private final Dialect dialect;
  private final FunctionRegistry functions;
  private final SourceMap positions;
  private final List<Diagnostic> out = new ArrayList<>();
  private final Set<String> reported = new HashSet<>();
  /** Lower-case qualifier -> lower-case column names used with it anywhere in the statement. */
  private final Map<String, Set<String>> columnsByQualifier = new HashMap<>();
  /** The column on the other side of a comparison (e.g. {@code b.y} for {@code a.x} in {@code a.x = b.y}). */
  private final IdentityHashMap<Expr.Column, Expr.Column> comparedWith = new IdentityHashMap<>();
  /** The literal a column is compared with ({@code x = 'a'}, {@code x BETWEEN 1 AND 2}, ...). */
  private final IdentityHashMap<Expr.Column, Expr.Literal> comparedLiteral = new IdentityHashMap<>();
  /** Literals compared with each column reference, keyed by lower-case {@code qualifier.column} ({@code .column} when unqualified). */
  private final Map<String, List<Object>> literalsByColumn = new HashMap<>();
  /** Tables the statement's shape makes unlikely homes of a column reference, keyed like {@link #literalsByColumn}. */
  private final Map<String, Set<String>> unlikelyHomes = new HashMap<>();
  /** For {@code x IN (SELECT y FROM t)}: {@code x}'s key (like {@link #literalsByColumn}) to {@code [t, y]} pairs. */
  private final Map<String, List<String[]>> memberOf = new HashMap<>();
  /** GROUP BY column references of every level, keyed like {@link #literalsByColumn}. */
  private final Set<String> groupedKeys = new HashSet<>();
  /** Columns whose value must be a number: the argument of SUM or AVG. */
  private final IdentityHashMap<Expr.Column, Boolean> needsNumber = new IdentityHashMap<>();
  /** Column references that are a whole ORDER BY or GROUP BY item. */
  private final IdentityHashMap<Expr.Column, Boolean> bareItems = new IdentityHashMap<>();
  /** A set-operation branch's selected column to the lower-case name at its position in the other branch. */
  private final IdentityHashMap<Expr.Column, String> parallelName = new IdentityHashMap<>();
  /** Column references inside an aggregate's argument. */
  private final IdentityHashMap<Expr.Column, Boolean> aggregated = new IdentityHashMap<>();
  /** Lower-case column names used anywhere in the statement, with how often. */
  private final Map<String, Integer> usedColumns = new HashMap<>();
  /**
   * Per query level (the FROM's scope), the lower-case unqualified column names that resolved to
   * nothing there: a table missing from that FROM is likelier the one that has many of them.
   */
  private final IdentityHashMap<Scope, Set<String>> unresolvedIn = new IdentityHashMap<>();
  /**
   * Per query level, the lower-case column names it groups by or counts distinctly: such a column
   * repeats in its table, so a table where it is the whole primary key is an unlikely home for it.
   */
  private final IdentityHashMap<Scope, Set<String>> groupedIn = new IdentityHashMap<>();
  /** Suggestion rankings that need the whole statement walked first (see {@link #unresolvedIn}). */
  private final List<Runnable> finishers = new ArrayList<>();

  /** Whether the statement runs as the SQL text it came from (see {@link Validator}). */
  private final boolean asWritten;

  Checker(Catalog catalog, Dialect dialect, SourceMap positions) {
    this(catalog, dialect, positions, false);
  }

  Checker(Catalog catalog, Dialect dialect, SourceMap positions, boolean asWritten) {
    this.asWritten = asWritten;
    this.catalog = catalog;
    this.dialect = dialect;
    this.functions = FunctionRegistry.of(dialect);
    this.positions = positions == null ? SourceMap.EMPTY : positions;
  }

  List<Diagnostic> run(Statement statement) {
    collectQualifiers(statement);
    if (statement instanceof Query q) {
      query(q, null, CteEnv.EMPTY);
    } else if (statement instanceof Statement.Insert ins) {
      insert(ins);
    } else if (statement instanceof Statement.Update up) {
      update(up);
    } else if (statement instanceof Statement.Delete del) {
      delete(del);
    } else {
      throw new IllegalArgumentException("unknown statement kind " + statement.getClass().getName());
    }
    for (Runnable f : finishers) {
      f.run();
    }
    List<Diagnostic> sorted = new ArrayList<>();
    for (Severity s : Severity.values()) {
      for (Diagnostic d : out) {
        if (d.severity() == s) {
          sorted.add(d);
        }
      }
    }
    return sorted;
  }

  // ------------------------------------------------------------------ reporting

  /** Adds a diagnostic unless the same one was reported at the same place; returns its index or -1. */
  private int report(DiagnosticCode code, Severity severity, Object node, String subject,
      List<String> suggestions, Object... args) {
    Position pos = positions.positionOf(node);
    String key = code + "|" + subject + "|" + (pos == null ? System.identityHashCode(node) : pos.offset());
    if (!reported.add(key)) {
      return -1;
    }
    Diagnostic d = new Diagnostic(code, severity, code.format(args), subject, pos, suggestions);
    out.add(d);
    return out.size() - 1;
  }

  /** Replaces the suggestions of the diagnostic at {@code index} (from {@link #report}). */
  private void resuggest(int index, List<String> suggestions) {
    Diagnostic d = out.get(index);
    out.set(index, new Diagnostic(d.code(), d.severity(), d.message(), d.subject(), d.position(),
        suggestions));
  }

  private int error(DiagnosticCode code, Object node, String subject, List<String> suggestions,
      Object... args) {
    return report(code, Severity.ERROR, node, subject, suggestions, args);
  }

  private void warning(DiagnosticCode code, Object node, String subject, Object... args) {
    report(code, Severity.WARNING, node, subject, List.of(), args);
  }

  /** Reports an identifier with control characters; returns whether it was fine. */
  private boolean identifier(String name, Object node) {
    if (name == null) {
      return true;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.CONTROL) {
        String shown = printable(name);
        error(DiagnosticCode.INVALID_IDENTIFIER, node, shown, List.of(), shown);
        return false;
      }
    }
    return true;
  }

  static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.CONTROL) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private String dialectLabel() {
    switch (dialect) {
      case POSTGRES:
        return "PostgreSQL";
      case SQLITE:
        return "SQLite";
      case MYSQL:
        return "MySQL";
      case MARIADB:
        return "MariaDB";
      default:
        return "H2";
    }
  }

  // ------------------------------------------------------------------ statements

  private Relation targetTable(TableRef.Table t) {
    identifier(t.name(), t);
    identifier(t.alias(), t);
    Table table = findTable(t.schema(), t.name());
    if (table == null) {
      error(DiagnosticCode.UNKNOWN_TABLE, t, t.name(),
          NameSuggester.suggest(t.name(), tableNames()), t.name());
      return Relation.opaque(t.referenceName(), t.name());
    }
    return Relation.ofTable(table, t.alias());
  }

  private void insert(Statement.Insert ins) {
    Relation target = targetTable(ins.table());
    for (String c : ins.columns()) {
      if (identifier(c, ins.table()) && target.known() && !target.has(c)) {
        error(DiagnosticCode.UNKNOWN_COLUMN, ins.table(), c,
            NameSuggester.suggest(c, target.columns), c, target.displayName);
      }
    }
    int expected = !ins.columns().isEmpty() ? ins.columns().size()
        : target.known() ? target.columns.size() : -1;
    Scope values = new Scope(null);
    for (List<Expr> row : ins.rows()) {
      if (expected >= 0 && row.size() != expected) {
        error(DiagnosticCode.INSERT_ARITY, ins, target.displayName, List.of(), target.displayName,
            expected, row.size());
      }
      for (Expr e : row) {
        expr(e, new Ctx(values, Clause.VALUES, CteEnv.EMPTY));
      }
    }
    if (ins.query() != null) {
      Shape s = query(ins.query(), null, CteEnv.EMPTY);
      if (expected >= 0 && s.exact() && s.size() != expected) {
        error(DiagnosticCode.INSERT_ARITY, ins, target.displayName, List.of(), target.displayName,
            expected, s.size());
      }
    }
  }

  private void update(Statement.Update up) {
    Relation target = targetTable(up.table());
    Scope scope = new Scope(null);
    scope.relations.add(target);
    for (Statement.Assignment a : up.set()) {
      if (identifier(a.column(), up.table()) && target.known() && !target.has(a.column())) {
        error(DiagnosticCode.UNKNOWN_COLUMN, up.table(), a.column(),
            NameSuggester.suggest(a.column(), target.columns), a.column(), target.displayName);
      }
      expr(a.value(), new Ctx(scope, Clause.SET, CteEnv.EMPTY));
    }
    if (up.where() != null) {
      expr(up.where(), new Ctx(scope, Clause.WHERE, CteEnv.EMPTY));
    }
  }

  private void delete(Statement.Delete del) {
    Relation target = targetTable(del.table());
    Scope scope = new Scope(null);
    scope.relations.add(target);
    if (del.where() != null) {
      expr(del.where(), new Ctx(scope, Clause.WHERE, CteEnv.EMPTY));
    }
  }

  // ------------------------------------------------------------------ queries

  /** Checks {@code q} with {@code outer} as the enclosing scope (null at top level). */
  Shape query(Query q, Scope outer, CteEnv env) {
    CteEnv inner = with(q.with(), outer, env);
    if (q instanceof Query.Select s) {
      return select(s, outer, inner);
    }
    Query.SetOperation op = (Query.SetOperation) q;
    noteParallel(op.left(), op.right());
    noteParallel(op.right(), op.left());
    noteVacuousHome(op.left(), op.right());
    noteVacuousHome(op.right(), op.left());
    Shape left = query(op.left(), outer, inner);
    Shape right = query(op.right(), outer, inner);
    String opName = op.operator().name() + (op.all() ? " ALL" : "");
    if (asWritten && dialect == Dialect.SQLITE) {
      operandOrder(op.left(), opName);
      operandOrder(op.right(), opName);
    }
    if (left.exact() && right.exact() && left.size() != right.size()) {
      error(DiagnosticCode.SET_OPERATION_ARITY, op, opName, List.of(), opName, left.size(),
          right.size());
    }
    Shape result = new Shape(left.names(), left.types(), left.exact() && right.exact());
    for (OrderItem item : op.orderBy()) {
      setOrderItem(item.expr(), left, right, outer, inner);
    }
    return result;
  }

  /**
   * SQLite allows no parentheses around an operand of a set operation, so an operand's own ORDER BY
   * or LIMIT ("ORDER BY clause should come after UNION not before") is a syntax error there.
   */
  private void operandOrder(Query operand, String opName) {
    String clause = !operand.orderBy().isEmpty() ? "ORDER BY"
        : operand.limit() != null || operand.offset() != null ? "LIMIT" : null;
    if (clause != null) {
      error(DiagnosticCode.SET_OPERAND_ORDER, operand, clause, List.of(), clause, opName,
          dialectLabel());
    }
  }

  private void setOrderItem(Expr e, Shape left, Shape right, Scope outer, CteEnv env) {
    if (e instanceof Expr.Ordinal o) {
      if (left.exact() && o.position() > left.size()) {
        error(DiagnosticCode.ORDINAL_OUT_OF_RANGE, o, Integer.toString(o.position()), List.of(),
            "ORDER BY", o.position(), left.size());
      }
      return;
    }
    if (e instanceof Expr.Column c) {
      identifier(c.column(), c);
      if (!left.exact() || !right.exact() || contains(left.names(), c.column())
          || contains(right.names(), c.column()) || left.names().contains(null)) {
        return;
      }
      List<String> cands = new ArrayList<>();
      for (String n : left.names()) {
        if (n != null) {
          cands.add(n);
        }
      }
      error(DiagnosticCode.UNKNOWN_COLUMN_IN_SCOPE, c, c.column(),
          NameSuggester.suggest(c.column(), cands), c.column(), "the result of the set operation");
      return;
    }
    // expressions over a compound result: resolve against the result columns, leniently
    Scope s = new Scope(outer);
    s.relations.add(Relation.ofShape(null, "(result)",
        new Shape(left.names(), left.types(), left.exact() && right.exact())));
    expr(e, new Ctx(s, Clause.ORDER_BY, env));
  }

  private static boolean contains(List<String> names, String name) {
    for (String n : names) {
      if (n != null && n.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private CteEnv with(With w, Scope outer, CteEnv env) {
    if (w == null) {
      return env;
    }
    CteEnv inner = new CteEnv(env);
    for (Cte cte : w.ctes()) {
      identifier(cte.name(), cte);
      for (String c : cte.columns()) {
        identifier(c, cte);
      }
      String key = Scopes.lower(cte.name());
      if (inner.defs.containsKey(key)) {
        error(DiagnosticCode.DUPLICATE_CTE, cte, cte.name(), List.of(), cte.name());
        continue;
      }
      CteDef def = new CteDef(cte.name(), null);
      if (w.recursive()) {
        // visible in its own body; its columns come from the declared list or the anchor member
        Shape self = Shape.UNKNOWN;
        if (!cte.columns().isEmpty()) {
          List<SqlType> types = new ArrayList<>();
          cte.columns().forEach(c -> types.add(null));
          self = new Shape(cte.columns(), types, true);
        } else if (cte.query() instanceof Query.SetOperation op) {
          self = quietShape(op.left(), outer, inner);
        }
        def.shape = self;
        inner.defs.put(key, def);
      }
      Shape shape = query(cte.query(), outer, inner);
      if (!cte.columns().isEmpty()) {
        if (shape.exact() && shape.size() != cte.columns().size()) {
          // H2 runs it anyway (it ignores the extra names or columns); the others refuse it
          report(DiagnosticCode.CTE_COLUMN_COUNT,
              dialect == Dialect.H2 ? Severity.WARNING : Severity.ERROR, cte, cte.name(), List.of(),
              cte.name(), cte.columns().size(), shape.size());
        }
        List<SqlType> types = new ArrayList<>();
        for (int i = 0; i < cte.columns().size(); i++) {
          types.add(i < shape.types().size() ? shape.types().get(i) : null);
        }
        shape = new Shape(cte.columns(), types, true);
      }
      def.shape = shape;
      inner.defs.put(key, def);
    }
    return inner;
  }

  /** The shape of a query without reporting anything (used for a recursive CTE's anchor). */
  private Shape quietShape(Query q, Scope outer, CteEnv env) {
    int mark = out.size();
    Set<String> before = new HashSet<>(reported);
    Shape s = query(q, outer, env);
    while (out.size() > mark) {
      out.remove(out.size() - 1);
    }
    reported.retainAll(before);
    return s;
  }

  private Shape select(Query.Select s, Scope outer, CteEnv env) {
    Scope scope = new Scope(outer);
    List<Scope> onScopes = new ArrayList<>();
    Map<String, TableRef> seen = new LinkedHashMap<>();
    for (TableRef ref : s.from()) {
      fromItem(ref, scope, outer, env, seen, onScopes);
    }
    // JOIN ... ON conditions, each seeing its own join's relations first, then the whole FROM
    for (Scope on : onScopes) {
      on.fallback = scope;
    }
    for (TableRef ref : s.from()) {
      checkOn(ref, env);
    }

    scope.items = s.items();
    for (int i = 0; i < s.items().size(); i++) {
      SelectItem item = s.items().get(i);
      if (item.alias() != null) {
        identifier(item.alias(), item);
        scope.aliases.putIfAbsent(Scopes.lower(item.alias()), i);
      }
    }
    Shape shape = outputShape(s, scope);
    // known before the select list is checked: suggestions for it weigh what the level groups by
    for (Expr g : s.groupBy()) {
      if (g instanceof Expr.Column gc) {
        groupedIn.computeIfAbsent(scope, k -> new HashSet<>()).add(Scopes.lower(gc.column()));
        groupedKeys.add(columnKey(gc));
      }
    }

    Ctx selectCtx = new Ctx(scope, Clause.SELECT, env);
    for (SelectItem item : s.items()) {
      if (item.expr() instanceof Expr.Star star) {
        star(star, scope, true);
      } else {
        expr(item.expr(), selectCtx);
      }
    }
    if (s.where() != null) {
      expr(s.where(), new Ctx(scope, Clause.WHERE, env));
    }
    for (Expr g : s.groupBy()) {
      if (g instanceof Expr.Column gc) {
        bareItems.put(gc, Boolean.TRUE);
      }
    }
    for (Expr g : s.groupBy()) {
      if (g instanceof Expr.Ordinal o) {
        ordinal(o, "GROUP BY", shape);
      } else {
        expr(g, new Ctx(scope, Clause.GROUP_BY, env));
      }
    }
    if (s.having() != null) {
      expr(s.having(), new Ctx(scope, Clause.HAVING, env));
    }
    for (OrderItem o : s.orderBy()) {
      if (o.expr() instanceof Expr.Column oc) {
        bareItems.put(oc, Boolean.TRUE);
      }
    }
    for (OrderItem o : s.orderBy()) {
      if (o.expr() instanceof Expr.Ordinal ord) {
        ordinal(ord, "ORDER BY", shape);
      } else {
        expr(o.expr(), new Ctx(scope, Clause.ORDER_BY, env));
      }
    }
    if (s.distinct()) {
      distinctOrderBy(s, scope, env);
    }
    new Grouping(this, s, scope).check();
    return shape;
  }

  /**
   * PostgreSQL and H2 sort a SELECT DISTINCT only by what it selects. PostgreSQL wants each ORDER BY
   * item to be a select-list expression (or alias, or ordinal); H2 wants each column an ORDER BY item
   * uses to be selected. MySQL, MariaDB and SQLite accept any ORDER BY (MySQL 5.7+ rejects some, which
   * this does not model).
   */
  private void distinctOrderBy(Query.Select s, Scope scope, CteEnv env) {
    if (dialect != Dialect.POSTGRES && dialect != Dialect.H2) {
      return;
    }
    for (OrderItem o : s.orderBy()) {
      Expr e = o.expr();
      if (e instanceof Expr.Ordinal || selected(s, e)
          || e instanceof Expr.Column c && c.table() == null
              && scope.aliases.containsKey(Scopes.lower(c.column()))) {
        continue;
      }
      if (dialect == Dialect.H2) {
        List<Expr.Column> used = new ArrayList<>();
        Walk.columns(e, used);
        boolean all = true;
        for (Expr.Column c : used) {
          all &= selected(s, c);
        }
        if (all) {
          continue;
        }
      }
      List<String> suggestions = new ArrayList<>();
      for (SelectItem item : s.items()) {
        if (item.alias() != null) {
          suggestions.add(item.alias());
        } else if (item.expr() instanceof Expr.Column c) {
          suggestions.add(c.table() == null ? c.column() : c.table() + "." + c.column());
        }
      }
      String shown = e instanceof Expr.Column c ? (c.table() == null ? c.column()
          : c.table() + "." + c.column()) : "expression";
      String selectList = suggestions.isEmpty() ? "no columns" : String.join(", ", suggestions);
      List<String> top = suggestions.size() > NameSuggester.DEFAULT_LIMIT
          ? List.copyOf(suggestions.subList(0, NameSuggester.DEFAULT_LIMIT)) : suggestions;
      error(DiagnosticCode.DISTINCT_ORDER_BY, o, shown, top, shown, selectList, dialect);
    }
  }

  /** Whether {@code e} is one of the select list's expressions (columns compare by name, qualifiers matching when both are given). */
  private static boolean selected(Query.Select s, Expr e) {
    for (SelectItem item : s.items()) {
      if (sameExpr(item.expr(), e)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameExpr(Expr a, Expr b) {
    if (a instanceof Expr.Column x && b instanceof Expr.Column y) {
      return x.column().equalsIgnoreCase(y.column())
          && (x.table() == null || y.table() == null || x.table().equalsIgnoreCase(y.table()));
    }
    return a.equals(b);
  }

  private void ordinal(Expr.Ordinal o, String clause, Shape shape) {
    if (shape.exact() && o.position() > shape.size()) {
      error(DiagnosticCode.ORDINAL_OUT_OF_RANGE, o, Integer.toString(o.position()), List.of(),
          clause, o.position(), shape.size());
    }
  }

  /** Adds the relations of {@code ref} to {@code scope}. */
  private void fromItem(TableRef ref, Scope scope, Scope outer, CteEnv env, Map<String, TableRef> seen,
      List<Scope> onScopes) {
    if (ref instanceof TableRef.Table t) {
      Relation r = tableRelation(t, env);
      addRelation(r, ref, scope, seen);
    } else if (ref instanceof TableRef.Derived d) {
      identifier(d.alias(), d);
      d.columnAliases().forEach(a -> identifier(a, d));
      // a derived table sees the enclosing query levels, not its FROM siblings (no LATERAL)
      Shape shape = query(d.query(), outer, env);
      if (!d.columnAliases().isEmpty()) {
        List<String> names = new ArrayList<>(shape.names());
        List<SqlType> types = new ArrayList<>(shape.types());
        for (int i = 0; i < d.columnAliases().size(); i++) {
          if (i < names.size()) {
            names.set(i, d.columnAliases().get(i));
          } else {
            names.add(d.columnAliases().get(i));
            types.add(null);
          }
        }
        shape = new Shape(names, types, shape.exact());
      }
      addRelation(Relation.ofShape(d.alias(), d.alias() == null ? "(subquery)" : d.alias(), shape),
          ref, scope, seen);
    } else {
      TableRef.Join j = (TableRef.Join) ref;
      int before = scope.relations.size();
      fromItem(j.left(), scope, outer, env, seen, onScopes);
      int mid = scope.relations.size();
      fromItem(j.right(), scope, outer, env, seen, onScopes);
      List<Relation> left = scope.relations.subList(before, mid);
      List<Relation> right = scope.relations.subList(mid, scope.relations.size());
      for (String u : j.using()) {
        identifier(u, j);
        boolean inLeft = left.stream().anyMatch(r -> !r.known() || r.has(u));
        boolean inRight = right.stream().anyMatch(r -> !r.known() || r.has(u));
        if (!inLeft || !inRight) {
          List<Relation> side = !inLeft ? left : right;
          List<String> cands = new ArrayList<>();
          side.forEach(r -> cands.addAll(r.columns == null ? List.of() : nonNull(r.columns)));
          error(DiagnosticCode.UNKNOWN_COLUMN_IN_SCOPE, j, u, NameSuggester.suggest(u, cands), u,
              describe(side));
        }
        // the USING column is one column for unqualified references (H2 still calls it ambiguous)
        for (Relation r : right) {
          if (r.known() && r.has(u) && dialect != Dialect.H2) {
            r.mergedAway.add(Scopes.lower(u));
          }
        }
      }
      if (j.on() != null) {
        Scope on = new Scope(outer);
        on.relations.addAll(scope.relations.subList(before, scope.relations.size()));
        onScopes.add(on);
        onScopeOf.put(j, on);
      }
    }
  }

  private final IdentityHashMap<TableRef.Join, Scope> onScopeOf = new IdentityHashMap<>();

  private void checkOn(TableRef ref, CteEnv env) {
    if (ref instanceof TableRef.Join j) {
      checkOn(j.left(), env);
      checkOn(j.right(), env);
      Scope on = onScopeOf.get(j);
      if (j.on() != null && on != null) {
        expr(j.on(), new Ctx(on, Clause.ON, env));
      }
    }
  }

  private static List<String> nonNull(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (n != null) {
        out.add(n);
      }
    }
    return out;
  }

  private void addRelation(Relation r, TableRef ref, Scope scope, Map<String, TableRef> seen) {
    if (r.refName != null) {
      String key = Scopes.lower(r.refName);
      if (seen.containsKey(key)) {
        // SQLite and H2 accept a repeated name (and then report its columns as ambiguous);
        // PostgreSQL, MySQL and MariaDB refuse it
        report(DiagnosticCode.DUPLICATE_ALIAS,
            dialect == Dialect.SQLITE || dialect == Dialect.H2 ? Severity.WARNING : Severity.ERROR,
            ref, r.refName, List.of(), r.refName);
      } else {
        seen.put(key, ref);
      }
    }
    scope.relations.add(r);
  }

  private Relation tableRelation(TableRef.Table t, CteEnv env) {
    identifier(t.schema(), t);
    identifier(t.name(), t);
    identifier(t.alias(), t);
    if (t.schema() == null) {
      CteDef cte = env.lookup(t.name());
      if (cte != null) {
        Shape shape = cte.shape == null ? Shape.UNKNOWN : cte.shape;
        if (cte.shape == null || !shape.exact() && shape.size() == 0) {
          return Relation.opaque(t.referenceName(), cte.name);
        }
        return Relation.ofShape(t.referenceName(), cte.name, shape);
      }
    }
    Table table = findTable(t.schema(), t.name());
    if (table == null) {
      Map<String, Double> bias = new HashMap<>();
      Set<String> used = columnsByQualifier.getOrDefault(Scopes.lower(t.referenceName()), Set.of());
      List<String> cands = new ArrayList<>(tableNames());
      if (!used.isEmpty()) {
        for (Table ct : catalog.tables()) {
          if (hasAll(ct, used)) {
            bias.put(ct.name(), 0.15);
          }
        }
      }
      cands.addAll(env.names());
      error(DiagnosticCode.UNKNOWN_TABLE, t, t.name(),
          NameSuggester.suggest(t.name(), cands, bias, NameSuggester.DEFAULT_LIMIT), t.name());
      return Relation.opaque(t.referenceName(), t.name());
    }
    return Relation.ofTable(table, t.alias());
  }

  private static boolean hasAll(Table t, Set<String> columns) {
    for (String c : columns) {
      if (t.column(c).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private Table findTable(String schema, String name) {
    Table t = catalog.table(schema, name).orElse(null);
    if (t == null && schema != null) {
      t = catalog.table(name).orElse(null);
    }
    return t;
  }

  private List<String> tableNames() {
    List<String> names = new ArrayList<>();
    for (Table t : catalog.tables()) {
      names.add(t.name());
    }
    return names;
  }

  /** The select list's output columns, stars expanded where the relations are known. */
  private Shape outputShape(Query.Select s, Scope scope) {
    List<String> names = new ArrayList<>();
    List<SqlType> types = new ArrayList<>();
    boolean exact = true;
    for (SelectItem item : s.items()) {
      Expr e = item.expr();
      if (e instanceof Expr.Star star) {
        List<Relation> rels = new ArrayList<>();
        if (star.table() == null) {
          rels.addAll(scope.relations);
        } else {
          Relation r = scope.byRefName(star.table());
          if (r != null) {
            rels.add(r);
          }
        }
        if (rels.isEmpty()) {
          exact = false;
        }
        for (Relation r : rels) {
          if (!r.known()) {
            exact = false;
            continue;
          }
          exact = exact && r.exactCount;
          for (int i = 0; i < r.columns.size(); i++) {
            String n = r.columns.get(i);
            if (star.table() == null && n != null && r.mergedAway.contains(Scopes.lower(n))) {
              continue;
            }
            names.add(n);
            types.add(r.types == null || i >= r.types.size() ? null : r.types.get(i));
          }
        }
      } else {
        String name = item.alias();
        if (name == null && e instanceof Expr.Column c) {
          name = c.column();
        }
        names.add(name);
        types.add(quietType(e, scope));
      }
    }
    return new Shape(names, types, exact);
  }

  private void star(Expr.Star star, Scope scope, boolean inSelectList) {
    if (star.table() == null) {
      return;
    }
    identifier(star.table(), star);
    for (Scope s = scope; s != null; s = s.parent) {
      if (s.byRefName(star.table()) != null) {
        return;
      }
    }
    error(DiagnosticCode.UNKNOWN_QUALIFIER, star, star.table(),
        qualifierSuggestions(star.table(), scope, null), star.table());
  }

  // ------------------------------------------------------------------ expressions

  /** Where an expression sits. */
  record Ctx(Scope scope, Clause clause, CteEnv env, String aggregate, boolean inWindowArg) {
    Ctx(Scope scope, Clause clause, CteEnv env) {
      this(scope, clause, env, null, false);
    }

    Ctx inAggregate(String name) {
      return new Ctx(scope, clause, env, name, inWindowArg);
    }

    Ctx windowArg() {
      return new Ctx(scope, clause, env, null, true);
    }
  }

  void expr(Expr e, Ctx ctx) {
    if (e instanceof Expr.Column c) {
      column(c, ctx);
    } else if (e instanceof Expr.Literal) {
      return;
    } else if (e instanceof Expr.Star star) {
      if (ctx.aggregate() != null) {
        error(DiagnosticCode.STAR_NOT_ALLOWED, star, "*", List.of(), ctx.aggregate());
      } else {
        error(DiagnosticCode.STAR_NOT_ALLOWED, star, "*", List.of(), ctx.clause().label);
      }
    } else if (e instanceof Expr.Ordinal) {
      return;
    } else if (e instanceof Expr.Arithmetic a) {
      expr(a.left(), ctx);
      expr(a.right(), ctx);
    } else if (e instanceof Expr.Negate n) {
      expr(n.operand(), ctx);
    } else if (e instanceof Expr.Comparison c) {
      noteComparison(c.left(), c.right());
      expr(c.left(), ctx);
      expr(c.right(), ctx);
      typeCheck(c.left(), c.right(), ctx.scope(), c);
      typeCheck(c.right(), c.left(), ctx.scope(), c);
    } else if (e instanceof Expr.Quantified q) {
      expr(q.left(), ctx);
      subqueryOneColumn(q.query(), ctx, q);
    } else if (e instanceof Expr.And a) {
      a.operands().forEach(o -> expr(o, ctx));
    } else if (e instanceof Expr.Or o) {
      o.operands().forEach(x -> expr(x, ctx));
    } else if (e instanceof Expr.Not n) {
      expr(n.operand(), ctx);
    } else if (e instanceof Expr.Like l) {
      noteLiteral(l.expr(), l.pattern());
      expr(l.expr(), ctx);
      expr(l.pattern(), ctx);
    } else if (e instanceof Expr.InList in) {
      noteLiteral(in.expr(), in.values().get(0));
      expr(in.expr(), ctx);
      for (Expr v : in.values()) {
        expr(v, ctx);
      }
      for (Expr v : in.values()) {
        if (typeCheck(in.expr(), v, ctx.scope(), in)) {
          break;
        }
      }
    } else if (e instanceof Expr.InQuery in) {
      if (in.expr() instanceof Expr.Column c && onlyTable(in.query()) instanceof TableRef.Table t
          && in.query() instanceof Query.Select sub && sub.items().size() == 1
          && sub.items().get(0).expr() instanceof Expr.Column sc) {
        memberOf.computeIfAbsent(columnKey(c), k -> new ArrayList<>())
            .add(new String[] {t.name(), sc.column()});
        if (Scopes.lower(sc.column()).equals(Scopes.lower(c.column()))) {
          // x IN (SELECT x FROM t): x is rarely a column of t itself (that would test t against itself)
          unlikelyHomes.computeIfAbsent(columnKey(c), k -> new HashSet<>()).add(Scopes.lower(t.name()));
        }
      }
      expr(in.expr(), ctx);
      subqueryOneColumn(in.query(), ctx, in);
    } else if (e instanceof Expr.Between b) {
      noteLiteral(b.expr(), b.low());
      expr(b.expr(), ctx);
      expr(b.low(), ctx);
      expr(b.high(), ctx);
      if (!typeCheck(b.expr(), b.low(), ctx.scope(), b)) {
        typeCheck(b.expr(), b.high(), ctx.scope(), b);
      }
    } else if (e instanceof Expr.IsNull n) {
      expr(n.expr(), ctx);
    } else if (e instanceof Expr.Exists x) {
      query(x.query(), ctx.scope(), ctx.env());
    } else if (e instanceof Expr.Subquery sq) {
      subqueryOneColumn(sq.query(), ctx, sq);
    } else if (e instanceof Expr.Function f) {
      function(f, ctx, false);
    } else if (e instanceof Expr.Aggregate a) {
      List<Expr.Column> args = new ArrayList<>();
      Walk.columns(a.argument(), args);
      args.forEach(ac -> aggregated.put(ac, Boolean.TRUE));
      if ((a.function() == AggFunction.SUM || a.function() == AggFunction.AVG)
          && a.argument() instanceof Expr.Column nc) {
        needsNumber.put(nc, Boolean.TRUE);
      }
      if (a.distinct() && a.argument() instanceof Expr.Column dc) {
        Scope home = ctx.scope().fallback != null ? ctx.scope().fallback : ctx.scope();
        groupedIn.computeIfAbsent(home, k -> new HashSet<>()).add(Scopes.lower(dc.column()));
      }
      aggregate(a, ctx, a.function().name(), a.argument() instanceof Expr.Star
          && a.function() == AggFunction.COUNT, List.of(a.argument()), a);
    } else if (e instanceof Expr.Case c) {
      if (c.operand() != null) {
        expr(c.operand(), ctx);
      }
      for (When w : c.whens()) {
        expr(w.condition(), ctx);
        expr(w.result(), ctx);
      }
      if (c.otherwise() != null) {
        expr(c.otherwise(), ctx);
      }
    } else if (e instanceof Expr.Cast c) {
      expr(c.expr(), ctx);
    } else if (e instanceof Expr.Window w) {
      window(w, ctx);
    } else {
      throw new IllegalStateException("unhandled expression kind " + e.getClass().getName());
    }
  }

  /**
   * In {@code branch UNION|INTERSECT|EXCEPT other}, where {@code branch} has an empty FROM (its table
   * is missing) and {@code other} reads one table with no filter or grouping, {@code branch}'s
   * selected columns are unlikely to come from that same table alone: the operation would be vacuous
   * (EXCEPT empty, INTERSECT or UNION just one side). A branch that joins other tables filters, so
   * it says nothing.
   */
  private void noteVacuousHome(Query branch, Query other) {
    if (!(branch instanceof Query.Select b) || !b.from().isEmpty()
        || !(other instanceof Query.Select o)
        || o.where() != null || !o.groupBy().isEmpty() || o.having() != null
        || !(onlyTable(o) instanceof TableRef.Table t)) {
      return;
    }
    for (SelectItem item : b.items()) {
      if (item.expr() instanceof Expr.Column c) {
        unlikelyHomes.computeIfAbsent(columnKey(c), k -> new HashSet<>()).add(Scopes.lower(t.name()));
      }
    }
  }

  /**
   * The branches of a set operation are parallel: the i-th selected column of one usually has the
   * name of the i-th selected column of the other ({@code SELECT a FROM t WHERE .. EXCEPT SELECT a
   * FROM t WHERE ..}). Records, for each plain column item of {@code branch}, the name at the same
   * position of {@code other}.
   */
  private void noteParallel(Query branch, Query other) {
    if (!(branch instanceof Query.Select b) || !(other instanceof Query.Select o)
        || b.items().size() != o.items().size()) {
      return;
    }
    for (int i = 0; i < b.items().size(); i++) {
      if (b.items().get(i).expr() instanceof Expr.Column bc
          && o.items().get(i).expr() instanceof Expr.Column oc) {
        parallelName.put(bc, Scopes.lower(oc.column()));
      }
    }
  }

  /** The one FROM item of a plain SELECT, else {@code null}. */
  private static TableRef onlyTable(Query q) {
    return q instanceof Query.Select s && s.from().size() == 1 ? s.from().get(0) : null;
  }

  /** Lower-case {@code qualifier.column}, {@code .column} when unqualified. */
  private static String columnKey(Expr.Column c) {
    return (c.table() == null ? "" : Scopes.lower(c.table())) + "." + Scopes.lower(c.column());
  }

  /** Whether the statement's shape says {@code t} is an unlikely table for one of {@code columns} so qualified. */
  private boolean unlikelyHome(Table t, String qualifier, Set<String> columns) {
    String prefix = (qualifier == null ? "" : Scopes.lower(qualifier)) + ".";
    String name = Scopes.lower(t.name());
    for (String c : columns) {
      Set<String> tables = unlikelyHomes.get(prefix + Scopes.lower(c));
      if (tables != null && tables.contains(name)) {
        return true;
      }
    }
    return false;
  }

  private void noteLiteral(Expr column, Expr value) {
    if (column instanceof Expr.Column c && value instanceof Expr.Literal l && l.value() != null) {
      comparedLiteral.putIfAbsent(c, l);
      literalsByColumn.computeIfAbsent(columnKey(c), k -> new ArrayList<>()).add(l.value());
    }
  }

  /**
   * Value evidence that {@code t} is the table meant by {@code qualifier} (or, when {@code null}, by
   * unqualified references) for the named columns: the sum of {@link #valueFit} over the literals the
   * statement compares with those columns so qualified.
   */
  private double valueEvidence(Table t, String qualifier, Set<String> columns) {
    String prefix = (qualifier == null ? "" : Scopes.lower(qualifier)) + ".";
    double sum = 0;
    for (String name : columns) {
      List<Object> literals = literalsByColumn.get(prefix + Scopes.lower(name));
      if (literals == null) {
        continue;
      }
      sum += valueFit(t.column(name).orElse(null), literals);
    }
    return sum;
  }

  /** {@link #valueFit(Column, Object)} summed over {@code literals}. */
  private static double valueFit(Column column, List<Object> literals) {
    double sum = 0;
    for (Object v : literals) {
      sum += valueFit(column, v);
    }
    return sum;
  }

  private void noteComparison(Expr left, Expr right) {
    noteLiteral(left, right);
    noteLiteral(right, left);
    if (left instanceof Expr.Column l && right instanceof Expr.Column r) {
      comparedWith.put(l, r);
      comparedWith.put(r, l);
    }
  }

  private void subqueryOneColumn(Query q, Ctx ctx, Expr node) {
    Shape shape = query(q, ctx.scope(), ctx.env());
    if (shape.exact() && shape.size() != 1) {
      error(DiagnosticCode.SUBQUERY_COLUMN_COUNT, node, null, List.of(), shape.size());
    }
  }

  private void aggregate(Expr.Aggregate a, Ctx ctx, String name, boolean countStar, List<Expr> args,
      Expr node) {
    aggregatePlacement(node, ctx, name, args);
    Ctx inner = ctx.inAggregate(name);
    for (Expr arg : args) {
      if (arg instanceof Expr.Star star && countStar) {
        star(star, ctx.scope(), false);
        continue;
      }
      expr(arg, inner);
    }
  }

  private void aggregatePlacement(Expr node, Ctx ctx, String name, List<Expr> args) {
    if (ctx.aggregate() != null) {
      error(DiagnosticCode.NESTED_AGGREGATE, node, name, List.of(), ctx.aggregate());
    }
    Clause c = ctx.clause();
    if (c == Clause.WHERE || c == Clause.GROUP_BY || c == Clause.ON || c == Clause.SET
        || c == Clause.VALUES || c == Clause.FROM) {
      if (!onlyOuterColumns(args, ctx.scope())) {
        error(DiagnosticCode.AGGREGATE_NOT_ALLOWED, node, name, List.of(), name, c.label);
      }
    }
  }

  /** Whether {@code args} reference columns and all of them belong to enclosing query levels. */
  private boolean onlyOuterColumns(List<Expr> args, Scope scope) {
    List<Expr.Column> cols = new ArrayList<>();
    for (Expr a : args) {
      Walk.columns(a, cols);
    }
    if (cols.isEmpty() || scope.parent == null) {
      return false;
    }
    for (Expr.Column c : cols) {
      Resolution r = resolve(c, scope, Clause.WHERE);
      if (r.kind != Resolution.Kind.FOUND || r.depth == 0) {
        return false;
      }
    }
    return true;
  }

  private void function(Expr.Function f, Ctx ctx, boolean withOver) {
    if (!identifier(f.name(), f)) {
      return;
    }
    String lname = f.name().toLowerCase(Locale.ROOT);
    if (AGG_NAMES.contains(lname) && f.args().size() == 1) {
      // an aggregate spelled as a plain call (e.g. from a tool that does not use Aggregate nodes)
      if (!withOver) {
        aggregatePlacement(f, ctx, f.name().toUpperCase(Locale.ROOT), f.args());
      }
      Ctx inner = withOver ? ctx : ctx.inAggregate(f.name().toUpperCase(Locale.ROOT));
      for (Expr a : f.args()) {
        if (!(a instanceof Expr.Star && lname.equals("count"))) {
          expr(a, inner);
        }
      }
      return;
    }
    FunctionRegistry.Signature sig = functions.lookup(f.name()).orElse(null);
    if (sig == null) {
      error(DiagnosticCode.UNKNOWN_FUNCTION, f, f.name(),
          NameSuggester.suggest(lname, functions.names()), f.name(), dialectLabel());
    } else {
      if (!sig.accepts(f.args().size())) {
        error(DiagnosticCode.WRONG_ARGUMENT_COUNT, f, f.name(), List.of(), f.name(), sig.arity(),
            f.args().size());
      }
      if (sig.kind() == FunctionRegistry.Kind.WINDOW && !withOver) {
        error(DiagnosticCode.WINDOW_FUNCTION_WITHOUT_OVER, f, f.name(), List.of(), f.name());
      }
      if (sig.kind() == FunctionRegistry.Kind.AGGREGATE && !withOver) {
        aggregatePlacement(f, ctx, f.name(), f.args());
        Ctx inner = ctx.inAggregate(f.name());
        f.args().forEach(a -> expr(a, inner));
        return;
      }
    }
    for (Expr a : f.args()) {
      expr(a, ctx);
    }
  }

  private void window(Expr.Window w, Ctx ctx) {
    String name = w.function() instanceof Expr.Aggregate a ? a.function().name()
        : ((Expr.Function) w.function()).name();
    Clause c = ctx.clause();
    if (ctx.aggregate() != null) {
      error(DiagnosticCode.WINDOW_NOT_ALLOWED, w, name, List.of(), name,
          "an aggregate function (" + ctx.aggregate() + ")");
    } else if (ctx.inWindowArg()) {
      error(DiagnosticCode.WINDOW_NOT_ALLOWED, w, name, List.of(), name, "another window function");
    } else if (c != Clause.SELECT && c != Clause.ORDER_BY) {
      error(DiagnosticCode.WINDOW_NOT_ALLOWED, w, name, List.of(), name, c.label);
    }
    Ctx argCtx = ctx.windowArg();
    if (w.function() instanceof Expr.Aggregate a) {
      for (Expr arg : List.of(a.argument())) {
        if (arg instanceof Expr.Star star) {
          if (a.function() != AggFunction.COUNT) {
            error(DiagnosticCode.STAR_NOT_ALLOWED, star, "*", List.of(), a.function().name());
          }
          continue;
        }
        expr(arg, argCtx);
      }
    } else {
      function((Expr.Function) w.function(), argCtx, true);
    }
    for (Expr p : w.over().partitionBy()) {
      expr(p, argCtx);
    }
    for (OrderItem o : w.over().orderBy()) {
      expr(o.expr(), argCtx);
    }
  }

  // ------------------------------------------------------------------ columns

  /** The outcome of resolving one column reference. */
  static final class Resolution {
    enum Kind {
      /** Resolved to a column of {@link #relation} (or accepted leniently when relation columns are unknown). */
      FOUND,
      /** A select-list alias. */
      ALIAS,
      UNKNOWN_QUALIFIER,
      UNKNOWN_COLUMN,
      AMBIGUOUS,
      NOT_FOUND
    }

    final Kind kind;
    final Relation relation;
    final int depth;
    final List<Relation> candidates;
    final int aliasIndex;

    Resolution(Kind kind, Relation relation, int depth, List<Relation> candidates, int aliasIndex) {
      this.kind = kind;
      this.relation = relation;
      this.depth = depth;
      this.candidates = candidates;
      this.aliasIndex = aliasIndex;
    }

    static Resolution found(Relation r, int depth) {
      return new Resolution(Kind.FOUND, r, depth, List.of(), -1);
    }

    static Resolution of(Kind kind) {
      return new Resolution(kind, null, 0, List.of(), -1);
    }
  }

  /**
   * Whether a select-list alias may stand for {@code c} where aliases are visible: PostgreSQL and H2
   * take an alias in ORDER BY and GROUP BY only as the whole item ({@code ORDER BY x}, not {@code
   * ORDER BY x + 1}).
   */
  private boolean aliasUsable(Expr.Column c) {
    return (dialect != Dialect.POSTGRES && dialect != Dialect.H2) || bareItems.containsKey(c);
  }

  private boolean aliasVisible(Clause clause) {
    switch (clause) {
      case ORDER_BY:
        return true;
      case GROUP_BY:
        return true;
      case HAVING:
        return dialect != Dialect.POSTGRES;
      case WHERE:
      case ON:
        // SQLite resolves an unknown name in WHERE/ON to a select-list alias as a last resort
        return dialect == Dialect.SQLITE;
      default:
        return false;
    }
  }

  Resolution resolve(Expr.Column c, Scope scope, Clause clause) {
    Resolution r = resolveIn(c, scope, clause);
    if (r.kind != Resolution.Kind.FOUND && r.kind != Resolution.Kind.ALIAS
        && r.kind != Resolution.Kind.AMBIGUOUS && scope.fallback != null) {
      Resolution f = resolveIn(c, scope.fallback, clause);
      // the whole FROM may know more: the name, or at least the qualifier (a later join's alias)
      if (f.kind == Resolution.Kind.FOUND || f.kind == Resolution.Kind.ALIAS
          || r.kind == Resolution.Kind.UNKNOWN_QUALIFIER
          && f.kind != Resolution.Kind.UNKNOWN_QUALIFIER) {
        return f;
      }
    }
    return r;
  }

  /**
   * SQLite resolves GROUP BY and ORDER BY terms against the query's own FROM (and select list) only,
   * never against an enclosing query: {@code ... IN (SELECT b FROM u GROUP BY b)} with {@code b} a
   * column of the outer table is "no such column" there.
   */
  private boolean ownLevelOnly(Clause clause) {
    return dialect == Dialect.SQLITE && (clause == Clause.GROUP_BY || clause == Clause.ORDER_BY);
  }

  private Resolution resolveIn(Expr.Column c, Scope scope, Clause clause) {
    String name = c.column();
    Scope stop = ownLevelOnly(clause) ? scope.parent : null;
    if (c.table() != null) {
      int depth = 0;
      for (Scope s = scope; s != null && s != stop; s = s.parent, depth++) {
        Relation r = s.byRefName(c.table());
        if (r != null) {
          List<Relation> same = new ArrayList<>();
          for (Relation x : s.relations) {
            if (x.refName != null && x.refName.equalsIgnoreCase(c.table()) && x.known()
                && x.has(name)) {
              same.add(x);
            }
          }
          if (same.size() > 1) {
            // a name used twice in one FROM (SQLite allows that): its columns are ambiguous
            return new Resolution(Resolution.Kind.AMBIGUOUS, null, depth, same, -1);
          }
          if (!r.known() || r.partial || r.has(name) || implicitColumn(r, name)
              || r.mayBeUnnamed(name)) {
            return Resolution.found(r, depth);
          }
          return new Resolution(Resolution.Kind.UNKNOWN_COLUMN, r, depth, List.of(), -1);
        }
      }
      return Resolution.of(Resolution.Kind.UNKNOWN_QUALIFIER);
    }
    if (clause == Clause.ORDER_BY && aliasUsable(c)) {
      Integer idx = scope.aliases.get(Scopes.lower(name));
      if (idx != null) {
        return new Resolution(Resolution.Kind.ALIAS, null, 0, List.of(), idx);
      }
    }
    int depth = 0;
    for (Scope s = scope; s != null && s != stop; s = s.parent, depth++) {
      List<Relation> hits = new ArrayList<>();
      Relation maybe = null;
      for (Relation r : s.relations) {
        if (r.known() && r.has(name)) {
          if (!r.mergedAway.contains(Scopes.lower(name))) {
            hits.add(r);
          }
        } else if (!r.known() || r.partial || r.mayBeUnnamed(name)) {
          maybe = maybe == null ? r : maybe;
        }
      }
      if (hits.size() == 1) {
        return Resolution.found(hits.get(0), depth);
      }
      if (hits.size() > 1) {
        return new Resolution(Resolution.Kind.AMBIGUOUS, null, depth, hits, -1);
      }
      if (maybe != null) {
        return Resolution.found(maybe, depth);
      }
      if (depth == 0 && aliasVisible(clause) && aliasUsable(c)) {
        Integer idx = s.aliases.get(Scopes.lower(name));
        if (idx != null) {
          return new Resolution(Resolution.Kind.ALIAS, null, 0, List.of(), idx);
        }
      }
      for (Relation r : s.relations) {
        if (implicitColumn(r, name)) {
          return Resolution.found(r, depth);
        }
      }
    }
    return Resolution.of(Resolution.Kind.NOT_FOUND);
  }

  private boolean implicitColumn(Relation r, String name) {
    return dialect == Dialect.SQLITE && r.table != null
        && SQLITE_ROWID.contains(name.toLowerCase(Locale.ROOT));
  }

  private void column(Expr.Column c, Ctx ctx) {
    if (!identifier(c.table(), c) || !identifier(c.column(), c)) {
      return;
    }
    Resolution r = resolve(c, ctx.scope(), ctx.clause());
    switch (r.kind) {
      case FOUND:
      case ALIAS:
        return;
      case UNKNOWN_QUALIFIER:
        error(DiagnosticCode.UNKNOWN_QUALIFIER, c, c.table(),
            qualifierSuggestions(c.table(), ctx.scope(), partnerQualifier(c)), c.table());
        return;
      case UNKNOWN_COLUMN:
        error(DiagnosticCode.UNKNOWN_COLUMN, c, c.column(),
            orElsewhere(columnSuggestions(c, r.relation, ctx), c, ctx), c.column(),
            r.relation.displayName);
        return;
      case AMBIGUOUS: {
        List<String> qualified = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (Relation h : r.candidates) {
          qualified.add(h.refName == null ? h.canonical(c.column())
              : h.refName + "." + h.canonical(c.column()));
          where.add(h.describe());
        }
        error(DiagnosticCode.AMBIGUOUS_COLUMN, c, c.column(), qualified, c.column(),
            String.join(", ", where));
        return;
      }
      default: {
        if ((ctx.clause() == Clause.ORDER_BY || ctx.clause() == Clause.GROUP_BY)
            && c.table() == null && !aliasUsable(c)) {
          Integer idx = ctx.scope().aliases.get(Scopes.lower(c.column()));
          if (idx != null) {
            Expr aliased = ctx.scope().items.get(idx).expr();
            List<String> instead = aliased instanceof Expr.Column ac
                ? List.of(ac.table() == null ? ac.column() : ac.table() + "." + ac.column())
                : List.of();
            error(DiagnosticCode.ALIAS_IN_EXPRESSION, c, c.column(), instead, c.column(),
                ctx.clause() == Clause.ORDER_BY ? "ORDER BY" : "GROUP BY", dialect);
            return;
          }
        }
        Scope home = ctx.scope().fallback != null ? ctx.scope().fallback : ctx.scope();
        List<Relation> rels = home.relations;
        boolean outer = false;
        for (Scope s = ctx.scope().parent; s != null; s = s.parent) {
          outer |= !s.relations.isEmpty();
        }
        unresolvedIn.computeIfAbsent(home, k -> new LinkedHashSet<>()).add(Scopes.lower(c.column()));
        List<String> similar = scopeSuggestions(c, ctx);
        int index;
        if (rels.size() == 1 && rels.get(0).refName != null && !outer) {
          // one table in sight: name it, as for a qualified reference
          index = error(DiagnosticCode.UNKNOWN_COLUMN, c, c.column(), similar, c.column(),
              rels.get(0).displayName);
        } else {
          index = error(DiagnosticCode.UNKNOWN_COLUMN_IN_SCOPE, c, c.column(), similar, c.column(),
              describe(rels));
        }
        if (index >= 0) {
          finishers.add(() -> resuggest(index, withMissingTables(similar, c, home)));
        }
      }
    }
  }

  /**
   * Combines the similar names in scope with the catalog tables outside this query level's FROM that
   * have a column of exactly the unresolved name ({@code table.column}: the table was probably left
   * out). The missing tables come first when the FROM is empty, when nothing in scope is similar, or
   * when one of them also has another name that did not resolve at this level (one table left out
   * explains several unknown names; a typo or a mix-up explains one).
   */
  private List<String> withMissingTables(List<String> similar, Expr.Column c, Scope home) {
    List<Table> missing = missingTables(c.column(), home);
    if (missing.isEmpty()) {
      return similar;
    }
    Set<String> unresolved = unresolvedIn.getOrDefault(home, Set.of());
    boolean missingFirst = home.relations.isEmpty() || similar.isEmpty()
        || coverage(missing.get(0), unresolved) >= 2
        || aliasGap(home)
        || valueEvidence(missing.get(0), c.table(), Set.of(c.column()))
            > bestValueEvidence(similar, home, c) + K_NO_VALUE;
    List<String> qualified = new ArrayList<>();
    for (Table t : missing) {
      qualified.add(t.name() + "." + t.column(c.column()).map(col -> col.name()).orElse(c.column()));
    }
    List<String> all = new ArrayList<>(missingFirst ? qualified : similar);
    all.addAll(missingFirst ? similar : qualified);
    return all.size() > NameSuggester.DEFAULT_LIMIT ? List.copyOf(all.subList(0,
        NameSuggester.DEFAULT_LIMIT)) : all;
  }

  /**
   * Whether {@code t} owns the values an unqualified {@code column} is tested against in {@code column
   * [NOT] IN (SELECT y FROM u)}: {@code column} is {@code t}'s whole primary key, or {@code u.y} is a
   * foreign key to {@code t.column} ("customers with no account" reads the customers table).
   */
  private boolean membershipOwner(Table t, String column) {
    List<String[]> sources = memberOf.get("." + Scopes.lower(column));
    if (sources == null) {
      return false;
    }
    for (String[] src : sources) {
      if (src[0].equalsIgnoreCase(t.name())) {
        continue;
      }
      if (isWholeKey(t, column)) {
        return true;
      }
      Table u = catalog.table(src[0]).orElse(null);
      if (u != null) {
        for (ForeignKey fk : u.foreignKeys()) {
          if (fk.referencedTable().equalsIgnoreCase(t.name()) && fk.columns().size() == 1
              && fk.columns().get(0).equalsIgnoreCase(src[1])
              && fk.referencedColumns().get(0).equalsIgnoreCase(column)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The best value evidence among the similar names in scope for the literals compared with {@code c}:
   * a left-out table is only preferred on values when they fit it better than anything in scope.
   */
  private double bestValueEvidence(List<String> similar, Scope home, Expr.Column c) {
    List<Object> literals = literalsByColumn.get(columnKey(c));
    if (literals == null) {
      return 0;
    }
    double best = 0;
    for (String name : similar) {
      for (Relation r : home.relations) {
        if (r.table == null || !r.has(name)) {
          continue;
        }
        best = Math.max(best, valueFit(r.table.column(name).orElse(null), literals));
      }
    }
    return best;
  }

  /**
   * Whether the level's FROM looks incomplete from its numbered aliases: {@code T2} without {@code T1},
   * or {@code T1} and {@code T3} without {@code T2}. Numbered aliases are written in sequence, so a gap
   * says a FROM item (and the name that did not resolve with it) was left out.
   */
  private static boolean aliasGap(Scope home) {
    Map<String, Set<Integer>> numbers = new HashMap<>();
    for (Relation r : home.relations) {
      if (r.refName == null) {
        continue;
      }
      java.util.regex.Matcher m = NUMBERED.matcher(r.refName);
      if (m.matches() && !m.group(1).isEmpty() && m.group(2).length() <= 2) {
        numbers.computeIfAbsent(Scopes.lower(m.group(1)), k -> new HashSet<>())
            .add(Integer.parseInt(m.group(2)));
      }
    }
    for (Set<Integer> used : numbers.values()) {
      int max = java.util.Collections.max(used);
      if (max <= 9 && used.size() < max && !used.contains(0)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Catalog tables outside {@code home}'s FROM with a column named {@code column}, best first: those
   * having more of the names unresolved at that level; then, when the level groups by the column or
   * counts it distinctly, those where it is not the whole primary key (grouping by a unique key
   * makes groups of one); then those a foreign key links to more tables in scope (a left-out table
   * was joined to them); then catalog order.
   */
  private List<Table> missingTables(String column, Scope home) {
    Set<Table> own = new HashSet<>();
    for (Relation r : home.relations) {
      if (r.table != null) {
        own.add(r.table);
      }
    }
    Set<Table> inScope = new LinkedHashSet<>();
    for (Scope s = home; s != null; s = s.parent) {
      for (Relation r : s.relations) {
        if (r.table != null) {
          inScope.add(r.table);
        }
      }
    }
    Set<String> unresolved = unresolvedIn.getOrDefault(home, Set.of());
    Set<String> grouped = groupedIn.getOrDefault(home, Set.of());
    List<Table> out = new ArrayList<>();
    Map<Table, double[]> rank = new HashMap<>();
    Set<String> named = new LinkedHashSet<>(unresolved);
    named.add(Scopes.lower(column));
    for (Table t : catalog.tables()) {
      if (own.contains(t) || t.column(column).isEmpty()) {
        continue;
      }
      int links = 0;
      for (Table st : inScope) {
        if (st != t && linkedByForeignKey(t, st)) {
          links++;
        }
      }
      int repeats = grouped.contains(Scopes.lower(column)) && isWholeKey(t, column) ? 0 : 1;
      out.add(t);
      rank.put(t, new double[] {coverage(t, unresolved), valueEvidence(t, null, named),
          unlikelyHome(t, null, named) ? 0 : 1, membershipOwner(t, column) ? 1 : 0, repeats, links});
    }
    out.sort((a, b) -> {
      double[] x = rank.get(a);
      double[] y = rank.get(b);
      for (int i = 0; i < x.length; i++) {
        if (x[i] != y[i]) {
          return Double.compare(y[i], x[i]);
        }
      }
      return 0;
    });
    return out;
  }

  /** Whether {@code column} alone is {@code t}'s primary key (so its values never repeat). */
  private static boolean isWholeKey(Table t, String column) {
    return t.primaryKey().size() == 1 && t.primaryKey().get(0).equalsIgnoreCase(column);
  }

  /** How many of {@code names} (lower-case column names) {@code t} has. */
  private static int coverage(Table t, Set<String> names) {
    int n = 0;
    for (String name : names) {
      if (t.column(name).isPresent()) {
        n++;
      }
    }
    return n;
  }

  /**
   * When nothing in scope resembles the name, the catalog tables outside the FROM that have a column
   * of exactly that name, as {@code table.column} (the table is probably missing from the FROM):
   * tables a foreign key links to a table in scope first.
   */
  private List<String> orElsewhere(List<String> suggestions, Expr.Column c, Ctx ctx) {
    if (!suggestions.isEmpty()) {
      return suggestions;
    }
    Set<Table> inScope = new HashSet<>();
    for (Scope s = ctx.scope().fallback != null ? ctx.scope().fallback : ctx.scope(); s != null;
        s = s.parent) {
      for (Relation r : s.relations) {
        if (r.table != null) {
          inScope.add(r.table);
        }
      }
    }
    List<String> linked = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (Table t : catalog.tables()) {
      if (inScope.contains(t)) {
        continue;
      }
      t.column(c.column()).ifPresent(col -> {
        boolean link = inScope.stream().anyMatch(st -> linkedByForeignKey(t, st));
        (link ? linked : other).add(t.name() + "." + col.name());
      });
    }
    linked.addAll(other);
    return linked.size() > NameSuggester.DEFAULT_LIMIT
        ? linked.subList(0, NameSuggester.DEFAULT_LIMIT) : linked;
  }

  private static String describe(List<Relation> relations) {
    if (relations.isEmpty()) {
      return "no tables";
    }
    List<String> names = new ArrayList<>();
    for (Relation r : relations) {
      names.add(r.describe());
    }
    return String.join(", ", names);
  }

  private String partnerQualifier(Expr.Column c) {
    Expr.Column other = comparedWith.get(c);
    return other == null ? null : other.table();
  }

  private List<String> columnSuggestions(Expr.Column c, Relation rel, Ctx ctx) {
    String name = c.column();
    Scope scope = ctx.scope();
    Map<String, Double> bias = new HashMap<>();
    // a join-key mix-up: the name is a column of another relation in scope that a foreign key
    // links to a column of this one (e.g. T1.stu_id where T1 has id and T2.stu_id -> T1.id)
    if (rel.table != null) {
      for (Scope s = scope; s != null; s = s.parent) {
        for (Relation other : s.relations) {
          if (other == rel || other.table == null || !other.has(name)) {
            continue;
          }
          for (String partner : fkPartners(other.table, other.canonical(name), rel.table)) {
            bias.merge(partner, 0.6, Math::max);
          }
        }
      }
    }
    List<String> cands = nonNull(rel.columns);
    contextBias(c, ctx, cands, bias);
    return orNearby(NameSuggester.suggest(name, cands, bias, NameSuggester.DEFAULT_LIMIT), name,
        cands, bias);
  }

  /** The suggestions, or when there are none the candidates a small edit distance away. */
  private static List<String> orNearby(List<String> suggestions, String name, List<String> cands,
      Map<String, Double> bias) {
    return suggestions.isEmpty()
        ? NameSuggester.nearby(name, cands, bias, NameSuggester.DEFAULT_LIMIT) : suggestions;
  }

  /**
   * Evidence from a join condition: strong enough to put a key column first even when the written
   * name looks nothing like it, too weak to beat a one-typo match.
   */
  private static final double PARTNER_BIAS = 0.3;

  /**
   * A candidate that is the written name plus words of its own table's name ({@code name} for
   * {@code festival_name} in {@code festival_detail}).
   */
  private static final double K_OWNER = 0.2;

  /**
   * The level's GROUP BY column names that are not a key: neither a table's whole primary key nor a
   * single-column foreign key to one. Grouping by a key lets the select list show any column of the
   * keyed table, so the key says nothing about which column a select-list name meant.
   */
  private Set<String> nonKeyGroups(Scope scope) {
    Set<String> grouped = groupedIn.getOrDefault(scope, Set.of());
    if (grouped.isEmpty()) {
      return grouped;
    }
    Set<String> out = new HashSet<>(grouped);
    for (Relation r : scope.relations) {
      if (r.table == null) {
        continue;
      }
      for (String g : grouped) {
        if (!r.has(g)) {
          continue;
        }
        if (isWholeKey(r.table, g)) {
          out.remove(g);
        }
        for (ForeignKey fk : r.table.foreignKeys()) {
          if (fk.columns().size() == 1 && fk.columns().get(0).equalsIgnoreCase(g)) {
            out.remove(g);
          }
        }
      }
    }
    return out;
  }

  /** The name at the same select-list position of the other branch of a set operation. */
  private static final double K_PARALLEL = 0.35;

  /** A GROUP BY column of the level, for a plain (not aggregated) column of its select list. */
  private static final double K_GROUP_KEY = 0.3;

  /** A numeric (or not) candidate where a number is needed (the argument of SUM or AVG). */
  private static final double K_NUM = 0.2;

  /** A candidate sharing a word (3+ letters) with the written name. */
  private static final double SHARED_WORD_BIAS = 0.35;

  /**
   * Context evidence added to the name similarity of each candidate: a word shared with the written
   * name ({@code state} for {@code billing_state}) makes a far spelling a candidate; the written name
   * plus words of the candidate's own table name ({@code name} for {@code festival_name}); the kind
   * of a compared literal, and a number under SUM/AVG; in {@code a.x = b.y} the column named like
   * {@code y}, or paired with it by a foreign key; outside the select list a name the statement uses
   * elsewhere (join keys are used again in GROUP BY or WHERE), in GROUP BY/ORDER BY/HAVING a selected
   * column, while in the select list a name already selected there is less likely.
   */
  private void contextBias(Expr.Column c, Ctx ctx, List<String> cands, Map<String, Double> bias) {
    Expr.Column other = comparedWith.get(c);
    Relation otherRel = null;
    String otherCol = null;
    if (other != null) {
      Resolution r = resolve(other, ctx.scope(), ctx.clause());
      if (r.kind == Resolution.Kind.FOUND && r.relation.known()) {
        otherRel = r.relation;
        otherCol = r.relation.canonical(other.column());
      }
    }
    Set<String> itemColumns = new HashSet<>();
    for (SelectItem item : ctx.scope().items) {
      if (item.expr() instanceof Expr.Column sc && sc != c) {
        itemColumns.add(Scopes.lower(sc.column()));
      }
    }
    Set<String> selected = new HashSet<>();
    if (ctx.clause() == Clause.SELECT) {
      for (SelectItem item : ctx.scope().items) {
        if (item.expr() instanceof Expr.Column sc && sc != c) {
          selected.add(Scopes.lower(sc.column()));
        }
      }
    }
    Expr.Literal lit = comparedLiteral.get(c);
    boolean numeric = needsNumber.containsKey(c);
    Map<String, SqlType> types = new HashMap<>();
    // the catalog columns behind the candidates, for their sampled values
    Map<String, Column> catalogColumns = new HashMap<>();
    // the names of the tables a candidate belongs to: festival_name is the name of festival_detail
    Map<String, Set<String>> owners = new HashMap<>();
    // key columns (primary or foreign) of the relations in sight, for SUM/AVG arguments
    Set<String> keyColumns = new HashSet<>();
    for (Scope s = ctx.scope().fallback != null ? ctx.scope().fallback : ctx.scope(); s != null;
        s = s.parent) {
      for (Relation r : s.relations) {
        if (numeric && r.table != null) {
          r.table.primaryKey().forEach(k -> keyColumns.add(Scopes.lower(k)));
          r.table.foreignKeys().forEach(fk -> fk.columns().forEach(k -> keyColumns.add(Scopes.lower(k))));
        }
        if (r.known()) {
          for (String n : nonNull(r.columns)) {
            types.putIfAbsent(Scopes.lower(n), r.type(n));
            if (r.table != null && lit != null) {
              r.table.column(n).ifPresent(col -> catalogColumns.putIfAbsent(Scopes.lower(n), col));
            }
            if (r.table != null) {
              owners.computeIfAbsent(Scopes.lower(n), k -> new HashSet<>())
                  .addAll(NameSuggester.tokens(r.table.name()));
            }
          }
        }
      }
    }
    String parallel = parallelName.get(c);
    Set<String> groupKeys = ctx.clause() == Clause.SELECT && !aggregated.containsKey(c)
        ? nonKeyGroups(ctx.scope()) : Set.of();
    Set<String> written = NameSuggester.tokens(c.column());
    for (String cand : cands) {
      String lc = Scopes.lower(cand);
      double b = 0;
      if (NameSuggester.sharedWords(c.column(), cand) > 0) {
        Set<String> extra = new HashSet<>(NameSuggester.tokens(cand));
        extra.removeAll(written);
        Set<String> own = owners.getOrDefault(lc, Set.of());
        if (!extra.isEmpty() && own.containsAll(extra)) {
          // name for festival_name in festival_detail: the written name minus the table's own name
          b += K_OWNER;
        }
      }
      if (numeric) {
        SqlType t = types.get(lc);
        if (t != null && t != SqlType.OTHER) {
          b += t.isNumeric() ? K_NUM : -K_NUM;
        }
      }
      if (NameSuggester.sharedWords(c.column(), cand) > 0) {
        // state for billing_state, model_name for chip_model: a word in common is a plausible mix-up
        // even when the spellings are far apart
        b += SHARED_WORD_BIAS;
      }
      if (lit != null) {
        b += literalFit(types.get(lc), lit.value());
        b += valueFit(catalogColumns.get(lc), lit.value());
      }
      boolean partner = other != null && lc.equals(Scopes.lower(other.column()));
      if (!partner && otherRel != null && otherRel.table != null && otherCol != null) {
        for (Scope s = ctx.scope(); s != null && !partner; s = s.parent) {
          for (Relation r : s.relations) {
            if (r.table != null && r.has(cand) && r != otherRel
                && fkPartners(otherRel.table, otherCol, r.table).stream()
                    .anyMatch(p -> p.equalsIgnoreCase(cand))) {
              partner = true;
              break;
            }
          }
        }
      }
      if (partner) {
        b += PARTNER_BIAS;
      }
      if (ctx.clause() == Clause.SELECT) {
        if (selected.contains(lc)) {
          b -= 0.2;
        }
      } else if (usedColumns.getOrDefault(lc, 0) > 0) {
        b += 0.05;
      }
      if ((ctx.clause() == Clause.GROUP_BY || ctx.clause() == Clause.ORDER_BY
          || ctx.clause() == Clause.HAVING) && itemColumns.contains(lc)) {
        // GROUP BY / ORDER BY mostly repeat a selected column
        b += 0.25;
      }
      if (parallel != null && parallel.equals(lc)) {
        b += K_PARALLEL;
      }
      if (numeric && keyColumns.contains(lc)) {
        // a sum or average of identifiers means nothing: the number meant is not a key
        b -= K_NUM;
      }
      if (groupKeys.contains(lc)) {
        // a plain column in the select list of a grouped level must be grouped: mostly the key itself
        b += K_GROUP_KEY;
      }
      if (b != 0) {
        bias.merge(cand, b, Double::sum);
      }
    }
  }

  /** Columns of {@code target} that a foreign key pairs with {@code table.column}, either way. */
  private static List<String> fkPartners(Table table, String column, Table target) {
    List<String> out = new ArrayList<>();
    for (ForeignKey fk : table.foreignKeys()) {
      if (fk.referencedTable().equalsIgnoreCase(target.name())) {
        for (int i = 0; i < fk.columns().size() && i < fk.referencedColumns().size(); i++) {
          if (fk.columns().get(i).equalsIgnoreCase(column)) {
            out.add(target.column(fk.referencedColumns().get(i)).map(c -> c.name())
                .orElse(fk.referencedColumns().get(i)));
          }
        }
      }
    }
    for (ForeignKey fk : target.foreignKeys()) {
      if (fk.referencedTable().equalsIgnoreCase(table.name())) {
        for (int i = 0; i < fk.columns().size() && i < fk.referencedColumns().size(); i++) {
          if (fk.referencedColumns().get(i).equalsIgnoreCase(column)) {
            out.add(fk.columns().get(i));
          }
        }
      }
    }
    return out;
  }

  private List<String> scopeSuggestions(Expr.Column col, Ctx ctx) {
    String name = col.column();
    Scope scope = ctx.scope();
    Clause clause = ctx.clause();
    List<String> cands = new ArrayList<>();
    Map<String, Double> bias = new HashMap<>();
    Scope first = scope.fallback != null ? scope.fallback : scope;
    int depth = 0;
    for (Scope s = first; s != null; s = s.parent, depth++) {
      for (Relation r : s.relations) {
        if (r.columns != null) {
          for (String c : nonNull(r.columns)) {
            cands.add(c);
            if (depth > 0) {
              bias.putIfAbsent(c, -0.05);
            } else {
              bias.put(c, 0.0);
            }
          }
        }
      }
      if (depth == 0 && aliasVisible(clause)) {
        for (SelectItem item : s.items) {
          if (item.alias() != null) {
            cands.add(item.alias());
          }
        }
      }
    }
    contextBias(col, ctx, cands, bias);
    List<String> similar = NameSuggester.suggest(name, cands, bias, NameSuggester.DEFAULT_LIMIT);
    return orNearby(similar, name, cands, bias);
  }

  /**
   * Suggestions for an unknown qualifier: the aliases and tables in scope, favouring those that have
   * the columns the statement uses with this qualifier; and catalog tables not in the FROM that have
   * all those columns (the FROM item may have been left out), favouring tables a foreign key links to
   * a table in scope.
   */
  private List<String> qualifierSuggestions(String qualifier, Scope scope, String avoid) {
    Set<String> used = columnsByQualifier.getOrDefault(Scopes.lower(qualifier), Set.of());
    List<Relation> inScopeRelations = new ArrayList<>();
    Set<Table> inScope = new HashSet<>();
    Scope first = scope.fallback != null ? scope.fallback : scope;
    for (Scope s = first; s != null; s = s.parent) {
      for (Relation r : s.relations) {
        inScopeRelations.add(r);
        if (r.table != null) {
          inScope.add(r.table);
        }
      }
    }
    // catalog tables outside the FROM that have every column used with the qualifier
    List<String> missing = new ArrayList<>();
    Map<String, Double> bias = new HashMap<>();
    if (!used.isEmpty()) {
      for (Table t : catalog.tables()) {
        if (inScope.contains(t) || !hasAll(t, used)) {
          continue;
        }
        int links = 0;
        for (Table st : inScope) {
          if (st != t && linkedByForeignKey(t, st)) {
            links++;
          }
        }
        missing.add(t.name());
        // a left-out table was joined to the tables in scope: the more of them it links, the likelier;
        // and it holds the values the statement compares its columns with
        bias.put(t.name(), 0.5 + Math.min(links, 3) * K_LINK + valueEvidence(t, qualifier, used)
            + joinEvidence(t, qualifier, used, inScopeRelations)
            - (unlikelyHome(t, qualifier, used) ? K_UNLIKELY_HOME : 0));
      }
    }
    List<String> cands = new ArrayList<>();
    for (Relation r : inScopeRelations) {
      if (r.refName == null) {
        continue;
      }
      cands.add(r.refName);
      double b = 0;
      if (!used.isEmpty() && r.known() && !r.partial) {
        int have = 0;
        for (String u : used) {
          if (r.has(u)) {
            have++;
          }
        }
        double fit = (double) have / used.size();
        b = fit >= 1.0 ? 0.5 : -0.6 * (1 - fit);
      }
      if (avoid != null && avoid.equalsIgnoreCase(r.refName)) {
        b -= 0.3;
      }
      if (!missing.isEmpty() && numberedSiblings(qualifier, r.refName)) {
        // T3 is not a typo of T1: numbered aliases are distinct names, so when some table outside
        // the FROM has the columns, T3 most likely names that missing table
        b -= 0.8;
      }
      bias.merge(r.refName, b, Math::max);
    }
    cands.addAll(missing);
    for (String m : missing) {
      if (m.equalsIgnoreCase(qualifier)) {
        // the qualifier names a catalog table that has the columns but is not in the FROM: that table
        // is meant (it has to be added to the FROM); the similar names come after it
        List<String> ordered = new ArrayList<>();
        ordered.add(m);
        for (String sug : NameSuggester.suggest(qualifier, cands, bias, NameSuggester.DEFAULT_LIMIT)) {
          if (!sug.equalsIgnoreCase(m) && ordered.size() < NameSuggester.DEFAULT_LIMIT) {
            ordered.add(sug);
          }
        }
        return ordered;
      }
    }
    boolean numbered = false;
    for (Relation r : inScopeRelations) {
      numbered |= r.refName != null && numberedSiblings(qualifier, r.refName);
    }
    if (numbered && !missing.isEmpty()) {
      // T3 beside T1 and T2 says nothing about which table it was: the spelling of the table names
      // is no evidence, only the columns used with it and the links to the tables in scope are
      List<String> ordered = new ArrayList<>(missing);
      ordered.sort((a, b) -> Double.compare(bias.get(b), bias.get(a)));
      for (String s : NameSuggester.suggest(qualifier, cands, bias, NameSuggester.DEFAULT_LIMIT)) {
        if (!ordered.contains(s)) {
          ordered.add(s);
        }
      }
      return ordered.size() > NameSuggester.DEFAULT_LIMIT
          ? List.copyOf(ordered.subList(0, NameSuggester.DEFAULT_LIMIT)) : ordered;
    }
    return NameSuggester.suggest(qualifier, cands, bias, NameSuggester.DEFAULT_LIMIT);
  }

  /** A foreign key column the statement uses on a table in scope points at the candidate. */
  private static final double K_FK_USED = 0.3;

  /** Grouping by the candidate's key makes groups of more than one only where in-scope rows reference it. */
  private static final double K_FAN_OUT = 0.2;

  /**
   * How the statement's use of the tables in scope points at {@code t} as the table left out behind
   * {@code qualifier}: a foreign key column of an in-scope table that the statement uses (grouping by
   * {@code T2.s_id}, with {@code advisor.s_id -> student.id}, was joined to {@code student}); and when
   * the statement groups by {@code t}'s whole primary key through {@code qualifier}, a foreign key from
   * an in-scope table to {@code t} (groups of a unique key hold more than one row only when the joined
   * rows reference it).
   */
  private double joinEvidence(Table t, String qualifier, Set<String> used,
      List<Relation> inScopeRelations) {
    double b = 0;
    boolean referenced = false;
    for (Relation r : inScopeRelations) {
      if (r.table == null || r.table == t) {
        continue;
      }
      Set<String> rUsed = r.refName == null ? Set.of()
          : columnsByQualifier.getOrDefault(Scopes.lower(r.refName), Set.of());
      for (ForeignKey fk : r.table.foreignKeys()) {
        if (!fk.referencedTable().equalsIgnoreCase(t.name())) {
          continue;
        }
        referenced = true;
        for (String col : fk.columns()) {
          if (rUsed.contains(Scopes.lower(col))) {
            b = Math.max(b, K_FK_USED);
          }
        }
      }
    }
    if (referenced && t.primaryKey().size() == 1) {
      String pk = Scopes.lower(t.primaryKey().get(0));
      if (used.contains(pk) && groupedKeys.contains(Scopes.lower(qualifier) + "." + pk)) {
        b += K_FAN_OUT;
      }
    }
    return b;
  }

  /** A table the statement's shape makes an unlikely home of the columns (see {@link #noteVacuousHome}). */
  private static final double K_UNLIKELY_HOME = 0.3;

  /** Per foreign-key link (up to 3) of a table outside the FROM to the tables in scope. */
  private static final double K_LINK = 0.2;

  private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)");

  /** Whether both names are one stem with different numbers, such as {@code T1} and {@code T3}. */
  static boolean numberedSiblings(String a, String b) {
    java.util.regex.Matcher ma = NUMBERED.matcher(a);
    java.util.regex.Matcher mb = NUMBERED.matcher(b);
    return ma.matches() && mb.matches() && ma.group(1).equalsIgnoreCase(mb.group(1))
        && !ma.group(2).equals(mb.group(2));
  }

  private static boolean linkedByForeignKey(Table a, Table b) {
    for (ForeignKey fk : a.foreignKeys()) {
      if (fk.referencedTable().equalsIgnoreCase(b.name())) {
        return true;
      }
    }
    for (ForeignKey fk : b.foreignKeys()) {
      if (fk.referencedTable().equalsIgnoreCase(a.name())) {
        return true;
      }
    }
    return false;
  }

  private void collectQualifiers(Statement statement) {
    List<Expr.Column> cols = new ArrayList<>();
    Walk.columns(statement, cols);
    for (Expr.Column c : cols) {
      usedColumns.merge(Scopes.lower(c.column()), 1, Integer::sum);
      if (c.table() != null) {
        columnsByQualifier.computeIfAbsent(Scopes.lower(c.table()), k -> new LinkedHashSet<>())
            .add(Scopes.lower(c.column()));
      }
    }
  }

  // ------------------------------------------------------------------ types

  /** A nudge for a column of {@code type} compared with {@code value}: same kind up, other kind down. */
  static double literalFit(SqlType type, Object value) {
    if (type == null || type == SqlType.OTHER) {
      return 0;
    }
    boolean number = value instanceof Long || value instanceof java.math.BigDecimal
        || value instanceof String str && NUMBER.matcher(str).matches();
    if (type.isNumeric()) {
      return number ? 0.1 : -0.1;
    }
    if (type == SqlType.TEXT) {
      return value instanceof String && !number ? 0.1 : 0;
    }
    return 0;
  }

  /** A literal found among a column's sampled frequent values. */
  static final double K_VALUE = 0.35;

  /** A literal absent from a column whose sample lists every distinct value. */
  static final double K_NO_VALUE = 0.1;

  /**
   * Value evidence for {@code column} compared with {@code value}, from the catalog's sampled
   * statistics: {@link #K_VALUE} when the text is one of the column's frequent values (ignoring case
   * and surrounding blanks; for a LIKE pattern, when a frequent value contains the pattern's text
   * between its wildcards), minus {@link #K_NO_VALUE} when the sample lists all of the column's
   * distinct values and none matches, else 0 (no statistics, no frequent values, or not text).
   * {@code sex = 'F'} is about the column holding F and M, not the one holding social security
   * numbers.
   */
  static double valueFit(Column column, Object value) {
    if (column == null || !(value instanceof String text) || column.stats() == null) {
      return 0;
    }
    ColumnStats stats = column.stats();
    List<ColumnStats.FrequentValue> values = stats.frequentValues();
    if (values.isEmpty()) {
      return 0;
    }
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    boolean pattern = wanted.indexOf('%') >= 0;
    String core = pattern ? wanted.replace("%", "") : wanted;
    if (core.isEmpty()) {
      return 0;
    }
    for (ColumnStats.FrequentValue v : values) {
      String have = v.value() == null ? "" : v.value().trim().toLowerCase(Locale.ROOT);
      if (pattern ? likeMatches(have, wanted) : have.equals(wanted)) {
        return K_VALUE;
      }
    }
    boolean complete = stats.distinctCount() > 0 && stats.distinctCount() <= values.size();
    return complete ? -K_NO_VALUE : 0;
  }

  /** SQL LIKE with {@code %} wildcards only ({@code _} is taken literally), on lower-case text. */
  private static boolean likeMatches(String text, String pattern) {
    String[] parts = pattern.split("%", -1);
    int at = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty()) {
        continue;
      }
      if (i == 0) {
        if (!text.startsWith(part)) {
          return false;
        }
        at = part.length();
      } else if (i == parts.length - 1) {
        return text.length() - part.length() >= at && text.endsWith(part);
      } else {
        int found = text.indexOf(part, at);
        if (found < 0) {
          return false;
        }
        at = found + part.length();
      }
    }
    return true;
  }

  /** The type of a bare column expression, resolved without reporting; {@code null} otherwise. */
  SqlType quietType(Expr e, Scope scope) {
    if (e instanceof Expr.Column c) {
      Resolution r = resolve(c, scope, Clause.WHERE);
      if (r.kind == Resolution.Kind.FOUND && r.relation.known()) {
        return r.relation.type(c.column());
      }
      return null;
    }
    if (e instanceof Expr.Cast cast) {
      switch (cast.type()) {
        case INTEGER:
        case BIGINT:
          return SqlType.INTEGER;
        case DECIMAL:
          return SqlType.DECIMAL;
        case DOUBLE:
          return SqlType.FLOAT;
        case TEXT:
          return SqlType.TEXT;
        default:
          return null;
      }
    }
    return null;
  }

  /** Warns when {@code value} is a string literal that cannot be a value of {@code column}'s type. */
  private boolean typeCheck(Expr column, Expr value, Scope scope, Expr node) {
    if (!(column instanceof Expr.Column col) || !(value instanceof Expr.Literal lit)
        || !(lit.value() instanceof String s)) {
      return false;
    }
    SqlType type = quietType(column, scope);
    if (type == null) {
      return false;
    }
    boolean bad;
    if (type.isNumeric()) {
      bad = !NUMBER.matcher(s).matches();
    } else if (type == SqlType.DATE || type == SqlType.TIMESTAMP) {
      bad = !DATE_LIKE.matcher(s).matches() && !NUMBER.matcher(s).matches();
    } else if (type == SqlType.TIME) {
      bad = !TIME_LIKE.matcher(s).matches() && !DATE_LIKE.matcher(s).matches();
    } else if (type == SqlType.BOOLEAN) {
      bad = !BOOLEAN_WORDS.contains(s.trim().toLowerCase(Locale.ROOT));
    } else {
      bad = false;
    }
    if (bad) {
      String shown = s.length() > 40 ? s.substring(0, 37) + "..." : s;
      warning(DiagnosticCode.TYPE_MISMATCH, col, col.column(), "column '" + col.column() + "'",
          type, "'" + printable(shown) + "'", "TEXT");
    }
    return bad;
  }

  // ------------------------------------------------------------------ accessors for Grouping

  Dialect dialect() {
    return dialect;
  }

  void notGrouped(Expr.Column c, boolean error) {
    report(DiagnosticCode.NOT_GROUPED, error ? Severity.ERROR : Severity.WARNING, c, c.column(),
        List.of(), c.table() == null ? c.column() : c.table() + "." + c.column());
  }

  FunctionRegistry functions() {
    return functions;
  }
}
