package io.github.nl2sql.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.ValidationResult;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.internal.sql.SqlImporter;
import io.github.nl2sql.testing.SpiderData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guard over Spider's training gold queries: no gold query that SQLite accepts and that imports may
 * get an ERROR (zero false blocks), and single-typo misspellings of a table or column name must be
 * blocked with the original name ranked first.
 */
class SpiderGoldTest {
  private static Path dir;
  private static JsonNode items;
  private static final Map<String, Catalog> catalogs = new HashMap<>();
  private static final Map<String, Connection> connections = new HashMap<>();

  @BeforeAll
  static void load() throws Exception {
    dir = SpiderData.requireDir();
    Path file = dir.resolve("train_spider.json");
    Assumptions.assumeTrue(Files.isRegularFile(file), "train_spider.json not found in " + dir);
    try {
      new SqlImporter(Dialect.SQLITE).importSql("SELECT 1", null);
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("the SQL importer is not available yet: " + e.getMessage());
    }
    items = new ObjectMapper().readTree(file.toFile());
  }

  private static Connection connection(String db) throws SQLException {
    Connection c = connections.get(db);
    if (c == null && !connections.containsKey(db)) {
      Path f = SpiderData.database(dir, db);
      if (Files.isRegularFile(f)) {
        c = DriverManager.getConnection("jdbc:sqlite:file:" + f.toAbsolutePath() + "?mode=ro");
        catalogs.put(db, SqliteCatalogs.read(c, db));
      }
      connections.put(db, c);
    }
    return c;
  }

