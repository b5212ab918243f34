package io.github.nl2sql.internal.validate;

import static io.github.nl2sql.ir.Expr.Column.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.InvalidQueryException;
import io.github.nl2sql.ValidationResult;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.internal.sql.StatementKind;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.ir.TableRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardTest {
  private final Guard readOnly = new Guard(Shop.catalog(Dialect.SQLITE), Dialect.SQLITE, false);
  private final Guard writes = new Guard(Shop.catalog(Dialect.SQLITE), Dialect.SQLITE, true);

  private static List<DiagnosticCode> codes(ValidationResult r) {
    return r.diagnostics().stream().map(Diagnostic::code).toList();
  }

  @Test
  void ir_readPasses() {
    Query q = Query.Select.builder().select(of("name")).from(TableRef.Table.of("products")).build();
    ValidationResult r = readOnly.check(q);
    assertThat(r.isValid()).isTrue();
    assertThat(r.statement()).isSameAs(q);
    assertThat(r.sql()).isNull();
  }

  @Test
  void ir_writesNeedPermission() {
    Statement del = new Statement.Delete(TableRef.Table.of("orders"),
        Expr.Comparison.eq(of("id"), Expr.Literal.of(1)));
    ValidationResult r = readOnly.check(del);
    assertThat(codes(r)).containsExactly(DiagnosticCode.WRITE_NOT_ALLOWED);
    assertThat(r.errors().get(0).message())
        .isEqualTo("DELETE statements are not allowed here; only reads run unless writes are enabled");
    assertThatThrownBy(r::orThrow).isInstanceOf(InvalidQueryException.class);
    assertThat(writes.check(del).isValid()).isTrue();
    assertThat(writes.allowsWrites()).isTrue();
  }

  @Test
  void ir_invalidNamesAreReported() {
    Query q = Query.Select.builder().select(of("nam")).from(TableRef.Table.of("products")).build();
    ValidationResult r = readOnly.check(q);
    assertThat(r.isValid()).isFalse();
    assertThat(r.errors().get(0).suggestions()).containsExactly("name");
  }

  @Test
  void emptySql_isAnError() {
    for (String sql : new String[] {null, "", "   \n"}) {
      ValidationResult r = readOnly.check(sql);
      assertThat(codes(r)).containsExactly(DiagnosticCode.EMPTY_INPUT);
      assertThat(r.isValid()).isFalse();
    }
  }

  @Test
  void leadingWords_nameTheStatement() {
    assertThat(Guard.leadingWords("  drop table x", StatementKind.DDL)).isEqualTo("DROP TABLE");
    assertThat(Guard.leadingWords("/* c */ create index i on t(a)", StatementKind.DDL))
        .isEqualTo("CREATE INDEX");
    assertThat(Guard.leadingWords("-- hi\nPRAGMA foo", StatementKind.OTHER)).isEqualTo("PRAGMA");
    assertThat(Guard.leadingWords("(", StatementKind.OTHER)).isEqualTo("OTHER");
  }

  @Test
  void nullStatement_isRejectedClearly() {
    assertThatThrownBy(() -> readOnly.check((Statement) null))
        .isInstanceOf(NullPointerException.class).hasMessage("statement");
  }
}
