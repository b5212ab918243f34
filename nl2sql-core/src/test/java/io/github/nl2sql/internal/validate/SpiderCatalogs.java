package io.github.nl2sql.internal.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Catalogs built from Spider's tables.json (names, types, primary and foreign keys). */
final class SpiderCatalogs {
  private SpiderCatalogs() {}

  static Map<String, Catalog> load(Path spiderDir) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(spiderDir.resolve("tables.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Catalog> out = new LinkedHashMap<>();
    for (JsonNode db : root) {
      out.put(db.get("db_id").asText(), catalog(db));
    }
    return out;
  }

  private static SqlType type(String spiderType) {
    switch (spiderType.toLowerCase(Locale.ROOT)) {
      case "number":
        return SqlType.DECIMAL;
      case "text":
        return SqlType.TEXT;
      case "time":
        return SqlType.TIMESTAMP;
      case "boolean":
        return SqlType.BOOLEAN;
      default:
        return SqlType.OTHER;
    }
  }

  private static Catalog catalog(JsonNode db) {
    List<String> tableNames = new ArrayList<>();
    db.get("table_names_original").forEach(n -> tableNames.add(n.asText()));
    JsonNode cols = db.get("column_names_original");
    JsonNode types = db.get("column_types");
    List<List<Column>> columns = new ArrayList<>();
    List<List<String>> pks = new ArrayList<>();
    List<List<ForeignKey>> fks = new ArrayList<>();
    for (int i = 0; i < tableNames.size(); i++) {
      columns.add(new ArrayList<>());
      pks.add(new ArrayList<>());
      fks.add(new ArrayList<>());
    }
    int[] tableOf = new int[cols.size()];
    String[] nameOf = new String[cols.size()];
    for (int i = 0; i < cols.size(); i++) {
      int t = cols.get(i).get(0).asInt();
      String name = cols.get(i).get(1).asText();
      tableOf[i] = t;
      nameOf[i] = name;
      if (t < 0) {
        continue; // the "*" pseudo column
      }
      List<Column> tc = columns.get(t);
      tc.add(new Column(name, tc.size() + 1, types.get(i).asText(), 0, type(types.get(i).asText()),
          null, null, true, null, null, List.of(), false, null));
    }
    for (JsonNode pk : db.get("primary_keys")) {
      if (pk.isArray()) {
        pk.forEach(c -> pks.get(tableOf[c.asInt()]).add(nameOf[c.asInt()]));
      } else {
        pks.get(tableOf[pk.asInt()]).add(nameOf[pk.asInt()]);
      }
    }
    for (JsonNode fk : db.get("foreign_keys")) {
      int from = fk.get(0).asInt();
      int to = fk.get(1).asInt();
      fks.get(tableOf[from]).add(new ForeignKey(null, List.of(nameOf[from]), null,
          tableNames.get(tableOf[to]), List.of(nameOf[to])));
    }
    List<Table> tables = new ArrayList<>();
    for (int i = 0; i < tableNames.size(); i++) {
      tables.add(new Table(null, tableNames.get(i), Table.Kind.TABLE, null, columns.get(i),
          pks.get(i), List.of(), fks.get(i), List.of(), null));
    }
    return new Catalog("SQLite", "3", db.get("db_id").asText(), null, Dialect.SQLITE, tables,
        db.get("db_id").asText(), null, null, List.of());
  }
}
