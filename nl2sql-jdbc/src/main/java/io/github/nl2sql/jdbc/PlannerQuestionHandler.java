package io.github.nl2sql.jdbc;

import io.github.nl2sql.Answer;
import io.github.nl2sql.Conversation;
import io.github.nl2sql.ModelException;
import io.github.nl2sql.Nl2Sql;
import io.github.nl2sql.Nl2SqlException;
import io.github.nl2sql.link.LinkOptions;
import io.github.nl2sql.link.SchemaLinker;
import io.github.nl2sql.link.SchemaLinkers;
import io.github.nl2sql.spi.AuditSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * Answers questions with {@link Nl2Sql#ask(String, Conversation)}: one {@link Nl2Sql} per target (built
 * on first question, sharing its catalog cache between connections), one {@link Conversation} per
 * connection (so follow-ups and {@code use N} replies work). Answers are not executed by the facade;
 * the driver runs them on the caller's connection. Thread-safe. Internal.
 */
final class PlannerQuestionHandler implements QuestionHandler, AutoCloseable {
  private final DataSource dataSource;
  private volatile Nl2Sql nl2sql;

  PlannerQuestionHandler(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A data source opening connections through the real driver, for the facade's own reads. */
  static DataSource driverDataSource(Driver driver, String url, Properties info) {
    return new DriverDataSource(driver, url, info);
  }

  private Nl2Sql nl2sql(Request r) throws SQLException {
    Nl2Sql n = nl2sql;
    if (n == null) {
      synchronized (this) {
        n = nl2sql;
        if (n == null) {
          n = build(r);
          nl2sql = n;
        }
      }
    }
    return n;
  }

  private Nl2Sql build(Request r) throws SQLException {
    Settings s = r.settings();
    Nl2Sql.Builder b = Nl2Sql.builder(dataSource)
        .dialect(r.dialect())
        .defaultLimit(s.getInt(Nl2SqlProperty.ROW_LIMIT))
        .queryTimeout(Duration.ofSeconds(s.getInt(Nl2SqlProperty.TIMEOUT)))
        .catalogProbeInterval(Duration.ofSeconds(Math.min(30, s.getInt(Nl2SqlProperty.CATALOG_REFRESH))))
        .allowWrites(true)
        .executeAnswers(false);
    if (s.get(Nl2SqlProperty.SCHEMA) != null) {
      b.schema(s.get(Nl2SqlProperty.SCHEMA));
    }
    if (!s.policy().isUnrestricted()) {
      b.accessPolicy(s.policy());
    }
    b.linkOptions(LinkOptions.defaults().withMaxTables(s.getInt(Nl2SqlProperty.LINK_MAX_TABLES))
        .withTokenBudget(s.getInt(Nl2SqlProperty.LINK_TOKEN_BUDGET)));
    if (!s.get(Nl2SqlProperty.LINKER).equals("auto")) {
      // (auto: the facade's own choice, the preferred linker on the class path with a lexical fallback)
      b.schemaLinker(schemaLinker(s.get(Nl2SqlProperty.LINKER)));
    }
    String planner = s.get(Nl2SqlProperty.PLANNER);
    Properties ask = new Properties();
    for (Nl2SqlProperty p : new Nl2SqlProperty[] {Nl2SqlProperty.MAX_REGENERATION_ROUNDS,
        Nl2SqlProperty.REPAIR, Nl2SqlProperty.CONFIDENCE_THRESHOLD}) {
      if (s.isSet(p)) {
        ask.setProperty(p.key(), s.get(p));
      }
    }
    if (!planner.equals("offline") && !s.get(Nl2SqlProperty.MODEL_PROVIDER).equals("none")) {
      for (Nl2SqlProperty p : new Nl2SqlProperty[] {Nl2SqlProperty.MODEL_PROVIDER, Nl2SqlProperty.MODEL_BASE_URL,
          Nl2SqlProperty.MODEL_NAME, Nl2SqlProperty.MODEL_API_KEY_ENV, Nl2SqlProperty.MODEL_TIMEOUT,
          Nl2SqlProperty.MODEL_OUTPUT}) {
        if (s.get(p) != null) {
          ask.setProperty(p.key(), s.get(p));
        }
      }
    }
    b.askProperties(ask);
    if (planner.equals("llm")) {
      b.offlineFastPath(false);
    }
    b.auditSink(auditSink(s.get(Nl2SqlProperty.AUDIT)));
    try {
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InvalidPropertyException("The nl2sql settings do not make a planner: " + e.getMessage(),
          Nl2SqlProperty.PLANNER.key());
    }
  }

  /** One linker per class, shared by all connections: linkers are thread-safe and cache per catalog. */
  private static final java.util.concurrent.ConcurrentMap<String, SchemaLinker> LINKERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The linker {@code nl2sql.link.linker} names: a name without a dot is a linker provider's
   * ({@link SchemaLinkers}: lexical, and with nl2sql-gnn synonyms, fused, embedding), anything else the
   * class name of a {@link SchemaLinker} with a public no-argument constructor.
   *
   * @throws InvalidPropertyException when no provider has the name, or the class is absent, is no
   *     SchemaLinker or cannot be made
   */
  static SchemaLinker schemaLinker(String spec) throws SQLException {
    String key = Nl2SqlProperty.LINKER.key();
    if (spec.indexOf('.') < 0) {
      try {
        return SchemaLinkers.named(spec);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new InvalidPropertyException("nl2sql property '" + key + "': " + e.getMessage()
            + "; use auto, one of those names or the class name of a SchemaLinker", key);
      }
    }
    SchemaLinker cached = LINKERS.get(spec);
    if (cached != null) {
      return cached;
    }
    Class<?> type;
    try {
      type = Class.forName(spec, true, PlannerQuestionHandler.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new InvalidPropertyException("nl2sql property '" + key + "': " + spec + " is not on the class path"
          + "; use auto, " + SchemaLinkers.names() + " or the class name of a SchemaLinker", key);
    }
    if (!SchemaLinker.class.isAssignableFrom(type)) {
      throw new InvalidPropertyException("nl2sql property '" + key + "': " + spec + " is not a "
          + SchemaLinker.class.getName(), key);
    }
    try {
      SchemaLinker made = (SchemaLinker) type.getConstructor().newInstance();
      SchemaLinker before = LINKERS.putIfAbsent(spec, made);
      return before != null ? before : made;
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new InvalidPropertyException("nl2sql property '" + key + "': cannot make a " + spec
          + " with a public no-argument constructor (" + e + ")", key);
    }
  }

  static AuditSink auditSink(String spec) throws SQLException {
    if (spec.equals("none")) {
      return AuditSink.NONE;
    }
    if (spec.equals("log")) {
      org.slf4j.Logger log = LoggerFactory.getLogger("io.github.nl2sql.audit");
      return e -> log.info("{} {} {} {} rows={} {}ms {}", e.requestId(), e.kind(), e.outcome(), e.sql(),
          e.rows(), e.elapsed().toMillis(), e.detail() == null ? "" : e.detail());
    }
    Path file = Path.of(spec.substring("file:".length()));
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, "", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new InvalidPropertyException("nl2sql property 'nl2sql.audit': cannot write " + file.toAbsolutePath()
          + " (" + e.getMessage() + ")", Nl2SqlProperty.AUDIT.key());
    }
    return e -> {
      synchronized (PlannerQuestionHandler.class) {
        try {
          Files.writeString(file, io.github.nl2sql.internal.json.Json.toJson(e) + "\n", StandardCharsets.UTF_8,
              StandardOpenOption.APPEND);
        } catch (IOException ex) {
          throw new java.io.UncheckedIOException(ex);
        }
      }
    };
  }

  @Override
  public QuestionOutcome answer(Request r) throws SQLException {
    Conversation conversation = (Conversation) r.session().state();
    if (conversation == null) {
      conversation = Conversation.create();
      r.session().state(conversation);
    }
    Answer answer;
    try {
      answer = r.clarification() != null
          ? nl2sql(r).ask(Integer.toString(r.chosenNumber()), conversation)
          : nl2sql(r).ask(r.question(), conversation);
    } catch (ModelException e) {
      throw new QuestionFailedException("The question '" + r.question() + "' could not be answered: the "
          + "language model failed (" + e.reason() + "): " + e.getMessage() + ". Nothing was sent to the "
          + "database.", e);
    } catch (Nl2SqlException | IllegalArgumentException e) {
      throw new QuestionFailedException("The question '" + r.question() + "' could not be answered: "
          + e.getMessage() + ". Nothing was sent to the database.", e);
    }
    if (answer instanceof Answer.Answered) {
      Answer.Answered a = (Answer.Answered) answer;
      List<String> notes = a.explanation().isBlank() ? List.of() : List.of(a.explanation());
      return new QuestionOutcome.Answered(a.query(), a.confidence(), notes);
    }
    if (answer instanceof Answer.Clarification) {
      Answer.Clarification c = (Answer.Clarification) answer;
      List<String> labels = new ArrayList<>();
      for (Answer.Clarification.Option o : c.options()) {
        labels.add(o.label());
      }
      return new QuestionOutcome.Clarify(c.prompt(), labels);
    }
    if (answer instanceof Answer.Blocked) {
      return new QuestionOutcome.Blocked(((Answer.Blocked) answer).diagnostics());
    }
    Answer.Abstained ab = (Answer.Abstained) answer;
    throw new QuestionFailedException("nl2sql did not answer '" + r.question() + "': " + ab.reason()
        + ". Nothing was sent to the database.", null);
  }

  @Override
  public void close() {
    Nl2Sql n = nl2sql;
    if (n != null) {
      n.close();
    }
  }

  /** Connections through the real driver with the real URL and properties (ours stripped). */
  private static final class DriverDataSource implements DataSource {
    private final Driver driver;
    private final String url;
    private final Properties info;
    private int loginTimeout;

    DriverDataSource(Driver driver, String url, Properties info) {
      this.driver = driver;
      this.url = url;
      this.info = info;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection c = driver.connect(url, info);
      if (c == null) {
        throw new SQLException("The driver " + driver.getClass().getName() + " declined " + JdbcUrls.mask(url),
            "08001");
      }
      return c;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      Properties p = new Properties();
      p.putAll(info);
      p.setProperty("user", username);
      p.setProperty("password", password);
      return driver.connect(url, p);
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      // no log writer: logging goes through SLF4J
    }

    @Override
    public void setLoginTimeout(int seconds) {
      loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
      return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException("no java.util.logging parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      if (iface.isInstance(this)) {
        return iface.cast(this);
      }
      throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return iface.isInstance(this);
    }

    @Override
    public String toString() {
      return "DriverDataSource[" + JdbcUrls.mask(url) + "]";
    }
  }
}
