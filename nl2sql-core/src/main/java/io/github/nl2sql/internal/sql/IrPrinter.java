package io.github.nl2sql.internal.sql;

import io.github.nl2sql.ir.AggFunction;
import io.github.nl2sql.ir.ArithOp;
import io.github.nl2sql.ir.CmpOp;
import io.github.nl2sql.ir.Cte;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.ExprVisitor;
import io.github.nl2sql.ir.NullOrder;
import io.github.nl2sql.ir.OrderItem;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.SelectItem;
import io.github.nl2sql.ir.SortOrder;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.ir.TableRef;
import io.github.nl2sql.ir.When;
import io.github.nl2sql.ir.WindowSpec;
import io.github.nl2sql.ir.With;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders IR as readable, single-line SQL-like text for logs, debugging and tests. The output is not
 * meant to run: names are not quoted, literals are written inline (strings in single quotes), and every
 * operator expression is parenthesised so the tree shape is unambiguous. Use the compiler for real SQL.
 * Stateless and thread-safe.
 */
public final class IrPrinter {
  private IrPrinter() {}

  /**
   * The text of {@code statement}.
   *
   * @throws NullPointerException if {@code statement} is null
   */
  public static String print(Statement statement) {
    if (statement instanceof Query q) {
      return query(q);
    }
    if (statement instanceof Statement.Insert ins) {
      StringBuilder sb = new StringBuilder("INSERT INTO ").append(table(ins.table()));
      if (!ins.columns().isEmpty()) {
        sb.append(" (").append(String.join(", ", ins.columns())).append(')');
      }
      if (ins.query() != null) {
        sb.append(' ').append(query(ins.query()));
      } else {
        sb.append(" VALUES ").append(ins.rows().stream()
            .map(r -> "(" + list(r) + ")").collect(Collectors.joining(", ")));
      }
      return sb.toString();
    }
    if (statement instanceof Statement.Update up) {
      StringBuilder sb = new StringBuilder("UPDATE ").append(table(up.table())).append(" SET ")
          .append(up.set().stream().map(a -> a.column() + " = " + print(a.value()))
              .collect(Collectors.joining(", ")));
      if (up.where() != null) {
        sb.append(" WHERE ").append(print(up.where()));
      }
      return sb.toString();
    }
    Statement.Delete del = (Statement.Delete) statement;
    StringBuilder sb = new StringBuilder("DELETE FROM ").append(table(del.table()));
    if (del.where() != null) {
      sb.append(" WHERE ").append(print(del.where()));
    }
    return sb.toString();
  }

  /**
   * The text of {@code expr}.
   *
   * @throws NullPointerException if {@code expr} is null
   */
  public static String print(Expr expr) {
    return expr.accept(EXPR);
  }

  private static String query(Query q) {
    StringBuilder sb = new StringBuilder();
    with(sb, q.with());
    if (q instanceof Query.Select s) {
      sb.append("SELECT ");
      if (s.distinct()) {
        sb.append("DISTINCT ");
      }
      sb.append(s.items().stream().map(IrPrinter::item).collect(Collectors.joining(", ")));
      if (!s.from().isEmpty()) {
        sb.append(" FROM ").append(s.from().stream().map(IrPrinter::tableRef)
            .collect(Collectors.joining(", ")));
      }
      if (s.where() != null) {
        sb.append(" WHERE ").append(print(s.where()));
      }
      if (!s.groupBy().isEmpty()) {
        sb.append(" GROUP BY ").append(list(s.groupBy()));
      }
      if (s.having() != null) {
        sb.append(" HAVING ").append(print(s.having()));
      }
    } else {
      Query.SetOperation so = (Query.SetOperation) q;
      sb.append('(').append(query(so.left())).append(") ").append(so.operator());
      if (so.all()) {
        sb.append(" ALL");
      }
      sb.append(" (").append(query(so.right())).append(')');
    }
    if (!q.orderBy().isEmpty()) {
      sb.append(" ORDER BY ").append(orderItems(q.orderBy()));
    }
    if (q.limit() != null) {
      sb.append(" LIMIT ").append(q.limit());
    }
    if (q.offset() != null) {
      sb.append(" OFFSET ").append(q.offset());
    }
    return sb.toString();
  }

