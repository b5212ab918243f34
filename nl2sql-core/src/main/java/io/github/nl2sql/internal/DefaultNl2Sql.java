package io.github.nl2sql.internal;

import io.github.nl2sql.Answer;
import io.github.nl2sql.AskOptions;
import io.github.nl2sql.Conversation;
import io.github.nl2sql.internal.link.DiscoveredLinker;
import io.github.nl2sql.link.SchemaLinker;
import io.github.nl2sql.internal.policy.PolicyChecker;
import io.github.nl2sql.internal.plan.Asker;
import io.github.nl2sql.internal.plan.ChatModels;
import io.github.nl2sql.internal.plan.OfflinePlanner;
import io.github.nl2sql.plan.DatabaseIdentity;
import io.github.nl2sql.plan.Planner;

import io.github.nl2sql.CatalogException;
import io.github.nl2sql.CompiledQuery;
import io.github.nl2sql.Dialect;
import io.github.nl2sql.Nl2Sql;
import io.github.nl2sql.Nl2SqlConfig;
import io.github.nl2sql.QueryResult;
import io.github.nl2sql.ResultStream;
import io.github.nl2sql.ValidationResult;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.SchemaDiff;
import io.github.nl2sql.diagnostics.Diagnostic;
import io.github.nl2sql.diagnostics.DiagnosticCode;
import io.github.nl2sql.internal.catalog.CatalogOptions;
import io.github.nl2sql.internal.catalog.CatalogProvider;
import io.github.nl2sql.internal.catalog.CatalogStore;
import io.github.nl2sql.internal.compile.SqlCompiler;
import io.github.nl2sql.internal.execute.SafeExecutor;
import io.github.nl2sql.internal.validate.Guard;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.spi.AuditEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link Nl2Sql}: catalog from {@link CatalogProvider}, validation by {@link Guard},
 * compilation by {@link SqlCompiler}, execution by {@link SafeExecutor}. Thread-safe.
 */
