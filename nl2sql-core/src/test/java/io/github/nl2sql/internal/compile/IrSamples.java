package io.github.nl2sql.internal.compile;

import static io.github.nl2sql.internal.compile.Ir.col;
import static io.github.nl2sql.internal.compile.Ir.eq;
import static io.github.nl2sql.internal.compile.Ir.lit;

import io.github.nl2sql.ir.BoundType;
import io.github.nl2sql.ir.CastType;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.FrameUnit;
import io.github.nl2sql.ir.NullOrder;
import io.github.nl2sql.ir.OrderItem;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.SelectItem;
import io.github.nl2sql.ir.SortOrder;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.ir.TableRef;
import io.github.nl2sql.ir.WindowSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** IR statements that together use every node kind, enum value family and optional part. */
final class IrSamples {
  private IrSamples() {}

  static List<Statement> all() {
    List<Statement> out = new ArrayList<>();
    for (Cases.Case c : Cases.all()) {
      out.add(c.ir().apply(n -> n));
    }
    TableRef.Table t = new TableRef.Table("s", "orders", "o");
    out.add(new Statement.Insert(TableRef.Table.of("orders"), List.of("id", "note"),
        List.of(List.of(lit(1), lit(null)), List.of(lit(2L), lit("x"))), null));
    out.add(new Statement.Insert(TableRef.Table.of("orders"), List.of(), null,
        Query.Select.builder().select(Expr.Star.all()).from(Ir.table("old")).build()));
    out.add(new Statement.Update(t, List.of(new Statement.Assignment("qty", lit(true)),
        new Statement.Assignment("price", lit(new BigDecimal("1.50")))),
        new Expr.Not(new Expr.IsNull(col("o", "id"), false))));
    out.add(new Statement.Delete(TableRef.Table.of("orders"), null));
    out.add(new Statement.Delete(t, eq(col("id"), lit(-3))));
    out.add(new Query.Select(null, true, List.of(new SelectItem(new Expr.Star("o"), null),
        new SelectItem(new Expr.Window(new Expr.Aggregate(io.github.nl2sql.ir.AggFunction.MAX, true, col("x"), null),
            new WindowSpec(List.of(col("g")), List.of(new OrderItem(col("x"), SortOrder.DESC, NullOrder.LAST)),
                new WindowSpec.Frame(FrameUnit.GROUPS, new WindowSpec.Bound(BoundType.PRECEDING, 3L),
                    new WindowSpec.Bound(BoundType.UNBOUNDED_FOLLOWING, null)))), "w"),
        new SelectItem(new Expr.Cast(col("d"), CastType.TIMESTAMP), null)),
        List.of(t, new TableRef.Join(io.github.nl2sql.ir.JoinType.FULL, Ir.table("a"), Ir.table("b"), null,
            List.of("k"))), null, List.of(new Expr.Ordinal(1)), null,
        List.of(new OrderItem(new Expr.Ordinal(2), SortOrder.ASC, NullOrder.FIRST)), 10L, 20L));
    return out;
  }
}
