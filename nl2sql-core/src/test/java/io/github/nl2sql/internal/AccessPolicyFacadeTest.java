package io.github.nl2sql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.Answer;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.InvalidQueryException;
import io.github.nl2sql.Nl2Sql;
import io.github.nl2sql.QueryResult;
import io.github.nl2sql.ValidationResult;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.policy.AccessPolicy;
import io.github.nl2sql.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The facade enforcing an access policy on each real database. */
class AccessPolicyFacadeTest {
  @TempDir static Path tmp;

  private static final AccessPolicy POLICY = new AccessPolicy(List.of(), List.of("pol_salaries"),
      List.of("pol_customers.ssn"), 2L, false);

  static Stream<Arguments> databases() {
    return TestDatabases.all(tmp, true);
  }

  private static void create(DataSource ds) {
    TestDatabases.run(ds, "DROP TABLE IF EXISTS pol_orders;\nDROP TABLE IF EXISTS pol_salaries;\n"
        + "DROP TABLE IF EXISTS pol_customers;\n"
        + "CREATE TABLE pol_customers (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, ssn VARCHAR(11), "
        + "city VARCHAR(20));\n"
        + "CREATE TABLE pol_orders (id INT PRIMARY KEY, customer_id INT NOT NULL, total INT NOT NULL);\n"
        + "CREATE TABLE pol_salaries (customer_id INT PRIMARY KEY, amount INT NOT NULL);\n"
        + "INSERT INTO pol_customers VALUES (1, 'Ann', '111-22-3333', 'Oslo'), (2, 'Bob', '222-33-4444', 'Rome'), "
        + "(3, 'Cy', '333-44-5555', 'Oslo');\n"
        + "INSERT INTO pol_orders VALUES (1, 1, 10), (2, 1, 20), (3, 2, 30);\n"
        + "INSERT INTO pol_salaries VALUES (1, 100);\n");
  }

  private static void drop(DataSource ds) {
    TestDatabases.run(ds, "DROP TABLE IF EXISTS pol_orders;\nDROP TABLE IF EXISTS pol_salaries;\n"
        + "DROP TABLE IF EXISTS pol_customers;\n");
  }