  private static void with(StringBuilder sb, With with) {
    if (with == null) {
      return;
    }
    sb.append("WITH ");
    if (with.recursive()) {
      sb.append("RECURSIVE ");
    }
    int i = 0;
    for (Cte cte : with.ctes()) {
      if (i++ > 0) {
        sb.append(", ");
      }
      sb.append(cte.name());
      if (!cte.columns().isEmpty()) {
        sb.append(" (").append(String.join(", ", cte.columns())).append(')');
      }
      sb.append(" AS (").append(query(cte.query())).append(')');
    }
    sb.append(' ');
  }

  private static String item(SelectItem item) {
    return item.alias() == null ? print(item.expr()) : print(item.expr()) + " AS " + item.alias();
  }

  private static String table(TableRef.Table t) {
    String name = t.schema() == null ? t.name() : t.schema() + "." + t.name();
    return t.alias() == null ? name : name + " AS " + t.alias();
  }

  private static String tableRef(TableRef ref) {
    if (ref instanceof TableRef.Table t) {
      return table(t);
    }
    if (ref instanceof TableRef.Derived d) {
      StringBuilder sb = new StringBuilder("(").append(query(d.query())).append(')');
      if (d.alias() != null) {
        sb.append(" AS ").append(d.alias());
      }
      if (!d.columnAliases().isEmpty()) {
        sb.append(" (").append(String.join(", ", d.columnAliases())).append(')');
      }
      return sb.toString();
    }
    TableRef.Join j = (TableRef.Join) ref;
    StringBuilder sb = new StringBuilder(tableRef(j.left())).append(' ').append(j.type()).append(" JOIN ")
        .append(tableRef(j.right()));
    if (j.on() != null) {
      sb.append(" ON ").append(print(j.on()));
    }
    if (!j.using().isEmpty()) {
      sb.append(" USING (").append(String.join(", ", j.using())).append(')');
    }
    return sb.toString();
  }

  private static String orderItems(List<OrderItem> items) {
    return items.stream().map(o -> {
      String s = print(o.expr()) + (o.direction() == SortOrder.DESC ? " DESC" : "");
      if (o.nulls() != NullOrder.DEFAULT) {
        s += " NULLS " + o.nulls();
      }
      return s;
    }).collect(Collectors.joining(", "));
  }

  private static String list(List<Expr> exprs) {
    return exprs.stream().map(IrPrinter::print).collect(Collectors.joining(", "));
  }

