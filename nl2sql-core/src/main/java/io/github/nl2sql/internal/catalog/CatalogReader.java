package io.github.nl2sql.internal.catalog;

import io.github.nl2sql.CatalogException;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.Index;
import io.github.nl2sql.catalog.SqlType;
import io.github.nl2sql.catalog.Table;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@link Catalog} from a live connection: tables and views, columns (type, nullability,
 * default, comment, enum values, auto increment), primary, unique and foreign keys, indexes, row
 * counts and, when the options ask for them, sampled column statistics.
 *
 * <p>JDBC {@link DatabaseMetaData} does most of the work for MySQL/MariaDB, PostgreSQL and H2, with a
 * few dialect queries for what it misses (MySQL/MariaDB comments, enum values and row estimates from
 * {@code information_schema}; PostgreSQL enum labels from {@code pg_enum} and row estimates from
 * {@code pg_class}; H2 row estimates and enum values from {@code INFORMATION_SCHEMA}). SQLite is read
 * with its {@code PRAGMA}s, which are exact where the driver's metadata is not.
 *
 * <p>Only the one schema named by the options (or the connection's current schema/database) is
 * read, so system schemas never appear. Tables are ordered by schema and name, columns by position.
 *
 * <p>Instances are immutable and thread-safe; a {@link Connection} must not be shared between
 * concurrent reads. The connection is neither closed nor changed (besides running read-only queries).
 */
public final class CatalogReader {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogReader.class);
  private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "sys",
      "mysql", "performance_schema", "pg_toast");

  /** Orders tables by schema, then name (case-insensitive first, so the order is stable and natural). */
  static final Comparator<Table> TABLE_ORDER = Comparator
      .comparing((Table t) -> t.schema() == null ? "" : t.schema(), String.CASE_INSENSITIVE_ORDER)
      .thenComparing(t -> t.schema() == null ? "" : t.schema())
      .thenComparing(Table::name, String.CASE_INSENSITIVE_ORDER)
      .thenComparing(Table::name);

  private final CatalogOptions options;

  /**
   * A reader with the given options.
   *
   * @param options what and how to read; {@code null} means {@link CatalogOptions#defaults()}
   */
  public CatalogReader(CatalogOptions options) {
    this.options = options == null ? CatalogOptions.defaults() : options;
  }

  /** The options this reader was made with (never null). */
  public CatalogOptions options() {
    return options;
  }

  /**
   * Reads tables, views, columns, keys, indexes, comments, enum values and (optionally) statistics.
   * Statistics that cannot be read (time budget, permissions) never fail the read: the catalog's
   * {@link Catalog#statistics()} and {@link Catalog#notes()} say what is missing and why.
   *
   * @param connection an open connection; not closed by this method
   * @return the catalog, with its fingerprint set
   * @throws IllegalArgumentException when {@code connection} is null
   * @throws io.github.nl2sql.CatalogException when the metadata cannot be read
   */
  public Catalog read(Connection connection) {
    Catalog schema = readSchema(connection);
    return options.statistics() ? addStatistics(connection, schema) : schema;
  }

  /**
   * Reads the schema only (no column statistics): the cheaper part of {@link #read}, enough to compute
   * the fingerprint. The result has status {@link Catalog.StatisticsStatus#DISABLED}.
   *
   * @throws IllegalArgumentException when {@code connection} is null
   * @throws io.github.nl2sql.CatalogException when the metadata cannot be read
   */
  public Catalog readSchema(Connection connection) {
    if (connection == null) {
      throw new IllegalArgumentException("connection must not be null");
    }
    String product = "database";
    try {
      DatabaseMetaData md = connection.getMetaData();
      product = md.getDatabaseProductName();
      Dialect dialect = options.dialect() != null ? options.dialect() : Dialect.detect(product);
      Catalog schemaOnly = dialect == Dialect.SQLITE
          ? readSqlite(connection, md, product)
          : readWithMetaData(connection, md, dialect, product);
      return withFingerprint(schemaOnly);
    } catch (SQLException e) {
      throw new CatalogException("Cannot read the catalog of " + product + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new CatalogException("Cannot read the catalog: " + e.getMessage(), e);
    }
  }

  /**
   * The {@link SchemaProbe} token of the schema this reader would read on {@code connection}: the
   * same dialect and schema resolution as {@link #readSchema}, at the cost of one probe query.
   *
   * @throws IllegalArgumentException when {@code connection} is null
   * @throws io.github.nl2sql.CatalogException when the probe fails
   */
  public String probe(Connection connection) {
    if (connection == null) {
      throw new IllegalArgumentException("connection must not be null");
    }
    try {
      Dialect dialect = options.dialect() != null ? options.dialect()
          : Dialect.detect(connection.getMetaData().getDatabaseProductName());
      boolean mysqlFamily = dialect == Dialect.MYSQL || dialect == Dialect.MARIADB;
      String schema = null;
      if (dialect != Dialect.SQLITE) {
        schema = options.schema() != null
            ? resolveSchema(connection.getMetaData(), mysqlFamily, options.schema())
            : mysqlFamily ? connection.getCatalog() : connection.getSchema();
      }
      return SchemaProbe.token(connection, dialect, schema);
    } catch (SQLException e) {
      throw new CatalogException("Schema probe failed: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new CatalogException("Schema probe failed: " + e.getMessage(), e);
    }
  }

  /**
   * Samples column statistics for the tables of {@code schema} within the options' time budget and
   * returns a copy with them attached (see {@link #read}). Never throws for statistics that cannot be
   * read; the status and notes say so.
   *
   * @throws IllegalArgumentException when an argument is null
   */
  public Catalog addStatistics(Connection connection, Catalog schema) {
    if (connection == null || schema == null) {
      throw new IllegalArgumentException("connection and catalog must not be null");
    }
    return new StatisticsSampler(options).sample(connection, schema);
  }

  /**
   * {@code fresh} (a schema read) with the column statistics of {@code cached}, an earlier catalog
   * with the same fingerprint: statistics, status and notes come from {@code cached}; identity,
   * read time and (where known) row counts from {@code fresh}.
   */
  static Catalog withStatisticsFrom(Catalog fresh, Catalog cached) {
    Map<String, Table> old = new HashMap<>();
    for (Table t : cached.tables()) {
      old.put(t.qualifiedName(), t);
    }
    List<Table> tables = new ArrayList<>(fresh.tables().size());
    for (Table t : fresh.tables()) {
      Table o = old.get(t.qualifiedName());
      if (o == null) {
        tables.add(t);
        continue;
      }
      List<Column> columns = new ArrayList<>(t.columns().size());
      for (Column c : t.columns()) {
        columns.add(c.withStats(o.column(c.name()).map(Column::stats).orElse(null)));
      }
      tables.add(t.withColumns(columns).withRowCount(t.rowCount() != null ? t.rowCount() : o.rowCount()));
    }
    return fresh.withTables(tables, cached.statistics(), cached.notes());
  }

  static Catalog withFingerprint(Catalog c) {
    Catalog unprinted = new Catalog(c.product(), c.productVersion(), c.database(), c.defaultSchema(),
        c.dialect(), c.tables(), null, c.readAt(), c.statistics(), c.notes());
    return new Catalog(c.product(), c.productVersion(), c.database(), c.defaultSchema(), c.dialect(),
        c.tables(), Fingerprints.of(unprinted), c.readAt(), c.statistics(), c.notes());
  }

  // ---------------------------------------------------------------------------------------------
  // MySQL / MariaDB / PostgreSQL / H2 through DatabaseMetaData

  private Catalog readWithMetaData(Connection c, DatabaseMetaData md, Dialect dialect, String product)
      throws SQLException {
    boolean mysqlFamily = dialect == Dialect.MYSQL || dialect == Dialect.MARIADB;
    String database = c.getCatalog();
    String schema;
    String jdbcCatalog;
    String jdbcSchema;
    if (mysqlFamily) {
      schema = options.schema() != null ? resolveSchema(md, true, options.schema()) : database;
      if (schema == null) {
        throw new CatalogException("No database selected: name one in the JDBC URL or the options' schema");
      }
      database = schema;
      jdbcCatalog = schema;
      jdbcSchema = null;
    } else {
      schema = options.schema() != null ? resolveSchema(md, false, options.schema()) : c.getSchema();
      if (schema == null) {
        throw new CatalogException("The connection has no current schema: name one in the options");
      }
      jdbcCatalog = database;
      jdbcSchema = schema;
    }
    if (SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT))) {
      throw new CatalogException("Refusing to read system schema " + schema);
    }

    Map<String, Draft> drafts = new TreeMap<>();
    try (ResultSet rs = md.getTables(jdbcCatalog, jdbcSchema == null ? null : escape(md, jdbcSchema),
        "%", null)) {
      while (rs.next()) {
        if (!sameSchema(mysqlFamily, schema, rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"))) {
          continue;
        }
        Table.Kind kind = kindOf(rs.getString("TABLE_TYPE"));
        if (kind == null) {
          continue;
        }
        String name = rs.getString("TABLE_NAME");
        drafts.put(name, new Draft(schema, name, kind, emptyToNull(rs.getString("REMARKS"))));
      }
    }

    try (ResultSet rs = md.getColumns(jdbcCatalog, jdbcSchema == null ? null : escape(md, jdbcSchema),
        "%", "%")) {
      while (rs.next()) {
        if (!sameSchema(mysqlFamily, schema, rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"))) {
          continue;
        }
        Draft d = drafts.get(rs.getString("TABLE_NAME"));
        if (d == null) {
          continue;
        }
        ColumnDraft col = new ColumnDraft();
        col.name = rs.getString("COLUMN_NAME");
        col.position = rs.getInt("ORDINAL_POSITION");
        col.typeName = rs.getString("TYPE_NAME");
        col.jdbcType = rs.getInt("DATA_TYPE");
        int size = rs.getInt("COLUMN_SIZE");
        col.size = rs.wasNull() ? null : size;
        int scale = rs.getInt("DECIMAL_DIGITS");
        col.scale = rs.wasNull() ? null : scale;
        col.nullable = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
        col.defaultValue = normaliseDefault(rs.getString("COLUMN_DEF"));
        col.comment = emptyToNull(rs.getString("REMARKS"));
        col.autoIncrement = "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
        d.columns.add(col);
      }
    }

    readKeys(c, md, dialect, jdbcCatalog, jdbcSchema, schema, mysqlFamily, drafts);

    switch (dialect) {
      case MYSQL:
      case MARIADB:
        mysqlExtras(c, schema, drafts);
        break;
      case POSTGRES:
        postgresExtras(c, schema, drafts);
        break;
      case H2:
        h2Extras(c, schema, drafts);
        break;
      default:
        break;
    }

    List<Table> tables = new ArrayList<>();
    for (Draft d : drafts.values()) {
      tables.add(d.build());
    }
    tables.sort(TABLE_ORDER);
    return new Catalog(product, md.getDatabaseProductVersion(), database, schema, dialect, tables,
        null, Instant.now(), Catalog.StatisticsStatus.DISABLED, List.of());
  }

  /**
   * The schema (database for MySQL/MariaDB) the options name, as the database spells it: an exact
   * match, else the only case-insensitive one (so {@code public} finds H2's {@code PUBLIC}).
   *
   * @throws CatalogException when there is no such schema; the message lists the ones there are
   */
  private static String resolveSchema(DatabaseMetaData md, boolean mysqlFamily, String wanted)
      throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = mysqlFamily ? md.getCatalogs() : md.getSchemas()) {
      while (rs.next()) {
        names.add(rs.getString(mysqlFamily ? "TABLE_CAT" : "TABLE_SCHEM"));
      }
    }
    if (names.contains(wanted)) {
      return wanted;
    }
    List<String> folded = names.stream().filter(n -> n != null && n.equalsIgnoreCase(wanted)).toList();
    if (folded.size() == 1) {
      return folded.get(0);
    }
    names.removeIf(n -> n == null || SYSTEM_SCHEMAS.contains(n.toLowerCase(Locale.ROOT)));
    throw new CatalogException((mysqlFamily ? "Database " : "Schema ") + wanted + " does not exist; "
        + "available: " + String.join(", ", names));
  }

  private static boolean sameSchema(boolean mysqlFamily, String schema, String cat, String schem) {
    String actual = mysqlFamily ? (cat != null ? cat : schem) : schem;
    return actual == null || actual.equals(schema);
  }

  private static String escape(DatabaseMetaData md, String pattern) throws SQLException {
    String esc = md.getSearchStringEscape();
    if (esc == null || esc.isEmpty()) {
      return pattern;
    }
    return pattern.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
  }

  private static Table.Kind kindOf(String tableType) {
    if (tableType == null) {
      return null;
    }
    switch (tableType.toUpperCase(Locale.ROOT)) {
      case "TABLE":
      case "BASE TABLE":
      case "PARTITIONED TABLE":
        return Table.Kind.TABLE;
      case "VIEW":
      case "MATERIALIZED VIEW":
        return Table.Kind.VIEW;
      default:
        return null;
    }
  }

  /**
   * Primary keys, foreign keys and indexes. PostgreSQL and H2 answer for a whole schema at once
   * (table {@code null}), which is far cheaper than three queries per table on PostgreSQL (the
   * per-table way costs over half a second for a hundred tables); PostgreSQL's driver returns no
   * indexes for a {@code null} table, so they come from {@code pg_index} in one query. MySQL/MariaDB,
   * or a driver that refuses, are asked per table.
   */
  private static void readKeys(Connection c, DatabaseMetaData md, Dialect dialect, String cat,
      String schema, String expectedSchema, boolean mysqlFamily, Map<String, Draft> drafts)
      throws SQLException {
    boolean done = false;
    if (dialect == Dialect.POSTGRES || dialect == Dialect.H2) {
      try {
        boolean pg = dialect == Dialect.POSTGRES;
        collectKeys(md, cat, schema, null, expectedSchema, mysqlFamily, drafts, !pg);
        if (pg) {
          postgresIndexes(c, expectedSchema, drafts);
        }
        done = true;
      } catch (SQLException e) {
        LOG.debug("Schema-wide key metadata refused ({}); reading it per table", e.getMessage());
        for (Draft d : drafts.values()) {
          d.clearKeys();
        }
      }
    }
    if (!done) {
      for (Draft d : drafts.values()) {
        if (d.kind == Table.Kind.TABLE) {
          collectKeys(md, cat, schema, d.name, expectedSchema, mysqlFamily, drafts, true);
        }
      }
    }
    for (Draft d : drafts.values()) {
      d.finishKeys();
    }
  }

  private static void postgresIndexes(Connection c, String schema, Map<String, Draft> drafts)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT t.relname, i.relname, ix.indisunique, "
        + "ix.indpred IS NOT NULL, k, a.attname FROM pg_catalog.pg_index ix "
        + "JOIN pg_catalog.pg_class t ON t.oid = ix.indrelid "
        + "JOIN pg_catalog.pg_class i ON i.oid = ix.indexrelid "
        + "JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace "
        + "CROSS JOIN LATERAL generate_series(0, ix.indnkeyatts - 1) AS k "
        + "LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = ix.indkey[k] "
        + "WHERE n.nspname = ? ORDER BY 1, 2, 5")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Draft d = drafts.get(rs.getString(1));
          if (d == null) {
            continue;
          }
          boolean unique = rs.getBoolean(3);
          IndexDraft idx = d.idx.computeIfAbsent(rs.getString(2), n -> new IndexDraft(n, unique));
          idx.partial |= rs.getBoolean(4);
          String column = rs.getString(6);
          idx.columns.put(rs.getInt(5) + 1, column == null ? "<expression>" : column);
        }
      }
    }
  }

  private static void collectKeys(DatabaseMetaData md, String cat, String schema, String table,
      String expectedSchema, boolean mysqlFamily, Map<String, Draft> drafts, boolean withIndexes)
      throws SQLException {
    try (ResultSet rs = md.getPrimaryKeys(cat, schema, table)) {
      while (rs.next()) {
        Draft d = owner(drafts, mysqlFamily, expectedSchema, rs, "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME");
        if (d != null) {
          d.pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        }
      }
    }
    try (ResultSet rs = md.getImportedKeys(cat, schema, table)) {
      while (rs.next()) {
        Draft d = owner(drafts, mysqlFamily, expectedSchema, rs, "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME");
        if (d == null) {
          continue;
        }
        String name = rs.getString("FK_NAME");
        int seq = rs.getInt("KEY_SEQ");
        String refSchema = mysqlFamily ? firstNonNull(rs.getString("PKTABLE_CAT"),
            rs.getString("PKTABLE_SCHEM")) : rs.getString("PKTABLE_SCHEM");
        String refTable = rs.getString("PKTABLE_NAME");
        if (name == null && (seq <= 1 || d.lastFk == null)) {
          d.anonymousFks++;
        }
        String key = name != null ? name : "#" + d.anonymousFks;
        d.lastFk = d.fks.computeIfAbsent(key, k -> new FkDraft(name, refSchema, refTable));
        d.lastFk.columns.put(seq, new String[] {rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")});
      }
    }
    if (!withIndexes) {
      return;
    }
    try (ResultSet rs = md.getIndexInfo(cat, schema, table, false, true)) {
      while (rs.next()) {
        if (rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
          continue;
        }
        Draft d = owner(drafts, mysqlFamily, expectedSchema, rs, "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME");
        String name = rs.getString("INDEX_NAME");
        if (d == null || name == null) {
          continue;
        }
        boolean unique = !rs.getBoolean("NON_UNIQUE");
        String column = rs.getString("COLUMN_NAME");
        String filter = columnIfPresent(rs, "FILTER_CONDITION");
        IndexDraft idx = d.idx.computeIfAbsent(name, n -> new IndexDraft(n, unique));
        idx.columns.put((int) rs.getShort("ORDINAL_POSITION"), column == null ? "<expression>" : column);
        idx.partial |= filter != null && !filter.isBlank();
      }
    }
  }

  /** The table a metadata row belongs to, when it is one being read. */
  private static Draft owner(Map<String, Draft> drafts, boolean mysqlFamily, String schema, ResultSet rs,
      String catColumn, String schemaColumn, String tableColumn) throws SQLException {
    String rowSchema = mysqlFamily ? firstNonNull(rs.getString(catColumn), rs.getString(schemaColumn))
        : rs.getString(schemaColumn);
    if (rowSchema != null && schema != null && !rowSchema.equals(schema)) {
      return null;
    }
    return drafts.get(rs.getString(tableColumn));
  }

  private static String columnIfPresent(ResultSet rs, String column) {
    try {
      return rs.getString(column);
    } catch (SQLException e) {
      return null;
    }
  }

  private static void mysqlExtras(Connection c, String schema, Map<String, Draft> drafts)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, TABLE_COMMENT, TABLE_ROWS, TABLE_TYPE "
        + "FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Draft d = drafts.get(rs.getString(1));
          if (d == null) {
            continue;
          }
          String comment = emptyToNull(rs.getString(2));
          // MySQL reports 'VIEW' as the comment of views.
          d.comment = d.kind == Table.Kind.VIEW && "VIEW".equals(comment) ? null : comment;
          long rows = rs.getLong(3);
          if (!rs.wasNull() && d.kind == Table.Kind.TABLE) {
            d.rowCount = rows;
          }
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, "
        + "COLUMN_COMMENT, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Draft d = drafts.get(rs.getString(1));
          ColumnDraft col = d == null ? null : d.column(rs.getString(2));
          if (col == null) {
            continue;
          }
          String columnType = rs.getString(3);
          if (columnType != null && columnType.regionMatches(true, 0, "enum(", 0, 5)) {
            col.enumValues = parseEnum(columnType.substring(4));
          }
          col.comment = emptyToNull(rs.getString(4));
          String extra = rs.getString(5);
          if (extra != null && extra.toLowerCase(Locale.ROOT).contains("auto_increment")) {
            col.autoIncrement = true;
          }
        }
      }
    }
  }

  /** Parses {@code ('a','b''c')} into its values. */
  static List<String> parseEnum(String list) {
    List<String> values = new ArrayList<>();
    StringBuilder current = null;
    for (int i = 0; i < list.length(); i++) {
      char ch = list.charAt(i);
      if (current == null) {
        if (ch == '\'') {
          current = new StringBuilder();
        }
      } else if (ch == '\'' && i + 1 < list.length() && list.charAt(i + 1) == '\'') {
        current.append('\'');
        i++;
      } else if (ch == '\\' && i + 1 < list.length()) {
        current.append(list.charAt(++i));
      } else if (ch == '\'') {
        values.add(current.toString());
        current = null;
      } else {
        current.append(ch);
      }
    }
    return values;
  }

  private static void postgresExtras(Connection c, String schema, Map<String, Draft> drafts)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT c.relname, a.attname, e.enumlabel, t.typname "
        + "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
        + "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
        + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        + "JOIN pg_catalog.pg_enum e ON e.enumtypid = a.atttypid "
        + "WHERE n.nspname = ? AND a.attnum > 0 AND NOT a.attisdropped "
        + "ORDER BY c.relname, a.attname, e.enumsortorder")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Draft d = drafts.get(rs.getString(1));
          ColumnDraft col = d == null ? null : d.column(rs.getString(2));
          if (col != null) {
            if (col.enumValues == null) {
              col.enumValues = new ArrayList<>();
            }
            col.enumValues.add(rs.getString(3));
            // The driver qualifies (and quotes) types outside the search path: keep the plain name.
            col.typeName = rs.getString(4);
          }
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT c.relname, c.reltuples::bigint "
        + "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p')")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Draft d = drafts.get(rs.getString(1));
          long rows = rs.getLong(2);
          // reltuples is -1 for a table never vacuumed or analysed: unknown, not empty.
          if (d != null && rows >= 0) {
            d.rowCount = rows;
          }
        }
      }
    }
  }

  private static void h2Extras(Connection c, String schema, Map<String, Draft> drafts) {
    try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, ROW_COUNT_ESTIMATE "
        + "FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Draft d = drafts.get(rs.getString(1));
          long rows = rs.getLong(2);
          if (d != null && !rs.wasNull() && d.kind == Table.Kind.TABLE) {
            d.rowCount = rows;
          }
        }
      }
    } catch (SQLException e) {
      LOG.debug("H2 row estimates unavailable: {}", e.getMessage());
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT c.TABLE_NAME, c.COLUMN_NAME, e.VALUE_NAME "
        + "FROM INFORMATION_SCHEMA.COLUMNS c JOIN INFORMATION_SCHEMA.ENUM_VALUES e "
        + "ON e.OBJECT_SCHEMA = c.TABLE_SCHEMA AND e.OBJECT_NAME = c.TABLE_NAME "
        + "AND e.OBJECT_TYPE = 'TABLE' AND e.ENUM_IDENTIFIER = c.DTD_IDENTIFIER "
        + "WHERE c.TABLE_SCHEMA = ? ORDER BY c.TABLE_NAME, c.COLUMN_NAME, e.VALUE_ORDINAL")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Draft d = drafts.get(rs.getString(1));
          ColumnDraft col = d == null ? null : d.column(rs.getString(2));
          if (col != null) {
            if (col.enumValues == null) {
              col.enumValues = new ArrayList<>();
            }
            col.enumValues.add(rs.getString(3));
          }
        }
      }
    } catch (SQLException e) {
      LOG.debug("H2 enum values unavailable: {}", e.getMessage());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // SQLite through its PRAGMAs

  private Catalog readSqlite(Connection c, DatabaseMetaData md, String product) throws SQLException {
    String database = null;
    Map<String, Draft> drafts = new TreeMap<>();
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA database_list")) {
        while (rs.next()) {
          if ("main".equals(rs.getString("name"))) {
            database = baseName(rs.getString("file"));
          }
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT name, type FROM sqlite_master "
          + "WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")) {
        while (rs.next()) {
          Draft d = new Draft(null, rs.getString(1),
              "view".equals(rs.getString(2)) ? Table.Kind.VIEW : Table.Kind.TABLE, null);
          drafts.put(d.name, d);
        }
      }
    }
    List<String> notes = new ArrayList<>();
    for (java.util.Iterator<Draft> it = drafts.values().iterator(); it.hasNext(); ) {
      Draft d = it.next();
      try {
        sqliteColumns(c, d);
      } catch (SQLException e) {
        // e.g. a virtual table whose module this SQLite build lacks: leave it out, say so.
        notes.add("Table " + d.name + " left out: " + e.getMessage());
        it.remove();
      }
    }
    // Keys after all columns: a foreign key without columns refers to the other table's primary key.
    for (Draft d : drafts.values()) {
      if (d.kind == Table.Kind.TABLE) {
        sqliteForeignKeys(c, d, drafts);
        sqliteIndexes(c, d);
      }
    }
    List<Table> tables = new ArrayList<>();
    for (Draft d : drafts.values()) {
      tables.add(d.build());
    }
    tables.sort(TABLE_ORDER);
    return new Catalog(product, md.getDatabaseProductVersion(), database, null, Dialect.SQLITE, tables,
        null, Instant.now(), Catalog.StatisticsStatus.DISABLED, notes);
  }

  private static String baseName(String file) {
    if (file == null || file.isEmpty()) {
      return null;
    }
    String name = Path.of(file).getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String pragma(String pragma, String table) {
    return "PRAGMA " + pragma + "(\"" + table.replace("\"", "\"\"") + "\")";
  }

  private static void sqliteColumns(Connection c, Draft d) throws SQLException {
    TreeMap<Integer, String> pk = new TreeMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(pragma("table_info", d.name))) {
      while (rs.next()) {
        ColumnDraft col = new ColumnDraft();
        col.position = rs.getInt("cid") + 1;
        col.name = rs.getString("name");
        String declared = rs.getString("type");
        col.typeName = declared == null ? "" : declared;
        col.type = TypeMapping.fromTypeName(declared);
        col.jdbcType = TypeMapping.jdbcTypeOf(declared);
        col.size = TypeMapping.declaredSize(declared);
        col.scale = TypeMapping.declaredScale(declared);
        int pkSeq = rs.getInt("pk");
        // An INTEGER PRIMARY KEY is the rowid and can never be NULL, whatever was declared.
        col.nullable = rs.getInt("notnull") == 0 && !(pkSeq > 0 && "INTEGER".equalsIgnoreCase(declared));
        col.defaultValue = normaliseDefault(rs.getString("dflt_value"));
        if (pkSeq > 0) {
          pk.put(pkSeq, col.name);
        }
        d.columns.add(col);
      }
    }
    d.primaryKey.addAll(pk.values());
    if (pk.size() == 1) {
      ColumnDraft key = d.column(pk.firstEntry().getValue());
      // An INTEGER PRIMARY KEY is the rowid: generated when not given.
      if (key != null && "INTEGER".equalsIgnoreCase(key.typeName)) {
        key.autoIncrement = true;
      }
    }
  }

  private static void sqliteForeignKeys(Connection c, Draft d, Map<String, Draft> drafts)
      throws SQLException {
    Map<Integer, FkDraft> fks = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(pragma("foreign_key_list", d.name))) {
      while (rs.next()) {
        int id = rs.getInt("id");
        String refTable = rs.getString("table");
        FkDraft fk = fks.computeIfAbsent(id, k -> new FkDraft(null, null, refTable));
        fk.columns.put(rs.getInt("seq") + 1, new String[] {rs.getString("from"), rs.getString("to")});
      }
    }
    for (FkDraft fk : fks.values()) {
      // "REFERENCES t" without columns means t's primary key.
      if (fk.columns.values().stream().anyMatch(p -> p[1] == null)) {
        Draft ref = drafts.get(fk.refTable);
        if (ref == null) {
          ref = drafts.values().stream().filter(x -> x.name.equalsIgnoreCase(fk.refTable)).findFirst()
              .orElse(null);
        }
        if (ref != null && ref.primaryKey.size() == fk.columns.size()) {
          int i = 0;
          for (String[] pair : fk.columns.values()) {
            pair[1] = ref.primaryKey.get(i++);
          }
        } else {
          for (String[] pair : fk.columns.values()) {
            pair[1] = pair[1] == null ? "rowid" : pair[1];
          }
        }
      }
      d.foreignKeys.add(fk.build());
    }
  }

  private static void sqliteIndexes(Connection c, Draft d) throws SQLException {
    List<Object[]> list = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(pragma("index_list", d.name))) {
      while (rs.next()) {
        list.add(new Object[] {rs.getString("name"), rs.getInt("unique") == 1, rs.getString("origin"),
            rs.getInt("partial") == 1});
      }
    }
    list.sort(Comparator.comparing(o -> (String) o[0]));
    for (Object[] entry : list) {
      String name = (String) entry[0];
      List<String> columns = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(pragma("index_info", name))) {
        TreeMap<Integer, String> ordered = new TreeMap<>();
        while (rs.next()) {
          String col = rs.getString("name");
          ordered.put(rs.getInt("seqno"), col == null ? "<expression>" : col);
        }
        columns.addAll(ordered.values());
      }
      boolean unique = (Boolean) entry[1];
      d.indexes.add(new Index(name, unique, columns));
      if (unique && !(Boolean) entry[3] && !columns.contains("<expression>")) {
        d.addUniqueKey(columns);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static String normaliseDefault(String def) {
    if (def == null) {
      return null;
    }
    String t = def.trim();
    return t.isEmpty() || t.equalsIgnoreCase("NULL") ? null : t;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  /** A table being assembled. */
  private static final class Draft {
    final String schema;
    final String name;
    final Table.Kind kind;
    String comment;
    Long rowCount;
    final List<ColumnDraft> columns = new ArrayList<>();
    final List<String> primaryKey = new ArrayList<>();
    final List<List<String>> uniqueKeys = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final TreeMap<Integer, String> pk = new TreeMap<>();
    final Map<String, FkDraft> fks = new LinkedHashMap<>();
    final Map<String, IndexDraft> idx = new TreeMap<>();
    FkDraft lastFk;
    int anonymousFks;
    private Map<String, ColumnDraft> byName;

    Draft(String schema, String name, Table.Kind kind, String comment) {
      this.schema = schema;
      this.name = name;
      this.kind = kind;
      this.comment = comment;
    }

    ColumnDraft column(String columnName) {
      if (byName == null || byName.size() != columns.size()) {
        byName = new HashMap<>();
        for (ColumnDraft c : columns) {
          byName.put(c.name, c);
        }
      }
      return byName.get(columnName);
    }

    void clearKeys() {
      pk.clear();
      fks.clear();
      idx.clear();
      lastFk = null;
      anonymousFks = 0;
    }

    /** Turns the collected key metadata into keys, unique keys and indexes. */
    void finishKeys() {
      primaryKey.addAll(pk.values());
      for (FkDraft f : fks.values()) {
        foreignKeys.add(f.build());
      }
      for (IndexDraft i : idx.values()) {
        List<String> cols = new ArrayList<>(i.columns.values());
        indexes.add(new Index(i.name, i.unique, cols));
        if (i.unique && !i.partial && !cols.contains("<expression>")) {
          addUniqueKey(cols);
        }
      }
    }

    void addUniqueKey(List<String> cols) {
      if (!cols.equals(primaryKey) && !uniqueKeys.contains(cols)) {
        uniqueKeys.add(List.copyOf(cols));
      }
    }

    Table build() {
      columns.sort(Comparator.comparingInt(c -> c.position));
      List<Column> cols = new ArrayList<>(columns.size());
      for (ColumnDraft c : columns) {
        cols.add(c.build());
      }
      uniqueKeys.sort(Comparator.comparing(Object::toString));
      foreignKeys.sort(Comparator.comparing((ForeignKey f) -> f.name() == null ? "" : f.name())
          .thenComparing(f -> f.columns().toString()).thenComparing(ForeignKey::referencedTable));
      indexes.sort(Comparator.comparing(Index::name));
      return new Table(schema, name, kind, comment, cols, primaryKey, uniqueKeys, foreignKeys, indexes,
          rowCount);
    }
  }

  /** A column being assembled. */
  private static final class ColumnDraft {
    String name;
    int position;
    String typeName;
    int jdbcType;
    SqlType type;
    Integer size;
    Integer scale;
    boolean nullable = true;
    String defaultValue;
    String comment;
    List<String> enumValues;
    boolean autoIncrement;

    Column build() {
      SqlType t = type != null ? type : TypeMapping.fromJdbc(jdbcType, typeName, size);
      if (enumValues != null && !enumValues.isEmpty() && t == SqlType.OTHER) {
        t = SqlType.TEXT;
      }
      return new Column(name, position, typeName, jdbcType, t, size, scale, nullable, defaultValue,
          comment, enumValues, autoIncrement, null);
    }
  }

  /** A foreign key being assembled; columns by key sequence as {referencing, referenced}. */
  private static final class FkDraft {
    final String name;
    final String refSchema;
    final String refTable;
    final TreeMap<Integer, String[]> columns = new TreeMap<>();

    FkDraft(String name, String refSchema, String refTable) {
      this.name = name;
      this.refSchema = refSchema;
      this.refTable = Objects.requireNonNull(refTable, "referenced table");
    }

    ForeignKey build() {
      List<String> from = new ArrayList<>();
      List<String> to = new ArrayList<>();
      for (String[] pair : columns.values()) {
        from.add(pair[0]);
        to.add(pair[1]);
      }
      return new ForeignKey(name, from, refSchema, refTable, to);
    }
  }

  /** An index being assembled; columns by ordinal position. */
  private static final class IndexDraft {
    final String name;
    final boolean unique;
    boolean partial;
    final TreeMap<Integer, String> columns = new TreeMap<>();

    IndexDraft(String name, boolean unique) {
      this.name = name;
      this.unique = unique;
    }
  }
}
