package io.github.nl2sql.link;

/**
 * A question word or quoted string found among a column's stored values.
 *
 * @param table table name
 * @param column column name
 * @param value the stored value, as stored (case preserved)
 * @param matched the question text that matched
 * @param score match quality, 0..1 (1 = exact, case-insensitive)
 */
public record ValueMatch(String table, String column, String value, String matched, double score) {}
