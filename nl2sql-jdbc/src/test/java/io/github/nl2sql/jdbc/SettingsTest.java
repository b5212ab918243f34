package io.github.nl2sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** URL splitting, masking, settings validation, getPropertyInfo and the README's property table. */
class SettingsTest {

  @Test
  void split_h2StyleSegments_keepsTheRealDriversOwn() throws SQLException {
    JdbcUrls.Split s = JdbcUrls.split("jdbc:nl2sql:h2:mem:x;MODE=MySQL;nl2sql.guard=warn;DB_CLOSE_DELAY=-1");
    assertThat(s.innerUrl()).isEqualTo("jdbc:h2:mem:x;MODE=MySQL;DB_CLOSE_DELAY=-1");
    assertThat(s.settings()).containsExactly(Map.entry("nl2sql.guard", "warn"));
  }

  @Test
  void split_queryStyle_keepsOtherParametersInOrder() throws SQLException {
    JdbcUrls.Split s = JdbcUrls.split(
        "jdbc:nl2sql:mariadb://h:3306/db?nl2sql.guard=block&user=root&nl2sql.rowLimit=5&useSsl=false");
    assertThat(s.innerUrl()).isEqualTo("jdbc:mariadb://h:3306/db?user=root&useSsl=false");
    assertThat(s.settings()).containsEntry("nl2sql.guard", "block").containsEntry("nl2sql.rowLimit", "5");
    assertThat(JdbcUrls.split("jdbc:nl2sql:sqlite:/tmp/a.db?nl2sql.guard=warn").innerUrl())
        .isEqualTo("jdbc:sqlite:/tmp/a.db");
    assertThat(JdbcUrls.split("jdbc:nl2sql:postgresql://h/db").innerUrl()).isEqualTo("jdbc:postgresql://h/db");
    assertThat(JdbcUrls.split("jdbc:nl2sql:jdbc:h2:mem:y").innerUrl()).isEqualTo("jdbc:h2:mem:y");
    assertThat(JdbcUrls.split("jdbc:nl2sql:h2:mem:z?nl2sql.policy=%2Ftmp%2Fp+q.json").settings())
        .containsEntry("nl2sql.policy", "/tmp/p+q.json");
  }

  @Test
  void mask_hidesPasswordsInQueryH2AndUserInfo() {
    assertThat(JdbcUrls.mask("jdbc:mariadb://h/db?user=a&password=s3cret&x=1"))
        .isEqualTo("jdbc:mariadb://h/db?user=a&password=***&x=1");
    assertThat(JdbcUrls.mask("jdbc:h2:mem:x;USER=sa;PASSWORD=s3cret")).isEqualTo("jdbc:h2:mem:x;USER=sa;PASSWORD=***");
    assertThat(JdbcUrls.mask("jdbc:postgresql://bob:s3cret@h/db")).isEqualTo("jdbc:postgresql://bob:***@h/db");
  }

