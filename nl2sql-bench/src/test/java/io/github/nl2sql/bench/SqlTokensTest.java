package io.github.nl2sql.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.bench.SqlTokens.Kind;
import io.github.nl2sql.bench.SqlTokens.Token;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SqlTokensTest {
  @Test
  void tokenizesSpiderSql() {
    List<Token> t = SqlTokens.tokenize(
        "SELECT T1.name FROM singer AS T1 WHERE T1.age >= 3.5 AND name = \"Bob's\" OR c != 'it''s'");
    assertThat(t).extracting(Token::text).containsExactly("SELECT", "T1", ".", "name", "FROM",
        "singer", "AS", "T1", "WHERE", "T1", ".", "age", ">=", "3.5", "AND", "name", "=", "\"Bob's\"",
        "OR", "c", "!=", "'it''s'");
    assertThat(t.get(17).kind()).isEqualTo(Kind.DQUOTED);
    assertThat(t.get(21).kind()).isEqualTo(Kind.STRING);
    assertThat(t.get(5).start()).isEqualTo(20);
    assertThat(t.get(5).isIdentifier()).isTrue();
    assertThat(t.get(4).isKeyword()).isTrue();
  }

  @Test
  void quotedNamesExposeTheirInnerSpan() {
    Token q = SqlTokens.tokenize("SELECT `my col` FROM t").get(1);
    assertThat(q.kind()).isEqualTo(Kind.QUOTED);
    assertThat(q.name()).isEqualTo("my col");
    assertThat(q.nameStart()).isEqualTo(8);
    assertThat(q.nameEnd()).isEqualTo(14);
  }

  @Test
  void similarNamesShareAWordOrAreFewEditsApart() {
    assertThat(MutationGenerator.similar("billing_state", "state")).isTrue();
    assertThat(MutationGenerator.similar("stuid", "stid")).isTrue();
    assertThat(MutationGenerator.similar("oppose_rate", "name")).isFalse();
    assertThat(MutationGenerator.distance("kitten", "sitting")).isEqualTo(3);
  }

  @Test
  void editsChangeTheNameByOneOperation() {
    Random r = new Random(1);
    for (int i = 0; i < 200; i++) {
      String e = MutationGenerator.edit("name", r);
      if (e != null) {
        assertThat(e).isNotEqualToIgnoringCase("name");
        assertThat(Math.abs(e.length() - 4)).isLessThanOrEqualTo(1);
      }
    }
  }
}
