package io.github.nl2sql.internal.validate;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A minimal catalog read from a SQLite database with PRAGMAs, for tests over Spider files. */
final class SqliteCatalogs {
  private SqliteCatalogs() {}

  static SqlType type(String declared) {
    String t = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
    if (t.contains("INT")) {
      return SqlType.INTEGER;
    }
    if (t.contains("CHAR") || t.contains("TEXT") || t.contains("CLOB")) {
      return SqlType.TEXT;
    }
    if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
      return SqlType.FLOAT;
    }
    if (t.contains("DEC") || t.contains("NUM")) {
      return SqlType.DECIMAL;
    }
    if (t.contains("BOOL")) {
      return SqlType.BOOLEAN;
    }
    if (t.contains("DATETIME") || t.contains("TIMESTAMP")) {
      return SqlType.TIMESTAMP;
    }
    if (t.contains("DATE")) {
      return SqlType.DATE;
    }
    if (t.contains("TIME")) {
      return SqlType.TIME;
    }
    return SqlType.OTHER;
  }

  static Catalog read(Connection c, String name) throws SQLException {
    List<String> names = new ArrayList<>();
    Map<String, Table.Kind> kinds = new LinkedHashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT name, type FROM sqlite_master WHERE type IN "
            + "('table','view') AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
      while (rs.next()) {
        names.add(rs.getString(1));
        kinds.put(rs.getString(1), "view".equals(rs.getString(2)) ? Table.Kind.VIEW : Table.Kind.TABLE);
      }
    }
    List<Table> tables = new ArrayList<>();
    for (String t : names) {
      List<Column> cols = new ArrayList<>();
      List<String> pk = new ArrayList<>();
      Map<Integer, String> pkOrder = new java.util.TreeMap<>();
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("PRAGMA table_info(\"" + t.replace("\"", "\"\"") + "\")")) {
        while (rs.next()) {
          String col = rs.getString("name");
          String declared = rs.getString("type");
          cols.add(new Column(col, cols.size() + 1, declared, 0, type(declared), null, null,
              rs.getInt("notnull") == 0, null, null, List.of(), false, null));
          int k = rs.getInt("pk");
          if (k > 0) {
            pkOrder.put(k, col);
          }
        }
      }
      pk.addAll(pkOrder.values());
      List<ForeignKey> fks = new ArrayList<>();
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("PRAGMA foreign_key_list(\"" + t.replace("\"", "\"\"") + "\")")) {
        while (rs.next()) {
          String to = rs.getString("to");
          if (to == null) {
            continue;
          }
          fks.add(new ForeignKey(null, List.of(rs.getString("from")), null, rs.getString("table"),
              List.of(to)));
        }
      }
      if (cols.isEmpty()) {
        continue;
      }
      tables.add(new Table(null, t, kinds.get(t), null, cols, pk, List.of(), fks, List.of(), null));
    }
    return new Catalog("SQLite", "3", name, null, Dialect.SQLITE, tables, name, null, null,
        List.of());
  }
}
