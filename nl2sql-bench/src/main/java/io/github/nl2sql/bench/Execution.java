package io.github.nl2sql.bench;

import java.util.List;

/**
 * What running one statement on SQLite gave: rows, or an error with its class.
 *
 * @param rows the rows read (each a list of JDBC values), or {@code null} on error
 * @param truncated whether more rows existed than the row cap allowed
 * @param errorClass the error class (see {@link SqliteErrors#classify}), or {@code null} on success
 * @param errorMessage the driver's message, or {@code null} on success
 */
public record Execution(List<List<Object>> rows, boolean truncated, String errorClass,
    String errorMessage) {

  /** Whether the statement ran to the end (or to the row cap). */
  public boolean ok() {
    return errorClass == null;
  }

  static Execution failed(String errorClass, String message) {
    return new Execution(null, false, errorClass, message);
  }
}
