package io.github.nl2sql.bench;

import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.TableRef;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finds every column reference ({@link Expr.Column}) and named table ({@link TableRef.Table}) in an IR
 * tree, in depth-first order, by walking record components reflectively: every node of the IR is a
 * record, so no node kind can be missed when the IR grows. Stateless.
 */
public final class IrNodes {
  private IrNodes() {}

  /** The {@link Expr.Column} and {@link TableRef.Table} instances reachable from {@code root}. */
  public static List<Object> names(Object root) {
    List<Object> out = new ArrayList<>();
    walk(root, out);
    return out;
  }

  private static void walk(Object node, List<Object> out) {
    if (node == null) {
      return;
    }
    if (node instanceof Expr.Column || node instanceof TableRef.Table) {
      out.add(node);
      return;
    }
    if (node instanceof Collection<?> c) {
      for (Object o : c) {
        walk(o, out);
      }
      return;
    }
    Class<?> type = node.getClass();
    if (!type.isRecord() || !type.getName().startsWith("io.github.nl2sql.ir.")) {
      return;
    }
    for (RecordComponent rc : type.getRecordComponents()) {
      try {
        walk(rc.getAccessor().invoke(node), out);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("Cannot read " + type.getSimpleName() + "." + rc.getName(), e);
      }
    }
  }
}
