package io.github.nl2sql.internal.jdbc;

import io.github.nl2sql.ExecutionException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Turns a driver's {@link SQLException} into the library's typed {@link ExecutionException}s by
 * SQLState class, vendor code and, for SQLite (which reports no SQLStates), message text. Internal.
 */
public final class SqlErrors {
  private SqlErrors() {}

  /** The typed exception for {@code e}; {@code what} describes the failed step for the message. */
  public static ExecutionException translate(String what, SQLException e) {
    String state = e.getSQLState();
    String msg = what + " failed: " + e.getMessage();
    if (isTimeout(e)) {
      return new ExecutionException.Timeout(what + " was cancelled: it ran past the statement timeout ("
          + e.getMessage() + ")", state, e);
    }
    if (isConnection(e)) {
      return new ExecutionException.ConnectionLost(
          what + " failed: the connection to the database was lost or refused (" + e.getMessage() + ")",
          state, e);
    }
    if (isPermission(e)) {
      return new ExecutionException.PermissionDenied(
          what + " failed: the database user lacks a privilege (" + e.getMessage() + ")", state, e);
    }
    return new ExecutionException(msg, state, e);
  }

  static boolean isTimeout(SQLException e) {
    String state = e.getSQLState();
    String m = lower(e.getMessage());
    return e instanceof SQLTimeoutException
        || "57014".equals(state) // PostgreSQL query_canceled
        || "70100".equals(state) // MariaDB/MySQL query interrupted (max_statement_time)
        || e.getErrorCode() == 1969 || e.getErrorCode() == 3024
        || "HYT00".equals(state) || "HYT01".equals(state)
        || m.contains("statement was canceled") || m.contains("query timed out")
        || m.contains("sqlite_interrupt");
  }

  static boolean isConnection(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLNonTransientConnectionException
        || e instanceof SQLTransientConnectionException
        || e instanceof SQLRecoverableException
        || (state != null && state.startsWith("08"));
  }

  static boolean isPermission(SQLException e) {
    String state = e.getSQLState();
    int code = e.getErrorCode();
    String m = lower(e.getMessage());
    return "42501".equals(state) // PostgreSQL insufficient_privilege
        || code == 1142 || code == 1143 || code == 1044 || code == 1227 // MySQL/MariaDB denials
        || "90096".equals(state) // H2 not enough rights
        || m.contains("permission denied") || m.contains("access denied")
        || m.contains("not authorized");
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
