package io.github.nl2sql.diagnostics;

/** How serious a diagnostic is. Only {@link #ERROR} blocks compilation and execution. */
public enum Severity {
  ERROR,
  WARNING,
  INFO
}
