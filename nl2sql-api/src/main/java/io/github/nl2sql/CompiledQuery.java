package io.github.nl2sql;

import io.github.nl2sql.ir.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * SQL text for one dialect with its ordered bind values, compiled from validated IR. Every literal of
 * the IR is a {@code ?} placeholder here; the SQL text contains no values. Immutable.
 *
 * @param sql SQL text with {@code ?} placeholders
 * @param parameters bind values in placeholder order (may contain {@code null})
 * @param dialect the dialect the SQL was rendered for
 * @param statement the IR it was compiled from
 */
public record CompiledQuery(String sql, List<Object> parameters, Dialect dialect, Statement statement) {
  public CompiledQuery {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(statement, "statement");
    parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
  }

  /** Whether this is a read (a query); writes are only ever returned as drafts. */
  public boolean isRead() {
    return statement.isRead();
  }
}
