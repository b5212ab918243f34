package io.github.nl2sql.internal.sql;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.diagnostics.Position;
import io.github.nl2sql.ir.AggFunction;
import io.github.nl2sql.ir.ArithOp;
import io.github.nl2sql.ir.BoundType;
import io.github.nl2sql.ir.CastType;
import io.github.nl2sql.ir.CmpOp;
import io.github.nl2sql.ir.Cte;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.FrameUnit;
import io.github.nl2sql.ir.JoinType;
import io.github.nl2sql.ir.NullOrder;
import io.github.nl2sql.ir.OrderItem;
import io.github.nl2sql.ir.Quantifier;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.SelectItem;
import io.github.nl2sql.ir.SetOperator;
import io.github.nl2sql.ir.SortOrder;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.ir.TableRef;
import io.github.nl2sql.ir.When;
import io.github.nl2sql.ir.WindowSpec;
import io.github.nl2sql.ir.With;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.AllValue;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnalyticType;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.AnyType;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.MySQLGroupConcat;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.WindowElement;
import net.sf.jsqlparser.expression.WindowOffset;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.SimpleNode;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.ExceptOp;
import net.sf.jsqlparser.statement.select.Fetch;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.IntersectOp;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.MinusOp;
import net.sf.jsqlparser.statement.select.Offset;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperation;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.UnionOp;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Converts one JSqlParser statement tree into IR. One instance per import call: it holds the SQL text,
 * the source map being filled and a search cursor, so it is not thread-safe and must not be reused.
 * Constructs without an IR counterpart abort the conversion with {@link NotExpressibleException}.
 */
final class AstConverter {
  private static final Map<String, AggFunction> AGGREGATES = Map.of(
      "count", AggFunction.COUNT,
      "sum", AggFunction.SUM,
      "avg", AggFunction.AVG,
      "min", AggFunction.MIN,
      "max", AggFunction.MAX,
      "group_concat", AggFunction.GROUP_CONCAT,
      "string_agg", AggFunction.GROUP_CONCAT);

  private final String sql;
  private final Dialect dialect;
  private final Catalog catalog;
  private final SourceMap positions = new SourceMap();
  private Set<String> catalogColumns;
  private Set<String> aliases;
  private int cursor;

  AstConverter(String sql, Dialect dialect, Catalog catalog) {
    this.sql = sql;
    this.dialect = dialect;
    this.catalog = catalog;
  }

  SourceMap positions() {
    return positions;
  }

  // ------------------------------------------------------------------ statements

  Statement statement(net.sf.jsqlparser.statement.Statement st) {
    if (st instanceof Select s) {
      return query(s);
    }
    if (st instanceof Insert i) {
      return insert(i);
    }
    if (st instanceof Update u) {
      return update(u);
    }
    if (st instanceof Delete d) {
      return delete(d);
    }
    throw notExpressible(readableName(st), st, null);
  }

  private Statement insert(Insert ins) {
    rejectIf(notEmpty(ins.getWithItemsList()), "WITH before INSERT", null, "WITH");
    rejectIf(notEmpty(ins.getDuplicateUpdateSets()), "ON DUPLICATE KEY UPDATE", null, "DUPLICATE");
    rejectIf(notEmpty(ins.getSetUpdateSets()), "INSERT ... SET", null, "SET");
    rejectIf(ins.getReturningClause() != null, "RETURNING", null, "RETURNING");
    rejectIf(ins.getOutputClause() != null, "OUTPUT clause", null, "OUTPUT");
    rejectIf(ins.getConflictAction() != null || ins.getConflictTarget() != null, "ON CONFLICT", null,
        "CONFLICT");
    rejectIf(ins.isModifierIgnore(), "INSERT IGNORE", null, "IGNORE");
    rejectIf(ins.getModifierPriority() != null, "INSERT priority modifier", null, "INSERT");
    rejectIf(ins.isOverwrite(), "INSERT OVERWRITE", null, "OVERWRITE");
    rejectIf(notEmpty(ins.getPartitions()), "INSERT into partitions", null, "PARTITION");
    rejectIf(ins.isOnlyDefaultValues(), "INSERT ... DEFAULT VALUES", null, "DEFAULT");
    rejectIf(ins.getOracleHint() != null, "optimizer hint", null, "/*+");
    TableRef.Table table = table(ins.getTable());
    List<String> columns = new ArrayList<>();
    if (ins.getColumns() != null) {
      for (Column c : ins.getColumns()) {
        rejectIf(c.getTable() != null && c.getTable().getName() != null,
            "qualified column in INSERT column list", c, null);
        columns.add(unquote(c.getColumnName()));
      }
    }
    Select source = ins.getSelect();
    if (source == null) {
      throw notExpressible("INSERT without VALUES or query", null, "INSERT");
    }
    if (source instanceof Values values) {
      return new Statement.Insert(table, columns, rows(values), null);
    }
    return new Statement.Insert(table, columns, List.of(), query(source));
  }

  private List<List<Expr>> rows(Values values) {
    rejectIf(values.getAlias() != null, "VALUES alias", values, null);
    ExpressionList<?> list = values.getExpressions();
    List<List<Expr>> rows = new ArrayList<>();
    boolean allRows = !list.isEmpty();
    for (Expression e : list) {
      if (!(e instanceof ExpressionList<?>)) {
        allRows = false;
        break;
      }
    }
    if (allRows) {
      for (Expression e : list) {
        List<Expr> row = new ArrayList<>();
        for (Expression v : (ExpressionList<?>) e) {
          row.add(expr(v));
        }
        rows.add(row);
      }
    } else {
      List<Expr> row = new ArrayList<>();
      for (Expression v : list) {
        row.add(expr(v));
      }
      rows.add(row);
    }
    int width = rows.get(0).size();
    for (List<Expr> row : rows) {
      rejectIf(row.size() != width, "VALUES rows of different lengths", values, null);
    }
    return rows;
  }

  private Statement update(Update up) {
    rejectIf(notEmpty(up.getWithItemsList()), "WITH before UPDATE", null, "WITH");
    rejectIf(up.getFromItem() != null, "UPDATE ... FROM", up.getFromItem(), "FROM");
    rejectIf(notEmpty(up.getJoins()) || notEmpty(up.getStartJoins()), "UPDATE with joins", null, "JOIN");
    rejectIf(notEmpty(up.getOrderByElements()), "UPDATE ... ORDER BY", null, "ORDER");
    rejectIf(up.getLimit() != null, "UPDATE ... LIMIT", up.getLimit(), "LIMIT");
    rejectIf(up.getReturningClause() != null, "RETURNING", null, "RETURNING");
    rejectIf(up.getOutputClause() != null, "OUTPUT clause", null, "OUTPUT");
    rejectIf(up.isModifierIgnore() || up.getModifierPriority() != null, "UPDATE modifier", null,
        "UPDATE");
    rejectIf(up.getOracleHint() != null, "optimizer hint", null, "/*+");
    rejectIf(up.getPreferringClause() != null, "PREFERRING", null, "PREFERRING");
    TableRef.Table table = table(up.getTable());
    List<Statement.Assignment> set = new ArrayList<>();
    for (UpdateSet us : up.getUpdateSets()) {
      rejectIf(us.getColumns().size() != 1 || us.getValues().size() != 1,
          "multi-column assignment in UPDATE", null, "SET");
      Column c = us.getColumns().get(0);
      set.add(new Statement.Assignment(unquote(c.getColumnName()), expr(us.getValues().get(0))));
    }
    Expr where = up.getWhere() == null ? null : expr(up.getWhere());
    return new Statement.Update(table, set, where);
  }

