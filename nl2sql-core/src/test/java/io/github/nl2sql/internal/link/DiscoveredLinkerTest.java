package io.github.nl2sql.internal.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.internal.catalog.CatalogOptions;
import io.github.nl2sql.internal.catalog.CatalogReader;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.link.Linking;
import io.github.nl2sql.link.SchemaLinker;
import io.github.nl2sql.link.SchemaLinkers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The linker a facade uses when none is chosen: with nl2sql-core alone the lexical linker, found through
 * {@link SchemaLinkers}; a preferred linker that fails (here one whose model cannot load) gives way to the
 * lexical one for good, and a bad question is still the caller's error. On a real H2 catalog.
 */
class DiscoveredLinkerTest {
  private static Catalog catalog;

  @BeforeAll
  static void readCatalog() throws Exception {
    String url = "jdbc:h2:mem:discovered;DB_CLOSE_DELAY=-1";
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE singer (singer_id INT PRIMARY KEY, name VARCHAR(40), country VARCHAR(40))");
      s.execute("INSERT INTO singer VALUES (1, 'Joe', 'France')");
      catalog = new CatalogReader(CatalogOptions.defaults()).read(c);
    }
  }

  @Test
  void withCoreAlone_theLexicalLinkerIsTheOneThere() {
    assertThat(SchemaLinkers.names()).containsExactly("lexical");
    assertThat(SchemaLinkers.preferredName()).isEqualTo("lexical");
    assertThat(SchemaLinkers.preferred()).isInstanceOf(LexicalLinker.class).isSameAs(DiscoveredLinker.create());
    assertThatThrownBy(() -> SchemaLinkers.named("synonyms")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No schema linker named 'synonyms'; the class path has [lexical] (synonyms comes with "
            + "io.github.nl2sql:nl2sql-gnn)");
  }

  @Test
  void aFailingPreferredLinker_fallsBackToLexical_forGood() {
    AtomicInteger calls = new AtomicInteger();
    SchemaLinker broken = (q, c, o) -> {
      calls.incrementAndGet();
      throw new UnsatisfiedLinkError("no onnxruntime for this platform");
    };
    LexicalLinker lexical = new LexicalLinker();
    DiscoveredLinker linker = new DiscoveredLinker("broken", broken, lexical);
    Linking first = linker.link("Which singers are from France?", catalog, LinkOptions.defaults());
    assertThat(linker.fellBack()).isTrue();
    assertThat(linker).hasToString("DiscoveredLinker[broken, fell back to lexical]");
    assertThat(first.tables().get(0).table()).isEqualToIgnoringCase("singer");
    assertThat(first).isEqualTo(lexical.link("Which singers are from France?", catalog, LinkOptions.defaults()));
    linker.link("How many singers are there?", catalog, LinkOptions.defaults());
    assertThat(calls).hasValue(1);
  }

  @Test
  void aPreferredLinkerThatCannotBeMade_leavesTheLexicalOne() {
    SchemaLinker made = DiscoveredLinker.create("broken", () -> {
      throw new ExceptionInInitializerError("the model's class failed to initialise");
    });
    assertThat(made).isInstanceOf(LexicalLinker.class).isSameAs(new LexicalLinkerProvider().linker());
    SchemaLinker wrapped = DiscoveredLinker.create("fine", LexicalLinker::new);
    assertThat(wrapped).isInstanceOf(DiscoveredLinker.class).hasToString("DiscoveredLinker[fine]");
  }

  @Test
  void aBadQuestion_isTheCallersError_andDoesNotDisableThePreferredLinker() {
    DiscoveredLinker linker = new DiscoveredLinker("lexical-too", new LexicalLinker(), new LexicalLinker());
    assertThatThrownBy(() -> linker.link(" ", catalog, LinkOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    assertThat(linker.fellBack()).isFalse();
    assertThat(linker.name()).isEqualTo("lexical-too");
  }
}
