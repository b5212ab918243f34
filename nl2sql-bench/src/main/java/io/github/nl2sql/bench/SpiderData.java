package io.github.nl2sql.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.nl2sql.internal.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Reads Spider-format question files and locates database files. Stateless. */
public final class SpiderData {
  private SpiderData() {}

  /**
   * Reads the items of a questions file: a JSON array of objects with {@code db_id}, {@code query} and
   * the question field.
   *
   * @param file the JSON file
   * @param questionField the field holding the question text (e.g. {@code question} or
   *     {@code SpiderSynQuestion})
   * @throws BenchException when the file cannot be read, is not a JSON array of objects, an item
   *     lacks {@code db_id} or {@code query}, or no item has {@code questionField}
   */
  public static List<Item> readItems(Path file, String questionField) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new BenchException("Cannot read questions file " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new BenchException("Questions file " + file + " must hold a JSON array of objects");
    }
    List<Item> items = new ArrayList<>(root.size());
    boolean anyQuestion = false;
    for (int i = 0; i < root.size(); i++) {
      JsonNode n = root.get(i);
      if (!n.isObject()) {
        throw new BenchException("Item " + i + " of " + file + " is not a JSON object");
      }
      String dbId = text(n, "db_id");
      String query = text(n, "query");
      if (dbId == null || query == null) {
        throw new BenchException("Item " + i + " of " + file + " lacks 'db_id' or 'query'");
      }
      String question = text(n, questionField);
      anyQuestion |= question != null;
      items.add(new Item(i, dbId, question, query));
    }
    if (!items.isEmpty() && !anyQuestion) {
      List<String> fields = new ArrayList<>();
      Iterator<String> it = root.get(0).fieldNames();
      it.forEachRemaining(fields::add);
      throw new BenchException("No item of " + file + " has the question field '" + questionField
          + "'; the first item has " + fields);
    }
    return items;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** The SQLite file of {@code dbId} under {@code dataDir} (it may not exist). */
  public static Path databaseFile(Path dataDir, String dbId) {
    return dataDir.resolve("database").resolve(dbId).resolve(dbId + ".sqlite");
  }

  /**
   * Checks that {@code dataDir} looks like a Spider folder.
   *
   * @throws BenchException naming what is missing
   */
  public static void checkDataDir(Path dataDir) {
    if (!Files.isDirectory(dataDir)) {
      throw new BenchException("--data " + dataDir + " is not a directory");
    }
    if (!Files.isDirectory(dataDir.resolve("database"))) {
      throw new BenchException("--data " + dataDir
          + " has no 'database' folder (expected database/<db_id>/<db_id>.sqlite)");
    }
  }
}
