package io.github.nl2sql.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessPolicyTest {
  @TempDir Path dir;

  private Path file(String text) throws Exception {
    Path f = Files.createTempFile(dir, "policy", ".properties");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void load_readsEveryKey() throws Exception {
    AccessPolicy p = AccessPolicy.load(file("# shop\ntables.allow = customers, orders, audit_*\n"
        + "tables.deny = audit_secret\ncolumns.deny = customers.ssn, *.password*, salary\n"
        + "maxRows = 500\nwrites = false\n"));
    assertThat(p.allowedTables()).containsExactly("customers", "orders", "audit_*");
    assertThat(p.maxRows()).isEqualTo(500L);
    assertThat(p.allowWrites()).isFalse();
    assertThat(p.isUnrestricted()).isFalse();
    assertThat(p.allowsTable("CUSTOMERS")).isTrue();
    assertThat(p.allowsTable("audit_log")).isTrue();
    assertThat(p.allowsTable("audit_secret")).as("deny wins over allow").isFalse();
    assertThat(p.allowsTable("products")).as("not in the allow list").isFalse();
    assertThat(p.allowsColumn("customers", "SSN")).isFalse();
    assertThat(p.allowsColumn("orders", "ssn")).isTrue();
    assertThat(p.allowsColumn("users", "password_hash")).isFalse();
    assertThat(p.allowsColumn("anything", "salary")).isFalse();
    assertThat(p.allowsColumn("customers", "name")).isTrue();
    assertThat(p.capRows(1000)).isEqualTo(500);
    assertThat(p.capRows(10)).isEqualTo(10);
    assertThat(p.capRows(0)).as("0 = no cap of the caller's").isEqualTo(500);
  }

  @Test
  void emptyFile_isUnrestricted() throws Exception {
    AccessPolicy p = AccessPolicy.load(file("# nothing\n"));
    assertThat(p).isEqualTo(AccessPolicy.unrestricted());
    assertThat(p.isUnrestricted()).isTrue();
    assertThat(p.capRows(0)).isEqualTo(0);
  }

  @Test
  void glob_matchesStarsAndQuestionMarks_ignoringCase() {
    assertThat(AccessPolicy.glob("a*c", "abbbc")).isTrue();
    assertThat(AccessPolicy.glob("a*c", "abbbd")).isFalse();
    assertThat(AccessPolicy.glob("a?c", "ABC")).isTrue();
    assertThat(AccessPolicy.glob("*", "")).isTrue();
    assertThat(AccessPolicy.glob("*pass*", "user_password")).isTrue();
    assertThat(AccessPolicy.glob("ssn", "ssn2")).isFalse();
  }

  @Test
  void unknownKey_namesItAndTheValidKeys() throws Exception {
    Path f = file("table.deny = salaries\n");
    assertThatThrownBy(() -> AccessPolicy.load(f)).isInstanceOf(AccessPolicyException.class)
        .hasMessage("Access policy " + f.toAbsolutePath() + ": unknown key 'table.deny'; valid keys are "
            + "tables.allow, tables.deny, columns.deny, maxRows, writes")
        .extracting(e -> ((AccessPolicyException) e).key()).isEqualTo("table.deny");
  }

  @Test
  void malformedValues_nameTheKeyAndWhatIsAllowed() throws Exception {
    assertThatThrownBy(() -> AccessPolicy.load(file("maxRows = ten\n")))
        .isInstanceOf(AccessPolicyException.class).hasMessageContaining("'maxRows' must be a whole number from 1")
        .hasMessageEndingWith("got 'ten'");
    assertThatThrownBy(() -> AccessPolicy.load(file("maxRows = 0\n")))
        .isInstanceOf(AccessPolicyException.class).hasMessageContaining("'maxRows' must be a whole number");
    assertThatThrownBy(() -> AccessPolicy.load(file("writes = maybe\n")))
        .isInstanceOf(AccessPolicyException.class).hasMessageEndingWith("'writes' must be true or false, got 'maybe'");
    assertThatThrownBy(() -> AccessPolicy.load(file("columns.deny = customers.ssn,, x\n")))
        .isInstanceOf(AccessPolicyException.class).hasMessageContaining("'columns.deny' has an empty entry")
        .hasMessageContaining("column patterns such as customers.ssn");
    assertThatThrownBy(() -> AccessPolicy.load(file("columns.deny = a.b.c\n")))
        .isInstanceOf(AccessPolicyException.class).hasMessageContaining("the malformed entry 'a.b.c'");
    assertThatThrownBy(() -> AccessPolicy.load(file("tables.deny = sal aries\n")))
        .isInstanceOf(AccessPolicyException.class).hasMessageContaining("with the character ' '");
    assertThatThrownBy(() -> AccessPolicy.load(file("tables.deny = public.salaries\n")))
        .isInstanceOf(AccessPolicyException.class).hasMessageContaining("the malformed entry 'public.salaries'");
  }

  @Test
  void missingFile_isAnAccessPolicyException() {
    Path missing = dir.resolve("nope.properties");
    assertThatThrownBy(() -> AccessPolicy.load(missing)).isInstanceOf(AccessPolicyException.class)
        .hasMessageStartingWith("Access policy " + missing.toAbsolutePath() + ": cannot be read")
        .extracting(e -> ((AccessPolicyException) e).key()).isNull();
  }

  @Test
  void constructor_checksPatternsAndMaxRows() {
    assertThatThrownBy(() -> new AccessPolicy(List.of(" "), List.of(), List.of(), null, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowedTables");
    assertThatThrownBy(() -> new AccessPolicy(List.of(), List.of(), List.of(), 0L, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRows");
  }
}