  private static List<DiagnosticCode> codes(ValidationResult r) {
    return r.errors().stream().map(Diagnostic::code).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void deniedTablesAndColumns_areBlocked_allowedOnesRun(Dialect dialect, DataSource ds) {
    create(ds);
    try (Nl2Sql n = Nl2Sql.builder(ds).accessPolicy(POLICY).allowWrites(true).build()) {
      // denied table, wherever it appears
      assertThat(codes(n.validate("SELECT amount FROM pol_salaries")))
          .containsExactly(DiagnosticCode.POLICY_TABLE_DENIED);
      assertThat(codes(n.validate("SELECT name FROM pol_customers WHERE id IN (SELECT customer_id FROM pol_salaries)")))
          .containsExactly(DiagnosticCode.POLICY_TABLE_DENIED);
      // denied column: unqualified, qualified by alias, in WHERE, in a CTE, in a derived table
      assertThat(codes(n.validate("SELECT ssn FROM pol_customers"))).containsExactly(DiagnosticCode.POLICY_COLUMN_DENIED);
      assertThat(n.validate("SELECT c.ssn FROM pol_customers c").errors().get(0).format())
          .isEqualTo("Column 'ssn' of table 'pol_customers' may not be used under the access policy");
      assertThat(codes(n.validate("SELECT name FROM pol_customers WHERE ssn LIKE '1%'")))
          .containsExactly(DiagnosticCode.POLICY_COLUMN_DENIED);
      assertThat(codes(n.validate("WITH x AS (SELECT ssn AS s FROM pol_customers) SELECT s FROM x")))
          .containsExactly(DiagnosticCode.POLICY_COLUMN_DENIED);
      assertThat(codes(n.validate("SELECT t.s FROM (SELECT ssn AS s FROM pol_customers) t")))
          .containsExactly(DiagnosticCode.POLICY_COLUMN_DENIED);
      assertThat(codes(n.validate("SELECT o.total FROM pol_orders o WHERE EXISTS (SELECT 1 FROM pol_customers c "
          + "WHERE c.id = o.customer_id AND c.ssn IS NULL)"))).containsExactly(DiagnosticCode.POLICY_COLUMN_DENIED);
      // SELECT * must not leak the denied column; COUNT(*) and listed columns are fine
      ValidationResult star = n.validate("SELECT * FROM pol_customers");
      assertThat(codes(star)).containsExactly(DiagnosticCode.POLICY_STAR_DENIED);
      assertThat(star.errors().get(0).format()).isEqualTo("'*' over table 'pol_customers' would read column "
          + "'ssn', which the access policy denies; list the columns you need");
      assertThat(codes(n.validate("SELECT c.* FROM pol_customers c JOIN pol_orders o ON o.customer_id = c.id")))
          .containsExactly(DiagnosticCode.POLICY_STAR_DENIED);
      assertThat(n.validate("SELECT o.* FROM pol_customers c JOIN pol_orders o ON o.customer_id = c.id").isValid())
          .isTrue();
      assertThat(n.validate("SELECT COUNT(*) FROM pol_customers").isValid()).isTrue();
      // writes may not be drafted under this policy
      assertThat(codes(n.validate("UPDATE pol_orders SET total = 1 WHERE id = 1")))
          .containsExactly(DiagnosticCode.POLICY_WRITE_DENIED);

      // nothing denied runs; execute(String) throws with the coded diagnostic
      assertThatThrownBy(() -> n.execute("SELECT * FROM pol_customers")).isInstanceOf(InvalidQueryException.class)
          .hasMessageContaining("would read column 'ssn'");
      // allowed reads run, capped at the policy's 2 rows
      QueryResult r = n.execute("SELECT name, city FROM pol_customers ORDER BY id");
      assertThat(r.rows()).hasSize(2);
      assertThat(r.truncated()).isTrue();
    } finally {
      drop(ds);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void suggestions_neverNameWhatThePolicyHides_andPlannersDoNotSeeIt(Dialect dialect, DataSource ds) {
    create(ds);
    try (Nl2Sql n = Nl2Sql.builder(ds).accessPolicy(POLICY).build();
        Nl2Sql open = Nl2Sql.builder(ds).build()) {
      // without the policy the misspelling is answered with the real name; with it, not
      assertThat(open.validate("SELECT sn FROM pol_customers").errors().get(0).suggestions()).contains("ssn");
      assertThat(n.validate("SELECT sn FROM pol_customers").errors().get(0).suggestions()).doesNotContain("ssn");
      assertThat(n.validate("SELECT amount FROM pol_salary").errors().get(0).suggestions())
          .noneMatch(s -> s.equalsIgnoreCase("pol_salaries"));
      // the offline planner answers from the visible catalog: the allowed question is answered...
      Answer a = n.ask("how many pol customers are there?");
      assertThat(a).isInstanceOf(Answer.Answered.class);
      assertThat(((Answer.Answered) a).result().rows().get(0).get(0).toString()).isEqualTo("3");
      // ...and a question about the hidden table never reaches it (without the policy it does)
      Answer hidden = n.ask("how many pol salaries are there?");
      if (hidden instanceof Answer.Answered h) {
        assertThat(h.query().sql()).doesNotContainIgnoringCase("pol_salaries");
      }
      assertThat(((Answer.Answered) open.ask("how many pol salaries are there?")).query().sql())
          .containsIgnoringCase("pol_salaries");
    } finally {
      drop(ds);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aPlannersSelectStar_isAnsweredWithTheAllowedColumns(Dialect dialect, DataSource ds) {
    create(ds);
    // a planner that reads "show everything about customers" as SELECT *, as models do
    io.github.nl2sql.plan.Planner star = new io.github.nl2sql.plan.Planner() {
      @Override
      public String name() {
        return "star";
      }

      @Override
      public io.github.nl2sql.plan.Plan plan(io.github.nl2sql.plan.PlanRequest r) {
        return io.github.nl2sql.plan.Plan.Draft.ofSql("SELECT * FROM pol_customers ORDER BY id", 0.9, "all columns");
      }
    };
    try (Nl2Sql n = Nl2Sql.builder(ds).accessPolicy(POLICY).planner(star).offlineFastPath(false).build()) {
      Answer a = n.ask("show everything about customers");
      assertThat(a).isInstanceOf(Answer.Answered.class);
      Answer.Answered shown = (Answer.Answered) a;
      assertThat(shown.query().sql()).doesNotContain("*").doesNotContainIgnoringCase("ssn");
      assertThat(shown.result().columns()).extracting(c -> c.label().toLowerCase(java.util.Locale.ROOT))
          .containsExactly("id", "name", "city");
      assertThat(shown.result().rows()).hasSize(2);
      // validate() itself still refuses the star: only planners' drafts are rewritten
      assertThat(codes(n.validate("SELECT * FROM pol_customers"))).containsExactly(DiagnosticCode.POLICY_STAR_DENIED);
    } finally {
      drop(ds);
    }
  }
}
