package io.github.nl2sql.ir;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A scalar or boolean expression of the IR.
 *
 * <p>Every implementation is an immutable record nested in this interface, so the set of node kinds is
 * closed and {@link ExprVisitor} can be checked for completeness by the compiler. Literal values are
 * only ever carried by {@link Literal} and are always compiled to bind parameters; no node carries SQL
 * text. Identifiers ({@link Column#table()}, {@link Column#column()}, {@link Function#name()}) are plain
 * names that the validator resolves against the catalog before anything is compiled.
 *
 * <p>JSON form: an object with a {@code "kind"} discriminator, e.g.
 * {@code {"kind":"column","table":"p","column":"price"}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Expr.Column.class, name = "column"),
  @JsonSubTypes.Type(value = Expr.Literal.class, name = "literal"),
  @JsonSubTypes.Type(value = Expr.Star.class, name = "star"),
  @JsonSubTypes.Type(value = Expr.Ordinal.class, name = "ordinal"),
  @JsonSubTypes.Type(value = Expr.Arithmetic.class, name = "arith"),
  @JsonSubTypes.Type(value = Expr.Negate.class, name = "neg"),
  @JsonSubTypes.Type(value = Expr.Comparison.class, name = "cmp"),
  @JsonSubTypes.Type(value = Expr.Quantified.class, name = "quantified"),
  @JsonSubTypes.Type(value = Expr.And.class, name = "and"),
  @JsonSubTypes.Type(value = Expr.Or.class, name = "or"),
  @JsonSubTypes.Type(value = Expr.Not.class, name = "not"),
  @JsonSubTypes.Type(value = Expr.Like.class, name = "like"),
  @JsonSubTypes.Type(value = Expr.InList.class, name = "in_list"),
  @JsonSubTypes.Type(value = Expr.InQuery.class, name = "in_query"),
  @JsonSubTypes.Type(value = Expr.Between.class, name = "between"),
  @JsonSubTypes.Type(value = Expr.IsNull.class, name = "is_null"),
  @JsonSubTypes.Type(value = Expr.Exists.class, name = "exists"),
  @JsonSubTypes.Type(value = Expr.Subquery.class, name = "subquery"),
  @JsonSubTypes.Type(value = Expr.Function.class, name = "function"),
  @JsonSubTypes.Type(value = Expr.Aggregate.class, name = "aggregate"),
  @JsonSubTypes.Type(value = Expr.Case.class, name = "case"),
  @JsonSubTypes.Type(value = Expr.Cast.class, name = "cast"),
  @JsonSubTypes.Type(value = Expr.Window.class, name = "window")
})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public sealed interface Expr {

  /** Calls the {@code visitor} method for this node's kind. */
  <R> R accept(ExprVisitor<R> visitor);

  // ---------------------------------------------------------------- leaves

  /**
   * A column reference, optionally qualified by a table name, alias, CTE or derived-table name.
   *
   * @param table qualifier or {@code null} when unqualified
   * @param column column name, or a select-list alias where SQL allows one (ORDER BY, GROUP BY, HAVING)
   */
  record Column(String table, String column) implements Expr {
    public Column {
      requireName(column, "column");
    }

    /** An unqualified column reference. */
    public static Column of(String column) {
      return new Column(null, column);
    }

    /** A qualified column reference. */
    public static Column of(String table, String column) {
      return new Column(table, column);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitColumn(this);
    }
  }

  /**
   * A literal value; always compiled to a bind parameter.
   *
   * <p>The value is {@code null}, a {@link String}, a {@link Long}, a {@link BigDecimal} or a {@link
   * Boolean}; other numeric types are normalised to one of these on construction, anything else is
   * rejected with {@link IllegalArgumentException}.
   */
  record Literal(Object value) implements Expr {
    public Literal {
      value = normalise(value);
    }

    /** A literal. */
    public static Literal of(Object value) {
      return new Literal(value);
    }

    private static Object normalise(Object v) {
      if (v == null || v instanceof String || v instanceof Long || v instanceof Boolean
          || v instanceof BigDecimal) {
        return v;
      }
      if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
        return ((Number) v).longValue();
      }
      if (v instanceof BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : new BigDecimal(b);
      }
      if (v instanceof Double || v instanceof Float) {
        double d = ((Number) v).doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          throw new IllegalArgumentException("literal must be a finite number, got " + d);
        }
        return new BigDecimal(Double.toString(d));
      }
      if (v instanceof Character c) {
        return c.toString();
      }
      throw new IllegalArgumentException(
          "literal must be null, String, Long, BigDecimal or Boolean, got " + v.getClass().getName());
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitLiteral(this);
    }
  }

  /**
   * {@code *} or {@code t.*}: in a select list, or as the argument of {@code COUNT(*)}.
   *
   * @param table qualifier, or {@code null} for a bare star
   */
  record Star(String table) implements Expr {
    /** A bare {@code *}. */
    public static Star all() {
      return new Star(null);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitStar(this);
    }
  }

  /**
   * A 1-based reference to a select-list item, as in {@code ORDER BY 2} or {@code GROUP BY 1}. Valid
   * only in ORDER BY and GROUP BY.
   */
  record Ordinal(int position) implements Expr {
    public Ordinal {
      if (position < 1) {
        throw new IllegalArgumentException("ordinal position must be >= 1, got " + position);
      }
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitOrdinal(this);
    }
  }

  // ---------------------------------------------------------------- operators

  /** Binary arithmetic or string concatenation. */
  record Arithmetic(ArithOp op, Expr left, Expr right) implements Expr {
    public Arithmetic {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitArithmetic(this);
    }
  }

  /** Unary minus. */
  record Negate(Expr operand) implements Expr {
    public Negate {
      Objects.requireNonNull(operand, "operand");
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitNegate(this);
    }
  }

  /** A comparison {@code left op right}. */
  record Comparison(CmpOp op, Expr left, Expr right) implements Expr {
    public Comparison {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    /** {@code left = right}. */
    public static Comparison eq(Expr left, Expr right) {
      return new Comparison(CmpOp.EQ, left, right);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitComparison(this);
    }
  }

  /** {@code left op ANY (query)} or {@code left op ALL (query)}. */
  record Quantified(CmpOp op, Quantifier quantifier, Expr left, Query query) implements Expr {
    public Quantified {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(quantifier, "quantifier");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(query, "query");
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitQuantified(this);
    }
  }

  /** Conjunction of two or more conditions. */
  record And(List<Expr> operands) implements Expr {
    public And {
      operands = List.copyOf(operands);
      if (operands.size() < 2) {
        throw new IllegalArgumentException("AND needs at least two operands");
      }
    }

    /** {@code a AND b AND ...}. */
    public static And of(Expr... operands) {
      return new And(List.of(operands));
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitAnd(this);
    }
  }

  /** Disjunction of two or more conditions. */
  record Or(List<Expr> operands) implements Expr {
    public Or {
      operands = List.copyOf(operands);
      if (operands.size() < 2) {
        throw new IllegalArgumentException("OR needs at least two operands");
      }
    }

    /** {@code a OR b OR ...}. */
    public static Or of(Expr... operands) {
      return new Or(List.of(operands));
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitOr(this);
    }
  }

  /** Logical negation. */
  record Not(Expr operand) implements Expr {
    public Not {
      Objects.requireNonNull(operand, "operand");
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitNot(this);
    }
  }

  /**
   * {@code expr [NOT] LIKE pattern [ESCAPE 'c']}; {@code ignoreCase} asks for case-insensitive
   * matching (ILIKE where the dialect has it).
   */
  record Like(Expr expr, Expr pattern, boolean negated, boolean ignoreCase, String escape)
      implements Expr {
    public Like {
      Objects.requireNonNull(expr, "expr");
      Objects.requireNonNull(pattern, "pattern");
      if (escape != null && escape.length() != 1) {
        throw new IllegalArgumentException("LIKE escape must be a single character: '" + escape + "'");
      }
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitLike(this);
    }
  }

  /** {@code expr [NOT] IN (v1, v2, ...)}. */
  record InList(Expr expr, List<Expr> values, boolean negated) implements Expr {
    public InList {
      Objects.requireNonNull(expr, "expr");
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("IN list must not be empty");
      }
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitInList(this);
    }
  }

  /** {@code expr [NOT] IN (subquery)}. */
  record InQuery(Expr expr, Query query, boolean negated) implements Expr {
    public InQuery {
      Objects.requireNonNull(expr, "expr");
      Objects.requireNonNull(query, "query");
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitInQuery(this);
    }
  }

  /** {@code expr [NOT] BETWEEN low AND high}. */
  record Between(Expr expr, Expr low, Expr high, boolean negated) implements Expr {
    public Between {
      Objects.requireNonNull(expr, "expr");
      Objects.requireNonNull(low, "low");
      Objects.requireNonNull(high, "high");
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitBetween(this);
    }
  }

  /** {@code expr IS [NOT] NULL}. */
  record IsNull(Expr expr, boolean negated) implements Expr {
    public IsNull {
      Objects.requireNonNull(expr, "expr");
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitIsNull(this);
    }
  }

  /** {@code [NOT] EXISTS (subquery)}. */
  record Exists(Query query, boolean negated) implements Expr {
    public Exists {
      Objects.requireNonNull(query, "query");
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitExists(this);
    }
  }

  /** A scalar subquery used as a value. */
  record Subquery(Query query) implements Expr {
    public Subquery {
      Objects.requireNonNull(query, "query");
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitSubquery(this);
    }
  }

  // ---------------------------------------------------------------- functions

  /**
   * A call of a scalar or window function by name (e.g. {@code lower}, {@code coalesce}, {@code
   * row_number}). The name must be a plain identifier; the validator checks it against the functions
   * known for the target dialect and the compiler never renders an unknown name.
   */
  record Function(String name, List<Expr> args) implements Expr {
    public Function {
      requireName(name, "function name");
      args = args == null ? List.of() : List.copyOf(args);
    }

    /** A function call. */
    public static Function of(String name, Expr... args) {
      return new Function(name, List.of(args));
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitFunction(this);
    }
  }

  /**
   * An aggregate call such as {@code COUNT(DISTINCT x)}; {@code COUNT(*)} has a {@link Star}
   * argument. {@code separator} is only meaningful for {@link AggFunction#GROUP_CONCAT}.
   */
  record Aggregate(AggFunction function, boolean distinct, Expr argument, String separator)
      implements Expr {
    public Aggregate {
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(argument, "argument");
    }

    /** A plain aggregate call. */
    public static Aggregate of(AggFunction function, Expr argument) {
      return new Aggregate(function, false, argument, null);
    }

    /** {@code COUNT(*)}. */
    public static Aggregate countStar() {
      return new Aggregate(AggFunction.COUNT, false, Star.all(), null);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitAggregate(this);
    }
  }

  /**
   * {@code CASE [operand] WHEN .. THEN .. [ELSE ..] END}. With an operand, each {@link When#condition()}
   * is a value compared to the operand; without, it is a boolean condition.
   */
  record Case(Expr operand, List<When> whens, Expr otherwise) implements Expr {
    public Case {
      whens = List.copyOf(whens);
      if (whens.isEmpty()) {
        throw new IllegalArgumentException("CASE needs at least one WHEN");
      }
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitCase(this);
    }
  }

  /**
   * {@code CAST(expr AS type)} to one of a closed set of portable types, with the type's arguments
   * where it takes some: {@code DECIMAL(precision, scale)}, and {@code TEXT(precision)} for a maximum
   * length ({@code VARCHAR(n)}). Arguments left {@code null} take each dialect's default (for DECIMAL
   * the compiler keeps fraction digits where a dialect's bare DECIMAL has none).
   *
   * @param precision DECIMAL's total digits or TEXT's length (at least 1), or {@code null}
   * @param scale DECIMAL's fraction digits (0 to {@code precision}; needs a precision), or {@code null}
   */
  record Cast(Expr expr, CastType type, Integer precision, Integer scale) implements Expr {
    public Cast {
      Objects.requireNonNull(expr, "expr");
      Objects.requireNonNull(type, "type");
      if (precision != null && type != CastType.DECIMAL && type != CastType.TEXT) {
        throw new IllegalArgumentException("CAST to " + type + " takes no precision or length");
      }
      if (precision != null && precision < 1) {
        throw new IllegalArgumentException("CAST precision/length must be at least 1, got " + precision);
      }
      if (scale != null) {
        if (type != CastType.DECIMAL || precision == null) {
          throw new IllegalArgumentException("a CAST scale needs DECIMAL with a precision");
        }
        if (scale < 0 || scale > precision) {
          throw new IllegalArgumentException("CAST scale must be between 0 and the precision ("
              + precision + "), got " + scale);
        }
      }
    }

    /** {@code CAST(expr AS type)} with the type's default arguments. */
    public Cast(Expr expr, CastType type) {
      this(expr, type, null, null);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitCast(this);
    }
  }

  /**
   * A window function call {@code function OVER (...)}; {@code function} is an {@link Aggregate} or a
   * {@link Function} naming a window function such as {@code row_number}, {@code rank}, {@code lag}.
   */
  record Window(Expr function, WindowSpec over) implements Expr {
    public Window {
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(over, "over");
      if (!(function instanceof Aggregate) && !(function instanceof Function)) {
        throw new IllegalArgumentException("window function must be an aggregate or a function call");
      }
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitWindow(this);
    }
  }

  private static void requireName(String name, String what) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(what + " must not be null or blank");
    }
  }
}