  private Statement delete(Delete del) {
    rejectIf(notEmpty(del.getWithItemsList()), "WITH before DELETE", null, "WITH");
    rejectIf(notEmpty(del.getTables()), "multi-table DELETE", null, "DELETE");
    rejectIf(notEmpty(del.getUsingList()), "DELETE ... USING", null, "USING");
    rejectIf(notEmpty(del.getJoins()), "DELETE with joins", null, "JOIN");
    rejectIf(notEmpty(del.getOrderByElements()), "DELETE ... ORDER BY", null, "ORDER");
    rejectIf(del.getLimit() != null, "DELETE ... LIMIT", del.getLimit(), "LIMIT");
    rejectIf(del.getReturningClause() != null, "RETURNING", null, "RETURNING");
    rejectIf(del.getOutputClause() != null, "OUTPUT clause", null, "OUTPUT");
    rejectIf(del.getModifierPriority() != null || del.isModifierIgnore() || del.isModifierQuick(),
        "DELETE modifier", null, "DELETE");
    rejectIf(del.getOracleHint() != null, "optimizer hint", null, "/*+");
    rejectIf(del.getPreferringClause() != null, "PREFERRING", null, "PREFERRING");
    TableRef.Table table = table(del.getTable());
    Expr where = del.getWhere() == null ? null : expr(del.getWhere());
    return new Statement.Delete(table, where);
  }

  // ------------------------------------------------------------------ queries

  Query query(Select s) {
    rejectIf(s.getLimitBy() != null, "LIMIT BY", s.getLimitBy(), "LIMIT");
    rejectIf(s.getForMode() != null || s.getForUpdateTable() != null, "FOR UPDATE / FOR SHARE", null,
        "FOR");
    rejectIf(s.getForClause() != null, "FOR XML/JSON clause", null, "FOR");
    rejectIf(s.getIsolation() != null, "WITH isolation level", null, "WITH");
    rejectIf(s.getWait() != null || s.isNoWait() || s.isSkipLocked(), "locking option", null, "WAIT");
    rejectIf(s.getPivot() != null || s.getUnPivot() != null, "PIVOT", null, "PIVOT");
    rejectIf(s.isOracleSiblings(), "ORDER SIBLINGS BY", null, "SIBLINGS");
    With with = with(s.getWithItemsList());
    Query body;
    if (s instanceof PlainSelect ps) {
      body = plainSelect(ps);
    } else if (s instanceof SetOperationList sol) {
      body = setOperations(sol);
    } else if (s instanceof LateralSubSelect l) {
      throw notExpressible("LATERAL subquery", l, "LATERAL");
    } else if (s instanceof ParenthesedSelect ps) {
      rejectIf(ps.getSampleClause() != null, "TABLESAMPLE", null, "TABLESAMPLE");
      body = query(ps.getSelect());
    } else if (s instanceof Values v) {
      throw notExpressible("VALUES as a query", v, "VALUES");
    } else {
      throw notExpressible(readableName(s), s, null);
    }
    return decorate(body, with, orderBy(s.getOrderByElements(), true), limitOf(s), offsetOf(s));
  }

  /** Applies the outer WITH/ORDER BY/LIMIT/OFFSET of a query level to its body. */
  private Query decorate(Query body, With with, List<OrderItem> order, Long limit, Long offset) {
    if (with == null && order.isEmpty() && limit == null && offset == null) {
      return body;
    }
    boolean clash = (with != null && body.with() != null)
        || (!order.isEmpty() && !body.orderBy().isEmpty())
        || (limit != null && body.limit() != null)
        || (offset != null && body.offset() != null);
    if (clash || ((!order.isEmpty() || limit != null || offset != null)
        && (body.limit() != null || body.offset() != null))) {
      // An outer ORDER BY/LIMIT over an inner one cannot be merged into one query level.
      throw notExpressible("ORDER BY/LIMIT applied to a parenthesized query that has its own", null,
          "LIMIT");
    }
    With w = with != null ? with : body.with();
    List<OrderItem> o = !order.isEmpty() ? order : body.orderBy();
    Long l = limit != null ? limit : body.limit();
    Long off = offset != null ? offset : body.offset();
    if (body instanceof Query.Select sel) {
      return new Query.Select(w, sel.distinct(), sel.items(), sel.from(), sel.where(), sel.groupBy(),
          sel.having(), o, l, off);
    }
    Query.SetOperation so = (Query.SetOperation) body;
    return new Query.SetOperation(w, so.operator(), so.all(), so.left(), so.right(), o, l, off);
  }

  private With with(List<WithItem<?>> items) {
    if (items == null || items.isEmpty()) {
      return null;
    }
    boolean recursive = false;
    List<Cte> ctes = new ArrayList<>();
    for (WithItem<?> item : items) {
      recursive |= item.isRecursive();
      rejectIf(item.isMaterialized(), "MATERIALIZED CTE", null, "MATERIALIZED");
      if (!(item.getParenthesedStatement() instanceof ParenthesedSelect cteQuery)) {
        throw notExpressible("data-modifying CTE", null, "WITH");
      }
      List<String> columns = new ArrayList<>();
      if (item.getWithItemList() != null) {
        for (net.sf.jsqlparser.statement.select.SelectItem<?> si : item.getWithItemList()) {
          Expression e = si.getExpression();
          if (e instanceof Column c && c.getTable() == null) {
            columns.add(unquote(c.getColumnName()));
          } else {
            throw notExpressible("CTE column list entry '" + e + "'", e, null);
          }
        }
      }
      rejectIf(item.getAlias() == null, "CTE without a name", null, "WITH");
      ctes.add(new Cte(unquote(item.getAlias().getName()), columns, query(cteQuery)));
    }
    return new With(recursive, ctes);
  }

  private Query setOperations(SetOperationList sol) {
    List<Select> selects = sol.getSelects();
    List<SetOperation> ops = sol.getOperations();
    Query left = query(selects.get(0));
    for (int i = 0; i < ops.size(); i++) {
      SetOperation op = ops.get(i);
      SetOperator operator;
      boolean all;
      if (op instanceof UnionOp u) {
        operator = SetOperator.UNION;
        all = u.isAll();
      } else if (op instanceof IntersectOp x) {
        operator = SetOperator.INTERSECT;
        all = x.isAll();
      } else if (op instanceof ExceptOp x) {
        operator = SetOperator.EXCEPT;
        all = x.isAll();
      } else if (op instanceof MinusOp x) {
        operator = SetOperator.EXCEPT;
        all = x.isAll();
      } else {
        throw notExpressible("set operation " + op, op, null);
      }
      Query right = query(selects.get(i + 1));
      left = Query.SetOperation.of(operator, all, left, right);
    }
    return left;
  }