  /** SQLite's prepare: null when it accepts the SQL, else its message. */
  private static String prepare(Connection c, String sql) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      return null;
    } catch (SQLException e) {
      return e.getMessage() == null ? "error" : e.getMessage();
    }
  }

  @Test
  void goldQueries_areNeverBlocked() throws Exception {
    int total = 0;
    int runnable = 0;
    int imported = 0;
    int blocked = 0;
    int warned = 0;
    Map<String, Integer> importFailures = new TreeMap<>();
    Map<String, Integer> blockedBy = new TreeMap<>();
    List<String> offenders = new ArrayList<>();
    for (JsonNode item : items) {
      total++;
      String db = item.get("db_id").asText();
      String sql = item.get("query").asText();
      Connection c = connection(db);
      if (c == null || prepare(c, sql) != null) {
        continue;
      }
      runnable++;
      Guard guard = new Guard(catalogs.get(db), Dialect.SQLITE, false);
      ValidationResult r = guard.check(sql);
      if (r.statement() == null) {
        String key = r.diagnostics().isEmpty() ? "?" : r.diagnostics().get(0).code().id();
        importFailures.merge(key, 1, Integer::sum);
        continue;
      }
      imported++;
      if (!r.errors().isEmpty()) {
        blocked++;
        r.errors().forEach(d -> blockedBy.merge(d.code().name(), 1, Integer::sum));
        if (offenders.size() < 100) {
          offenders.add(db + ": " + sql + "\n      " + r.errors());
        }
      } else if (!r.diagnostics().isEmpty()) {
        warned++;
      }
    }
    System.out.printf("spider gold: items=%d runnable=%d imported=%d blocked=%d warned=%d%n", total,
        runnable, imported, blocked, warned);
    System.out.println("  import failures by code: " + importFailures);
    System.out.println("  blocked by code: " + blockedBy);
    offenders.forEach(o -> System.out.println("  OFFENDER " + o));
    assertThat(offenders).as("gold queries blocked by the guard").isEmpty();
  }

  // ------------------------------------------------------------------ misspellings

  private static final Pattern TOKEN = Pattern.compile(
      "'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|`[^`]*`|[A-Za-z_][A-Za-z0-9_]*|\\d+(?:\\.\\d+)?|\\S");
  private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "GROUP", "BY",
      "ORDER", "HAVING", "LIMIT", "JOIN", "ON", "AS", "AND", "OR", "NOT", "IN", "LIKE", "BETWEEN",
      "IS", "NULL", "UNION", "INTERSECT", "EXCEPT", "DISTINCT", "ASC", "DESC", "COUNT", "SUM", "AVG",
      "MIN", "MAX", "INNER", "LEFT", "OUTER", "EXISTS", "CASE", "WHEN", "THEN", "ELSE", "END", "ALL",
      "USING", "CROSS", "NATURAL", "RIGHT", "FULL", "OFFSET", "CAST", "WITH", "VALUES", "INTO");

  /**
   * One misspelt table or column occurrence per gold query (a deterministic random edit); mutants
   * SQLite rejects with a name error must be blocked, and the diagnostic about the misspelt name must
   * rank the original first for at least 95% of them.
   */
  @Test
  void misspellings_areBlocked_withTheOriginalRankedFirst() throws Exception {
    Random rnd = new Random(7);
    int mutants = 0;
    int mutantsBlocked = 0;
    int top1 = 0;
    List<String> misses = new ArrayList<>();
    for (JsonNode item : items) {
      String db = item.get("db_id").asText();
      String sql = item.get("query").asText();
      Connection c = connection(db);
      if (c == null || prepare(c, sql) != null) {
        continue;
      }
      Catalog cat = catalogs.get(db);
      Set<String> names = new HashSet<>();
      for (Table t : cat.tables()) {
        names.add(t.name().toLowerCase(Locale.ROOT));
        for (Column col : t.columns()) {
          names.add(col.name().toLowerCase(Locale.ROOT));
        }
      }
      List<int[]> spots = new ArrayList<>();
      Matcher m = TOKEN.matcher(sql);
      String prev = "";
      List<String> tokens = new ArrayList<>();
      List<int[]> spans = new ArrayList<>();
      while (m.find()) {
        tokens.add(m.group());
        spans.add(new int[] {m.start(), m.end()});
      }
      Set<String> aliases = new HashSet<>();
      for (int i = 0; i + 1 < tokens.size(); i++) {
        if (tokens.get(i).equalsIgnoreCase("AS")) {
          aliases.add(tokens.get(i + 1).toLowerCase(Locale.ROOT));
        }
      }
      for (int i = 0; i < tokens.size(); i++) {
        String tok = tokens.get(i);
        String lower = tok.toLowerCase(Locale.ROOT);
        boolean word = Character.isLetter(tok.charAt(0)) || tok.charAt(0) == '_';
        boolean call = i + 1 < tokens.size() && tokens.get(i + 1).equals("(");
        boolean qualifier = i + 1 < tokens.size() && tokens.get(i + 1).equals(".");
        prev = i > 0 ? tokens.get(i - 1) : "";
        if (word && !call && !qualifier && !prev.equalsIgnoreCase("AS") && names.contains(lower)
            && !aliases.contains(lower) && !KEYWORDS.contains(tok.toUpperCase(Locale.ROOT))) {
          spots.add(new int[] {i});
        }
      }
      if (spots.isEmpty()) {
        continue;
      }
      int[] spot = spots.get(rnd.nextInt(spots.size()));
      int[] span = spans.get(spot[0]);
      String original = tokens.get(spot[0]);
      String changed = null;
      for (int a = 0; a < 10 && changed == null; a++) {
        String x = NameSuggesterTest.typo(original, rnd);
        if (x != null && !names.contains(x.toLowerCase(Locale.ROOT))
            && !aliases.contains(x.toLowerCase(Locale.ROOT))
            && !KEYWORDS.contains(x.toUpperCase(Locale.ROOT)) && Character.isLetter(x.charAt(0))) {
          changed = x;
        }
      }
      if (changed == null) {
        continue;
      }
      String mutant = sql.substring(0, span[0]) + changed + sql.substring(span[1]);
      String err = prepare(c, mutant);
      if (err == null || !(err.contains("no such column") || err.contains("no such table")
          || err.contains("ambiguous column name"))) {
        continue;
      }
      ValidationResult r = new Guard(cat, Dialect.SQLITE, false).check(mutant);
      if (r.statement() == null) {
        continue; // the importer's problem, not a name check
      }
      mutants++;
      if (r.errors().isEmpty()) {
        misses.add("NOT BLOCKED " + original + " -> " + changed + ": " + mutant);
        continue;
      }
      mutantsBlocked++;
      Diagnostic about = null;
      for (Diagnostic d : r.errors()) {
        if (changed.equalsIgnoreCase(d.subject())) {
          about = d;
          break;
        }
      }
      if (about == null) {
        for (Diagnostic d : r.errors()) {
          if (d.position() != null && d.position().offset() == span[0]) {
            about = d;
            break;
          }
        }
      }
      if (about != null && !about.suggestions().isEmpty()
          && about.suggestions().get(0).equalsIgnoreCase(original)) {
        top1++;
      } else if (misses.size() < 80) {
        misses.add(original + " -> " + changed + " got " + (about == null ? r.errors() : about)
            + " in " + mutant);
      }
    }
    System.out.printf("spider misspellings: mutants=%d blocked=%d top1=%d (%.4f)%n", mutants,
        mutantsBlocked, top1, mutants == 0 ? 0.0 : (double) top1 / mutants);
    misses.forEach(x -> System.out.println("  MISS " + x));
    assertThat(mutantsBlocked).isEqualTo(mutants);
    assertThat((double) top1 / mutants).isGreaterThanOrEqualTo(0.95);
  }

  private static final Set<String> JOIN_END = Set.of("JOIN", "INNER", "LEFT", "RIGHT", "CROSS",
      "WHERE", "GROUP", "ORDER", "LIMIT", "HAVING", "UNION", "INTERSECT", "EXCEPT", ")");

  /**
   * Informational figures (no threshold): a joined table dropped from FROM with its ON condition; the
   * remaining references to its alias are reported, and the dropped table should be the first
   * suggestion for the unknown qualifier.
   */
  @Test
  void droppedJoins_areBlocked_andTheDroppedTableIsSuggested() throws Exception {
    int mutants = 0;
    int blocked = 0;
    int top1 = 0;
    for (JsonNode item : items) {
      String db = item.get("db_id").asText();
      String sql = item.get("query").asText();
      Connection c = connection(db);
      if (c == null || prepare(c, sql) != null) {
        continue;
      }
      Matcher m = TOKEN.matcher(sql);
      List<String> tokens = new ArrayList<>();
      List<int[]> spans = new ArrayList<>();
      while (m.find()) {
        tokens.add(m.group());
        spans.add(new int[] {m.start(), m.end()});
      }
      int join = -1;
      for (int i = tokens.size() - 1; i > 0; i--) {
        if (tokens.get(i).equalsIgnoreCase("JOIN") && i + 3 < tokens.size()
            && tokens.get(i + 2).equalsIgnoreCase("AS")) {
          join = i;
          break;
        }
      }
      if (join < 0) {
        continue;
      }
      String table = tokens.get(join + 1);
      int end = join + 4;
      if (end < tokens.size() && tokens.get(end).equalsIgnoreCase("ON")) {
        int depth = 0;
        end++;
        while (end < tokens.size()) {
          String t = tokens.get(end);
          if (t.equals("(")) {
            depth++;
          } else if (t.equals(")")) {
            if (depth == 0) {
              break;
            }
            depth--;
          } else if (depth == 0 && JOIN_END.contains(t.toUpperCase(Locale.ROOT))) {
            break;
          }
          end++;
        }
      }
      int from = spans.get(join)[0];
      int to = end < tokens.size() ? spans.get(end)[0] : sql.length();
      String mutant = sql.substring(0, from) + sql.substring(to);
      String err = prepare(c, mutant);
      if (err == null || !(err.contains("no such column") || err.contains("no such table"))) {
        continue;
      }
      ValidationResult r = new Guard(catalogs.get(db), Dialect.SQLITE, false).check(mutant);
      if (r.statement() == null) {
        continue;
      }
      mutants++;
      if (r.errors().isEmpty()) {
        continue;
      }
      blocked++;
      for (Diagnostic d : r.errors()) {
        if (d.code() == io.github.nl2sql.diagnostics.DiagnosticCode.UNKNOWN_QUALIFIER) {
          if (!d.suggestions().isEmpty() && d.suggestions().get(0).equalsIgnoreCase(table)) {
            top1++;
          } else if (Boolean.getBoolean("nl2sql.test.verbose")) {
            System.out.println("  DROP " + table + " got " + d + " in " + mutant);
          }
          break;
        }
      }
    }
    System.out.printf("spider dropped joins: mutants=%d blocked=%d dropped table first=%d (%.4f)%n",
        mutants, blocked, top1, mutants == 0 ? 0.0 : (double) top1 / mutants);
    assertThat(blocked).isEqualTo(mutants);
  }

  /**
   * Informational figures (no threshold): one column name replaced by a column name of the database
   * that no table of the query has; how often the original is still the first suggestion (textual
   * similarity cannot help here, only the query's structure).
   */
  @Test
  void swappedColumns_areBlocked() throws Exception {
    Random rnd = new Random(5);
    int mutants = 0;
    int blocked = 0;
    int top1 = 0;
    for (JsonNode item : items) {
      String db = item.get("db_id").asText();
      String sql = item.get("query").asText();
      Connection c = connection(db);
      if (c == null || prepare(c, sql) != null) {
        continue;
      }
      Catalog cat = catalogs.get(db);
      Matcher m = TOKEN.matcher(sql);
      List<String> tokens = new ArrayList<>();
      List<int[]> spans = new ArrayList<>();
      while (m.find()) {
        tokens.add(m.group());
        spans.add(new int[] {m.start(), m.end()});
      }
      Set<String> queryTables = new HashSet<>();
      for (String t : tokens) {
        cat.table(t).ifPresent(x -> queryTables.add(x.name().toLowerCase(Locale.ROOT)));
      }
      Set<String> inScope = new HashSet<>();
      for (String qt : queryTables) {
        cat.table(qt).ifPresent(x -> x.columns().forEach(col -> inScope.add(
            col.name().toLowerCase(Locale.ROOT))));
      }
      List<String> others = new ArrayList<>();
      for (Table t : cat.tables()) {
        for (Column col : t.columns()) {
          String k = col.name().toLowerCase(Locale.ROOT);
          if (!inScope.contains(k) && !queryTables.contains(k) && col.name().matches("[A-Za-z_]\\w*")
              && !KEYWORDS.contains(col.name().toUpperCase(Locale.ROOT)) && !others.contains(col.name())) {
            others.add(col.name());
          }
        }
      }
      List<Integer> spots = new ArrayList<>();
      for (int i = 2; i < tokens.size(); i++) {
        if (tokens.get(i - 1).equals(".") && inScope.contains(tokens.get(i).toLowerCase(Locale.ROOT))) {
          spots.add(i);
        }
      }
      if (spots.isEmpty() || others.isEmpty()) {
        continue;
      }
      java.util.Collections.sort(others);
      int spot = spots.get(rnd.nextInt(spots.size()));
      String original = tokens.get(spot);
      String replacement = others.get(rnd.nextInt(others.size()));
      String mutant = sql.substring(0, spans.get(spot)[0]) + replacement
          + sql.substring(spans.get(spot)[1]);
      String err = prepare(c, mutant);
      if (err == null || !err.contains("no such column")) {
        continue;
      }
      ValidationResult r = new Guard(cat, Dialect.SQLITE, false).check(mutant);
      if (r.statement() == null) {
        continue;
      }
      mutants++;
      if (r.errors().isEmpty()) {
        continue;
      }
      blocked++;
      for (Diagnostic d : r.errors()) {
        if (replacement.equalsIgnoreCase(d.subject())) {
          if (!d.suggestions().isEmpty() && d.suggestions().get(0).equalsIgnoreCase(original)) {
            top1++;
          }
          break;
        }
      }
    }
    System.out.printf("spider swapped columns: mutants=%d blocked=%d original first=%d (%.4f)%n",
        mutants, blocked, top1, mutants == 0 ? 0.0 : (double) top1 / mutants);
    assertThat(blocked).isEqualTo(mutants);
  }

  @org.junit.jupiter.api.AfterAll
  static void close() throws SQLException {
    for (Connection c : connections.values()) {
      if (c != null) {
        c.close();
      }
    }
  }

}
