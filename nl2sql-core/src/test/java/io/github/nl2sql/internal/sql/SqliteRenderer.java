package io.github.nl2sql.internal.sql;

import io.github.nl2sql.ir.Cte;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.ExprVisitor;
import io.github.nl2sql.ir.NullOrder;
import io.github.nl2sql.ir.OrderItem;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.SelectItem;
import io.github.nl2sql.ir.SortOrder;
import io.github.nl2sql.ir.TableRef;
import io.github.nl2sql.ir.When;
import io.github.nl2sql.ir.WindowSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Test-only: renders an imported query back into SQL that SQLite runs, with literals inline, so a test
 * can check that the importer kept the meaning of a query by comparing results. Not the compiler.
 */
final class SqliteRenderer {
  private SqliteRenderer() {}

  static String render(Query q) {
    StringBuilder sb = new StringBuilder();
    if (q.with() != null) {
      sb.append("WITH ");
      if (q.with().recursive()) {
        sb.append("RECURSIVE ");
      }
      sb.append(q.with().ctes().stream().map(SqliteRenderer::cte).collect(Collectors.joining(", "))).append(' ');
    }
    if (q instanceof Query.Select s) {
      sb.append(select(s));
    } else {
      Query.SetOperation so = (Query.SetOperation) q;
      sb.append(member(so.left())).append(' ').append(so.operator()).append(so.all() ? " ALL " : " ")
          .append(member(so.right()));
    }
    if (!q.orderBy().isEmpty()) {
      sb.append(" ORDER BY ").append(order(q.orderBy()));
    }
    if (q.limit() != null || q.offset() != null) {
      sb.append(" LIMIT ").append(q.limit() == null ? -1 : q.limit());
      if (q.offset() != null) {
        sb.append(" OFFSET ").append(q.offset());
      }
    }
    return sb.toString();
  }

  /** A compound member: SQLite allows neither parentheses nor ORDER BY/LIMIT there. */
  private static String member(Query q) {
    boolean plain = q instanceof Query.SetOperation
        ? q.with() == null && q.orderBy().isEmpty() && q.limit() == null && q.offset() == null
        : q.with() == null && q.orderBy().isEmpty() && q.limit() == null && q.offset() == null;
    return plain ? render(q) : "SELECT * FROM (" + render(q) + ")";
  }

  private static String cte(Cte c) {
    String cols = c.columns().isEmpty() ? "" : "(" + c.columns().stream().map(SqliteRenderer::id)
        .collect(Collectors.joining(", ")) + ")";
    return id(c.name()) + cols + " AS (" + render(c.query()) + ")";
  }

  private static String select(Query.Select s) {
    StringBuilder sb = new StringBuilder("SELECT ");
    if (s.distinct()) {
      sb.append("DISTINCT ");
    }
    sb.append(s.items().stream().map(SqliteRenderer::item).collect(Collectors.joining(", ")));
    if (!s.from().isEmpty()) {
      sb.append(" FROM ").append(s.from().stream().map(SqliteRenderer::from).collect(Collectors.joining(", ")));
    }
    if (s.where() != null) {
      sb.append(" WHERE ").append(expr(s.where()));
    }
    if (!s.groupBy().isEmpty()) {
      sb.append(" GROUP BY ").append(list(s.groupBy()));
    }
    if (s.having() != null) {
      sb.append(" HAVING ").append(expr(s.having()));
    }
    return sb.toString();
  }

  private static String item(SelectItem i) {
    return i.alias() == null ? expr(i.expr()) : expr(i.expr()) + " AS " + id(i.alias());
  }

