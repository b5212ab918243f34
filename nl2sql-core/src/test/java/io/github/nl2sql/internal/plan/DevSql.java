package io.github.nl2sql.internal.plan;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.ColumnStats;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.OrderItem;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.SelectItem;
import io.github.nl2sql.ir.SortOrder;
import io.github.nl2sql.ir.TableRef;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test-only helpers for measuring the offline planner before the real catalog reader and compiler are
 * available: a SQLite catalog with frequent values, and a small IR printer for the planner's subset.
 */
final class DevSql {
  private DevSql() {}

  static Catalog sqliteCatalog(Connection c, String name) throws SQLException {
    List<Table> tables = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    for (String t : names) {
      List<Column> cols = new ArrayList<>();
      List<String> pk = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + t + "\")")) {
        while (rs.next()) {
          String cn = rs.getString("name");
          String type = rs.getString("type") == null ? "" : rs.getString("type").toLowerCase(Locale.ROOT);
          SqlType st = type.contains("int") ? SqlType.INTEGER
              : type.matches(".*(real|floa|doub|num|dec).*") ? SqlType.DECIMAL
              : type.contains("date") || type.contains("time") ? SqlType.TIMESTAMP
              : type.contains("bool") ? SqlType.BOOLEAN : type.isEmpty() ? SqlType.OTHER : SqlType.TEXT;
          if (rs.getInt("pk") > 0) {
            pk.add(cn);
          }
          ColumnStats stats = null;
          if (st == SqlType.TEXT) {
            List<ColumnStats.FrequentValue> fv = new ArrayList<>();
            try (Statement s2 = c.createStatement(); ResultSet r2 = s2.executeQuery("SELECT \"" + cn + "\", count(*) FROM \""
                + t + "\" WHERE length(\"" + cn + "\") < 60 GROUP BY 1 ORDER BY 2 DESC LIMIT 20")) {
              while (r2.next()) {
                fv.add(new ColumnStats.FrequentValue(r2.getString(1), r2.getLong(2)));
              }
            } catch (SQLException ignore) {
              // unreadable column
            }
            stats = new ColumnStats(0, 0, 0, fv);
          }
          cols.add(new Column(cn, cols.size() + 1, type, 0, st, null, null, true, null, null, List.of(), false, stats));
        }
      }
      List<ForeignKey> fks = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA foreign_key_list(\"" + t + "\")")) {
        while (rs.next()) {
          String to = rs.getString("to");
          String ref = rs.getString("table");
          if (to == null) {
            continue;
          }
          fks.add(new ForeignKey(null, List.of(rs.getString("from")), null, ref, List.of(to)));
        }
      }
      tables.add(new Table(null, t, Table.Kind.TABLE, null, cols, pk, List.of(), fks, List.of(), null));
    }
    return new Catalog("SQLite", "3", name, null, Dialect.SQLITE, tables, name, null, null, null);
  }

  static Connection open(String path) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + path);
  }

  /** Prints the planner's IR subset as SQLite SQL with inline literals (test only). */
  static String print(Query.Select q) {
    StringBuilder sb = new StringBuilder("SELECT ");
    if (q.distinct()) {
      sb.append("DISTINCT ");
    }
    List<String> items = new ArrayList<>();
    for (SelectItem i : q.items()) {
      items.add(expr(i.expr()));
    }
    sb.append(String.join(", ", items)).append(" FROM ").append(from(q.from().get(0)));
    if (q.where() != null) {
      sb.append(" WHERE ").append(expr(q.where()));
    }
    if (!q.groupBy().isEmpty()) {
      sb.append(" GROUP BY ").append(String.join(", ", q.groupBy().stream().map(DevSql::expr).toList()));
    }
    if (!q.orderBy().isEmpty()) {
      List<String> os = new ArrayList<>();
      for (OrderItem o : q.orderBy()) {
        os.add(expr(o.expr()) + (o.direction() == SortOrder.DESC ? " DESC" : ""));
      }
      sb.append(" ORDER BY ").append(String.join(", ", os));
    }
    if (q.limit() != null) {
      sb.append(" LIMIT ").append(q.limit());
    }
    return sb.toString();
  }

  static String from(TableRef r) {
    if (r instanceof TableRef.Table t) {
      return "\"" + t.name() + "\"";
    }
    TableRef.Join j = (TableRef.Join) r;
    return from(j.left()) + " JOIN " + from(j.right()) + " ON " + expr(j.on());
  }

  static String expr(Expr e) {
    if (e instanceof Expr.Column c) {
      return (c.table() == null ? "" : "\"" + c.table() + "\".") + "\"" + c.column() + "\"";
    }
    if (e instanceof Expr.Star) {
      return "*";
    }
    if (e instanceof Expr.Ordinal o) {
      return String.valueOf(o.position());
    }
    if (e instanceof Expr.Literal l) {
      return l.value() instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(l.value());
    }
    if (e instanceof Expr.Aggregate a) {
      return a.function().name() + "(" + (a.distinct() ? "DISTINCT " : "") + expr(a.argument()) + ")";
    }
    if (e instanceof Expr.Comparison c) {
      String op = switch (c.op()) {
        case EQ -> "=";
        case NE -> "<>";
        case GT -> ">";
        case GE -> ">=";
        case LT -> "<";
        case LE -> "<=";
        default -> throw new IllegalArgumentException(c.op().name());
      };
      return expr(c.left()) + " " + op + " " + expr(c.right());
    }
    if (e instanceof Expr.Between b) {
      return expr(b.expr()) + (b.negated() ? " NOT" : "") + " BETWEEN " + expr(b.low()) + " AND " + expr(b.high());
    }
    if (e instanceof Expr.And a) {
      return "(" + String.join(" AND ", a.operands().stream().map(DevSql::expr).toList()) + ")";
    }
    if (e instanceof Expr.Or o) {
      return "(" + String.join(" OR ", o.operands().stream().map(DevSql::expr).toList()) + ")";
    }
    if (e instanceof Expr.Like l) {
      return expr(l.expr()) + (l.negated() ? " NOT" : "") + " LIKE " + expr(l.pattern());
    }
    throw new IllegalArgumentException(e.toString());
  }
}