  private Query.Select plainSelect(PlainSelect ps) {
    rejectIf(notEmpty(ps.getIntoTables()) || ps.getIntoTempTable() != null, "SELECT ... INTO", null,
        "INTO");
    rejectIf(notEmpty(ps.getWindowDefinitions()), "named WINDOW clause", null, "WINDOW");
    rejectIf(ps.getQualify() != null, "QUALIFY", ps.getQualify(), "QUALIFY");
    rejectIf(ps.getOracleHierarchical() != null, "CONNECT BY", null, "CONNECT");
    rejectIf(ps.getKsqlWindow() != null, "KSQL WINDOW", null, "WINDOW");
    rejectIf(notEmpty(ps.getLateralViews()), "LATERAL VIEW", null, "LATERAL");
    rejectIf(ps.getTop() != null, "TOP", null, "TOP");
    rejectIf(ps.getSkip() != null || ps.getFirst() != null, "SKIP/FIRST", null, "FIRST");
    rejectIf(ps.getSampleClause() != null, "TABLESAMPLE", null, "TABLESAMPLE");
    rejectIf(ps.getOptimizeFor() != null, "OPTIMIZE FOR", null, "OPTIMIZE");
    rejectIf(ps.getPreferringClause() != null, "PREFERRING", null, "PREFERRING");
    rejectIf(ps.getOracleHint() != null, "optimizer hint", null, "/*+");
    rejectIf(ps.getBigQuerySelectQualifier() != null, "SELECT AS STRUCT/VALUE", null, "AS");
    rejectIf(ps.getMySqlSqlCalcFoundRows() || ps.getMySqlHintStraightJoin()
        || ps.getMySqlSqlCacheFlag() != null, "MySQL SELECT modifier", null, "SQL_");
    rejectIf(ps.isEmitChanges(), "EMIT CHANGES", null, "EMIT");
    rejectIf(ps.getForXmlPath() != null, "FOR XML PATH", null, "FOR");
    boolean distinct = false;
    if (ps.getDistinct() != null) {
      rejectIf(notEmpty(ps.getDistinct().getOnSelectItems()), "DISTINCT ON", null, "DISTINCT");
      distinct = true;
    }
    // Clauses in text order, so the fallback text search for positions moves forward through the text.
    List<SelectItem> items = new ArrayList<>();
    for (net.sf.jsqlparser.statement.select.SelectItem<?> si : ps.getSelectItems()) {
      items.add(selectItem(si));
    }
    List<TableRef> from = new ArrayList<>();
    if (ps.getFromItem() != null) {
      from.add(fromItem(ps.getFromItem()));
    }
    addJoins(from, ps.getJoins());
    Expr where = ps.getWhere() == null ? null : expr(ps.getWhere());
    List<Expr> groupBy = groupBy(ps.getGroupBy());
    Expr having = ps.getHaving() == null ? null : expr(ps.getHaving());
    return new Query.Select(null, distinct, items, from, where, groupBy, having, List.of(), null, null);
  }

  private SelectItem selectItem(net.sf.jsqlparser.statement.select.SelectItem<?> si) {
    Expression e = si.getExpression();
    String alias = null;
    if (si.getAlias() != null) {
      rejectIf(notEmpty(si.getAlias().getAliasColumns()), "column alias list", e, null);
      alias = unquote(si.getAlias().getName());
    }
    return new SelectItem(expr(e), alias);
  }

  private List<Expr> groupBy(GroupByElement g) {
    if (g == null) {
      return List.of();
    }
    rejectIf(notEmpty(g.getGroupingSets()), "GROUPING SETS", null, "GROUPING");
    rejectIf(g.isMysqlWithRollup(), "WITH ROLLUP", null, "ROLLUP");
    List<Expr> out = new ArrayList<>();
    ExpressionList<?> list = g.getGroupByExpressionList();
    if (list != null) {
      for (Expression e : list) {
        out.add(orderingExpr(e, "GROUP BY"));
      }
    }
    return out;
  }

  private List<OrderItem> orderBy(List<OrderByElement> elements, boolean ordinals) {
    if (elements == null || elements.isEmpty()) {
      return List.of();
    }
    List<OrderItem> out = new ArrayList<>();
    for (OrderByElement o : elements) {
      rejectIf(o.isMysqlWithRollup(), "WITH ROLLUP", null, "ROLLUP");
      NullOrder nulls = NullOrder.DEFAULT;
      if (o.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST) {
        nulls = NullOrder.FIRST;
      } else if (o.getNullOrdering() == OrderByElement.NullOrdering.NULLS_LAST) {
        nulls = NullOrder.LAST;
      }
      Expr key = ordinals ? orderingExpr(o.getExpression(), "ORDER BY") : expr(o.getExpression());
      out.add(new OrderItem(key,
          o.isAsc() ? SortOrder.ASC : SortOrder.DESC, nulls));
    }
    return out;
  }

  /** ORDER BY / GROUP BY item: a bare integer is a select-list ordinal. */
  private Expr orderingExpr(Expression e, String clause) {
    if (e instanceof LongValue lv) {
      long n = lv.getBigIntegerValue().bitLength() < 32 ? lv.getValue() : -1;
      if (n < 1 || n > Integer.MAX_VALUE) {
        throw notExpressible(clause + " position " + lv.getStringValue(), lv, null);
      }
      return new Expr.Ordinal((int) n);
    }
    return expr(e);
  }

  private Long limitOf(Select s) {
    Limit limit = s.getLimit();
    Fetch fetch = s.getFetch();
    Long value = null;
    if (limit != null) {
      rejectIf(notEmpty(limit.getByExpressions()), "LIMIT BY", limit, "LIMIT");
      Expression rc = limit.getRowCount();
      if (rc != null && !(rc instanceof NullValue) && !(rc instanceof AllValue)) {
        value = nonNegative(rc, "LIMIT");
      }
    }
    if (fetch != null) {
      rejectIf(value != null, "both LIMIT and FETCH", null, "FETCH");
      List<String> params = fetch.getFetchParameters();
      rejectIf(params != null && params.stream().anyMatch(p -> p.equalsIgnoreCase("PERCENT")
          || p.equalsIgnoreCase("TIES")), "FETCH ... PERCENT/WITH TIES", null, "FETCH");
      // FETCH FIRST ROW ONLY names no count: one row.
      value = fetch.getExpression() != null ? nonNegative(fetch.getExpression(), "FETCH") : Long.valueOf(1L);
    }
    return value;
  }

  private Long offsetOf(Select s) {
    Long value = null;
    Limit limit = s.getLimit();
    if (limit != null && limit.getOffset() != null) {
      value = nonNegative(limit.getOffset(), "OFFSET");
    }
    Offset offset = s.getOffset();
    if (offset != null) {
      rejectIf(value != null, "two OFFSET clauses", null, "OFFSET");
      value = nonNegative(offset.getOffset(), "OFFSET");
    }
    return value;
  }

  private Long nonNegative(Expression e, String clause) {
    if (e instanceof LongValue lv && lv.getBigIntegerValue().bitLength() < 64) {
      return lv.getValue();
    }
    throw notExpressible(clause + " that is not a non-negative integer constant", e, clause);
  }

  // ------------------------------------------------------------------ FROM

  private void addJoins(List<TableRef> from, List<Join> joins) {
    if (joins == null) {
      return;
    }
    for (Join j : joins) {
      TableRef right = fromItem(j.getRightItem());
      rejectIf(j.isNatural(), "NATURAL JOIN", j, "NATURAL");
      rejectIf(j.isApply(), "APPLY join", j, "APPLY");
      rejectIf(j.isSemi(), "SEMI JOIN", j, "SEMI");
      rejectIf(j.isStraight(), "STRAIGHT_JOIN", j, "STRAIGHT_JOIN");
      rejectIf(j.isWindowJoin(), "window join", j, "WITHIN");
      rejectIf(j.isGlobal(), "GLOBAL JOIN", j, "GLOBAL");
      rejectIf(j.getJoinHint() != null, "join hint", j, null);
      if (j.isSimple() && !j.isOuter()) {
        from.add(right);
        continue;
      }
      rejectIf(j.isSimple(), "OUTER join without ON (Informix syntax)", j, "OUTER");
      List<Expression> ons = j.getOnExpressions() == null ? List.of() : new ArrayList<>(j.getOnExpressions());
      rejectIf(ons.size() > 1, "several ON clauses for one join", j, "ON");
      List<String> using = new ArrayList<>();
      if (j.getUsingColumns() != null) {
        for (Column c : j.getUsingColumns()) {
          using.add(unquote(c.getColumnName()));
        }
      }
      Expr on = ons.isEmpty() ? null : expr(ons.get(0));
      JoinType type;
      if (j.isLeft()) {
        type = JoinType.LEFT;
      } else if (j.isRight()) {
        type = JoinType.RIGHT;
      } else if (j.isFull()) {
        type = JoinType.FULL;
      } else if (j.isCross()) {
        type = on == null && using.isEmpty() ? JoinType.CROSS : JoinType.INNER;
      } else {
        // Plain JOIN without a condition is a cross join in SQLite and MySQL.
        type = on == null && using.isEmpty() ? JoinType.CROSS : JoinType.INNER;
      }
      rejectIf(type != JoinType.CROSS && type != JoinType.INNER && on == null && using.isEmpty(),
          type + " JOIN without ON or USING", j, "JOIN");
      TableRef left = from.remove(from.size() - 1);
      from.add(new TableRef.Join(type, left, right, on, using));
    }
  }