  private static String from(TableRef r) {
    if (r instanceof TableRef.Table t) {
      String n = t.schema() == null ? id(t.name()) : id(t.schema()) + "." + id(t.name());
      return t.alias() == null ? n : n + " AS " + id(t.alias());
    }
    if (r instanceof TableRef.Derived d) {
      return "(" + render(d.query()) + ")" + (d.alias() == null ? "" : " AS " + id(d.alias()));
    }
    TableRef.Join j = (TableRef.Join) r;
    String right = j.right() instanceof TableRef.Join ? "(" + from(j.right()) + ")" : from(j.right());
    String s = from(j.left()) + " " + j.type() + " JOIN " + right;
    if (j.on() != null) {
      s += " ON " + expr(j.on());
    }
    if (!j.using().isEmpty()) {
      s += " USING (" + j.using().stream().map(SqliteRenderer::id).collect(Collectors.joining(", ")) + ")";
    }
    return s;
  }

  private static String order(List<OrderItem> items) {
    return items.stream().map(o -> expr(o.expr()) + (o.direction() == SortOrder.DESC ? " DESC" : "")
        + (o.nulls() == NullOrder.DEFAULT ? "" : " NULLS " + o.nulls())).collect(Collectors.joining(", "));
  }

  private static String list(List<Expr> es) {
    return es.stream().map(SqliteRenderer::expr).collect(Collectors.joining(", "));
  }

  private static String id(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  static String expr(Expr e) {
    return e.accept(V);
  }

  private static String lit(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof String s) {
      return "'" + s.replace("'", "''") + "'";
    }
    if (v instanceof Boolean b) {
      return b ? "1" : "0";
    }
    if (v instanceof BigDecimal d) {
      return d.toString();
    }
    return v.toString();
  }

