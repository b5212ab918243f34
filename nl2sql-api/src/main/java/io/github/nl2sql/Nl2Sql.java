package io.github.nl2sql;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.SchemaDiff;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.plan.Planner;
import io.github.nl2sql.policy.AccessPolicy;
import io.github.nl2sql.spi.AuditSink;
import io.github.nl2sql.spi.Nl2SqlFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.ServiceLoader;
import javax.sql.DataSource;

/**
 * The entry point: reads a database's catalog, validates SQL or IR against it with "did you mean"
 * suggestions, compiles IR to parameterized SQL for the database's dialect and runs reads safely
 * (read-only transaction, statement timeout, row cap).
 *
 * <pre>{@code
 * try (Nl2Sql nl2sql = Nl2Sql.builder(dataSource).build()) {
 *   ValidationResult v = nl2sql.validate("SELECT sale_pricee FROM products");
 *   v.diagnostics().forEach(d -> System.out.println(d.format()));
 *   // Column 'sale_pricee' not found in table 'products'; did you mean 'sale_price'?
 *   QueryResult r = nl2sql.execute("SELECT name, price FROM products WHERE brand = 'Theory'");
 * }
 * }</pre>
 *
 * <p>Instances are thread-safe and meant to be shared; they own no connection between calls (each
 * call borrows one from the {@link DataSource}). {@link #close()} releases caches only; it never closes
 * the caller's {@code DataSource}.
 */
public interface Nl2Sql extends AutoCloseable {

  /** Starts configuring an instance for {@code dataSource}. */
  static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** The effective configuration. */
  Nl2SqlConfig config();

  /** The SQL dialect in use (configured, or detected from the database). */
  Dialect dialect();

  /**
   * The current catalog snapshot. Read on first use, then served from memory; a cheap change probe runs
   * at most once per {@link Builder#catalogProbeInterval(Duration)} and reloads the catalog when the
   * schema changed.
   *
   * @throws CatalogException when the catalog cannot be read
   */
  Catalog catalog();

  /**
   * Re-reads the catalog now, replacing the cached snapshot, and returns what changed.
   *
   * @throws CatalogException when the catalog cannot be read
   */
  SchemaDiff refreshCatalog();

  /**
   * Parses SQL (in this database's dialect), imports it into IR and validates it. Never throws for bad
   * SQL: parse errors, constructs the IR cannot hold, statements the guard refuses (several statements,
   * writes and DDL unless enabled) and unknown names all come back as diagnostics.
   *
   * @param sql one SQL statement, not null
   */
  ValidationResult validate(String sql);

  /** Validates IR against the catalog. */
  ValidationResult validate(Statement statement);

  /**
   * Compiles IR to SQL with bind values for this database's dialect, after validating it. Reads without
   * a LIMIT get the configured default limit.
   *
   * @throws InvalidQueryException when the IR does not validate
   */
  CompiledQuery compile(Statement statement);

  /**
   * Compiles IR for another dialect (validated against this database's catalog).
   *
   * @throws InvalidQueryException when the IR does not validate
   */
  CompiledQuery compile(Statement statement, Dialect dialect);

  /**
   * Runs a compiled read in a read-only transaction with the statement timeout and row cap.
   *
   * @throws InvalidQueryException when {@code query} is a write (writes are drafts and never run here)
   * @throws ExecutionException when the database fails (subclasses for timeouts, lost connections and
   *     missing privileges)
   */
  QueryResult execute(CompiledQuery query);

  /**
   * Validates, compiles and runs one read given as SQL text. Nothing runs unless it validates.
   *
   * @throws InvalidQueryException when the SQL does not validate
   * @throws ExecutionException when the database fails
   */
  QueryResult execute(String sql);

  /**
   * Runs a compiled read and returns its rows lazily; the caller must close the stream. The row cap
   * and timeout apply.
   *
   * @throws InvalidQueryException when {@code query} is a write
   * @throws ExecutionException when the database fails
   */
  ResultStream stream(CompiledQuery query);

