package io.github.nl2sql.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.Answer;
import io.github.nl2sql.Conversation;
import io.github.nl2sql.Nl2Sql;
import io.github.nl2sql.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Relative dates and clarifications of date columns and unknown values through {@link Nl2Sql#ask}, on
 * the examples' demo store in H2 and in SQLite, with a fixed clock (2026-01-15, UTC).
 */
class DateAndValueClarificationTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);
  @TempDir
  static Path dir;
  static Nl2Sql h2;
  static Nl2Sql sqlite;
  /** Few frequent values, so the linker does not know 'Lyon': an unknown value for the planner. */
  static Nl2Sql h2FewValues;

  static String storeSql() {
    Path p = Path.of("..", "examples", "src", "main", "resources", "io", "github", "nl2sql", "examples", "store.sql");
    if (!Files.exists(p)) {
      p = Path.of("examples", "src", "main", "resources", "io", "github", "nl2sql", "examples", "store.sql");
    }
    try {
      return Files.readString(p).replaceAll("(?m)^--.*$", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void open() {
    String sql = storeSql();
    DataSource ds = TestDatabases.h2(true);
    TestDatabases.run(ds, sql);
    h2 = Nl2Sql.builder(ds).clock(CLOCK).build();
    DataSource few = TestDatabases.h2(true);
    TestDatabases.run(few, sql);
    h2FewValues = Nl2Sql.builder(few).clock(CLOCK).frequentValues(1).build();
    DataSource lite = TestDatabases.sqlite(dir);
    TestDatabases.run(lite, sql.replaceAll("\\s*COMMENT\\s+'[^']*'", "")
        .replaceAll("DATE '(\\d{4}-\\d\\d-\\d\\d)'", "'$1'"));
    sqlite = Nl2Sql.builder(lite).clock(CLOCK).build();
  }

  @AfterAll
  static void close() {
    h2.close();
    h2FewValues.close();
    sqlite.close();
  }

  static Stream<String> engines() {
    return Stream.of("h2", "sqlite");
  }

  static Nl2Sql engine(String name) {
    return name.equals("h2") ? h2 : sqlite;
  }

  static long count(Answer.Answered a) {
    assertThat(a.result().rows()).hasSize(1);
    return ((Number) a.result().rows().get(0).get(0)).longValue();
  }

  static Answer.Answered answered(Answer a) {
    assertThat(a).as(String.valueOf(a)).isInstanceOf(Answer.Answered.class);
    return (Answer.Answered) a;
  }

  @ParameterizedTest
  @MethodSource("engines")
  void lastQuarter_isThePreviousCalendarQuarter(String engine) {
    Answer.Answered a = answered(engine(engine).ask("How many orders last quarter?"));
    assertThat(a.query().parameters()).startsWith("2025-10-01", "2026-01-01");
    assertThat(a.query().sql()).contains(">=").contains("<");
    assertThat(count(a)).isEqualTo(6L);
    assertThat(a.explanation()).contains("'last quarter' as 2025-10-01 <= orders.order_date < 2026-01-01");
  }

  @ParameterizedTest
  @MethodSource("engines")
  void thisYear_and_theLast30Days(String engine) {
    Answer.Answered year = answered(engine(engine).ask("How many orders this year?"));
    assertThat(year.query().parameters()).startsWith("2026-01-01", "2027-01-01");
    assertThat(count(year)).isEqualTo(11L);
    Answer.Answered days = answered(engine(engine).ask("How many orders in the last 30 days?"));
    assertThat(days.query().parameters()).startsWith("2025-12-17", "2026-01-16");
    assertThat(count(days)).isEqualTo(3L);
  }

  @ParameterizedTest
  @MethodSource("engines")
  void aNamedDateColumn_andACalendarYear(String engine) {
    Answer.Answered a = answered(engine(engine).ask("How many customers signed up in 2024?"));
    assertThat(a.query().sql()).contains("signed_up");
    assertThat(a.query().parameters()).startsWith("2024-01-01", "2025-01-01");
    assertThat(count(a)).isEqualTo(5L);
  }

  @ParameterizedTest
  @MethodSource("engines")
  void twoDateColumns_askWhichDate_andTheNumberAnswers(String engine) {
    Nl2Sql n = engine(engine);
    Conversation c = Conversation.create();
    String q = "Show the email of customers with orders in the last 30 days";
    Answer first = n.ask(q, c);
    assertThat(first).isInstanceOf(Answer.Clarification.class);
    Answer.Clarification cl = (Answer.Clarification) first;
    assertThat(cl.kind()).isEqualTo(Answer.Clarification.Kind.DATE_COLUMN);
    assertThat(cl.prompt()).isEqualTo(
        "Which date do you mean for 'in the last 30 days': orders.order_date or customers.signed_up?");
    assertThat(cl.options()).extracting(Answer.Clarification.Option::value)
        .containsExactly("orders.order_date", "customers.signed_up");
    Answer.Answered a = answered(n.ask("1", c));
    assertThat(a.question()).isEqualTo(q);
    assertThat(a.query().sql()).contains("order_date").doesNotContain("signed_up");
    assertThat(a.query().parameters()).startsWith("2025-12-17", "2026-01-16");
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("liam.weber@example.com"),
        List.of("david.smith@example.com"), List.of("paul.lopez@example.com"));
    assertThat(c.resolutions()).singleElement()
        .satisfies(r -> assertThat(r.kind()).isEqualTo(Answer.Clarification.Kind.DATE_COLUMN));
  }

  @ParameterizedTest
  @MethodSource("engines")
  void twoDateColumns_theLabelAnswersToo(String engine) {
    Nl2Sql n = engine(engine);
    Conversation c = Conversation.create();
    Answer first = n.ask("Show the status of orders of customers in the last 30 days", c);
    assertThat(first).isInstanceOf(Answer.Clarification.class);
    assertThat(((Answer.Clarification) first).kind()).isEqualTo(Answer.Clarification.Kind.DATE_COLUMN);
    Answer.Answered a = answered(n.ask("customers.signed_up", c));
    assertThat(a.query().sql()).contains("signed_up").contains("status");
    assertThat(a.query().parameters()).startsWith("2025-12-17", "2026-01-16");
    assertThat(a.result().rows()).isEmpty(); // nobody signed up in the last 30 days
  }

  @Test
  void unsupportedRelativeDates_abstainWithTheReason() {
    Answer a = h2.ask("How many orders next month?");
    assertThat(a).isInstanceOf(Answer.Abstained.class);
    assertThat(((Answer.Abstained) a).reason()).contains("'next month'").contains("explicitly");
    assertThat(h2.ask("How many orders 3 days ago?")).isInstanceOf(Answer.Abstained.class);
  }

  @ParameterizedTest
  @MethodSource("engines")
  void unknownQuotedValue_asksWhichColumn(String engine) {
    Nl2Sql n = engine(engine);
    Conversation c = Conversation.create();
    String q = "Show the email of customers from 'Springfield'";
    Answer first = n.ask(q, c);
    assertThat(first).isInstanceOf(Answer.Clarification.class);
    Answer.Clarification cl = (Answer.Clarification) first;
    assertThat(cl.kind()).isEqualTo(Answer.Clarification.Kind.VALUE);
    assertThat(cl.prompt()).isEqualTo("Which column holds 'Springfield'?");
    assertThat(cl.options()).extracting(Answer.Clarification.Option::value)
        .contains("customers.city", "customers.country").doesNotContain("customers.id");
    Answer.Answered a = answered(n.ask("city", c));
    assertThat(a.query().sql()).contains("city").contains("?");
    assertThat(a.query().parameters()).contains("Springfield");
    assertThat(a.result().rows()).isEmpty();
  }

  @Test
  void unknownProperNoun_asksWhichColumn_andTheChoiceFindsTheRows() {
    Conversation c = Conversation.create();
    Answer first = h2FewValues.ask("Show the email of customers in Lyon", c);
    assertThat(first).as(String.valueOf(first)).isInstanceOf(Answer.Clarification.class);
    Answer.Clarification cl = (Answer.Clarification) first;
    assertThat(cl.kind()).isEqualTo(Answer.Clarification.Kind.VALUE);
    int city = cl.options().stream().filter(o -> o.value().equals("customers.city")).findFirst()
        .orElseThrow().number();
    Answer.Answered a = answered(h2FewValues.ask(String.valueOf(city), c));
    assertThat(a.query().parameters()).contains("Lyon");
    assertThat(a.result().rows()).containsExactlyInAnyOrder(List.of("david.smith@example.com"),
        List.of("liam.weber@example.com"));
  }

  @Test
  void knownValue_needsNoClarification() {
    Answer.Answered a = answered(h2.ask("Show the email of customers in Lyon"));
    assertThat(a.query().sql()).contains("city");
    assertThat(a.result().rows()).hasSize(2);
  }

  @Test
  void ranges_areComputedFromTheClock() {
    LocalDate today = LocalDate.of(2026, 1, 15);
    assertThat(range("last quarter", today)).containsExactly(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 1, 1));
    assertThat(range("last quarter", LocalDate.of(2025, 8, 20)))
        .containsExactly(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 7, 1));
    assertThat(range("this quarter", today)).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1));
    assertThat(range("this year", today)).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));
    assertThat(range("last year", today)).containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
    assertThat(range("last month", today)).containsExactly(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 1));
    assertThat(range("this month", today)).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1));
    assertThat(range("last week", today)).containsExactly(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 12));
    assertThat(range("in the last 30 days", today))
        .containsExactly(LocalDate.of(2025, 12, 17), LocalDate.of(2026, 1, 16));
    assertThat(range("over the past 6 months", today))
        .containsExactly(LocalDate.of(2025, 7, 16), LocalDate.of(2026, 1, 16));
    assertThat(range("yesterday", today)).containsExactly(LocalDate.of(2026, 1, 14), today);
    assertThat(range("today", today)).containsExactly(today, LocalDate.of(2026, 1, 16));
    assertThat(range("since 2024", today)).containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 16));
    assertThat(range("in 2025", today)).containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
    assertThat(RelativeDates.find(Tokens.tokenize("next year"), new boolean[2], 0, today))
        .isInstanceOf(RelativeDates.Unsupported.class);
    assertThat(RelativeDates.find(Tokens.tokenize("the last name of students"), new boolean[5], 0, today)).isNull();
  }

  static List<LocalDate> range(String text, LocalDate today) {
    List<Tokens.Tok> toks = Tokens.tokenize(text);
    RelativeDates.Found f = RelativeDates.find(toks, new boolean[toks.size()], 0, today);
    assertThat(f).as(text).isInstanceOf(RelativeDates.Range.class);
    RelativeDates.Range r = (RelativeDates.Range) f;
    assertThat(r.start()).isZero();
    assertThat(r.end()).isEqualTo(toks.size());
    return List.of(r.from(), r.to());
  }
}