  private static final ExprVisitor<String> V = new ExprVisitor<>() {
    @Override
    public String visitColumn(Expr.Column e) {
      return e.table() == null ? id(e.column()) : id(e.table()) + "." + id(e.column());
    }

    @Override
    public String visitLiteral(Expr.Literal e) {
      return lit(e.value());
    }

    @Override
    public String visitStar(Expr.Star e) {
      return e.table() == null ? "*" : id(e.table()) + ".*";
    }

    @Override
    public String visitOrdinal(Expr.Ordinal e) {
      return Integer.toString(e.position());
    }

    @Override
    public String visitArithmetic(Expr.Arithmetic e) {
      String op;
      switch (e.op()) {
        case ADD: op = "+"; break;
        case SUBTRACT: op = "-"; break;
        case MULTIPLY: op = "*"; break;
        case DIVIDE: op = "/"; break;
        case MODULO: op = "%"; break;
        default: op = "||";
      }
      return "(" + expr(e.left()) + " " + op + " " + expr(e.right()) + ")";
    }

    @Override
    public String visitNegate(Expr.Negate e) {
      return "(- " + expr(e.operand()) + ")";
    }

    @Override
    public String visitComparison(Expr.Comparison e) {
      String op;
      switch (e.op()) {
        case EQ: op = "="; break;
        case NE: op = "<>"; break;
        case LT: op = "<"; break;
        case LE: op = "<="; break;
        case GT: op = ">"; break;
        default: op = ">=";
      }
      return "(" + expr(e.left()) + " " + op + " " + expr(e.right()) + ")";
    }

    @Override
    public String visitQuantified(Expr.Quantified e) {
      throw new UnsupportedOperationException("SQLite has no ANY/ALL");
    }

    @Override
    public String visitAnd(Expr.And e) {
      return "(" + e.operands().stream().map(SqliteRenderer::expr).collect(Collectors.joining(" AND ")) + ")";
    }

    @Override
    public String visitOr(Expr.Or e) {
      return "(" + e.operands().stream().map(SqliteRenderer::expr).collect(Collectors.joining(" OR ")) + ")";
    }

    @Override
    public String visitNot(Expr.Not e) {
      return "(NOT " + expr(e.operand()) + ")";
    }

    @Override
    public String visitLike(Expr.Like e) {
      return "(" + expr(e.expr()) + (e.negated() ? " NOT LIKE " : " LIKE ") + expr(e.pattern())
          + (e.escape() == null ? "" : " ESCAPE " + lit(e.escape())) + ")";
    }

    @Override
    public String visitInList(Expr.InList e) {
      return "(" + expr(e.expr()) + (e.negated() ? " NOT IN (" : " IN (") + list(e.values()) + "))";
    }

    @Override
    public String visitInQuery(Expr.InQuery e) {
      return "(" + expr(e.expr()) + (e.negated() ? " NOT IN (" : " IN (") + render(e.query()) + "))";
    }

    @Override
    public String visitBetween(Expr.Between e) {
      return "(" + expr(e.expr()) + (e.negated() ? " NOT BETWEEN " : " BETWEEN ") + expr(e.low()) + " AND "
          + expr(e.high()) + ")";
    }

    @Override
    public String visitIsNull(Expr.IsNull e) {
      return "(" + expr(e.expr()) + (e.negated() ? " IS NOT NULL)" : " IS NULL)");
    }

    @Override
    public String visitExists(Expr.Exists e) {
      return (e.negated() ? "(NOT EXISTS (" : "(EXISTS (") + render(e.query()) + "))";
    }

    @Override
    public String visitSubquery(Expr.Subquery e) {
      return "(" + render(e.query()) + ")";
    }

    @Override
    public String visitFunction(Expr.Function e) {
      if (e.args().isEmpty() && e.name().startsWith("current_")) {
        return e.name();
      }
      return e.name() + "(" + list(e.args()) + ")";
    }

    @Override
    public String visitAggregate(Expr.Aggregate e) {
      String arg = (e.distinct() ? "DISTINCT " : "") + expr(e.argument());
      String sep = e.separator() == null ? "" : ", " + lit(e.separator());
      return e.function().name().toLowerCase(Locale.ROOT) + "(" + arg + sep + ")";
    }

    @Override
    public String visitCase(Expr.Case e) {
      StringBuilder sb = new StringBuilder("(CASE");
      if (e.operand() != null) {
        sb.append(' ').append(expr(e.operand()));
      }
      for (When w : e.whens()) {
        sb.append(" WHEN ").append(expr(w.condition())).append(" THEN ").append(expr(w.result()));
      }
      if (e.otherwise() != null) {
        sb.append(" ELSE ").append(expr(e.otherwise()));
      }
      return sb.append(" END)").toString();
    }

    @Override
    public String visitCast(Expr.Cast e) {
      String t;
      switch (e.type()) {
        case INTEGER: case BIGINT: case BOOLEAN: t = "INTEGER"; break;
        case DECIMAL: t = "NUMERIC"; break;
        case DOUBLE: t = "REAL"; break;
        default: t = "TEXT";
      }
      return "CAST(" + expr(e.expr()) + " AS " + t + ")";
    }

    @Override
    public String visitWindow(Expr.Window e) {
      WindowSpec w = e.over();
      StringBuilder sb = new StringBuilder(expr(e.function())).append(" OVER (");
      if (!w.partitionBy().isEmpty()) {
        sb.append("PARTITION BY ").append(list(w.partitionBy())).append(' ');
      }
      if (!w.orderBy().isEmpty()) {
        sb.append("ORDER BY ").append(order(w.orderBy())).append(' ');
      }
      if (w.frame() != null) {
        sb.append(w.frame().unit()).append(" BETWEEN ").append(bound(w.frame().start())).append(" AND ")
            .append(w.frame().end() == null ? "CURRENT ROW" : bound(w.frame().end()));
      }
      return sb.append(')').toString();
    }
  };

  private static String bound(WindowSpec.Bound b) {
    switch (b.type()) {
      case UNBOUNDED_PRECEDING: return "UNBOUNDED PRECEDING";
      case UNBOUNDED_FOLLOWING: return "UNBOUNDED FOLLOWING";
      case CURRENT_ROW: return "CURRENT ROW";
      case PRECEDING: return b.offset() + " PRECEDING";
      default: return b.offset() + " FOLLOWING";
    }
  }
}