  /**
   * Answers a question in plain language: links it to the schema, plans a draft (offline, or with the
   * configured language model), validates it (regenerating with the diagnostics up to the configured
   * number of rounds), compiles it and, unless disabled, runs it. Nothing that fails validation runs.
   *
   * @param question the question, not blank
   * @return an {@link Answer.Answered}, {@link Answer.Clarification}, {@link Answer.Abstained} or
   *     {@link Answer.Blocked}; never null
   * @throws IllegalArgumentException when the question is null or blank
   * @throws ModelException when the language model cannot be reached or fails (timeout, HTTP error)
   * @throws ExecutionException when the database fails running a validated answer
   * @throws CatalogException when the catalog cannot be read
   */
  Answer ask(String question);

  /**
   * Like {@link #ask(String)}, within a conversation: follow-ups refine the last answer, and when the
   * last answer was a {@link Answer.Clarification}, a reply that picks one of its options (its number or
   * label) resolves it and answers the original question with that choice. The answer is recorded in
   * {@code conversation}.
   *
   * @param conversation the dialogue state; used by one thread at a time
   * @throws IllegalArgumentException when the question is null or blank
   * @throws NullPointerException when {@code conversation} is null
   */
  Answer ask(String question, Conversation conversation);

  /**
   * Runs an answer's query (useful when answers are not executed automatically).
   *
   * @throws ExecutionException when the database fails
   */
  default QueryResult execute(Answer.Answered answer) {
    return execute(answer.query());
  }

  /** Releases caches. Does not close the {@code DataSource}. Idempotent. */
  @Override
  void close();

  /**
   * Configures an {@link Nl2Sql}. Each option may be set once; setting it twice, or to an invalid value,
   * throws {@link IllegalArgumentException} or {@link IllegalStateException} at once naming the option.
   * Not thread-safe; {@link #build()} may be called once.
   */
  final class Builder {
    private final DataSource dataSource;
    private Dialect dialect;
    private String schema;
    private Long defaultLimit;
    private Long maxRows;
    private Duration queryTimeout;
    private Boolean statistics;
    private Duration statisticsTimeout;
    private Integer frequentValues;
    private Path snapshotDirectory;
    private Duration catalogProbeInterval;
    private Boolean allowWrites;
    private String databaseName;
    private AuditSink auditSink;
    private Planner planner;
    private ModelSettings model;
    private Integer maxRegenerationRounds;
    private Boolean repair;
    private Double confidenceThreshold;
    private Boolean executeAnswers;
    private Boolean offlineFastPath;
    private java.time.Clock clock;
    private LinkOptions linkOptions;
    private io.github.nl2sql.link.SchemaLinker schemaLinker;
    private AccessPolicy accessPolicy;
    private boolean built;

    Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    private static void once(Object current, String option) {
      if (current != null) {
        throw new IllegalStateException(option + " was already set");
      }
    }

