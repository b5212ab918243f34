package io.github.nl2sql.bench;

/**
 * A deliberately broken variant of a valid query.
 *
 * @param kind how it was made
 * @param sql the broken SQL
 * @param original the identifier that was misspelled, swapped or dropped, as written in the gold SQL
 * @param replacement what replaced it ({@code null} for {@link Kind#DROP})
 * @param offset where the replacement starts in {@code sql} (for DROP: where the removed text was)
 * @param length the replacement's length (0 for DROP)
 * @param sqliteError the message SQLite gave when preparing {@code sql}
 */
public record Mutant(Kind kind, String sql, String original, String replacement, int offset, int length,
    String sqliteError) {

  /** Kinds of mutation. */
  public enum Kind {
    /** One table or column name misspelled by one edit (insert, delete, substitute, transpose). */
    MISSPELL,
    /** One table removed from FROM/JOIN (with its join condition) while references to it remain. */
    DROP,
    /** One column (or table) name replaced by another existing name of the database not in scope. */
    SWAP;

    /** Lower-case name used as a summary key. */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
