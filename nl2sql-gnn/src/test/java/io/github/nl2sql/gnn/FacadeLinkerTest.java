package io.github.nl2sql.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.Answer;
import io.github.nl2sql.ModelSettings;
import io.github.nl2sql.Nl2Sql;
import io.github.nl2sql.internal.replay.ReplayServer;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.link.SchemaLinkers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * {@link Nl2Sql.Builder#schemaLinker} puts a linker of this module behind the facade, and with this module on
 * the class path the {@link SynonymLinker} is there when none is chosen. With the text-embedding
 * linker, a language model (the langchain4j OpenAI client talking to a local {@link ReplayServer}) is shown
 * the table a question means by a word the schema does not use ("cars" for vehicles), where the lexical
 * default shows another; with the {@link SynonymLinker}, the offline planner answers such a question
 * without a model. On a real SQLite database, with the real in-process MiniLM model.
 */
class FacadeLinkerTest {
  private static final String QUESTION = "How many cars are there?";

  @TempDir
  Path dir;

  private SQLiteDataSource ds;
  private ReplayServer server;

  @BeforeEach
  void setUp() throws SQLException {
    ds = new SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + dir.resolve("fleet.db"));
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE accounts (account_id INTEGER PRIMARY KEY, holder TEXT, balance INTEGER)");
      s.executeUpdate("CREATE TABLE employees (employee_id INTEGER PRIMARY KEY, full_name TEXT, salary INTEGER)");
      s.executeUpdate("CREATE TABLE vehicles (vehicle_id INTEGER PRIMARY KEY, make TEXT, model TEXT, "
          + "model_year INTEGER)");
      s.executeUpdate("INSERT INTO vehicles VALUES (1, 'Volvo', 'V60', 2019), (2, 'Fiat', 'Panda', 2021)");
      s.executeUpdate("CREATE TABLE faculty (faculty_id INTEGER PRIMARY KEY, lname TEXT, rank TEXT)");
      s.executeUpdate("INSERT INTO faculty VALUES (1, 'Hume', 'Professor'), (2, 'Kant', 'Professor'), "
          + "(3, 'Reid', 'Instructor')");
      s.executeUpdate("CREATE TABLE customer (customer_id INTEGER PRIMARY KEY, customer_name TEXT)");
      s.executeUpdate("INSERT INTO customer VALUES (1, 'Ada'), (2, 'Bo'), (3, 'Cy')");
      s.executeUpdate("CREATE TABLE airports (airport_id INTEGER PRIMARY KEY, name TEXT, elevation INTEGER)");
      s.executeUpdate("INSERT INTO airports VALUES (1, 'Lukla', 2845), (2, 'Schiphol', -3), (3, 'Denver', 1655)");
    }
    server = new ReplayServer(List.of(new ReplayServer.Record(null, QUESTION,
        List.of("```sql\nSELECT COUNT(*) FROM vehicles\n```"))));
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private Nl2Sql.Builder builder() {
    return Nl2Sql.builder(ds)
        .model(ModelSettings.of(ModelSettings.Provider.OPENAI, server.openAiBaseUrl(), "replay", "PATH"))
        .offlineFastPath(false)
        .linkOptions(LinkOptions.defaults().withMaxTables(1));
  }

  /** Asks the question; returns the tables listed in the prompt the model saw. */
  private List<String> promptTables(Nl2Sql nl2sql) {
    int before = server.userMessages().size();
    Answer a = nl2sql.ask(QUESTION);
    assertThat(a).isInstanceOfSatisfying(Answer.Answered.class,
        ok -> assertThat(ok.result().rows()).containsExactly(List.of(2)));
    List<String> messages = server.userMessages();
    assertThat(messages).hasSize(before + 1);
    Matcher m = Pattern.compile("(?im)^TABLE (\\w+)").matcher(messages.get(messages.size() - 1));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /**
   * Asks {@code question} and checks it was answered by the offline planner alone (no model call), reading
   * a word by its meaning ({@code reading}, e.g. "'cars' as vehicles"), with {@code row} its only row.
   */
  private static void assertAnsweredOffline(Nl2Sql nl2sql, String question, String reading, List<Object> row) {
    assertThat(nl2sql.ask(question)).isInstanceOfSatisfying(Answer.Answered.class, ok -> {
      assertThat(ok.explanation()).contains("read " + reading + " (close in meaning)");
      assertThat(ok.result().rows()).containsExactly(row);
      assertThat(ok.trace().modelCalls()).isZero();
    });
  }

  @Test
  void theEmbeddingLinker_showsTheModelTheTableAWordOutsideTheSchemaMeans() {
    try (Nl2Sql lexical = builder().schemaLinker(SchemaLinkers.named("lexical")).build()) {
      assertThat(promptTables(lexical)).hasSize(1).doesNotContain("vehicles");
    }
    try (Nl2Sql embedding = builder().schemaLinker(new EmbeddingLinker()).build()) {
      assertThat(promptTables(embedding)).containsExactly("vehicles");
    }
    // the synonym linker, the default with this module on the class path, ranks the table "cars" names first
    try (Nl2Sql byDefault = builder().build()) {
      assertThat(promptTables(byDefault)).containsExactly("vehicles");
    }
  }

  @Test
  void withThisModuleOnTheClassPath_theSynonymLinkerIsTheDefault() {
    assertThat(SchemaLinkers.names()).containsExactly("synonyms", "fused", "embedding", "lexical");
    assertThat(SchemaLinkers.preferredName()).isEqualTo("synonyms");
    assertThat(SchemaLinkers.preferred()).isInstanceOf(SynonymLinker.class)
        .isSameAs(SchemaLinkers.named("synonyms"));
    assertThat(SchemaLinkers.named("fused")).isInstanceOf(FusedLinker.class);
    assertThat(SchemaLinkers.named("embedding")).isInstanceOf(EmbeddingLinker.class);
    assertThatThrownBy(() -> SchemaLinkers.named("gnn")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No schema linker named 'gnn'; the class path has [synonyms, fused, embedding, lexical]");
    // no linker chosen: the facade answers in the user's words, with no model
    try (Nl2Sql byDefault = Nl2Sql.builder(ds).build()) {
      assertAnsweredOffline(byDefault, QUESTION, "'cars' as vehicles", List.of(2));
    }
  }

  @Test
  void aSecondLinker_isRefused() {
    Nl2Sql.Builder b = Nl2Sql.builder(ds).schemaLinker(new EmbeddingLinker());
    assertThatThrownBy(() -> b.schemaLinker(new EmbeddingLinker()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("schemaLinker");
    assertThatThrownBy(() -> Nl2Sql.builder(ds).schemaLinker(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theSynonymLinker_letsTheOfflinePlannerAnswerInTheUsersWords() {
    try (Nl2Sql lexical = Nl2Sql.builder(ds).schemaLinker(SchemaLinkers.named("lexical")).build()) {
      assertThat(lexical.ask(QUESTION)).isInstanceOf(Answer.Abstained.class);
    }
    try (Nl2Sql synonyms = Nl2Sql.builder(ds).schemaLinker(new SynonymLinker()).build()) {
      assertAnsweredOffline(synonyms, QUESTION, "'cars' as vehicles", List.of(2));
    }
  }

  @Test
  void theSynonymLinker_addsWordEvidence_butNotForAStoredValue() {
    try (Nl2Sql n = Nl2Sql.builder(ds).build()) {
      io.github.nl2sql.catalog.Catalog catalog = n.catalog();
      SynonymLinker linker = new SynonymLinker();
      io.github.nl2sql.link.Linking cars = linker.link(QUESTION, catalog, LinkOptions.defaults());
      assertThat(cars.tables()).filteredOn(t -> t.table().equals("vehicles")).singleElement()
          .satisfies(t -> assertThat(t.evidence()).anySatisfy(e -> {
            assertThat(e.signal()).isEqualTo(io.github.nl2sql.link.Signal.EMBEDDING);
            assertThat(e.matched()).isEqualTo("cars");
            assertThat(e.score()).isGreaterThanOrEqualTo(SynonymLinker.DEFAULT_MIN_SIMILARITY);
          }));
      // "professors" is a stored rank of faculty: a filter on that table, not another name for it
      io.github.nl2sql.link.Linking professors = linker.link("How many professors are there?", catalog,
          LinkOptions.defaults());
      assertThat(professors.tables()).allSatisfy(t -> assertThat(t.evidence())
          .noneMatch(e -> "professors".equals(e.matched())));
      // without the embedding signal nothing is added
      io.github.nl2sql.link.Linking lexicalOnly = linker.link(QUESTION, catalog,
          LinkOptions.defaults().withSignals(java.util.EnumSet.of(io.github.nl2sql.link.Signal.LEXICAL)));
      assertThat(lexicalOnly.tables()).allSatisfy(t -> assertThat(t.evidence()).noneMatch(e -> e.matched() != null
          && e.signal() == io.github.nl2sql.link.Signal.EMBEDDING));
    }
  }

  @Test
  void synonymLinkerThresholdsAreChecked() {
    assertThatThrownBy(() -> new SynonymLinker(new EmbeddingLinker(), 0, 0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minSimilarity");
    assertThatThrownBy(() -> new SynonymLinker(new EmbeddingLinker(), 0.6, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minMargin");
  }

  @Test
  void aPluralWord_matchesATableNamedInTheSingular() {
    // "clients" is 0.62 from "customer" but 0.70 from "customers": the table's name is compared in both numbers
    try (Nl2Sql synonyms = Nl2Sql.builder(ds).schemaLinker(new SynonymLinker()).build()) {
      assertAnsweredOffline(synonyms, "How many clients are there?", "'clients' as customer", List.of(3));
    }
  }

  @Test
  void aWordForAColumn_isReadAsThatColumn() {
    try (Nl2Sql synonyms = Nl2Sql.builder(ds).schemaLinker(new SynonymLinker()).build()) {
      assertAnsweredOffline(synonyms, "What are the names of the airports with an altitude above 2000?",
          "'altitude' as airports.elevation", List.of("Lukla"));
    }
  }
}
