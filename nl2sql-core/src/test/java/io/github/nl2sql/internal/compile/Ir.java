package io.github.nl2sql.internal.compile;

import io.github.nl2sql.ir.AggFunction;
import io.github.nl2sql.ir.ArithOp;
import io.github.nl2sql.ir.CmpOp;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.JoinType;
import io.github.nl2sql.ir.TableRef;
import java.util.List;

/** Short IR constructors for tests. */
final class Ir {
  private Ir() {}

  static Expr.Column col(String table, String column) {
    return Expr.Column.of(table, column);
  }

  static Expr.Column col(String column) {
    return Expr.Column.of(column);
  }

  static Expr.Literal lit(Object v) {
    return Expr.Literal.of(v);
  }

  static Expr cmp(CmpOp op, Expr l, Expr r) {
    return new Expr.Comparison(op, l, r);
  }

  static Expr eq(Expr l, Expr r) {
    return Expr.Comparison.eq(l, r);
  }

  static Expr arith(ArithOp op, Expr l, Expr r) {
    return new Expr.Arithmetic(op, l, r);
  }

  static Expr agg(AggFunction f, Expr arg) {
    return Expr.Aggregate.of(f, arg);
  }

  static Expr fn(String name, Expr... args) {
    return Expr.Function.of(name, args);
  }

  static TableRef.Table table(String name, String alias) {
    return TableRef.Table.of(name, alias);
  }

  static TableRef.Table table(String name) {
    return TableRef.Table.of(name);
  }

  static TableRef join(JoinType type, TableRef l, TableRef r, Expr on) {
    return new TableRef.Join(type, l, r, on, List.of());
  }
}