final class DefaultNl2Sql implements Nl2Sql {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultNl2Sql.class);

  private final Nl2SqlConfig config;
  private final String instanceId = UUID.randomUUID().toString().substring(0, 8);
  private final CatalogProvider catalogs;
  private volatile Dialect dialect;
  private volatile SafeExecutor executor;
  /**
   * Compiled queries this instance made, by value (an equal record is the same SQL, values and IR), so
   * that running them needs no second compilation; bounded, an evicted one is just checked again.
   */
  private final com.github.benmanes.caffeine.cache.Cache<CompiledQuery, Boolean> issued =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).build();
  private volatile GuardHolder guard;
  private volatile boolean closed;
  private final Asker asker;
  private final PolicyChecker policy;
  /** The catalog planners see (the access policy's denied tables and columns removed), per snapshot. */
  private volatile VisibleHolder visible;

  /** A guard bound to the catalog snapshot it was built for. */
  private record GuardHolder(Catalog catalog, Guard guard) {}

  /** The planners' view of one catalog snapshot. */
  private record VisibleHolder(Catalog catalog, Catalog visible) {}

  DefaultNl2Sql(Nl2SqlConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.dialect = config.dialect();
    CatalogOptions options = new CatalogOptions(config.schema(), config.dialect(), config.statistics(),
        config.statisticsTimeout(), config.frequentValues(), 10_000);
    this.catalogs = new CatalogProvider(config.dataSource(), options, config.catalogProbeInterval(),
        new CatalogStore(config.snapshotDirectory()));
    AskOptions ask = config.ask();
    Planner modelPlanner = ask.planner() != null ? ask.planner()
        : ask.model() != null ? ChatModels.planner(ask.model()) : null;
    // no linker chosen: the preferred one on the class path (nl2sql-gnn's synonym linker when it is
    // there), falling back to the lexical one if it fails
    SchemaLinker linker = ask.linker() != null ? ask.linker() : DiscoveredLinker.create();
    this.asker = new Asker(ask, new OfflinePlanner(ask.clock()), modelPlanner, linker);
    this.policy = new PolicyChecker(config.accessPolicy());
    LOG.debug("[nl2sql {}] created with {} and linker {}", instanceId, config, linker);
  }

  @Override
  public Nl2SqlConfig config() {
    return config;
  }

  @Override
  public Dialect dialect() {
    Dialect d = dialect;
    if (d == null) {
      synchronized (this) {
        d = dialect;
        if (d == null) {
          d = detectDialect();
          dialect = d;
          LOG.debug("[nl2sql {}] detected dialect {}", instanceId, d);
        }
      }
    }
    return d;
  }

  private Dialect detectDialect() {
    try (Connection c = config.dataSource().getConnection()) {
      return Dialect.detect(c.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new CatalogException("Cannot connect to detect the database dialect: " + e.getMessage(), e);
    }
  }

  @Override
  public Catalog catalog() {
    ensureOpen();
    return catalogs.current();
  }

  @Override
  public SchemaDiff refreshCatalog() {
    ensureOpen();
    return catalogs.refresh();
  }

  private Guard guard() {
    Catalog current = catalog();
    GuardHolder g = guard;
    if (g == null || g.catalog() != current) {
      g = new GuardHolder(current, new Guard(current, dialect(), config.allowWrites()));
      guard = g;
    }
    return g.guard();
  }

  @Override
  public ValidationResult validate(String sql) {
    Objects.requireNonNull(sql, "sql");
    long start = System.nanoTime();
    ValidationResult r = withPolicy(guard().check(sql));
    audit(AuditEvent.Kind.VALIDATE, sql, 0, r.isValid() ? "ok" : "blocked", describe(r.diagnostics()),
        start);
    return r;
  }

  @Override
  public ValidationResult validate(Statement statement) {
    Objects.requireNonNull(statement, "statement");
    long start = System.nanoTime();
    ValidationResult r = withPolicy(guard().check(statement));
    audit(AuditEvent.Kind.VALIDATE, null, 0, r.isValid() ? "ok" : "blocked", describe(r.diagnostics()),
        start);
    return r;
  }

  /** Adds the access policy's findings to a result that has a statement. */
  private ValidationResult withPolicy(ValidationResult r) {
    if (config.accessPolicy().isUnrestricted()) {
      return r;
    }
    if (r.statement() == null) {
      return new ValidationResult(r.sql(), null, policy.hideDenied(r.diagnostics(), catalog()));
    }
    List<Diagnostic> denied = policy.check(r.statement(), catalog(), true);
    if (denied.isEmpty() && r.errors().isEmpty()) {
      return r;
    }
    List<Diagnostic> all = new java.util.ArrayList<>(policy.hideDenied(r.errors(), catalog()));
    all.addAll(denied);
    r.diagnostics().stream().filter(d -> !d.isError()).forEach(all::add);
    return new ValidationResult(r.sql(), r.statement(), all);
  }

  /** The catalog planners see: without what the access policy denies. */
  private Catalog visibleCatalog() {
    Catalog current = catalog();
    VisibleHolder v = visible;
    if (v == null || v.catalog() != current) {
      v = new VisibleHolder(current, policy.visible(current));
      visible = v;
    }
    return v.visible();
  }

  @Override
  public CompiledQuery compile(Statement statement) {
    return compile(statement, dialect());
  }

  @Override
  public CompiledQuery compile(Statement statement, Dialect target) {
    Objects.requireNonNull(target, "dialect");
    validate(statement).orThrow();
    return compileValid(statement, target);
  }

  private CompiledQuery compileValid(Statement statement, Dialect target) {
    long start = System.nanoTime();
    // quoted identifiers are case-sensitive: compile with the catalog's spelling of the names
    CompiledQuery q = new SqlCompiler(target).compile(statement, config.defaultLimit(),
        guard().spelling(statement));
    issued.put(q, Boolean.TRUE);
    audit(AuditEvent.Kind.COMPILE, q.sql(), q.parameters().size(), "ok", null, start);
    return q;
  }

  @Override
  public QueryResult execute(CompiledQuery query) {
    ensureOpen();
    checkIssued(query);
    checkPolicy(query);
    return executor().execute(query);
  }

  @Override
  public QueryResult execute(String sql) {
    Statement valid = validate(sql).orThrow();
    return execute(compileValid(valid, dialect()));
  }

  @Override
  public ResultStream stream(CompiledQuery query) {
    ensureOpen();
    checkIssued(query);
    checkPolicy(query);
    return executor().stream(query);
  }

  /**
   * Only SQL compiled from valid IR runs. A compiled query this instance made (or an equal one: same
   * SQL, values, dialect and IR) is trusted; any other (built by hand, deserialized, made by another
   * instance over another schema) has its IR validated and compiled again here, and runs only when that
   * gives exactly its SQL and values: a {@code CompiledQuery} whose SQL was swapped for something else
   * cannot be used to run it.
   *
   * @throws io.github.nl2sql.InvalidQueryException when the IR does not validate, or the SQL is not its
   *     compilation ({@code NL2SQL-G009})
   */
  private void checkIssued(CompiledQuery query) {
    Objects.requireNonNull(query, "query");
    if (issued.getIfPresent(query) != null) {
      return;
    }
    Statement statement = validate(query.statement()).orThrow();
    CompiledQuery again = new SqlCompiler(query.dialect()).compile(statement, 0,
        guard().spelling(statement));
    if (!again.sql().equals(query.sql()) || !again.parameters().equals(query.parameters())) {
      throw new io.github.nl2sql.InvalidQueryException(query.sql(), List.of(Diagnostic.error(
          DiagnosticCode.FOREIGN_COMPILED_QUERY, null, List.of(again.sql()), query.dialect())));
    }
    issued.put(query, Boolean.TRUE);
  }

  /** A compiled query made elsewhere is held to the access policy too. */
  private void checkPolicy(CompiledQuery query) {
    if (query.statement() != null && !config.accessPolicy().isUnrestricted()) {
      List<Diagnostic> denied = policy.check(query.statement(), catalog(), true);
      if (!denied.isEmpty()) {
        throw new io.github.nl2sql.InvalidQueryException(query.sql(), denied);
      }
    }
  }

  private SafeExecutor executor() {
    SafeExecutor e = executor;
    if (e == null) {
      synchronized (this) {
        e = executor;
        if (e == null) {
          e = new SafeExecutor(config.dataSource(), dialect(), config.queryTimeout(),
              config.accessPolicy().capRows(config.maxRows()),
              config.auditSink());
          executor = e;
        }
      }
    }
    return e;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("this Nl2Sql instance is closed");
    }
  }

  private static String describe(List<Diagnostic> diagnostics) {
    return diagnostics.isEmpty() ? null
        : diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("; "));
  }

  private void audit(AuditEvent.Kind kind, String sql, int params, String outcome, String detail,
      long startNanos) {
    try {
      config.auditSink().onEvent(new AuditEvent(Instant.now(), instanceId, kind, sql, params, outcome,
          detail, -1, Duration.ofNanos(System.nanoTime() - startNanos), List.of()));
    } catch (RuntimeException e) {
      LOG.warn("[nl2sql {}] audit sink threw; ignored", instanceId, e);
    }
  }

  @Override
  public Answer ask(String question) {
    ensureOpen();
    return asker.ask(question, null, backend());
  }

  @Override
  public Answer ask(String question, Conversation conversation) {
    Objects.requireNonNull(conversation, "conversation");
    ensureOpen();
    return asker.ask(question, conversation, backend());
  }

  private Asker.Backend backend() {
    return new Asker.Backend() {
      @Override
      public Catalog catalog() {
        return visibleCatalog();
      }

      @Override
      public DatabaseIdentity identity() {
        Catalog c = catalog();
        String name = config.databaseName() != null ? config.databaseName() : c.database();
        return new DatabaseIdentity(c.product(), c.productVersion(), name, dialect());
      }

      @Override
      public ValidationResult check(String sql) {
        ValidationResult r = validate(sql);
        return r.isValid() || r.statement() == null ? r : checkExpanded(r.statement(), r);
      }

      @Override
      public ValidationResult check(Statement statement) {
        ValidationResult r = validate(statement);
        return r.isValid() ? r : checkExpanded(statement, r);
      }

      /** A draft refused only for '*' over denied columns is validated again with the allowed columns listed. */
      private ValidationResult checkExpanded(Statement draft, ValidationResult refused) {
        if (config.accessPolicy().isUnrestricted()
            || refused.errors().stream().noneMatch(d -> d.code() == DiagnosticCode.POLICY_STAR_DENIED)) {
          return refused;
        }
        Statement expanded = policy.expandStars(draft, DefaultNl2Sql.this.catalog());
        return expanded == draft ? refused : validate(expanded);
      }

      @Override
      public CompiledQuery compile(Statement statement) {
        return compileValid(statement, dialect());
      }

      @Override
      public QueryResult execute(CompiledQuery query) {
        return DefaultNl2Sql.this.execute(query);
      }
    };
  }

  @Override
  public void close() {
    // nothing to release but memory: the DataSource belongs to the caller
    closed = true;
    guard = null;
  }

  @Override
  public String toString() {
    return "Nl2Sql[" + instanceId + ", " + config + "]";
  }
}
