package io.github.nl2sql.internal.compile;

import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.ir.AggFunction;
import io.github.nl2sql.ir.CastType;
import io.github.nl2sql.ir.CmpOp;
import io.github.nl2sql.ir.Cte;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.ExprVisitor;
import io.github.nl2sql.ir.OrderItem;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.SelectItem;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.ir.TableRef;
import io.github.nl2sql.ir.When;
import io.github.nl2sql.ir.With;
import io.github.nl2sql.ir.WindowSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.AggregateFunction;
import org.jooq.CaseConditionStep;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.CommonTableExpression;
import org.jooq.Comparator;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.GroupField;
import org.jooq.InsertSetStep;
import org.jooq.InsertValuesStepN;
import org.jooq.Name;
import org.jooq.OrderField;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SelectQuery;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.TableLike;
import org.jooq.TableOptionalOnStep;
import org.jooq.UpdateSetMoreStep;
import org.jooq.WindowOverStep;
import org.jooq.WindowSpecification;
import org.jooq.WindowSpecificationExcludeStep;
import org.jooq.WindowSpecificationOrderByStep;
import org.jooq.WindowSpecificationRowsAndStep;
import org.jooq.WindowSpecificationRowsStep;
import org.jooq.WithStep;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Compiles validated IR to SQL text for one dialect by building a jOOQ query tree from objects and
 * letting jOOQ render it.
 *
 * <p>Rules the output follows:
 *
 * <ul>
 *   <li>Identifiers are built with {@link DSL#name(String...)} and rendered quoted (jOOQ's {@code
 *       EXPLICIT_DEFAULT_QUOTED}, case as written), so odd names are safe and case is kept; jOOQ leaves
 *       names that need no quotes unquoted on SQLite, where identifiers are case-insensitive anyway.
 *   <li>Every {@link Expr.Literal}, {@code NULL} included, becomes a bind value ({@link DSL#val}); the
 *       SQL text holds {@code ?} placeholders and {@link CompiledQuery#parameters()} the values in
 *       placeholder order. This is checked on every compilation: the number of placeholders in the
 *       text must equal the number of bind values.
 *   <li>LIMIT and OFFSET are bind values as well (they are {@code Long}s of the IR). jOOQ inlines a
 *       fixed maximum row count where a dialect needs a LIMIT for an OFFSET (MySQL, SQLite); that
 *       constant comes from jOOQ, not from the IR.
 *   <li>ORDER BY / GROUP BY ordinals are rendered inline ({@code ORDER BY 2}): a bind value there would
 *       sort by a constant instead of by the column.
 *   <li>Integer literals given directly as function arguments (substring positions, round's digits,
 *       ntile, lag/lead offsets, ...) are bound as {@link Integer} when they fit, so PostgreSQL finds
 *       the {@code int} overload; other integer literals are bound as {@link Long}. Bind values are
 *       {@code null}, {@link String}, {@link Long}, {@link Integer}, {@link java.math.BigDecimal} or
 *       {@link Boolean}.
 *   <li>Two strings of the IR are not literals and can only be rendered inline, escaped by jOOQ: the
 *       {@code ESCAPE} character of LIKE and the GROUP_CONCAT separator on MySQL, MariaDB and H2
 *       (their grammars want a string literal there) and in PostgreSQL's {@code STRING_AGG(DISTINCT
 *       ..)}. Elsewhere (SQLite, PostgreSQL without DISTINCT) the separator is bound.
 *   <li>Function names come only from a closed catalogue ({@link #knownFunctions}): the validator's
 *       function registry for the dialect plus a few names mapped to jOOQ built-ins; anything else is
 *       rejected with {@link IllegalArgumentException}.
 *   <li>A read without LIMIT gets {@code defaultLimit}; subqueries and CTE bodies never get one.
 *   <li>Derived tables without an alias get {@code _d1}, {@code _d2}, ... (PostgreSQL requires one).
 *   <li>Column aliases of a derived table ({@code AS d(a, b)}) are native on PostgreSQL and H2; on
 *       SQLite and MariaDB, which lack them, and MySQL, which has them only from 8.0.19, the aliases
 *       are applied to the select list of the derived query instead (jOOQ would otherwise drop them
 *       silently on SQLite and MariaDB).
 *   <li>H2 reads {@code GROUP BY 1} as a constant, so there a GROUP BY ordinal is replaced by the
 *       expression of that select item; the other dialects get the ordinal.
 *   <li>Window frame offsets ({@code 3 PRECEDING}) are rendered inline: they are {@code Long}s of the
 *       IR, and jOOQ takes them only as integers.
 *   <li>On SQLite, which has no quantified comparisons, {@code = ANY} becomes {@code IN} and
 *       {@code <> ALL} becomes {@code NOT IN} (equivalent, NULLs included); other quantified
 *       comparisons are rejected with {@link IllegalArgumentException}.
 *   <li>The ORDER BY of a set operation refers to its output columns, so qualifiers of its column
 *       references are dropped. A set operation with CTEs is rendered as {@code WITH .. SELECT * FROM
 *       (set operation) AS _s ORDER BY .. LIMIT ..} so the CTEs cover both operands on every dialect.
 *   <li>A set-operation operand that is itself a set operation with ORDER BY, LIMIT, OFFSET or CTEs is
 *       rendered as {@code SELECT * FROM (..) AS _dN} (jOOQ would merge it into the outer operation).
 *       On SQLite, which allows no parentheses around operands, jOOQ wraps operands that need them
 *       in derived tables the same way.
 *   <li>CAST to DECIMAL and DOUBLE is {@code DECIMAL(65,30)} on MySQL and MariaDB (a bare DECIMAL is
 *       DECIMAL(10,0) there and jOOQ has no DOUBLE cast for them), and DECIMAL to {@code
 *       DECIMAL(65,30)} on H2 (scale 0 otherwise); other types map through jOOQ's SQLDataType.
 *   <li>jOOQ emulates NULLS FIRST/LAST on MySQL and MariaDB with an extra CASE sort key, and casts the
 *       left operand of LIKE to VARCHAR on PostgreSQL; both keep results.
 *   <li>Rejected with {@link IllegalArgumentException} because the dialect cannot say it: lag/lead
 *       with a default on MariaDB, GROUP_CONCAT(DISTINCT ..) with a separator other than ',' on
 *       SQLite, EXTRACT of parts other than year, quarter, month, day, hour, minute, second (jOOQ
 *       would renumber e.g. PostgreSQL's {@code dow}).
 *   <li>Everything else (integer division, {@code ||}, case sensitivity of LIKE, NULL ordering) is
 *       left to the database: the compiler renders what the IR says and avoids jOOQ emulations that
 *       change results (COUNT(DISTINCT x) stays, AVG stays AVG).
 * </ul>
 *
 * <p>Instances are immutable and thread-safe; each {@link #compile} call builds its own query tree.
 */
public final class SqlCompiler {
  static {
    // jOOQ prints a banner and tips on first use unless told otherwise.
    if (System.getProperty("org.jooq.no-logo") == null) {
      System.setProperty("org.jooq.no-logo", "true");
    }
    if (System.getProperty("org.jooq.no-tips") == null) {
      System.setProperty("org.jooq.no-tips", "true");
    }
  }

  private static final java.util.Map<Dialect, SqlCompiler> SHARED = new java.util.EnumMap<>(Dialect.class);

  static {
    for (Dialect d : Dialect.values()) {
      SHARED.put(d, new SqlCompiler(d));
    }
  }

  private final Dialect dialect;
  private final SQLDialect sqlDialect;
  private final DSLContext ctx;

  /**
   * A shared compiler for {@code dialect} (compilers are immutable, so one per dialect is enough).
   *
   * @throws NullPointerException if {@code dialect} is null
   */
  public static SqlCompiler forDialect(Dialect dialect) {
    return SHARED.get(Objects.requireNonNull(dialect, "dialect"));
  }

  /**
   * A compiler for {@code dialect}.
   *
   * @throws NullPointerException if {@code dialect} is null
   */
  public SqlCompiler(Dialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.sqlDialect = toJooq(dialect);
    Settings settings = new Settings()
        .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED)
        .withRenderNameCase(RenderNameCase.AS_IS)
        .withParamType(ParamType.INDEXED)
        .withRenderFormatted(false)
        // MySQL GROUP_CONCAT would otherwise be wrapped in SET @@group_concat_max_len statements
        .withRenderGroupConcatMaxLenSessionVariable(false)
        // never inline bind values because there are many of them: fail in the database instead
        .withInlineThreshold(Integer.MAX_VALUE);
    this.ctx = DSL.using(sqlDialect, settings);
  }

  /** The dialect this compiler renders for. */
  public Dialect dialect() {
    return dialect;
  }

  /** The jOOQ dialect used for {@code dialect}. */
  static SQLDialect toJooq(Dialect dialect) {
    switch (dialect) {
      case MYSQL:
        return SQLDialect.MYSQL;
      case MARIADB:
        return SQLDialect.MARIADB;
      case POSTGRES:
        return SQLDialect.POSTGRES;
      case SQLITE:
        return SQLDialect.SQLITE;
      case H2:
        return SQLDialect.H2;
      default:
        throw new IllegalArgumentException("unsupported dialect " + dialect);
    }
  }

  /**
   * The function names (lower case) this compiler renders for {@code dialect} in {@link Expr.Function}:
   * scalar functions when {@code window} is false, window-only functions (which need OVER) when true.
   * The validator uses this set to reject unknown functions before compilation.
   */
  public static Set<String> knownFunctions(Dialect dialect, boolean window) {
    return Functions.names(Objects.requireNonNull(dialect, "dialect"), window);
  }

  /**
   * Compiles {@code statement}. A read without LIMIT gets {@code defaultLimit} (0 adds none); the
   * returned {@link CompiledQuery#statement()} is the statement as compiled, with that LIMIT. Every
   * literal becomes a bind value.
   *
   * @param statement validated IR, not null
   * @param defaultLimit LIMIT for a read that has none, or 0 for none
   * @return SQL with {@code ?} placeholders and the bind values in placeholder order
   * @throws NullPointerException if {@code statement} is null
   * @throws IllegalArgumentException if {@code defaultLimit} is negative, or the IR uses something this
   *     dialect cannot express (an unknown function, a star or ordinal where no value may be, a
   *     construct the dialect lacks); the message names it
   */
  public CompiledQuery compile(Statement statement, long defaultLimit) {
    return compile(statement, defaultLimit, Spelling.AS_WRITTEN);
  }

  /**
   * How the compiler spells the identifiers that refer to something: table names, column names and
   * qualifiers. Names that define something (aliases, CTE names, derived-table columns) are always
   * rendered as written. Identifiers are rendered quoted, so on databases that fold unquoted names
   * (PostgreSQL to lower case, H2 and others to upper case) a name must be spelled exactly as the
   * catalog has it; a {@code Spelling} built from the catalog gives that spelling for a name written in
   * another case.
   */
  public interface Spelling {
    /** Names as written in the IR. */
    Spelling AS_WRITTEN = new Spelling() {
      @Override
      public String table(String name) {
        return name;
      }

      @Override
      public String column(String name) {
        return name;
      }

      @Override
      public String qualifier(String name) {
        return name;
      }
    };

    /** The spelling of a table name in FROM, INSERT, UPDATE or DELETE. */
    String table(String name);

    /** The spelling of a column name. */
    String column(String name);

    /** The spelling of a column qualifier or of the table of a {@code t.*}: an alias or a table name. */
    String qualifier(String name);
  }

  /**
   * Like {@link #compile(Statement, long)}, spelling referring identifiers with {@code spelling}.
   *
   * @throws NullPointerException if {@code statement} or {@code spelling} is null
   */
  public CompiledQuery compile(Statement statement, long defaultLimit, Spelling spelling) {
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(spelling, "spelling");
    if (defaultLimit < 0) {
      throw new IllegalArgumentException("defaultLimit must be >= 0, got " + defaultLimit);
    }
    Statement effective = statement;
    if (statement instanceof Query q && q.limit() == null && defaultLimit > 0) {
      effective = q.withLimit(defaultLimit);
    }
    org.jooq.Query query = new Build(spelling).statement(effective);
    String sql = query.getSQL(ParamType.INDEXED);
    List<Object> binds = new ArrayList<>(query.getBindValues());
    int placeholders = Placeholders.count(sql);
    if (placeholders != binds.size()) {
      throw new IllegalStateException("internal error: " + placeholders + " placeholders but "
          + binds.size() + " bind values in SQL for " + dialect + ": " + sql);
    }
    return new CompiledQuery(sql, binds, dialect, effective);
  }

  /**
   * A (qualified) name from IR identifiers; rendered quoted and escaped by jOOQ.
   *
   * @throws IllegalArgumentException if a part is null or blank
   */
  static Name id(String... parts) {
    for (String p : parts) {
      if (p == null || p.isBlank()) {
        throw new IllegalArgumentException("identifier must not be null or blank: "
            + java.util.Arrays.toString(parts));
      }
    }
    return DSL.name(parts);
  }

  // ------------------------------------------------------------------------------------------------

  /** State of one compilation (generated alias counter); not thread-safe, used once. */
  private final class Build implements ExprVisitor<QueryPart> {
    private final Spelling spelling;
    private int derivedCount;

    Build(Spelling spelling) {
      this.spelling = spelling;
    }

    Name columnId(String column) {
      return id(spelling.column(column));
    }

    org.jooq.Query statement(Statement st) {
      if (st instanceof Query q) {
        return query(q);
      }
      if (st instanceof Statement.Insert ins) {
        return insert(ins);
      }
      if (st instanceof Statement.Update up) {
        return update(up);
      }
      if (st instanceof Statement.Delete del) {
        return delete(del);
      }
      throw new IllegalArgumentException("unknown statement kind " + st.getClass().getName());
    }

    // ------------------------------------------------------------------ queries

    Select<Record> query(Query q) {
      if (q instanceof Query.Select s) {
        return select(s);
      }
      return setOperation((Query.SetOperation) q);
    }

    SelectQuery<Record> select(Query.Select s) {
      List<SelectFieldOrAsterisk> items = new ArrayList<>();
      for (SelectItem item : s.items()) {
        items.add(selectItem(item));
      }
      SelectQuery<Record> q;
      if (s.with() != null) {
        q = withStep(s.with()).select(items).getQuery();
      } else {
        q = ctx.selectQuery();
        q.addSelect(items);
      }
      q.setDistinct(s.distinct());
      for (TableRef ref : s.from()) {
        q.addFrom(tableRef(ref));
      }
      if (s.where() != null) {
        q.addConditions(condition(s.where()));
      }
      if (!s.groupBy().isEmpty()) {
        List<GroupField> groups = new ArrayList<>();
        for (Expr g : s.groupBy()) {
          if (g instanceof Expr.Ordinal o && dialect == Dialect.H2) {
            // H2 reads GROUP BY 1 as grouping by a constant: group by the item's expression instead
            groups.add(field(selectItemExpr(s, o)));
          } else {
            groups.add(g instanceof Expr.Ordinal o ? DSL.inline(o.position()) : field(g));
          }
        }
        q.addGroupBy(groups);
      }
      if (s.having() != null) {
        q.addHaving(condition(s.having()));
      }
      q.addOrderBy(orderBy(s.orderBy(), false));
      limit(q, s.limit(), s.offset());
      return q;
    }

    Expr selectItemExpr(Query.Select s, Expr.Ordinal o) {
      if (o.position() > s.items().size()) {
        throw new IllegalArgumentException("GROUP BY " + o.position() + " but the select list has "
            + s.items().size() + " items");
      }
      Expr e = s.items().get(o.position() - 1).expr();
      if (e instanceof Expr.Star) {
        throw new IllegalArgumentException("GROUP BY " + o.position() + " refers to a * select item");
      }
      return e;
    }

    SelectFieldOrAsterisk selectItem(SelectItem item) {
      if (item.expr() instanceof Expr.Star star) {
        if (item.alias() != null) {
          throw new IllegalArgumentException("a star select item cannot have an alias");
        }
        return star.table() == null ? DSL.asterisk()
            : DSL.table(id(spelling.qualifier(star.table()))).asterisk();
      }
      Field<?> f = field(item.expr());
      return item.alias() == null ? f : f.as(id(item.alias()));
    }

    void limit(SelectQuery<Record> q, Long limit, Long offset) {
      if (limit != null) {
        q.addLimit(DSL.val(limit));
      }
      if (offset != null) {
        q.addOffset(DSL.val(offset));
      }
    }

    List<SortField<?>> orderBy(List<OrderItem> items, boolean outputColumnsOnly) {
      List<SortField<?>> out = new ArrayList<>();
      for (OrderItem item : items) {
        Field<?> f;
        if (item.expr() instanceof Expr.Ordinal o) {
          f = DSL.inline(o.position());
        } else if (outputColumnsOnly && item.expr() instanceof Expr.Column c) {
          f = DSL.field(columnId(c.column()));
        } else {
          f = field(item.expr());
        }
        SortField<?> sf = item.direction() == io.github.nl2sql.ir.SortOrder.DESC ? f.desc() : f.asc();
        switch (item.nulls()) {
          case FIRST:
            sf = sf.nullsFirst();
            break;
          case LAST:
            sf = sf.nullsLast();
            break;
          default:
            break;
        }
        out.add(sf);
      }
      return out;
    }

    Select<Record> setOperation(Query.SetOperation so) {
      SelectQuery<Record> left = operand(so.left());
      SelectQuery<Record> right = operand(so.right());
      Select<Record> combined;
      switch (so.operator()) {
        case UNION:
          combined = so.all() ? left.unionAll(right) : left.union(right);
          break;
        case INTERSECT:
          combined = so.all() ? left.intersectAll(right) : left.intersect(right);
          break;
        case EXCEPT:
          combined = so.all() ? left.exceptAll(right) : left.except(right);
          break;
        default:
          throw new IllegalArgumentException("unknown set operator " + so.operator());
      }
      SelectQuery<Record> target;
      if (so.with() != null) {
        target = withStep(so.with()).select(DSL.asterisk()).getQuery();
        target.addFrom(DSL.table(combined).as(DSL.name("_s")));
      } else if (combined instanceof SelectQuery<Record> sq) {
        target = sq;
      } else {
        target = ctx.selectQuery();
        target.addSelect(DSL.asterisk());
        target.addFrom(DSL.table(combined).as(DSL.name("_s")));
      }
      target.addOrderBy(orderBy(so.orderBy(), true));
      limit(target, so.limit(), so.offset());
      return target;
    }

    /**
     * A set-operation operand as a fresh query object (jOOQ's union mutates its receiver). A nested set
     * operation with its own ORDER BY, LIMIT, OFFSET or CTEs becomes {@code SELECT * FROM (..) AS _dN}:
     * jOOQ would otherwise merge the outer operation into it and apply the inner ORDER BY/LIMIT to the
     * whole result.
     */
    SelectQuery<Record> operand(Query q) {
      Select<Record> s = query(q);
      boolean sealed = q instanceof Query.SetOperation so
          && (!so.orderBy().isEmpty() || so.limit() != null || so.offset() != null || so.with() != null);
      if (s instanceof SelectQuery<Record> sq && !sealed) {
        return sq;
      }
      SelectQuery<Record> wrap = ctx.selectQuery();
      wrap.addSelect(DSL.asterisk());
      wrap.addFrom(DSL.table(s).as(DSL.name(nextDerivedAlias())));
      return wrap;
    }

    WithStep withStep(With with) {
      List<CommonTableExpression<?>> ctes = new ArrayList<>();
      for (Cte cte : with.ctes()) {
        Select<Record> body = query(cte.query());
        Name[] cols = cte.columns().stream().map(SqlCompiler::id).toArray(Name[]::new);
        ctes.add(id(cte.name()).fields(cols).as(body));
      }
      return with.recursive() ? ctx.withRecursive(ctes) : ctx.with(ctes);
    }

    // ------------------------------------------------------------------ FROM

    Table<?> tableRef(TableRef ref) {
      if (ref instanceof TableRef.Table t) {
        return table(t);
      }
      if (ref instanceof TableRef.Derived d) {
        return derived(d);
      }
      return join((TableRef.Join) ref);
    }

    Table<Record> table(TableRef.Table t) {
      String name = spelling.table(t.name());
      Name n = t.schema() == null ? id(name) : id(t.schema(), name);
      Table<Record> table = DSL.table(n);
      return t.alias() == null ? table : table.as(id(t.alias()));
    }

    Table<?> derived(TableRef.Derived d) {
      String alias = d.alias() != null ? d.alias() : nextDerivedAlias();
      List<String> cols = d.columnAliases();
      if (cols.isEmpty()) {
        return DSL.table(query(d.query())).as(id(alias));
      }
      if (dialect == Dialect.SQLITE || dialect == Dialect.MARIADB || dialect == Dialect.MYSQL) {
        return DSL.table(query(renameOutputColumns(d.query(), cols))).as(id(alias));
      }
      Name[] names = cols.stream().map(SqlCompiler::id).toArray(Name[]::new);
      return DSL.table(query(d.query())).as(id(alias), names);
    }

    /** Applies derived-table column aliases to the query's own select list (left-most operand). */
    Query renameOutputColumns(Query q, List<String> cols) {
      if (q instanceof Query.SetOperation so) {
        return new Query.SetOperation(so.with(), so.operator(), so.all(),
            renameOutputColumns(so.left(), cols), so.right(), so.orderBy(), so.limit(), so.offset());
      }
      Query.Select s = (Query.Select) q;
      if (s.items().size() != cols.size()
          || s.items().stream().anyMatch(i -> i.expr() instanceof Expr.Star)) {
        throw new IllegalArgumentException("derived table column aliases " + cols + " need a select "
            + "list of " + cols.size() + " items without * on " + dialect);
      }
      List<SelectItem> items = new ArrayList<>();
      for (int i = 0; i < cols.size(); i++) {
        items.add(new SelectItem(s.items().get(i).expr(), cols.get(i)));
      }
      return s.withItems(items);
    }

    String nextDerivedAlias() {
      return "_d" + (++derivedCount);
    }

    Table<?> join(TableRef.Join j) {
      Table<?> left = tableRef(j.left());
      Table<?> right = tableRef(j.right());
      if (j.type() == io.github.nl2sql.ir.JoinType.CROSS) {
        if (j.on() != null || !j.using().isEmpty()) {
          throw new IllegalArgumentException("a CROSS join takes no ON or USING");
        }
        return left.crossJoin(right);
      }
      if (j.on() == null && j.using().isEmpty()) {
        if (j.type() == io.github.nl2sql.ir.JoinType.INNER) {
          return left.crossJoin(right);
        }
        throw new IllegalArgumentException(j.type() + " join needs ON or USING");
      }
      org.jooq.JoinType type;
      switch (j.type()) {
        case INNER:
          type = org.jooq.JoinType.JOIN;
          break;
        case LEFT:
          type = org.jooq.JoinType.LEFT_OUTER_JOIN;
          break;
        case RIGHT:
          type = org.jooq.JoinType.RIGHT_OUTER_JOIN;
          break;
        case FULL:
          type = org.jooq.JoinType.FULL_OUTER_JOIN;
          break;
        default:
          throw new IllegalArgumentException("unknown join type " + j.type());
      }
      TableOptionalOnStep<Record> step = left.join((TableLike<?>) right, type);
      if (j.on() != null) {
        return step.on(condition(j.on()));
      }
      List<Field<?>> using = new ArrayList<>();
      for (String c : j.using()) {
        using.add(DSL.field(columnId(c)));
      }
      return step.using(using);
    }

    // ------------------------------------------------------------------ DML

    org.jooq.Query insert(Statement.Insert ins) {
      String name = spelling.table(ins.table().name());
      Table<Record> table = DSL.table(ins.table().schema() == null ? id(name)
          : id(ins.table().schema(), name));
      List<Field<?>> cols = new ArrayList<>();
      for (String c : ins.columns()) {
        cols.add(DSL.field(columnId(c)));
      }
      InsertSetStep<Record> start = ctx.insertInto(table);
      if (ins.query() != null) {
        Select<Record> sel = query(ins.query());
        return cols.isEmpty() ? start.select(sel) : start.columns(cols).select(sel);
      }
      InsertValuesStepN<Record> step = null;
      for (List<Expr> row : ins.rows()) {
        if (!cols.isEmpty() && row.size() != cols.size()) {
          throw new IllegalArgumentException("INSERT row has " + row.size() + " values for "
              + cols.size() + " columns");
        }
        List<Field<?>> values = new ArrayList<>();
        for (Expr e : row) {
          values.add(field(e));
        }
        if (step == null) {
          step = cols.isEmpty() ? start.values(values) : start.columns(cols).values(values);
        } else {
          step = step.values(values);
        }
      }
      return step;
    }

    org.jooq.Query update(Statement.Update up) {
      Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
      for (Statement.Assignment a : up.set()) {
        set.put(DSL.field(columnId(a.column())), field(a.value()));
      }
      UpdateSetMoreStep<Record> step = ctx.update(table(up.table())).set(set);
      return up.where() == null ? step : step.where(condition(up.where()));
    }

    org.jooq.Query delete(Statement.Delete del) {
      var step = ctx.deleteFrom(table(del.table()));
      return del.where() == null ? step : step.where(condition(del.where()));
    }

    // ------------------------------------------------------------------ expressions

    @SuppressWarnings({"unchecked", "rawtypes"})
    Field<Object> field(Expr e) {
      QueryPart p = e.accept(this);
      if (p instanceof Condition c) {
        return (Field) DSL.field(c);
      }
      return (Field<Object>) p;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Condition condition(Expr e) {
      QueryPart p = e.accept(this);
      if (p instanceof Condition c) {
        return c;
      }
      return DSL.condition((Field) p);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Select<Record1<Object>> scalarQuery(Query q) {
      return (Select) query(q);
    }

    /** A literal integer argument bound as Integer (int-typed parameter), else the compiled field. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Field<Integer> intArg(Expr e) {
      if (e instanceof Expr.Literal lit && lit.value() instanceof Long l
          && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
        return DSL.val(l.intValue());
      }
      return (Field) field(e);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Field<Number> num(Field<?> f) {
      return (Field) f;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Field<String> str(Field<?> f) {
      return (Field) f;
    }

    @Override
    public QueryPart visitColumn(Expr.Column e) {
      return e.table() == null ? DSL.field(columnId(e.column()))
          : DSL.field(id(spelling.qualifier(e.table()), spelling.column(e.column())));
    }

    @Override
    public QueryPart visitLiteral(Expr.Literal e) {
      return DSL.val(e.value());
    }

    @Override
    public QueryPart visitStar(Expr.Star e) {
      throw new IllegalArgumentException("* is only allowed as a select item or in COUNT(*)");
    }

    @Override
    public QueryPart visitOrdinal(Expr.Ordinal e) {
      throw new IllegalArgumentException("ordinal " + e.position()
          + " is only allowed as an ORDER BY or GROUP BY item");
    }

    @Override
    public QueryPart visitArithmetic(Expr.Arithmetic e) {
      Field<Object> l = field(e.left());
      Field<Object> r = field(e.right());
      switch (e.op()) {
        case ADD:
          return l.plus(r);
        case SUBTRACT:
          return l.minus(r);
        case MULTIPLY:
          return l.times(num(r));
        case DIVIDE:
          return l.divide(num(r));
        case MODULO:
          return l.modulo(num(r));
        case CONCAT:
          return DSL.concat(l, r);
        default:
          throw new IllegalArgumentException("unknown operator " + e.op());
      }
    }

    @Override
    public QueryPart visitNegate(Expr.Negate e) {
      return field(e.operand()).neg();
    }

    @Override
    public QueryPart visitComparison(Expr.Comparison e) {
      return field(e.left()).compare(comparator(e.op()), field(e.right()));
    }

    @Override
    public QueryPart visitQuantified(Expr.Quantified e) {
      Field<Object> left = field(e.left());
      Select<Record1<Object>> sub = scalarQuery(e.query());
      if (dialect == Dialect.SQLITE) {
        if (e.op() == CmpOp.EQ && e.quantifier() == io.github.nl2sql.ir.Quantifier.ANY) {
          return left.in(sub);
        }
        if (e.op() == CmpOp.NE && e.quantifier() == io.github.nl2sql.ir.Quantifier.ALL) {
          return left.notIn(sub);
        }
        throw new IllegalArgumentException("SQLite has no " + e.op() + " " + e.quantifier()
            + " (subquery) comparison; only = ANY and <> ALL can be expressed (as IN / NOT IN)");
      }
      return left.compare(comparator(e.op()),
          e.quantifier() == io.github.nl2sql.ir.Quantifier.ANY ? DSL.any(sub) : DSL.all(sub));
    }

    Comparator comparator(CmpOp op) {
      switch (op) {
        case EQ:
          return Comparator.EQUALS;
        case NE:
          return Comparator.NOT_EQUALS;
        case LT:
          return Comparator.LESS;
        case LE:
          return Comparator.LESS_OR_EQUAL;
        case GT:
          return Comparator.GREATER;
        case GE:
          return Comparator.GREATER_OR_EQUAL;
        default:
          throw new IllegalArgumentException("unknown comparison " + op);
      }
    }

    @Override
    public QueryPart visitAnd(Expr.And e) {
      List<Condition> cs = new ArrayList<>();
      for (Expr o : e.operands()) {
        cs.add(condition(o));
      }
      return DSL.and(cs);
    }

    @Override
    public QueryPart visitOr(Expr.Or e) {
      List<Condition> cs = new ArrayList<>();
      for (Expr o : e.operands()) {
        cs.add(condition(o));
      }
      return DSL.or(cs);
    }

    @Override
    public QueryPart visitNot(Expr.Not e) {
      return DSL.not(condition(e.operand()));
    }

    @Override
    public QueryPart visitLike(Expr.Like e) {
      Field<Object> f = field(e.expr());
      Field<String> pattern = str(field(e.pattern()));
      if (e.escape() != null) {
        char esc = e.escape().charAt(0);
        if (e.ignoreCase()) {
          return e.negated() ? f.notLikeIgnoreCase(pattern, esc) : f.likeIgnoreCase(pattern, esc);
        }
        return e.negated() ? f.notLike(pattern, esc) : f.like(pattern, esc);
      }
      if (e.ignoreCase()) {
        return e.negated() ? f.notLikeIgnoreCase(pattern) : f.likeIgnoreCase(pattern);
      }
      return e.negated() ? f.notLike(pattern) : f.like(pattern);
    }

    @Override
    public QueryPart visitInList(Expr.InList e) {
      Field<Object> f = field(e.expr());
      List<Field<?>> values = new ArrayList<>();
      for (Expr v : e.values()) {
        values.add(field(v));
      }
      Field<?>[] arr = values.toArray(new Field<?>[0]);
      return e.negated() ? f.notIn(arr) : f.in(arr);
    }

    @Override
    public QueryPart visitInQuery(Expr.InQuery e) {
      Field<Object> f = field(e.expr());
      Select<Record1<Object>> sub = scalarQuery(e.query());
      return e.negated() ? f.notIn(sub) : f.in(sub);
    }

    @Override
    public QueryPart visitBetween(Expr.Between e) {
      Field<Object> f = field(e.expr());
      Field<Object> low = field(e.low());
      Field<Object> high = field(e.high());
      return e.negated() ? f.notBetween(low, high) : f.between(low, high);
    }

    @Override
    public QueryPart visitIsNull(Expr.IsNull e) {
      Field<Object> f = field(e.expr());
      return e.negated() ? f.isNotNull() : f.isNull();
    }

    @Override
    public QueryPart visitExists(Expr.Exists e) {
      Select<Record> sub = query(e.query());
      return e.negated() ? DSL.notExists(sub) : DSL.exists(sub);
    }

    @Override
    public QueryPart visitSubquery(Expr.Subquery e) {
      return DSL.field(scalarQuery(e.query()));
    }

    @Override
    public QueryPart visitFunction(Expr.Function e) {
      Functions.Spec spec = spec(e);
      if (spec.kind() == Functions.Kind.WINDOW) {
        throw new IllegalArgumentException("window function " + e.name() + " needs an OVER clause");
      }
      return spec.renderer().render(e.args(), args(e));
    }

    Functions.Spec spec(Expr.Function e) {
      if (!Functions.IDENTIFIER.matcher(e.name()).matches()) {
        throw new IllegalArgumentException("function name '" + e.name() + "' is not a plain identifier");
      }
      Functions.Spec spec = Functions.lookup(e.name(), dialect);
      if (spec == null) {
        throw new IllegalArgumentException("unknown function " + e.name() + " for " + dialect);
      }
      int n = e.args().size();
      if (n < spec.minArgs() || n > spec.maxArgs()) {
        throw new IllegalArgumentException("function " + spec.name() + " takes "
            + (spec.minArgs() == spec.maxArgs() ? String.valueOf(spec.minArgs())
                : spec.minArgs() + ".." + (spec.maxArgs() == Integer.MAX_VALUE ? "n" : spec.maxArgs()))
            + " arguments, got " + n);
      }
      return spec;
    }

    /** Compiled arguments; integer literals that fit are bound as Integer (see the class comment). */
    List<Field<?>> args(Expr.Function e) {
      List<Field<?>> args = new ArrayList<>();
      for (Expr a : e.args()) {
        args.add(intArg(a));
      }
      return args;
    }

    @Override
    public QueryPart visitAggregate(Expr.Aggregate e) {
      return aggregate(e);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    AggregateFunction<?> aggregate(Expr.Aggregate e) {
      if (e.argument() instanceof Expr.Star star) {
        if (e.function() != AggFunction.COUNT || star.table() != null || e.distinct()) {
          throw new IllegalArgumentException("* is only allowed as the argument of COUNT(*)");
        }
        return DSL.count();
      }
      if (e.separator() != null && e.function() != AggFunction.GROUP_CONCAT) {
        throw new IllegalArgumentException("a separator is only allowed for GROUP_CONCAT");
      }
      Field<Object> arg = field(e.argument());
      boolean d = e.distinct();
      switch (e.function()) {
        case COUNT:
          return d ? DSL.countDistinct(arg) : DSL.count(arg);
        case SUM:
          return d ? DSL.sumDistinct(num(arg)) : DSL.sum(num(arg));
        case AVG:
          return d ? DSL.avgDistinct(num(arg)) : DSL.avg(num(arg));
        case MIN:
          return d ? DSL.minDistinct(arg) : DSL.min(arg);
        case MAX:
          return d ? DSL.maxDistinct(arg) : DSL.max(arg);
        case GROUP_CONCAT:
          return groupConcat(arg, d, e.separator());
        default:
          throw new IllegalArgumentException("unknown aggregate " + e.function());
      }
    }

    AggregateFunction<String> groupConcat(Field<Object> arg, boolean distinct, String separator) {
      String sep = separator == null ? "," : separator;
      if (dialect == Dialect.POSTGRES && !distinct) {
        // (jOOQ's generic DISTINCT aggregate would wrap two arguments in a row value, so DISTINCT
        // takes the built-in below, with the separator inline)
        return DSL.aggregate(DSL.unquotedName("string_agg"), String.class,
            DSL.cast(arg, SQLDataType.VARCHAR), DSL.val(sep));
      }
      if (dialect == Dialect.SQLITE) {
        if (distinct) {
          // SQLite allows no separator argument together with DISTINCT; its default is ","
          if (!",".equals(sep)) {
            throw new IllegalArgumentException(
                "SQLite's GROUP_CONCAT(DISTINCT x) cannot take a separator other than ','");
          }
          return DSL.aggregateDistinct(DSL.unquotedName("group_concat"), String.class, arg);
        }
        return DSL.aggregate(DSL.unquotedName("group_concat"), String.class, arg, DSL.val(sep));
      }
      // MySQL, MariaDB, H2: SEPARATOR must be a string literal; jOOQ escapes it (and renders
      // STRING_AGG(DISTINCT ...) on PostgreSQL)
      return (distinct ? DSL.groupConcatDistinct(arg) : DSL.groupConcat(arg)).separator(sep);
    }

    @Override
    public QueryPart visitCase(Expr.Case e) {
      Field<Object> otherwise = e.otherwise() == null ? null : field(e.otherwise());
      if (e.operand() != null) {
        CaseValueStep<Object> start = DSL.choose(field(e.operand()));
        CaseWhenStep<Object, Object> step = null;
        for (When w : e.whens()) {
          Field<Object> value = field(w.condition());
          Field<Object> result = field(w.result());
          step = step == null ? start.when(value, result) : step.when(value, result);
        }
        return otherwise == null ? step : step.otherwise(otherwise);
      }
      CaseConditionStep<Object> step = null;
      for (When w : e.whens()) {
        Condition c = condition(w.condition());
        Field<Object> result = field(w.result());
        step = step == null ? DSL.when(c, result) : step.when(c, result);
      }
      return otherwise == null ? step : step.otherwise(otherwise);
    }

    @Override
    public QueryPart visitCast(Expr.Cast e) {
      DataType<?> type = dataType(e.type());
      if (e.precision() != null) {
        type = e.type() == CastType.TEXT ? SQLDataType.VARCHAR(e.precision())
            : SQLDataType.DECIMAL(e.precision(), e.scale() == null ? 0 : e.scale());
      }
      return DSL.cast(field(e.expr()), type);
    }

    DataType<?> dataType(CastType t) {
      boolean mysql = dialect == Dialect.MYSQL || dialect == Dialect.MARIADB;
      switch (t) {
        case INTEGER:
          return SQLDataType.INTEGER;
        case BIGINT:
          return SQLDataType.BIGINT;
        case DECIMAL:
        case DOUBLE:
          // MySQL's bare DECIMAL is DECIMAL(10,0) and jOOQ renders DOUBLE as DECIMAL there; H2's bare
          // DECIMAL has scale 0 too: keep the fraction digits with the widest MySQL decimal instead of
          // rounding to an integer.
          if (mysql || (dialect == Dialect.H2 && t == CastType.DECIMAL)) {
            return SQLDataType.DECIMAL(65, 30);
          }
          return t == CastType.DOUBLE ? SQLDataType.DOUBLE : SQLDataType.DECIMAL;
        case TEXT:
          return SQLDataType.VARCHAR;
        case DATE:
          return SQLDataType.DATE;
        case TIME:
          return SQLDataType.TIME;
        case TIMESTAMP:
          return SQLDataType.TIMESTAMP;
        case BOOLEAN:
          return SQLDataType.BOOLEAN;
        default:
          throw new IllegalArgumentException("unknown cast type " + t);
      }
    }

    @Override
    public QueryPart visitWindow(Expr.Window e) {
      WindowOverStep<?> fn;
      if (e.function() instanceof Expr.Aggregate agg) {
        fn = aggregate(agg);
      } else {
        fn = windowFunction((Expr.Function) e.function());
      }
      WindowSpecification spec = windowSpec(e.over());
      return spec == null ? fn.over() : fn.over(spec);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    WindowOverStep<?> windowFunction(Expr.Function e) {
      Functions.Spec spec = spec(e);
      List<Field<?>> a = args(e);
      if (spec.kind() == Functions.Kind.AGGREGATE) {
        return (WindowOverStep<?>) spec.renderer().render(e.args(), a);
      }
      if (spec.kind() != Functions.Kind.WINDOW) {
        throw new IllegalArgumentException("function " + e.name()
            + " is not a window function; OVER needs an aggregate or a window function");
      }
      switch (spec.name()) {
        case "row_number":
          return DSL.rowNumber();
        case "rank":
          return DSL.rank();
        case "dense_rank":
          return DSL.denseRank();
        case "percent_rank":
          return DSL.percentRank();
        case "cume_dist":
          return DSL.cumeDist();
        case "ntile":
          return DSL.ntile((Field<Integer>) a.get(0));
        case "lag":
        case "lead": {
          boolean lag = spec.name().equals("lag");
          if (a.size() == 3 && dialect == Dialect.MARIADB) {
            throw new IllegalArgumentException("MariaDB's " + spec.name()
                + " takes no default value (third argument)");
          }
          Field<Object> v = (Field) a.get(0);
          if (a.size() == 1) {
            return lag ? DSL.lag(v) : DSL.lead(v);
          }
          Field<Integer> offset = (Field<Integer>) a.get(1);
          if (a.size() == 2) {
            return lag ? DSL.lag(v, offset) : DSL.lead(v, offset);
          }
          Field<String> vs = (Field) v;
          Field<String> dflt = (Field) a.get(2);
          return lag ? DSL.lag(vs, offset, dflt) : DSL.lead(vs, offset, dflt);
        }
        case "first_value":
          return DSL.firstValue(a.get(0));
        case "last_value":
          return DSL.lastValue(a.get(0));
        case "nth_value":
          return DSL.nthValue(a.get(0), (Field<Integer>) a.get(1));
        default:
          throw new IllegalArgumentException("unknown window function " + e.name());
      }
    }

    WindowSpecification windowSpec(WindowSpec w) {
      List<GroupField> partition = new ArrayList<>();
      for (Expr p : w.partitionBy()) {
        partition.add(field(p));
      }
      List<OrderField<?>> order = new ArrayList<>(orderBy(w.orderBy(), false));
      WindowSpecificationRowsStep rows = null;
      if (!partition.isEmpty()) {
        WindowSpecificationOrderByStep p = DSL.partitionBy(partition);
        rows = order.isEmpty() ? p : p.orderBy(order);
      } else if (!order.isEmpty()) {
        rows = DSL.orderBy(order);
      }
      if (w.frame() == null) {
        return rows;
      }
      if (rows == null) {
        rows = DSL.partitionBy(List.of());
      }
      return frame(rows, w.frame());
    }

    WindowSpecification frame(WindowSpecificationRowsStep s, WindowSpec.Frame f) {
      WindowSpec.Bound start = f.start();
      if (f.end() == null) {
        switch (f.unit()) {
          case ROWS:
            return single(start, s::rowsUnboundedPreceding, s::rowsPreceding, s::rowsCurrentRow,
                s::rowsFollowing, s::rowsUnboundedFollowing);
          case RANGE:
            return single(start, s::rangeUnboundedPreceding, s::rangePreceding, s::rangeCurrentRow,
                s::rangeFollowing, s::rangeUnboundedFollowing);
          default:
            return single(start, s::groupsUnboundedPreceding, s::groupsPreceding, s::groupsCurrentRow,
                s::groupsFollowing, s::groupsUnboundedFollowing);
        }
      }
      WindowSpecificationRowsAndStep and;
      switch (f.unit()) {
        case ROWS:
          and = single(start, s::rowsBetweenUnboundedPreceding, s::rowsBetweenPreceding,
              s::rowsBetweenCurrentRow, s::rowsBetweenFollowing, s::rowsBetweenUnboundedFollowing);
          break;
        case RANGE:
          and = single(start, s::rangeBetweenUnboundedPreceding, s::rangeBetweenPreceding,
              s::rangeBetweenCurrentRow, s::rangeBetweenFollowing, s::rangeBetweenUnboundedFollowing);
          break;
        default:
          and = single(start, s::groupsBetweenUnboundedPreceding, s::groupsBetweenPreceding,
              s::groupsBetweenCurrentRow, s::groupsBetweenFollowing, s::groupsBetweenUnboundedFollowing);
          break;
      }
      WindowSpecificationExcludeStep end = single(f.end(), and::andUnboundedPreceding, and::andPreceding,
          and::andCurrentRow, and::andFollowing, and::andUnboundedFollowing);
      return end;
    }

    <T> T single(WindowSpec.Bound b, java.util.function.Supplier<T> unboundedPreceding,
        java.util.function.IntFunction<T> preceding, java.util.function.Supplier<T> currentRow,
        java.util.function.IntFunction<T> following, java.util.function.Supplier<T> unboundedFollowing) {
      switch (b.type()) {
        case UNBOUNDED_PRECEDING:
          return unboundedPreceding.get();
        case PRECEDING:
          return preceding.apply(frameOffset(b));
        case CURRENT_ROW:
          return currentRow.get();
        case FOLLOWING:
          return following.apply(frameOffset(b));
        case UNBOUNDED_FOLLOWING:
          return unboundedFollowing.get();
        default:
          throw new IllegalArgumentException("unknown frame bound " + b.type());
      }
    }

    int frameOffset(WindowSpec.Bound b) {
      if (b.offset() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("frame offset too large: " + b.offset());
      }
      return b.offset().intValue();
    }
  }
}
