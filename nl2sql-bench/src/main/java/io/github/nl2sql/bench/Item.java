package io.github.nl2sql.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One question of a Spider-format file.
 *
 * @param index 0-based position in the questions file
 * @param dbId database id ({@code db_id})
 * @param question the question text from the selected field, or {@code null} when absent
 * @param gold the gold SQL ({@code query})
 */
public record Item(int index, String dbId, String question, String gold) {
  /** A new per-item output record (mutable, in key order) starting with index, db_id, question and gold. */
  Map<String, Object> record() {
    Map<String, Object> rec = new LinkedHashMap<>();
    rec.put("index", index);
    rec.put("db_id", dbId);
    rec.put("question", question);
    rec.put("gold", gold);
    return rec;
  }
}
