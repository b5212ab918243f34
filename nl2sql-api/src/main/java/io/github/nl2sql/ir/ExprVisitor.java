package io.github.nl2sql.ir;

/**
 * Visitor over every {@link Expr} node kind. Adding a node kind adds a method here, so every visitor in
 * the code base stops compiling until it handles the new kind.
 *
 * @param <R> result type
 */
public interface ExprVisitor<R> {
  R visitColumn(Expr.Column e);

  R visitLiteral(Expr.Literal e);

  R visitStar(Expr.Star e);

  R visitOrdinal(Expr.Ordinal e);

  R visitArithmetic(Expr.Arithmetic e);

  R visitNegate(Expr.Negate e);

  R visitComparison(Expr.Comparison e);

  R visitQuantified(Expr.Quantified e);

  R visitAnd(Expr.And e);

  R visitOr(Expr.Or e);

  R visitNot(Expr.Not e);

  R visitLike(Expr.Like e);

  R visitInList(Expr.InList e);

  R visitInQuery(Expr.InQuery e);

  R visitBetween(Expr.Between e);

  R visitIsNull(Expr.IsNull e);

  R visitExists(Expr.Exists e);

  R visitSubquery(Expr.Subquery e);

  R visitFunction(Expr.Function e);

  R visitAggregate(Expr.Aggregate e);

  R visitCase(Expr.Case e);

  R visitCast(Expr.Cast e);

  R visitWindow(Expr.Window e);
}
