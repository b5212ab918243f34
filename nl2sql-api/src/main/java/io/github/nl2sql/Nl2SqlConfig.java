package io.github.nl2sql;

import io.github.nl2sql.policy.AccessPolicy;
import io.github.nl2sql.spi.AuditSink;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The effective configuration of an {@link Nl2Sql} instance, as built by {@link Nl2Sql.Builder}. See the
 * builder's methods for each option's meaning and default; {@link #ask()} holds the question answering
 * options and {@link #accessPolicy()} what may be read.
 */
public record Nl2SqlConfig(
    DataSource dataSource,
    Dialect dialect,
    String schema,
    long defaultLimit,
    long maxRows,
    Duration queryTimeout,
    boolean statistics,
    Duration statisticsTimeout,
    int frequentValues,
    Path snapshotDirectory,
    Duration catalogProbeInterval,
    boolean allowWrites,
    String databaseName,
    AuditSink auditSink,
    AskOptions ask,
    AccessPolicy accessPolicy) {

  public Nl2SqlConfig {
    ask = ask == null ? AskOptions.defaults() : ask;
    accessPolicy = accessPolicy == null ? AccessPolicy.unrestricted() : accessPolicy;
  }

  /** A configuration without an access policy ({@link AccessPolicy#unrestricted()}). */
  public Nl2SqlConfig(DataSource dataSource, Dialect dialect, String schema, long defaultLimit, long maxRows,
      Duration queryTimeout, boolean statistics, Duration statisticsTimeout, int frequentValues,
      Path snapshotDirectory, Duration catalogProbeInterval, boolean allowWrites, String databaseName,
      AuditSink auditSink, AskOptions ask) {
    this(dataSource, dialect, schema, defaultLimit, maxRows, queryTimeout, statistics, statisticsTimeout,
        frequentValues, snapshotDirectory, catalogProbeInterval, allowWrites, databaseName, auditSink, ask, null);
  }

  /** Default LIMIT added to reads without one. */
  public static final long DEFAULT_LIMIT = 1000;

  /** Default row cap. */
  public static final long DEFAULT_MAX_ROWS = 10_000;

  @Override
  public String toString() {
    return "Nl2SqlConfig[dialect=" + dialect + ", schema=" + schema + ", defaultLimit=" + defaultLimit
        + ", maxRows=" + maxRows + ", queryTimeout=" + queryTimeout + ", statistics=" + statistics
        + ", statisticsTimeout=" + statisticsTimeout + ", frequentValues=" + frequentValues
        + ", snapshotDirectory=" + snapshotDirectory + ", catalogProbeInterval=" + catalogProbeInterval
        + ", allowWrites=" + allowWrites + ", databaseName=" + databaseName + ", ask=" + ask
        + ", accessPolicy=" + accessPolicy + "]";
  }
}
