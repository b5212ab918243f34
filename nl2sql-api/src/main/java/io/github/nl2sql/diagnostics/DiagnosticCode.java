package io.github.nl2sql.diagnostics;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * The message catalogue: every diagnostic the library reports has one code here with a stable
 * identifier and a {@link MessageFormat} pattern. Message text is API; tools match on {@link #id()}.
 */
public enum DiagnosticCode {
  // ---- parsing and import (P)
  SYNTAX_ERROR("NL2SQL-P001", "Cannot parse SQL: {0}"),
  NOT_EXPRESSIBLE("NL2SQL-P002", "{0} cannot be expressed in the IR"),
  EMPTY_INPUT("NL2SQL-P003", "No SQL statement given"),

  // ---- guard (G)
  MULTIPLE_STATEMENTS("NL2SQL-G001", "Only one statement is allowed, found {0}"),
  WRITE_NOT_ALLOWED("NL2SQL-G002", "{0} statements are not allowed here; only reads run unless writes are enabled"),
  DDL_NOT_ALLOWED("NL2SQL-G003", "{0} is a schema change (DDL) and is not allowed"),
  STATEMENT_NOT_ALLOWED("NL2SQL-G004", "{0} statements are not allowed; only queries (and writes where enabled) are"),
  POLICY_TABLE_DENIED("NL2SQL-G005", "Table ''{0}'' may not be used under the access policy"),
  POLICY_COLUMN_DENIED("NL2SQL-G006", "Column ''{0}'' of table ''{1}'' may not be used under the access policy"),
  POLICY_STAR_DENIED("NL2SQL-G007", "''*'' over table ''{0}'' would read {1}, which the access policy denies; "
      + "list the columns you need"),
  POLICY_WRITE_DENIED("NL2SQL-G008", "{0} statements may not be drafted under the access policy"),
  FOREIGN_COMPILED_QUERY("NL2SQL-G009", "The SQL of this compiled query is not what its IR compiles to "
      + "for {0}; compile the IR with this Nl2Sql instance and run that"),

  // ---- name resolution (V0xx)
  UNKNOWN_TABLE("NL2SQL-V001", "Table ''{0}'' not found"),
  UNKNOWN_COLUMN("NL2SQL-V002", "Column ''{0}'' not found in table ''{1}''"),
  UNKNOWN_COLUMN_IN_SCOPE("NL2SQL-V003", "Column ''{0}'' not found in any table in scope ({1})"),
  UNKNOWN_QUALIFIER("NL2SQL-V004", "Table or alias ''{0}'' is not in scope"),
  AMBIGUOUS_COLUMN("NL2SQL-V005", "Column ''{0}'' is ambiguous; it exists in {1}"),
  DUPLICATE_ALIAS("NL2SQL-V006", "Table name or alias ''{0}'' is used more than once in the same FROM"),
  UNKNOWN_FUNCTION("NL2SQL-V007", "Function ''{0}'' is not known for {1}"),
  WRONG_ARGUMENT_COUNT("NL2SQL-V008", "Function ''{0}'' takes {1} argument(s), got {2}"),
  INVALID_IDENTIFIER("NL2SQL-V009", "''{0}'' is not a valid identifier"),

  // ---- semantics (V1xx)
  NOT_GROUPED("NL2SQL-V101", "Column ''{0}'' must appear in GROUP BY or be used in an aggregate function"),
  AGGREGATE_NOT_ALLOWED("NL2SQL-V102", "Aggregate function {0} is not allowed in {1}"),
  NESTED_AGGREGATE("NL2SQL-V103", "Aggregate function {0} cannot contain another aggregate"),
  WINDOW_NOT_ALLOWED("NL2SQL-V104", "Window function {0} is not allowed in {1}"),
  WINDOW_FUNCTION_WITHOUT_OVER("NL2SQL-V105", "{0} is a window function and needs OVER (...)"),
  SET_OPERATION_ARITY("NL2SQL-V106", "Both sides of {0} must select the same number of columns ({1} vs {2})"),
  SUBQUERY_COLUMN_COUNT("NL2SQL-V107", "A subquery used as a value must select exactly one column, got {0}"),
  ORDINAL_OUT_OF_RANGE("NL2SQL-V108", "{0} position {1} is out of range; the select list has {2} item(s)"),
  STAR_NOT_ALLOWED("NL2SQL-V109", "''*'' is not allowed in {0}"),
  TYPE_MISMATCH("NL2SQL-V110", "Comparing {0} of type {1} with {2} of type {3}"),
  DUPLICATE_CTE("NL2SQL-V111", "CTE ''{0}'' is defined more than once"),
  CTE_COLUMN_COUNT("NL2SQL-V112", "CTE ''{0}'' names {1} column(s) but its query selects {2}"),
  INSERT_ARITY("NL2SQL-V113", "INSERT into ''{0}'' has {1} target column(s) but {2} value(s)"),
  SET_OPERAND_ORDER("NL2SQL-V114", "{0} on an operand of {1} is not allowed in {2}; put it after "
      + "the last operand, or wrap the operand in a derived table"),
  ALIAS_IN_EXPRESSION("NL2SQL-V115", "Select-list alias ''{0}'' can be used in {1} only on its own in "
      + "{2}, not inside an expression; repeat the aliased expression instead"),
  DISTINCT_ORDER_BY("NL2SQL-V116", "With SELECT DISTINCT, {2} requires ORDER BY {0} to appear in the "
      + "select list ({1}); add it to the select list or order by a selected expression");

  private final String id;
  private final String pattern;

  DiagnosticCode(String id, String pattern) {
    this.id = id;
    this.pattern = pattern;
  }

  /** Stable identifier such as {@code NL2SQL-V002}. */
  public String id() {
    return id;
  }

  /** The {@link MessageFormat} pattern of the message. */
  public String pattern() {
    return pattern;
  }

  /** Formats the message with the given arguments (no suggestions). */
  public String format(Object... args) {
    return new MessageFormat(pattern, Locale.ROOT).format(args);
  }

  /** Number of distinct arguments the pattern uses. */
  public int argumentCount() {
    return new MessageFormat(pattern, Locale.ROOT).getFormats().length;
  }
}