    /** The dialect to compile for; detected from the database when not set. */
    public Builder dialect(Dialect dialect) {
      once(this.dialect, "dialect");
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /** The schema to read (PostgreSQL, H2); the connection's current schema when not set. */
    public Builder schema(String schema) {
      once(this.schema, "schema");
      if (schema == null || schema.isBlank()) {
        throw new IllegalArgumentException("schema must not be blank");
      }
      this.schema = schema;
      return this;
    }

    /** LIMIT added to reads that have none; 0 adds none. Default {@value Nl2SqlConfig#DEFAULT_LIMIT}. */
    public Builder defaultLimit(long defaultLimit) {
      once(this.defaultLimit, "defaultLimit");
      if (defaultLimit < 0) {
        throw new IllegalArgumentException("defaultLimit must be >= 0, got " + defaultLimit);
      }
      this.defaultLimit = defaultLimit;
      return this;
    }

    /** Most rows a read returns; more are cut and flagged. Default {@value Nl2SqlConfig#DEFAULT_MAX_ROWS}. */
    public Builder maxRows(long maxRows) {
      once(this.maxRows, "maxRows");
      if (maxRows < 1) {
        throw new IllegalArgumentException("maxRows must be >= 1, got " + maxRows);
      }
      this.maxRows = maxRows;
      return this;
    }

    /** Statement timeout for reads (whole seconds, at least 1). Default 30 seconds. */
    public Builder queryTimeout(Duration queryTimeout) {
      once(this.queryTimeout, "queryTimeout");
      if (queryTimeout == null || queryTimeout.toSeconds() < 1) {
        throw new IllegalArgumentException("queryTimeout must be at least 1 second, got " + queryTimeout);
      }
      this.queryTimeout = queryTimeout;
      return this;
    }

    /** Whether to sample column statistics when reading the catalog. Default true. */
    public Builder statistics(boolean statistics) {
      once(this.statistics, "statistics");
      this.statistics = statistics;
      return this;
    }

    /** Time budget for reading statistics of the whole catalog. Default 10 seconds. */
    public Builder statisticsTimeout(Duration statisticsTimeout) {
      once(this.statisticsTimeout, "statisticsTimeout");
      if (statisticsTimeout == null || statisticsTimeout.isNegative() || statisticsTimeout.isZero()) {
        throw new IllegalArgumentException("statisticsTimeout must be positive, got " + statisticsTimeout);
      }
      this.statisticsTimeout = statisticsTimeout;
      return this;
    }

    /** How many frequent values to keep per short text column. Default 20; 0 keeps none. */
    public Builder frequentValues(int frequentValues) {
      once(this.frequentValues, "frequentValues");
      if (frequentValues < 0) {
        throw new IllegalArgumentException("frequentValues must be >= 0, got " + frequentValues);
      }
      this.frequentValues = frequentValues;
      return this;
    }

    /** Directory for on-disk catalog snapshots keyed by fingerprint. Default: none (memory only). */
    public Builder snapshotDirectory(Path snapshotDirectory) {
      once(this.snapshotDirectory, "snapshotDirectory");
      this.snapshotDirectory = Objects.requireNonNull(snapshotDirectory, "snapshotDirectory");
      return this;
    }

    /** How often at most the schema change probe runs. Default 30 seconds; zero probes on every call. */
    public Builder catalogProbeInterval(Duration interval) {
      once(this.catalogProbeInterval, "catalogProbeInterval");
      if (interval == null || interval.isNegative()) {
        throw new IllegalArgumentException("catalogProbeInterval must be >= 0, got " + interval);
      }
      this.catalogProbeInterval = interval;
      return this;
    }

    /**
     * Whether {@link Nl2Sql#validate(String)} accepts INSERT/UPDATE/DELETE. Default false. Even when
     * true, writes are never executed by {@link Nl2Sql#execute}; DDL is always refused.
     */
    public Builder allowWrites(boolean allowWrites) {
      once(this.allowWrites, "allowWrites");
      this.allowWrites = allowWrites;
      return this;
    }

    /** A friendly name for the database, used in explanations and prompts. */
    public Builder databaseName(String databaseName) {
      once(this.databaseName, "databaseName");
      if (databaseName == null || databaseName.isBlank()) {
        throw new IllegalArgumentException("databaseName must not be blank");
      }
      this.databaseName = databaseName;
      return this;
    }

    /** Receives an event for every validation, compilation and execution. Default: none. */
    public Builder auditSink(AuditSink auditSink) {
      once(this.auditSink, "auditSink");
      this.auditSink = Objects.requireNonNull(auditSink, "auditSink");
      return this;
    }

    /**
     * A planner for {@link Nl2Sql#ask(String)} besides the offline one, e.g. a chat model planner from
     * nl2sql-core's {@code io.github.nl2sql.llm.LlmPlanners.of(chatModel)}. Default: none (offline
     * only). Cannot be combined with {@link #model(ModelSettings)}.
     */
    public Builder planner(Planner planner) {
      once(this.planner, "planner");
      Objects.requireNonNull(planner, "planner");
      if (model != null) {
        throw new IllegalStateException("planner cannot be combined with model; set one of them");
      }
      this.planner = planner;
      return this;
    }

    /**
     * A language model configured by strings (provider, base URL, model name, API key variable,
     * timeout). Default: none (offline only). Cannot be combined with {@link #planner(Planner)}.
     */
    public Builder model(ModelSettings model) {
      once(this.model, "model");
      Objects.requireNonNull(model, "model");
      if (planner != null) {
        throw new IllegalStateException("model cannot be combined with planner; set one of them");
      }
      this.model = model;
      return this;
    }

    /**
     * How many times a rejected model draft is regenerated with its diagnostics, 0..10. Default
     * {@value AskOptions#DEFAULT_MAX_REGENERATION_ROUNDS}.
     */
    public Builder maxRegenerationRounds(int rounds) {
      once(this.maxRegenerationRounds, "maxRegenerationRounds");
      if (rounds < 0 || rounds > 10) {
        throw new IllegalArgumentException("maxRegenerationRounds must be in 0..10, got " + rounds);
      }
      this.maxRegenerationRounds = rounds;
      return this;
    }

    /**
     * Whether an unknown identifier is replaced when exactly one candidate is clearly best. Default false;
     * never applied to SQL that validates.
     */
    public Builder repair(boolean repair) {
      once(this.repair, "repair");
      this.repair = repair;
      return this;
    }

    /**
     * Drafts below this confidence (0..1) are not answered. Default
     * {@value AskOptions#DEFAULT_CONFIDENCE_THRESHOLD}.
     */
    public Builder confidenceThreshold(double threshold) {
      once(this.confidenceThreshold, "confidenceThreshold");
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new IllegalArgumentException("confidenceThreshold must be in 0..1, got " + threshold);
      }
      this.confidenceThreshold = threshold;
      return this;
    }

