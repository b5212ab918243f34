package io.github.nl2sql.spi;

/**
 * Receives audit events (validations, compilations, executions). Implementations must be thread-safe
 * and fast; an exception thrown by a sink is logged and never fails the query.
 */
@FunctionalInterface
public interface AuditSink {
  /** A sink that drops every event. */
  AuditSink NONE = event -> {};

  /** Called once per event. */
  void onEvent(AuditEvent event);
}
