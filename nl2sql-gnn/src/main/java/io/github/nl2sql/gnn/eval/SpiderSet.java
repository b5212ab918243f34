package io.github.nl2sql.gnn.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.ForeignKey;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.internal.catalog.CatalogOptions;
import io.github.nl2sql.internal.catalog.CatalogReader;
import io.github.nl2sql.internal.sql.ImportResult;
import io.github.nl2sql.internal.sql.SqlImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Spider-format data folder ({@code tables.json}, {@code database/<db>/<db>.sqlite}): its questions,
 * the catalogs of its SQLite databases (read once each with the catalog reader, statistics included), gold
 * elements of gold SQL (through the SQL importer), the committed validation split, and the merged catalog
 * of many databases. Thread-safe.
 */
public final class SpiderSet {
  /** Separator between db_id and table name in a merged catalog. */
  public static final String MERGED_SEPARATOR = ".";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path dir;
  private final Map<String, java.util.Optional<Catalog>> catalogs = new ConcurrentHashMap<>();

  /**
   * @param dir a folder with {@code database/<db_id>/<db_id>.sqlite}
   * @throws IllegalArgumentException when {@code dir} is not a folder
   */
  public SpiderSet(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("not a Spider data folder: " + dir);
    }
    this.dir = dir;
  }

  /** The data folder. */
  public Path dir() {
    return dir;
  }

  /** One question with its gold SQL and database. */
  public record Item(int index, String question, String query, String dbId) {}

  /**
   * Reads a JSON list of {@code {question, query, db_id}} objects.
   *
   * @param questionField the field holding the question (e.g. {@code SpiderSynQuestion})
   * @throws IllegalArgumentException when the file is not such a list
   */
  public static List<Item> readQuestions(Path file, String questionField) {
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
    if (!root.isArray()) {
      throw new IllegalArgumentException(file + " is not a JSON list of questions");
    }
    List<Item> out = new ArrayList<>();
    for (JsonNode n : root) {
      String q = n.path(questionField).asText(null);
      String sql = n.path("query").asText(null);
      String db = n.path("db_id").asText(null);
      if (q == null || sql == null || db == null) {
        throw new IllegalArgumentException(file + ": item " + out.size() + " lacks " + questionField + ", query or db_id");
      }
      out.add(new Item(out.size(), q, sql, db));
    }
    return out;
  }

  /** The committed database-disjoint split of spider-train: {@code validation} and {@code train} db_ids. */
  public static Map<String, Set<String>> split() {
    try (var in = SpiderSet.class.getResourceAsStream("/io/github/nl2sql/gnn/split.json")) {
      JsonNode root = MAPPER.readTree(in);
      Set<String> val = new LinkedHashSet<>();
      root.get("validation").forEach(n -> val.add(n.asText()));
      Set<String> train = new LinkedHashSet<>();
      root.get("train").forEach(n -> train.add(n.asText()));
      return Map.of("validation", val, "train", train);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the split", e);
    }
  }

  /** The SQLite file of a database. */
  public Path databaseFile(String dbId) {
    return dir.resolve("database").resolve(dbId).resolve(dbId + ".sqlite");
  }

  /**
   * The catalog of a database, read once; empty when its file is absent.
   *
   * @throws IllegalStateException when the file exists but cannot be read
   */
  public java.util.Optional<Catalog> catalog(String dbId) {
    return catalogs.computeIfAbsent(dbId, id -> {
      Path file = databaseFile(id);
      if (!Files.isRegularFile(file)) {
        return java.util.Optional.empty();
      }
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
        return java.util.Optional.of(new CatalogReader(CatalogOptions.defaults()).read(c));
      } catch (SQLException e) {
        throw new IllegalStateException("could not read database " + id + ": " + e.getMessage(), e);
      }
    });
  }

  /**
   * Gold tables and columns of an item's SQL, or {@code null} when the importer cannot import it.
   */
  public static GoldElements gold(String sql, Catalog catalog) {
    ImportResult r = new SqlImporter(Dialect.SQLITE).importSql(sql, catalog);
    return r.ok() ? GoldElements.of(r.statement(), catalog) : null;
  }

  /** {@code gold} with its names prefixed for the merged catalog. */
  public static GoldElements prefixed(GoldElements gold, String dbId) {
    Set<String> t = new LinkedHashSet<>();
    for (String s : gold.tables()) {
      t.add(dbId + MERGED_SEPARATOR + s);
    }
    Set<String> c = new LinkedHashSet<>();
    for (String s : gold.columns()) {
      c.add(dbId + MERGED_SEPARATOR + s);
    }
    return new GoldElements(t, c);
  }

  /**
   * One catalog made of the given databases' catalogs, every table named {@code <db_id>.<table>} (foreign
   * keys renamed alike), fingerprinted by the members' fingerprints. Absent databases are left out.
   */
  public Catalog merged(Collection<String> dbIds) {
    List<Table> tables = new ArrayList<>();
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (String id : dbIds) {
      java.util.Optional<Catalog> c = catalog(id);
      if (c.isEmpty()) {
        continue;
      }
      md.update((id + "\u0000" + c.get().fingerprint() + "\u0001").getBytes(StandardCharsets.UTF_8));
      for (Table t : c.get().tables()) {
        List<ForeignKey> fks = new ArrayList<>();
        for (ForeignKey fk : t.foreignKeys()) {
          fks.add(new ForeignKey(fk.name(), fk.columns(), null, id + MERGED_SEPARATOR + fk.referencedTable(),
              fk.referencedColumns()));
        }
        tables.add(new Table(null, id + MERGED_SEPARATOR + t.name(), t.kind(), t.comment(), t.columns(),
            t.primaryKey(), t.uniqueKeys(), fks, t.indexes(), t.rowCount()));
      }
    }
    return new Catalog("SQLite", null, null, null, Dialect.SQLITE, tables, "merged-" + HexFormat.of().formatHex(md.digest()),
        null, Catalog.StatisticsStatus.COMPLETE, List.of());
  }
}