  @Test
  void unknownKey_listsTheValidOnes() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:nl2sql:" + Dbs.h2() + ";nl2sql.gaurd=warn"))
        .isInstanceOf(InvalidPropertyException.class)
        .hasMessageStartingWith("Unknown nl2sql property 'nl2sql.gaurd'; valid properties are: nl2sql.guard, ")
        .hasMessageContaining(Nl2SqlProperty.validKeys())
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(InvalidPropertyException.SQLSTATE);
    Properties p = new Properties();
    p.setProperty("nl2sql.nope", "1");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:nl2sql:" + Dbs.h2(), p))
        .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("'nl2sql.nope'")
        .extracting(e -> ((InvalidPropertyException) e).key()).isEqualTo("nl2sql.nope");
  }

  @Test
  void badValues_nameTheKeyAndWhatIsAllowed() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:nl2sql:" + Dbs.h2() + ";nl2sql.guard=loud"))
        .isInstanceOf(InvalidPropertyException.class)
        .hasMessage("Invalid value 'loud' for nl2sql property 'nl2sql.guard': allowed values are off, warn, block");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:nl2sql:" + Dbs.h2() + ";nl2sql.timeout=0"))
        .isInstanceOf(InvalidPropertyException.class)
        .hasMessageContaining("'nl2sql.timeout'").hasMessageContaining("from 1 to");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:nl2sql:" + Dbs.h2() + ";nl2sql.rowLimit=many"))
        .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("expected a whole number");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:nl2sql:" + Dbs.h2() + ";nl2sql.policy=/no/such/file"))
        .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("expected a readable file");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:nl2sql:" + Dbs.h2() + ";nl2sql.audit=kafka"))
        .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("none, log, file:<path>");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:nl2sql:" + Dbs.h2() + ";nl2sql.planner=llm"))
        .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("set 'nl2sql.model.provider'");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:nl2sql:" + Dbs.h2() + ";nl2sql.model.provider=openai"))
        .isInstanceOf(InvalidPropertyException.class)
        .hasMessageContaining("needs 'nl2sql.model.provider', 'nl2sql.model.baseUrl' and 'nl2sql.model.name' together");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:nl2sql:" + Dbs.h2() + ";nl2sql.ask.confidenceThreshold=2"))
        .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("from 0 to 1");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:nl2sql:" + Dbs.h2() + ";nl2sql.ask.repair=maybe"))
        .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("allowed values are true, false");
  }

  @Test
  void sameKeyInUrlAndProperties_mustAgree() throws SQLException {
    Properties p = new Properties();
    p.setProperty("nl2sql.guard", "block");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:nl2sql:" + Dbs.h2() + ";nl2sql.guard=warn", p))
        .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("set it in one place");
    p.setProperty("nl2sql.guard", "WARN");
    DriverManager.getConnection("jdbc:nl2sql:" + Dbs.h2() + ";nl2sql.guard=warn", p).close();
  }

  @Test
  void getPropertyInfo_comesFromTheEnum_withCurrentValues_thenTheRealDriversProperties() throws SQLException {
    DriverPropertyInfo[] info = new Nl2SqlDriver().getPropertyInfo(
        "jdbc:nl2sql:postgresql://127.0.0.1/db?nl2sql.guard=block", null);
    Nl2SqlProperty[] ours = Nl2SqlProperty.values();
    assertThat(info.length).isGreaterThan(ours.length);
    for (int i = 0; i < ours.length; i++) {
      assertThat(info[i].name).isEqualTo(ours[i].key());
      assertThat(info[i].description).isEqualTo(ours[i].description());
      assertThat(info[i].choices == null ? null : Arrays.asList(info[i].choices))
          .isEqualTo(ours[i].allowedValues().isEmpty() ? null : ours[i].allowedValues());
    }
    assertThat(info[0].value).isEqualTo("block");
    assertThat(info[1].value).isEqualTo("draft");
    assertThat(new Nl2SqlDriver().getPropertyInfo("jdbc:h2:mem:x", null)).isEmpty();
  }

  @Test
  void dataSourceSettings_areValidatedLikeUrlSettings() {
    org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
    assertThatThrownBy(() -> Nl2SqlDataSource.wrap(h2, Map.of("nl2sql.guard", "sometimes")))
        .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("allowed values are off, warn, block");
    assertThatThrownBy(() -> Nl2SqlDataSource.wrap(h2, Map.of("guard", "warn")))
        .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("valid properties are");
  }

  /** The README's table is generated from the enum; on a mismatch the expected text lands beside it. */
  @Test
  void readmePropertyTable_matchesTheEnum() throws IOException {
    Path readme = Path.of("README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    String begin = "<!-- properties:begin (generated from Nl2SqlProperty; SettingsTest checks it) -->\n";
    String end = "<!-- properties:end -->";
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    assertThat(b).as("README.md has the properties markers").isGreaterThanOrEqualTo(0);
    String actual = text.substring(b + begin.length(), e);
    String expected = Nl2SqlProperty.markdownTable();
    if (!actual.equals(expected)) {
      Path out = Path.of("target", "README.md.expected");
      Files.createDirectories(out.getParent());
      Files.writeString(out, text.substring(0, b + begin.length()) + expected + text.substring(e));
      assertThat(actual).as("README property table; the updated README is in " + out.toAbsolutePath())
          .isEqualTo(expected);
    }
  }
}
