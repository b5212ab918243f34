package io.github.nl2sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.diagnostics.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticFormatTest {
  @Test
  void format_appendsSuggestionsAndPosition() {
    Diagnostic d = Diagnostic.error(DiagnosticCode.UNKNOWN_COLUMN, "sale_pricee", List.of("sale_price"),
        "sale_pricee", "products");
    assertThat(d.format())
        .isEqualTo("Column 'sale_pricee' not found in table 'products'; did you mean 'sale_price'?");
    String sql = "SELECT name,\n  sale_pricee FROM products";
    Diagnostic placed = d.at(Position.of(sql, sql.indexOf("sale_pricee"), 11));
    assertThat(placed.format()).endsWith("(line 2, column 3)");
    assertThat(placed.toString()).startsWith("NL2SQL-V002 ERROR: ");
  }

  @Test
  void invalidQueryException_messageListsErrorsOnly() {
    Diagnostic err = Diagnostic.error(DiagnosticCode.UNKNOWN_TABLE, "prodcts", List.of("products"), "prodcts");
    Diagnostic warn = Diagnostic.warning(DiagnosticCode.TYPE_MISMATCH, "x", "price", "DECIMAL", "'abc'", "TEXT");
    InvalidQueryException e = new InvalidQueryException("SELECT * FROM prodcts", List.of(err, warn));
    assertThat(e.getMessage()).isEqualTo("Table 'prodcts' not found; did you mean 'products'?");
    assertThat(e.diagnostics()).hasSize(2);
  }
}
