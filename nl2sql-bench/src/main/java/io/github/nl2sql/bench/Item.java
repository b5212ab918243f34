package io.github.nl2sql.bench;

/**
 * One question of a Spider-format file.
 *
 * @param index 0-based position in the questions file
 * @param dbId database id ({@code db_id})
 * @param question the question text from the selected field, or {@code null} when absent
 * @param gold the gold SQL ({@code query})
 */
public record Item(int index, String dbId, String question, String gold) {}
