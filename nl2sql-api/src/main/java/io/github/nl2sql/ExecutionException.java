package io.github.nl2sql;

/**
 * Thrown when the database fails to run a validated, compiled statement. Subclasses say why where it is
 * known; {@link #sqlState()} and the cause keep the driver's details.
 */
public class ExecutionException extends Nl2SqlException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  public ExecutionException(String message, String sqlState, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  /** The SQLState reported by the driver, or {@code null}. */
  public String sqlState() {
    return sqlState;
  }

  /** The statement ran longer than the configured timeout and was cancelled. */
  public static class Timeout extends ExecutionException {
    private static final long serialVersionUID = 1L;

    public Timeout(String message, String sqlState, Throwable cause) {
      super(message, sqlState, cause);
    }
  }

  /** The connection to the database was lost or could not be obtained. */
  public static class ConnectionLost extends ExecutionException {
    private static final long serialVersionUID = 1L;

    public ConnectionLost(String message, String sqlState, Throwable cause) {
      super(message, sqlState, cause);
    }
  }

  /** The database user lacks a privilege the statement needs. */
  public static class PermissionDenied extends ExecutionException {
    private static final long serialVersionUID = 1L;

    public PermissionDenied(String message, String sqlState, Throwable cause) {
      super(message, sqlState, cause);
    }
  }
}
