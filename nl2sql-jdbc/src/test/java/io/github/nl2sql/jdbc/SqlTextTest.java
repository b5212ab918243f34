package io.github.nl2sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Recognising questions: the one-character fast path for plain SQL must not miss a question. */
class SqlTextTest {
  @Test
  void questions_areRecognisedAfterAnyLeadingWhiteSpace_andWithOrWithoutDashes() {
    assertThat(SqlText.isQuestion("-- nl: how many?")).isTrue();
    assertThat(SqlText.isQuestion("--nl: how many?")).isTrue();
    assertThat(SqlText.isQuestion("--\tNL: how many?")).isTrue();
    assertThat(SqlText.isQuestion("nl: how many?")).isTrue();
    assertThat(SqlText.isQuestion("NL: how many?")).isTrue();
    assertThat(SqlText.isQuestion("\n  -- nl: how many?")).isTrue();
    assertThat(SqlText.isQuestion("\u2003-- nl: how many?")).as("a Unicode space first").isTrue();
    assertThat(SqlText.isQuestion("\u001f nl: how many?")).as("a control white space first").isTrue();
  }

  @Test
  void plainSql_isNotAQuestion() {
    assertThat(SqlText.isQuestion("SELECT 1")).isFalse();
    assertThat(SqlText.isQuestion("(SELECT 1)")).isFalse();
    assertThat(SqlText.isQuestion("-- a comment\nSELECT 1")).isFalse();
    assertThat(SqlText.isQuestion("nlx: no")).isFalse();
    assertThat(SqlText.isQuestion("n")).isFalse();
    assertThat(SqlText.isQuestion("")).isFalse();
    assertThat(SqlText.isQuestion(null)).isFalse();
    assertThat(SqlText.isQuestion("  select nl: 1")).isFalse();
    assertThat(SqlText.isQuestion("\u00e9l: no")).isFalse();
  }
}