  private TableRef fromItem(FromItem item) {
    if (item instanceof Table t) {
      return table(t);
    }
    if (item instanceof LateralSubSelect l) {
      throw notExpressible("LATERAL subquery", l, "LATERAL");
    }
    if (item instanceof ParenthesedSelect ps) {
      rejectIf(ps.getPivot() != null || ps.getUnPivot() != null, "PIVOT", ps, "PIVOT");
      rejectIf(ps.getSampleClause() != null, "TABLESAMPLE", ps, "TABLESAMPLE");
      String alias = null;
      List<String> columns = new ArrayList<>();
      if (ps.getAlias() != null) {
        alias = unquote(ps.getAlias().getName());
        if (ps.getAlias().getAliasColumns() != null) {
          for (var ac : ps.getAlias().getAliasColumns()) {
            columns.add(unquote(ac.name));
          }
        }
      }
      // The parenthesised select itself carries the inner query (and possibly its own ORDER/LIMIT).
      return new TableRef.Derived(query(ps), alias, columns);
    }
    if (item instanceof ParenthesedFromItem pf) {
      rejectIf(pf.getAlias() != null, "alias on a parenthesized join", pf, null);
      rejectIf(pf.getPivot() != null || pf.getUnPivot() != null, "PIVOT", pf, "PIVOT");
      List<TableRef> inner = new ArrayList<>();
      inner.add(fromItem(pf.getFromItem()));
      addJoins(inner, pf.getJoins());
      rejectIf(inner.size() != 1, "comma join inside parentheses", pf, null);
      return inner.get(0);
    }
    if (item instanceof Values v) {
      throw notExpressible("VALUES in FROM", v, "VALUES");
    }
    throw notExpressible(readableName(item) + " in FROM", item, null);
  }

  private TableRef.Table table(Table t) {
    rejectIf(t.getDatabase() != null && t.getDatabase().getDatabaseName() != null,
        "catalog-qualified table name", t, null);
    rejectIf(t.getNameParts() != null && t.getNameParts().size() > 2, "table name with more than two parts",
        t, null);
    rejectIf(t.getIndexHint() != null, "index hint", t, null);
    rejectIf(t.getSqlServerHints() != null, "table hint", t, null);
    rejectIf(t.getPivot() != null || t.getUnPivot() != null, "PIVOT", t, "PIVOT");
    rejectIf(t.getSampleClause() != null, "TABLESAMPLE", t, "TABLESAMPLE");
    String alias = null;
    if (t.getAlias() != null) {
      rejectIf(notEmpty(t.getAlias().getAliasColumns()), "column aliases on a table", t, null);
      alias = unquote(t.getAlias().getName());
    }
    String schema = t.getSchemaName() == null ? null : unquote(t.getSchemaName());
    TableRef.Table ref = new TableRef.Table(schema, unquote(t.getName()), alias);
    positions.put(ref, positionOf(t, t.getFullyQualifiedName()));
    return ref;
  }

  // ------------------------------------------------------------------ expressions

  Expr expr(Expression e) {
    if (e == null) {
      throw notExpressible("missing expression", null, null);
    }
    if (e instanceof Column c) {
      return column(c);
    }
    if (e instanceof StringValue s) {
      return Expr.Literal.of(stringValue(s));
    }
    if (e instanceof LongValue l) {
      return Expr.Literal.of(l.getBigIntegerValue());
    }
    if (e instanceof DoubleValue d) {
      return Expr.Literal.of(decimal(d));
    }
    if (e instanceof NullValue) {
      return Expr.Literal.of(null);
    }
    if (e instanceof BooleanValue b) {
      return Expr.Literal.of(b.getValue());
    }
    if (e instanceof AndExpression || e instanceof OrExpression) {
      return logical(e);
    }
    if (e instanceof NotExpression n) {
      return not(expr(n.getExpression()));
    }
    if (e instanceof ComparisonOperator c) {
      return comparison(c);
    }
    if (e instanceof LikeExpression l) {
      return like(l);
    }
    if (e instanceof InExpression in) {
      return in(in);
    }
    if (e instanceof Between b) {
      return new Expr.Between(expr(b.getLeftExpression()), expr(b.getBetweenExpressionStart()),
          expr(b.getBetweenExpressionEnd()), b.isNot());
    }
    if (e instanceof IsNullExpression n) {
      return new Expr.IsNull(expr(n.getLeftExpression()), n.isNot());
    }
    if (e instanceof ExistsExpression ex) {
      if (ex.getRightExpression() instanceof Select sub) {
        return new Expr.Exists(query(sub), ex.isNot());
      }
      throw notExpressible("EXISTS without a subquery", ex, "EXISTS");
    }
    if (e instanceof Select sub) {
      return new Expr.Subquery(query(sub));
    }
    if (e instanceof Addition || e instanceof Subtraction || e instanceof Multiplication
        || e instanceof Division || e instanceof Modulo || e instanceof Concat) {
      return arithmetic((BinaryExpression) e);
    }
    if (e instanceof SignedExpression s) {
      return signed(s);
    }
    if (e instanceof AnalyticExpression a) {
      return window(a);
    }
    if (e instanceof Function f) {
      return function(f);
    }
    if (e instanceof MySQLGroupConcat g) {
      return groupConcat(g);
    }
    if (e instanceof CaseExpression c) {
      return caseExpr(c);
    }
    if (e instanceof CastExpression c) {
      return cast(c);
    }
    if (e instanceof DateTimeLiteralExpression d) {
      return dateTimeLiteral(d);
    }
    if (e instanceof TimeKeyExpression t) {
      return timeKey(t);
    }
    if (e instanceof TrimFunction t) {
      rejectIf(t.getTrimSpecification() != null || t.getFromExpression() != null,
          "TRIM with LEADING/TRAILING/BOTH or FROM", t, "TRIM");
      Expr.Function f = Expr.Function.of("trim", expr(t.getExpression()));
      positions.put(f, positionOf(t, "TRIM"));
      return f;
    }
    if (e instanceof AllTableColumns atc) {
      rejectIf(notEmpty(atc.getExceptColumns()) || notEmpty(atc.getReplaceExpressions()),
          "SELECT t.* EXCEPT/REPLACE", atc, null);
      Expr.Star star = new Expr.Star(unquote(atc.getTable().getName()));
      positions.put(star, positionOf(atc, atc.getTable().getName()));
      return star;
    }
    if (e instanceof AllColumns ac) {
      rejectIf(notEmpty(ac.getExceptColumns()) || notEmpty(ac.getReplaceExpressions()),
          "SELECT * EXCEPT/REPLACE", ac, null);
      return Expr.Star.all();
    }
    if (e instanceof ParenthesedExpressionList<?> list) {
      if (list.size() == 1) {
        return expr(list.get(0));
      }
      throw notExpressible("row value", list, "(");
    }
    throw notExpressible(readableName(e), e, null);
  }