  private static String literal(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof String s) {
      return "'" + s.replace("'", "''") + "'";
    }
    if (v instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    }
    return v.toString();
  }

  private static String op(CmpOp op) {
    switch (op) {
      case EQ: return "=";
      case NE: return "<>";
      case LT: return "<";
      case LE: return "<=";
      case GT: return ">";
      default: return ">=";
    }
  }

  private static String op(ArithOp op) {
    switch (op) {
      case ADD: return "+";
      case SUBTRACT: return "-";
      case MULTIPLY: return "*";
      case DIVIDE: return "/";
      case MODULO: return "%";
      default: return "||";
    }
  }

  private static final ExprVisitor<String> EXPR = new ExprVisitor<>() {
    @Override
    public String visitColumn(Expr.Column e) {
      return e.table() == null ? e.column() : e.table() + "." + e.column();
    }

    @Override
    public String visitLiteral(Expr.Literal e) {
      return literal(e.value());
    }

    @Override
    public String visitStar(Expr.Star e) {
      return e.table() == null ? "*" : e.table() + ".*";
    }

    @Override
    public String visitOrdinal(Expr.Ordinal e) {
      return "#" + e.position();
    }

    @Override
    public String visitArithmetic(Expr.Arithmetic e) {
      return "(" + print(e.left()) + " " + op(e.op()) + " " + print(e.right()) + ")";
    }

    @Override
    public String visitNegate(Expr.Negate e) {
      return "(-" + print(e.operand()) + ")";
    }

    @Override
    public String visitComparison(Expr.Comparison e) {
      return print(e.left()) + " " + op(e.op()) + " " + print(e.right());
    }

    @Override
    public String visitQuantified(Expr.Quantified e) {
      return print(e.left()) + " " + op(e.op()) + " " + e.quantifier() + " (" + query(e.query()) + ")";
    }

    @Override
    public String visitAnd(Expr.And e) {
      return "(" + e.operands().stream().map(IrPrinter::print).collect(Collectors.joining(" AND ")) + ")";
    }

    @Override
    public String visitOr(Expr.Or e) {
      return "(" + e.operands().stream().map(IrPrinter::print).collect(Collectors.joining(" OR ")) + ")";
    }

    @Override
    public String visitNot(Expr.Not e) {
      return "NOT (" + print(e.operand()) + ")";
    }

    @Override
    public String visitLike(Expr.Like e) {
      String s = print(e.expr()) + (e.negated() ? " NOT" : "") + (e.ignoreCase() ? " ILIKE " : " LIKE ")
          + print(e.pattern());
      return e.escape() == null ? s : s + " ESCAPE " + literal(e.escape());
    }

    @Override
    public String visitInList(Expr.InList e) {
      return print(e.expr()) + (e.negated() ? " NOT IN (" : " IN (") + list(e.values()) + ")";
    }

    @Override
    public String visitInQuery(Expr.InQuery e) {
      return print(e.expr()) + (e.negated() ? " NOT IN (" : " IN (") + query(e.query()) + ")";
    }

    @Override
    public String visitBetween(Expr.Between e) {
      return print(e.expr()) + (e.negated() ? " NOT BETWEEN " : " BETWEEN ") + print(e.low()) + " AND "
          + print(e.high());
    }

    @Override
    public String visitIsNull(Expr.IsNull e) {
      return print(e.expr()) + (e.negated() ? " IS NOT NULL" : " IS NULL");
    }

    @Override
    public String visitExists(Expr.Exists e) {
      return (e.negated() ? "NOT EXISTS (" : "EXISTS (") + query(e.query()) + ")";
    }

    @Override
    public String visitSubquery(Expr.Subquery e) {
      return "(" + query(e.query()) + ")";
    }

    @Override
    public String visitFunction(Expr.Function e) {
      return e.name() + "(" + list(e.args()) + ")";
    }

    @Override
    public String visitAggregate(Expr.Aggregate e) {
      StringBuilder sb = new StringBuilder(e.function().name().toLowerCase(Locale.ROOT)).append('(');
      if (e.distinct()) {
        sb.append("DISTINCT ");
      }
      sb.append(print(e.argument()));
      if (e.function() == AggFunction.GROUP_CONCAT && e.separator() != null) {
        sb.append(" SEPARATOR ").append(literal(e.separator()));
      }
      return sb.append(')').toString();
    }

    @Override
    public String visitCase(Expr.Case e) {
      StringBuilder sb = new StringBuilder("CASE");
      if (e.operand() != null) {
        sb.append(' ').append(print(e.operand()));
      }
      for (When w : e.whens()) {
        sb.append(" WHEN ").append(print(w.condition())).append(" THEN ").append(print(w.result()));
      }
      if (e.otherwise() != null) {
        sb.append(" ELSE ").append(print(e.otherwise()));
      }
      return sb.append(" END").toString();
    }

    @Override
    public String visitCast(Expr.Cast e) {
      String args = e.precision() == null ? ""
          : "(" + e.precision() + (e.scale() == null ? "" : ", " + e.scale()) + ")";
      return "CAST(" + print(e.expr()) + " AS " + e.type() + args + ")";
    }

    @Override
    public String visitWindow(Expr.Window e) {
      WindowSpec w = e.over();
      StringBuilder sb = new StringBuilder(print(e.function())).append(" OVER (");
      String sep = "";
      if (!w.partitionBy().isEmpty()) {
        sb.append("PARTITION BY ").append(list(w.partitionBy()));
        sep = " ";
      }
      if (!w.orderBy().isEmpty()) {
        sb.append(sep).append("ORDER BY ").append(orderItems(w.orderBy()));
        sep = " ";
      }
      if (w.frame() != null) {
        sb.append(sep).append(w.frame().unit()).append(' ');
        if (w.frame().end() == null) {
          sb.append(bound(w.frame().start()));
        } else {
          sb.append("BETWEEN ").append(bound(w.frame().start())).append(" AND ").append(bound(w.frame().end()));
        }
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