    /** Whether {@link Nl2Sql#ask(String)} runs its answers and returns their rows. Default true. */
    public Builder executeAnswers(boolean execute) {
      once(this.executeAnswers, "executeAnswers");
      this.executeAnswers = execute;
      return this;
    }

    /**
     * Whether the offline planner is tried before the model, answering confidently without a model
     * call. Default true.
     */
    public Builder offlineFastPath(boolean fastPath) {
      once(this.offlineFastPath, "offlineFastPath");
      this.offlineFastPath = fastPath;
      return this;
    }

    /**
     * The clock relative dates in questions ("last quarter", "this year", "in the last 30 days") are
     * read against, in its time zone. Default: the system clock in the default time zone.
     *
     * @throws NullPointerException when {@code clock} is null
     * @throws IllegalStateException when already set
     */
    public Builder clock(java.time.Clock clock) {
      once(this.clock, "clock");
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How questions are linked to the schema before planning: {@link LinkOptions#maxTables()} caps the
     * tables chosen (before the tables on join paths between them are added) and
     * {@link LinkOptions#tokenBudget()} the rough size of the schema subset; the planners see only that
     * subset (a language model's prompt lists only its tables and columns). The options are checked
     * when the {@link LinkOptions} is made. Default {@link LinkOptions#defaults()} (8 tables, 2,000
     * tokens, all signals).
     *
     * @throws NullPointerException when {@code options} is null
     * @throws IllegalStateException when already set
     */
    public Builder linkOptions(LinkOptions options) {
      once(this.linkOptions, "linkOptions");
      this.linkOptions = Objects.requireNonNull(options, "linkOptions");
      return this;
    }

    /**
     * The schema linker {@link Nl2Sql#ask} uses to rank the tables and columns of the catalog for a
     * question and to choose the subset the planners see (within {@link #linkOptions(LinkOptions)}), for
     * example {@code SchemaLinkers.named("lexical")} (no model, nothing to load) or one of your own; it
     * must be thread-safe. The linker decides what a language model is shown, and the offline planner reads
     * its evidence beside the question's own words. Default:
     * {@link io.github.nl2sql.link.SchemaLinkers#preferred()}, the best linker on the class path:
     * nl2sql-gnn's {@code synonyms} when that module is there (its fused ranking, plus words the schema does
     * not use, "cars" for vehicles; its models load when the first instance is built, in a second or two),
     * else nl2sql-core's {@code lexical}; a default that cannot load or fails at run time gives way to the
     * lexical one with a logged warning.
     *
     * @throws NullPointerException when {@code linker} is null
     * @throws IllegalStateException when already set
     */
    public Builder schemaLinker(io.github.nl2sql.link.SchemaLinker linker) {
      once(this.schemaLinker, "schemaLinker");
      this.schemaLinker = Objects.requireNonNull(linker, "schemaLinker");
      return this;
    }

    /**
     * What may be read: statements that use a denied table or column, or {@code *} over a table with a
     * denied column, fail validation with {@code NL2SQL-G005}..{@code G007} (so {@link Nl2Sql#validate},
     * {@link Nl2Sql#compile}, {@link Nl2Sql#execute(String)} and {@link Nl2Sql#ask} never run them);
     * writes fail with {@code NL2SQL-G008} when the policy allows none; reads return at most the
     * policy's {@link AccessPolicy#maxRows()} (on top of {@link #maxRows(long)}); and planners see the
     * catalog without the denied tables and columns (a draft's outermost {@code SELECT *} over a table
     * with denied columns is answered with the allowed columns listed). Load one from a file with
     * {@link AccessPolicy#load(java.nio.file.Path)}. Default {@link AccessPolicy#unrestricted()}.
     *
     * @throws NullPointerException when {@code policy} is null
     * @throws IllegalStateException when already set
     */
    public Builder accessPolicy(AccessPolicy policy) {
      once(this.accessPolicy, "accessPolicy");
      this.accessPolicy = Objects.requireNonNull(policy, "accessPolicy");
      return this;
    }

    /**
     * Applies the {@link AskProperty} string properties (model and ask options) found in
     * {@code properties}; other keys are ignored. Each applied option counts as set.
     *
     * @throws IllegalArgumentException naming the property when a value is malformed
     * @throws IllegalStateException when an option was already set
     */
    public Builder askProperties(java.util.Properties properties) {
      AskOptions o = AskProperty.toAskOptions(properties);
      if (o.model() != null) {
        model(o.model());
      }
      for (AskProperty p : AskProperty.values()) {
        if (properties.containsKey(p.key())) {
          switch (p) {
            case MAX_REGENERATION_ROUNDS -> maxRegenerationRounds(o.maxRegenerationRounds());
            case REPAIR -> repair(o.repair());
            case CONFIDENCE_THRESHOLD -> confidenceThreshold(o.confidenceThreshold());
            case EXECUTE -> executeAnswers(o.execute());
            default -> { }
          }
        }
      }
      return this;
    }

    /** The configuration this builder describes. */
    public Nl2SqlConfig toConfig() {
      return new Nl2SqlConfig(
          dataSource,
          dialect,
          schema,
          defaultLimit != null ? defaultLimit : Nl2SqlConfig.DEFAULT_LIMIT,
          maxRows != null ? maxRows : Nl2SqlConfig.DEFAULT_MAX_ROWS,
          queryTimeout != null ? queryTimeout : Duration.ofSeconds(30),
          statistics == null || statistics,
          statisticsTimeout != null ? statisticsTimeout : Duration.ofSeconds(10),
          frequentValues != null ? frequentValues : 20,
          snapshotDirectory,
          catalogProbeInterval != null ? catalogProbeInterval : Duration.ofSeconds(30),
          allowWrites != null && allowWrites,
          databaseName,
          auditSink != null ? auditSink : AuditSink.NONE,
          new AskOptions(planner, model,
              maxRegenerationRounds != null ? maxRegenerationRounds : AskOptions.DEFAULT_MAX_REGENERATION_ROUNDS,
              repair != null && repair,
              confidenceThreshold != null ? confidenceThreshold : AskOptions.DEFAULT_CONFIDENCE_THRESHOLD,
              executeAnswers == null || executeAnswers,
              offlineFastPath == null || offlineFastPath,
              clock != null ? clock : java.time.Clock.systemDefaultZone(),
              linkOptions != null ? linkOptions : LinkOptions.defaults(),
              schemaLinker),
          accessPolicy);
    }

    /**
     * Builds the instance. The catalog is read lazily, on first use, so building does not touch the
     * database.
     *
     * @throws IllegalStateException when called twice, or when no implementation (nl2sql-core) is on
     *     the class path
     */
    public Nl2Sql build() {
      if (built) {
        throw new IllegalStateException("build() was already called on this builder");
      }
      built = true;
      Nl2SqlConfig config = toConfig();
      for (Nl2SqlFactory f : ServiceLoader.load(Nl2SqlFactory.class, Nl2Sql.class.getClassLoader())) {
        return f.create(config);
      }
      throw new IllegalStateException(
          "No nl2sql implementation found; add io.github.nl2sql:nl2sql-core to the class path");
    }
  }
}