  private Expr column(Column c) {
    String name = c.getColumnName();
    Table t = c.getTable();
    boolean qualified = t != null && t.getName() != null;
    rejectIf(c.getArrayConstructor() != null, "array subscript", c, null);
    if (!qualified) {
      if (isDoubleQuoted(name) && doubleQuotedIsString(unquote(name))) {
        return Expr.Literal.of(unquote(name));
      }
      if (!isQuoted(name)) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
          return Expr.Literal.of(Boolean.valueOf(lower));
        }
        if (lower.equals("current_date") || lower.equals("current_time")
            || lower.equals("current_timestamp")) {
          Expr.Function f = new Expr.Function(lower, List.of());
          positions.put(f, positionOf(c, name));
          return f;
        }
      }
      Expr.Column col = Expr.Column.of(unquote(name));
      positions.put(col, positionOf(c, name));
      return col;
    }
    rejectIf(t.getSchemaName() != null
        || (t.getDatabase() != null && t.getDatabase().getDatabaseName() != null),
        "schema-qualified column reference", c, null);
    Expr.Column col = Expr.Column.of(unquote(t.getName()), unquote(name));
    positions.put(col, positionOf(c, c.getFullyQualifiedName()));
    return col;
  }

  private boolean doubleQuotedIsString(String text) {
    if (dialect == Dialect.POSTGRES || dialect == Dialect.H2) {
      return false;
    }
    if (aliases == null) {
      aliases = aliasesIn(sql);
    }
    if (aliases.contains(text.toLowerCase(Locale.ROOT))) {
      // SQLite resolves a double-quoted name against aliases too, e.g. ORDER BY "total".
      return false;
    }
    if (catalog == null) {
      return true;
    }
    if (catalogColumns == null) {
      Set<String> names = new HashSet<>();
      for (io.github.nl2sql.catalog.Table table : catalog.tables()) {
        for (io.github.nl2sql.catalog.Column col : table.columns()) {
          names.add(col.name().toLowerCase(Locale.ROOT));
        }
      }
      catalogColumns = names;
    }
    return !catalogColumns.contains(text.toLowerCase(Locale.ROOT));
  }

  private static final Pattern ALIAS = Pattern.compile(
      "(?i)\\bAS\\s+(\"(?:[^\"]|\"\")*\"|`[^`]*`|\\[[^\\]]*]|[A-Za-z_][A-Za-z0-9_$]*)");

  /** Names introduced with AS anywhere in the text (select-list, table and CTE aliases), lower-cased. */
  private static Set<String> aliasesIn(String sql) {
    Set<String> out = new HashSet<>();
    Matcher m = ALIAS.matcher(sql);
    while (m.find()) {
      out.add(unquote(m.group(1)).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private Expr logical(Expression e) {
    boolean and = e instanceof AndExpression;
    List<Expr> operands = new ArrayList<>();
    flatten(e, and, operands);
    return and ? new Expr.And(operands) : new Expr.Or(operands);
  }

  private void flatten(Expression e, boolean and, List<Expr> out) {
    Expression x = e;
    while (x instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
      x = p.get(0);
    }
    if (and ? x instanceof AndExpression : x instanceof OrExpression) {
      BinaryExpression b = (BinaryExpression) x;
      flatten(b.getLeftExpression(), and, out);
      flatten(b.getRightExpression(), and, out);
      return;
    }
    Expr converted = expr(x);
    if (and && converted instanceof Expr.And a) {
      out.addAll(a.operands());
    } else if (!and && converted instanceof Expr.Or o) {
      out.addAll(o.operands());
    } else {
      out.add(converted);
    }
  }

  /** NOT folded into predicates that carry their own negation, so the IR has one spelling for each. */
  private static Expr not(Expr inner) {
    if (inner instanceof Expr.Exists x) {
      return new Expr.Exists(x.query(), !x.negated());
    }
    if (inner instanceof Expr.InQuery x) {
      return new Expr.InQuery(x.expr(), x.query(), !x.negated());
    }
    if (inner instanceof Expr.InList x) {
      return new Expr.InList(x.expr(), x.values(), !x.negated());
    }
    if (inner instanceof Expr.Like x) {
      return new Expr.Like(x.expr(), x.pattern(), !x.negated(), x.ignoreCase(), x.escape());
    }
    if (inner instanceof Expr.Between x) {
      return new Expr.Between(x.expr(), x.low(), x.high(), !x.negated());
    }
    if (inner instanceof Expr.IsNull x) {
      return new Expr.IsNull(x.expr(), !x.negated());
    }
    return new Expr.Not(inner);
  }

  private Expr comparison(ComparisonOperator c) {
    rejectIf(c.getOldOracleJoinSyntax() != 0, "Oracle outer join (+)", c, "(+)");
    rejectIf(c.getOraclePriorPosition() != 0, "CONNECT BY PRIOR", c, "PRIOR");
    CmpOp op;
    if (c instanceof EqualsTo) {
      op = CmpOp.EQ;
    } else if (c instanceof NotEqualsTo) {
      op = CmpOp.NE;
    } else if (c instanceof GreaterThan) {
      op = CmpOp.GT;
    } else if (c instanceof GreaterThanEquals) {
      op = CmpOp.GE;
    } else if (c instanceof MinorThan) {
      op = CmpOp.LT;
    } else if (c instanceof MinorThanEquals) {
      op = CmpOp.LE;
    } else {
      throw notExpressible("operator " + c.getStringExpression(), c, c.getStringExpression());
    }
    if (c.getLeftExpression() instanceof AnyComparisonExpression) {
      throw notExpressible("ANY/ALL on the left of a comparison", c, null);
    }
    Expr left = expr(c.getLeftExpression());
    if (c.getRightExpression() instanceof AnyComparisonExpression any) {
      Quantifier q = any.getAnyType() == AnyType.ALL ? Quantifier.ALL : Quantifier.ANY;
      return new Expr.Quantified(op, q, left, query(any.getSelect()));
    }
    return new Expr.Comparison(op, left, expr(c.getRightExpression()));
  }

  private Expr like(LikeExpression l) {
    LikeExpression.KeyWord kw = l.getLikeKeyWord();
    boolean ignoreCase = kw == LikeExpression.KeyWord.ILIKE;
    rejectIf(kw != null && kw != LikeExpression.KeyWord.LIKE && !ignoreCase, kw.toString().replace('_', ' '),
        l, kw.toString());
    rejectIf(l.isUseBinary(), "LIKE BINARY", l, "BINARY");
    String escape = null;
    if (l.getEscape() != null) {
      if (l.getEscape() instanceof StringValue sv && stringValue(sv).length() == 1) {
        escape = stringValue(sv);
      } else {
        throw notExpressible("LIKE ESCAPE that is not a single character", l, "ESCAPE");
      }
    }
    return new Expr.Like(expr(l.getLeftExpression()), expr(l.getRightExpression()), l.isNot(), ignoreCase,
        escape);
  }

  private Expr in(InExpression in) {
    rejectIf(in.getOldOracleJoinSyntax() != 0, "Oracle outer join (+)", in, "(+)");
    rejectIf(in.isGlobal(), "GLOBAL IN", in, "GLOBAL");
    Expression leftExpr = in.getLeftExpression();
    if (leftExpr instanceof ParenthesedExpressionList<?> row && row.size() != 1) {
      throw notExpressible("row value IN", in, "(");
    }
    Expression right = in.getRightExpression();
    if (right instanceof BinaryExpression tree) {
      // JSqlParser 5.3 reads "a IN (...) AND b = 1" as "a IN ((...) AND b = 1)": the IN operand is the
      // leftmost leaf of the tree it returns. Put the IN back around that leaf and convert the tree.
      BinaryExpression parent = tree;
      while (parent.getLeftExpression() instanceof BinaryExpression next) {
        parent = next;
      }
      Expression operand = parent.getLeftExpression();
      if (operand instanceof Select || operand instanceof ExpressionList<?>) {
        InExpression fixed = new InExpression(leftExpr, operand);
        fixed.setNot(in.isNot());
        parent.setLeftExpression(fixed);
        return expr(tree);
      }
      throw notExpressible("IN without a list or subquery", in, "IN");
    }
    Expr left = expr(leftExpr);
    if (right instanceof Select sub) {
      return new Expr.InQuery(left, query(sub), in.isNot());
    }
    if (right instanceof ExpressionList<?> list) {
      List<Expr> values = new ArrayList<>();
      for (Expression v : list) {
        values.add(expr(v));
      }
      rejectIf(values.isEmpty(), "empty IN list", in, "IN");
      return new Expr.InList(left, values, in.isNot());
    }
    throw notExpressible("IN without a list or subquery", in, "IN");
  }

  private Expr arithmetic(BinaryExpression b) {
    ArithOp op;
    if (b instanceof Addition) {
      op = ArithOp.ADD;
    } else if (b instanceof Subtraction) {
      op = ArithOp.SUBTRACT;
    } else if (b instanceof Multiplication) {
      op = ArithOp.MULTIPLY;
    } else if (b instanceof Division) {
      op = ArithOp.DIVIDE;
    } else if (b instanceof Modulo) {
      op = ArithOp.MODULO;
    } else {
      op = ArithOp.CONCAT;
    }
    return new Expr.Arithmetic(op, expr(b.getLeftExpression()), expr(b.getRightExpression()));
  }

  /** A minus directly before a numeric literal becomes a negative literal; otherwise {@link Expr.Negate}. */
  private Expr signed(SignedExpression s) {
    char sign = s.getSign();
    if (sign == '+') {
      return expr(s.getExpression());
    }
    if (sign != '-') {
      throw notExpressible("unary operator " + sign, s, String.valueOf(sign));
    }
    Expression inner = s.getExpression();
    if (inner instanceof LongValue l) {
      return Expr.Literal.of(new BigDecimal(l.getBigIntegerValue()).negate().toBigIntegerExact());
    }
    if (inner instanceof DoubleValue d) {
      return Expr.Literal.of(decimal(d).negate());
    }
    return new Expr.Negate(expr(inner));
  }

  private Expr function(Function f) {
    rejectIf(f.isEscaped(), "JDBC escape function {fn ...}", f, "{fn");
    rejectIf(f.getMultipartName() != null && f.getMultipartName().size() > 1,
        "qualified function name " + f.getName(), f, f.getName());
    rejectIf(f.getNamedParameters() != null, "function with named or keyword arguments " + f.getName(), f,
        f.getName());
    rejectIf(f.getAttributeColumn() != null, "attribute of a function result", f,
        null);
    rejectIf(f.getKeep() != null, "KEEP clause", f, "KEEP");
    rejectIf(notEmpty(f.getOrderByElements()), "ORDER BY inside " + f.getName() + "(...)", f, "ORDER");
    rejectIf(f.getNullHandling() != null || f.isIgnoreNullsOutside(), "IGNORE/RESPECT NULLS", f, "NULLS");
    rejectIf(f.getHavingClause() != null, "HAVING inside an aggregate", f, "HAVING");
    rejectIf(f.getLimit() != null, "LIMIT inside a function call", f, "LIMIT");
    rejectIf(f.getOnOverflowTruncate() != null, "ON OVERFLOW", f, "OVERFLOW");
    rejectIf(f.getExtraKeyword() != null, "function keyword " + f.getExtraKeyword(), f, null);
    String name = f.getName().toLowerCase(Locale.ROOT);
    List<Expression> params = f.getParameters() == null ? List.of() : new ArrayList<>(f.getParameters());
    boolean star = f.isAllColumns() || (params.size() == 1 && params.get(0) instanceof AllColumns
        && !(params.get(0) instanceof AllTableColumns));
    Expr result;
    AggFunction agg = AGGREGATES.get(name);
    if (agg != null && !(params.size() > 1 && (agg == AggFunction.MIN || agg == AggFunction.MAX))) {
      result = aggregate(f, agg, f.isDistinct(), star, params);
    } else {
      rejectIf(f.isDistinct() || f.isUnique(), "DISTINCT in a non-aggregate function " + f.getName(), f,
          "DISTINCT");
      rejectIf(star, "* as argument of " + f.getName(), f, "*");
      List<Expr> args = new ArrayList<>();
      for (Expression p : params) {
        args.add(expr(p));
      }
      result = new Expr.Function(unquote(name), args);
    }
    positions.put(result, positionOf(f, f.getName()));
    return result;
  }

  private Expr.Aggregate aggregate(Object node, AggFunction agg, boolean distinct, boolean star,
      List<Expression> params) {
    if (star) {
      rejectIf(agg != AggFunction.COUNT, agg + "(*)", node, "*");
      rejectIf(distinct, "COUNT(DISTINCT *)", node, "DISTINCT");
      return Expr.Aggregate.countStar();
    }
    String separator = null;
    if (agg == AggFunction.GROUP_CONCAT && params.size() == 2) {
      if (params.get(1) instanceof StringValue sv) {
        separator = stringValue(sv);
      } else if (params.get(1) instanceof Column c && c.getTable() == null
          && isDoubleQuoted(c.getColumnName()) && doubleQuotedIsString(unquote(c.getColumnName()))) {
        separator = unquote(c.getColumnName());
      } else {
        throw notExpressible("GROUP_CONCAT separator that is not a string constant", node, null);
      }
      params = params.subList(0, 1);
    }
    if (params.size() != 1) {
      throw notExpressible(agg + " with " + params.size() + " arguments", node, null);
    }
    return new Expr.Aggregate(agg, distinct, expr(params.get(0)), separator);
  }

  private Expr groupConcat(MySQLGroupConcat g) {
    rejectIf(notEmpty(g.getOrderByElements()), "ORDER BY inside GROUP_CONCAT", g, "ORDER");
    ExpressionList<?> list = g.getExpressionList();
    String sep = g.getSeparator() == null ? null : unquoteString(g.getSeparator());
    boolean mysql = dialect == Dialect.MYSQL || dialect == Dialect.MARIADB;
    if (list != null && list.size() == 2 && sep == null && !mysql) {
      // SQLite's group_concat(x, sep): the second argument is the separator, not a second value.
      Expression second = list.get(1);
      if (second instanceof StringValue sv) {
        sep = stringValue(sv);
      } else if (second instanceof Column c && c.getTable() == null && isDoubleQuoted(c.getColumnName())
          && doubleQuotedIsString(unquote(c.getColumnName()))) {
        sep = unquote(c.getColumnName());
      } else {
        throw notExpressible("GROUP_CONCAT separator that is not a string constant", g, "GROUP_CONCAT");
      }
      Expr.Aggregate a = new Expr.Aggregate(AggFunction.GROUP_CONCAT, g.isDistinct(), expr(list.get(0)), sep);
      positions.put(a, positionOf(g, "GROUP_CONCAT"));
      return a;
    }
    if (list == null || list.size() != 1) {
      throw notExpressible("GROUP_CONCAT of several expressions", g, "GROUP_CONCAT");
    }
    Expr.Aggregate a = new Expr.Aggregate(AggFunction.GROUP_CONCAT, g.isDistinct(), expr(list.get(0)), sep);
    positions.put(a, positionOf(g, "GROUP_CONCAT"));
    return a;
  }

  private Expr window(AnalyticExpression a) {
    rejectIf(a.getType() == AnalyticType.FILTER_ONLY, "FILTER clause", a, "FILTER");
    rejectIf(a.getType() != AnalyticType.OVER, "WITHIN GROUP", a, "WITHIN");
    rejectIf(a.getFilterExpression() != null, "FILTER clause", a, "FILTER");
    rejectIf(a.getWindowName() != null, "named window reference", a, a.getWindowName());
    rejectIf(a.getKeep() != null, "KEEP clause", a, "KEEP");
    rejectIf(a.isIgnoreNulls() || a.isIgnoreNullsOutside() || a.getNullHandling() != null,
        "IGNORE/RESPECT NULLS", a, "NULLS");
    rejectIf(notEmpty(a.getFuncOrderBy()), "ORDER BY inside a window function's arguments", a, "ORDER");
    rejectIf(a.getHavingClause() != null || a.getLimit() != null || a.getOnOverflowTruncate() != null,
        "window function option", a, null);
    String name = a.getName().toLowerCase(Locale.ROOT);
    List<Expression> params = new ArrayList<>();
    if (a.getExpression() != null) {
      if (a.getExpression() instanceof ExpressionList<?> list) {
        params.addAll(list);
      } else {
        params.add(a.getExpression());
      }
    }
    if (a.getOffset() != null) {
      params.add(a.getOffset());
    }
    if (a.getDefaultValue() != null) {
      params.add(a.getDefaultValue());
    }
    Expr fn;
    AggFunction agg = AGGREGATES.get(name);
    if (agg != null) {
      fn = aggregate(a, agg, a.isDistinct() || a.isUnique(), a.isAllColumns(), params);
    } else {
      rejectIf(a.isDistinct() || a.isUnique(), "DISTINCT in window function " + a.getName(), a, "DISTINCT");
      rejectIf(a.isAllColumns(), "* as argument of " + a.getName(), a, "*");
      List<Expr> args = new ArrayList<>();
      for (Expression p : params) {
        args.add(expr(p));
      }
      fn = new Expr.Function(name, args);
    }
    positions.put(fn, positionOf(a, a.getName()));
    List<Expr> partition = new ArrayList<>();
    if (a.getPartitionExpressionList() != null) {
      for (Expression p : a.getPartitionExpressionList()) {
        partition.add(expr(p));
      }
    }
    // In a window a bare number is a constant, not a select-list position.
    List<OrderItem> order = orderBy(a.getOrderByElements(), false);
    WindowSpec.Frame frame = frame(a, a.getWindowElement());
    return new Expr.Window(fn, new WindowSpec(partition, order, frame));
  }

  private WindowSpec.Frame frame(Object node, WindowElement w) {
    if (w == null) {
      return null;
    }
    FrameUnit unit = w.getType() == WindowElement.Type.RANGE ? FrameUnit.RANGE : FrameUnit.ROWS;
    if (w.getRange() != null) {
      return new WindowSpec.Frame(unit, bound(node, w.getRange().getStart(), true),
          bound(node, w.getRange().getEnd(), false));
    }
    if (w.getOffset() != null) {
      return new WindowSpec.Frame(unit, bound(node, w.getOffset(), true), null);
    }
    throw notExpressible("window frame " + w, node, null);
  }

  private WindowSpec.Bound bound(Object node, WindowOffset o, boolean start) {
    if (o == null) {
      throw notExpressible("window frame without a bound", node, null);
    }
    switch (o.getType()) {
      case CURRENT:
        return new WindowSpec.Bound(BoundType.CURRENT_ROW, null);
      case PRECEDING:
      case FOLLOWING: {
        boolean preceding = o.getType() == WindowOffset.Type.PRECEDING;
        if (o.getExpression() == null) {
          return new WindowSpec.Bound(
              preceding ? BoundType.UNBOUNDED_PRECEDING : BoundType.UNBOUNDED_FOLLOWING, null);
        }
        if (o.getExpression() instanceof LongValue lv && lv.getBigIntegerValue().bitLength() < 64) {
          return new WindowSpec.Bound(preceding ? BoundType.PRECEDING : BoundType.FOLLOWING, lv.getValue());
        }
        throw notExpressible("window frame offset " + o.getExpression(), node, null);
      }
      default:
        throw notExpressible("window frame bound " + o, node, start ? "BETWEEN" : "AND");
    }
  }

  private Expr caseExpr(CaseExpression c) {
    Expr operand = c.getSwitchExpression() == null ? null : expr(c.getSwitchExpression());
    List<When> whens = new ArrayList<>();
    for (WhenClause w : c.getWhenClauses()) {
      whens.add(new When(expr(w.getWhenExpression()), expr(w.getThenExpression())));
    }
    Expr otherwise = c.getElseExpression() == null ? null : expr(c.getElseExpression());
    return new Expr.Case(operand, whens, otherwise);
  }

  private Expr cast(CastExpression c) {
    // CAST(x AS t), x::t and typed literals (DATE '2020-01-31', an implicit cast) convert;
    // TRY_CAST/SAFE_CAST return NULL on failure, which CAST does not.
    String keyword = c.keyword == null ? "CAST" : c.keyword.toUpperCase(Locale.ROOT);
    rejectIf(!keyword.equals("CAST"), keyword, c, keyword);
    rejectIf(c.getFormat() != null, "CAST ... FORMAT", c, "FORMAT");
    rejectIf(c.getColumnDefinitions() != null && !c.getColumnDefinitions().isEmpty(), "CAST to a row type",
        c, null);
    String typeName = c.getColDataType() == null ? "" : c.getColDataType().getDataType();
    CastType type = castType(typeName);
    if (type == null) {
      throw notExpressible("CAST to " + typeName, c, typeName);
    }
    Integer precision = null;
    Integer scale = null;
    // JSqlParser keeps the arguments in the type name ("DECIMAL (10, 2)") or in its argument list
    java.util.List<String> args = c.getColDataType().getArgumentsStringList();
    int open = typeName.indexOf('(');
    if ((args == null || args.isEmpty()) && open >= 0 && typeName.endsWith(")")) {
      args = java.util.Arrays.asList(typeName.substring(open + 1, typeName.length() - 1).split(","));
    }
    if ((type == CastType.DECIMAL || type == CastType.TEXT) && args != null && !args.isEmpty()) {
      try {
        precision = Integer.valueOf(args.get(0).trim());
        if (type == CastType.DECIMAL && args.size() > 1) {
          scale = Integer.valueOf(args.get(1).trim());
        }
      } catch (NumberFormatException e) {
        throw notExpressible("CAST to " + typeName + "(" + String.join(", ", args) + ")", c, typeName);
      }
      rejectIf(args.size() > (type == CastType.DECIMAL ? 2 : 1), "CAST to " + typeName + " with "
          + args.size() + " arguments", c, typeName);
      rejectIf(precision < 1 || scale != null && (scale < 0 || scale > precision),
          "CAST to " + typeName + "(" + String.join(", ", args) + ")", c, typeName);
    }
    return new Expr.Cast(expr(c.getLeftExpression()), type, precision, scale);
  }

  /** Maps a SQL type name to a portable cast type, or {@code null} when it has none. */
  static CastType castType(String typeName) {
    String t = typeName == null ? "" : typeName.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    int paren = t.indexOf('(');
    if (paren >= 0) {
      t = t.substring(0, paren).trim();
    }
    switch (t) {
      case "INT": case "INTEGER": case "SMALLINT": case "TINYINT": case "MEDIUMINT": case "INT2":
      case "INT4":
        return CastType.INTEGER;
      case "BIGINT": case "INT8": case "SIGNED": case "UNSIGNED": case "SIGNED INTEGER":
      case "UNSIGNED INTEGER": case "SIGNED INT": case "UNSIGNED INT":
        return CastType.BIGINT;
      case "REAL": case "FLOAT": case "DOUBLE": case "DOUBLE PRECISION": case "FLOAT4": case "FLOAT8":
        return CastType.DOUBLE;
      case "NUMERIC": case "DECIMAL": case "DEC": case "NUMBER":
        return CastType.DECIMAL;
      case "TEXT": case "VARCHAR": case "CHAR": case "CHARACTER": case "CHARACTER VARYING": case "NVARCHAR":
      case "NCHAR": case "CLOB": case "STRING": case "VARCHAR2": case "VARYING CHARACTER":
        return CastType.TEXT;
      case "DATE":
        return CastType.DATE;
      case "TIME":
        return CastType.TIME;
      case "DATETIME": case "TIMESTAMP":
        return CastType.TIMESTAMP;
      case "BOOLEAN": case "BOOL":
        return CastType.BOOLEAN;
      default:
        return null;
    }
  }

  private Expr dateTimeLiteral(DateTimeLiteralExpression d) {
    CastType type;
    switch (d.getType()) {
      case DATE:
        type = CastType.DATE;
        break;
      case TIME:
        type = CastType.TIME;
        break;
      case TIMESTAMP:
      case DATETIME:
        type = CastType.TIMESTAMP;
        break;
      default:
        throw notExpressible(d.getType() + " literal", d, d.getType().toString());
    }
    return new Expr.Cast(Expr.Literal.of(unquoteString(d.getValue())), type);
  }

  private Expr timeKey(TimeKeyExpression t) {
    String v = t.getStringValue().trim().toLowerCase(Locale.ROOT).replace("()", "");
    if (v.equals("current_date") || v.equals("current_time") || v.equals("current_timestamp")) {
      Expr.Function f = new Expr.Function(v, List.of());
      positions.put(f, positionOf(t, t.getStringValue()));
      return f;
    }
    throw notExpressible(t.getStringValue(), t, t.getStringValue());
  }

  // ------------------------------------------------------------------ literals and names

  private String stringValue(StringValue s) {
    String prefix = s.getPrefix();
    if (prefix != null && !prefix.equalsIgnoreCase("N")) {
      throw notExpressible(prefix + "'...' string literal", s, prefix + "'");
    }
    String raw = s.getValue();
    String v = raw.replace("''", "'");
    if (dialect == Dialect.MYSQL || dialect == Dialect.MARIADB) {
      v = unescapeMysql(v);
    }
    return v;
  }

  private static String unescapeMysql(String v) {
    if (v.indexOf('\\') < 0) {
      return v;
    }
    StringBuilder sb = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (ch != '\\' || i + 1 >= v.length()) {
        sb.append(ch);
        continue;
      }
      char n = v.charAt(++i);
      switch (n) {
        case '0': sb.append('\0'); break;
        case 'b': sb.append('\b'); break;
        case 'n': sb.append('\n'); break;
        case 'r': sb.append('\r'); break;
        case 't': sb.append('\t'); break;
        case 'Z': sb.append('\u001a'); break;
        case '%': case '_': sb.append('\\').append(n); break;
        default: sb.append(n);
      }
    }
    return sb.toString();
  }

  private static BigDecimal decimal(DoubleValue d) {
    try {
      return new BigDecimal(d.toString().trim());
    } catch (NumberFormatException ex) {
      return BigDecimal.valueOf(d.getValue());
    }
  }

  /** Strips one level of identifier quoting: "x" (with "" unescaped), `x` or [x]. */
  static String unquote(String name) {
    if (name == null || name.length() < 2) {
      return name;
    }
    char first = name.charAt(0);
    char last = name.charAt(name.length() - 1);
    String inner = name.substring(1, name.length() - 1);
    if (first == '"' && last == '"') {
      return inner.replace("\"\"", "\"");
    }
    if (first == '`' && last == '`') {
      return inner.replace("``", "`");
    }
    if (first == '[' && last == ']') {
      return inner;
    }
    return name;
  }

  private static String unquoteString(String s) {
    String t = s.trim();
    if (t.length() >= 2 && t.charAt(0) == '\'' && t.charAt(t.length() - 1) == '\'') {
      return t.substring(1, t.length() - 1).replace("''", "'");
    }
    if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
      return t.substring(1, t.length() - 1).replace("\"\"", "\"");
    }
    return t;
  }

  private static boolean isDoubleQuoted(String name) {
    return name != null && name.length() >= 2 && name.charAt(0) == '"' && name.endsWith("\"");
  }

  private static boolean isQuoted(String name) {
    return name != null && name.length() >= 2 && (name.charAt(0) == '"' || name.charAt(0) == '`'
        || name.charAt(0) == '[');
  }

  // ------------------------------------------------------------------ positions and errors

  /**
   * The position of a parsed node: exact from its tokens when JSqlParser linked it to the syntax tree and
   * the text there starts with {@code text}; otherwise found by searching {@code text} after the
   * previous match.
   */
  Position positionOf(Object node, String text) {
    if (node instanceof ASTNodeAccess access) {
      SimpleNode sn = access.getASTNode();
      if (sn != null && sn.jjtGetFirstToken() != null) {
        Token first = sn.jjtGetFirstToken();
        Token last = sn.jjtGetLastToken() == null ? first : sn.jjtGetLastToken();
        int offset = first.absoluteBegin - 1;
        int end = Math.max(last.absoluteEnd - 1, offset);
        if (offset >= 0 && end <= sql.length()) {
          int length = end - offset;
          if (text != null && !text.isEmpty()) {
            if (sql.regionMatches(true, offset, text, 0, text.length())) {
              cursor = Math.max(cursor, offset + text.length());
              return Position.of(sql, offset, text.length());
            }
          } else {
            cursor = Math.max(cursor, end);
            return Position.of(sql, offset, length);
          }
        }
      }
    }
    return search(text);
  }

  private Position search(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    int at = find(text, cursor);
    if (at < 0) {
      at = find(text, 0);
    }
    if (at < 0) {
      return null;
    }
    cursor = at + text.length();
    return Position.of(sql, at, text.length());
  }

  private int find(String text, int from) {
    int n = text.length();
    for (int i = Math.max(0, from); i + n <= sql.length(); i++) {
      if (sql.regionMatches(true, i, text, 0, n)
          && (!isWordChar(text.charAt(0)) || i == 0 || !isWordChar(sql.charAt(i - 1)))
          && (!isWordChar(text.charAt(n - 1)) || i + n == sql.length() || !isWordChar(sql.charAt(i + n)))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private void rejectIf(boolean condition, String construct, Object node, String keyword) {
    if (condition) {
      throw notExpressible(construct, node, keyword);
    }
  }

  private NotExpressibleException notExpressible(String construct, Object node, String keyword) {
    Position p = null;
    if (node instanceof ASTNodeAccess access && access.getASTNode() != null) {
      p = positionOf(node, null);
    }
    if (p == null && keyword != null) {
      int at = find(keyword, 0);
      p = at < 0 ? null : Position.of(sql, at, keyword.length());
    }
    if (p == null && node != null) {
      String text = node.toString();
      int at = text.isEmpty() ? -1 : find(text, 0);
      p = at < 0 ? null : Position.of(sql, at, text.length());
    }
    return new NotExpressibleException(construct, p);
  }

  private static boolean notEmpty(java.util.Collection<?> c) {
    return c != null && !c.isEmpty();
  }

  /** "IntervalExpression" becomes "INTERVAL expression", "JdbcParameter" "bind parameter", ... */
  static String readableName(Object node) {
    String simple = node.getClass().getSimpleName();
    switch (simple) {
      case "IntervalExpression":
        return "INTERVAL";
      case "JdbcParameter":
      case "JdbcNamedParameter":
      case "NumericBind":
        return "bind parameter";
      case "UserVariable":
        return "user variable " + node;
      case "ExtractExpression":
        return "EXTRACT";
      case "HexValue":
        return "hexadecimal literal";
      case "CollateExpression":
        return "COLLATE";
      case "IsBooleanExpression":
        return "IS TRUE/FALSE";
      case "IntegerDivision":
        return "integer division DIV";
      case "RegExpMatchOperator":
      case "SimilarToExpression":
        return "regular expression match";
      case "IsDistinctExpression":
        return "IS DISTINCT FROM";
      case "XorExpression":
        return "XOR";
      case "VariableAssignment":
        return "variable assignment";
      case "ArrayExpression":
      case "ArrayConstructor":
        return "array";
      case "JsonExpression":
      case "JsonFunction":
      case "JsonAggregateFunction":
        return "JSON expression";
      case "RowConstructor":
        return "row value";
      case "TranscodingFunction":
        return "CONVERT";
      case "Upsert":
        return "REPLACE/UPSERT statement";
      default:
        break;
    }
    String words = simple.replaceAll("([a-z])([A-Z])", "$1 $2");
    if (simple.startsWith("Bitwise")) {
      return "bitwise operator";
    }
    return words.isEmpty() ? "unknown construct" : words;
  }
}
