package io.github.nl2sql.jdbc;

import io.github.nl2sql.AskOptions;
import io.github.nl2sql.link.LinkOptions;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.DriverPropertyInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every setting of the wrapping driver and {@link Nl2SqlDataSource}, defined once: key, type, default,
 * description and allowed values. {@link Nl2SqlDriver#getPropertyInfo} and the property table in
 * {@code nl2sql-jdbc/README.md} are generated from (and tested against) this enum.
 *
 * <p>Settings are given as {@code nl2sql.*} keys in the JDBC URL (after {@code ?} or {@code &}, or as
 * {@code ;key=value} for URLs in H2's style) or in the connection {@link java.util.Properties}. They are
 * removed before the real driver sees the URL and properties. An unknown {@code nl2sql.*} key or a bad
 * value fails the connection with an {@link InvalidPropertyException}.
 */
public enum Nl2SqlProperty {
  /** What the pass-through guard does with statements that are not questions. */
  GUARD("nl2sql.guard", Type.ENUM, "off",
      "Pass-through guard for plain SQL: off (untouched, no work), warn (SQLWarning with diagnostics), "
          + "block (refuse statements naming unknown tables or columns)",
      "off", "warn", "block"),
  /** What a question that plans a write does. */
  WRITES("nl2sql.writes", Type.ENUM, "draft",
      "Questions that plan INSERT/UPDATE/DELETE: draft (return a result set describing it, run nothing) "
          + "or execute (run it on this connection)",
      "draft", "execute"),
  /** LIMIT added to generated reads. */
  ROW_LIMIT("nl2sql.rowLimit", Type.INT, "1000",
      "LIMIT added to generated reads that have none, and the row cap of a question's result; 0 adds none"),
  /** Statement timeout of questions. */
  TIMEOUT("nl2sql.timeout", Type.INT, "30",
      "Statement timeout in seconds for the SQL a question runs (at least 1)"),
  /** Schema the catalog is read from. */
  SCHEMA("nl2sql.schema", Type.STRING, null,
      "Schema whose catalog questions and the guard use; default: the connection's current schema"),
  /** How long a cached catalog is trusted. */
  CATALOG_REFRESH("nl2sql.catalog.refresh", Type.INT, "300",
      "Seconds the guard trusts its cached catalog before re-reading it (it also re-reads after DDL on "
          + "the connection, and once before blocking a name it does not know)"),
  /** Planner selection. */
  PLANNER("nl2sql.planner", Type.ENUM, "auto",
      "Question planner: auto (offline planner first, then the model when one is configured), llm (the "
          + "model only), or offline (never call a model)",
      "auto", "llm", "offline"),
  /** Chat model provider. */
  MODEL_PROVIDER("nl2sql.model.provider", Type.ENUM, "none",
      "Language model API for questions: openai (and compatible servers) or ollama; none = offline planner "
          + "only. A model needs provider, base URL and name together", "none", "openai", "ollama"),
  /** Chat model endpoint. */
  MODEL_BASE_URL("nl2sql.model.baseUrl", Type.STRING, null,
      "Model endpoint, e.g. https://api.openai.com/v1 or http://localhost:11434"),
  /** Chat model name. */
  MODEL_NAME("nl2sql.model.name", Type.STRING, null, "Model name, e.g. gpt-4o-mini or llama3.1"),
  /** Name of the environment variable holding the API key. */
  MODEL_API_KEY_ENV("nl2sql.model.apiKeyEnv", Type.STRING, null,
      "Name of the environment variable that holds the model API key (the key itself never goes in a URL)"),
  /** Time limit of one model call. */
  MODEL_TIMEOUT("nl2sql.model.timeoutSeconds", Type.INT, "60", "Time limit of one model call in seconds"),
  /** What the model writes. */
  MODEL_OUTPUT("nl2sql.model.output", Type.ENUM, "sql", "What the model writes: sql or ir_json",
      "sql", "ir_json"),
  /** Regeneration rounds. */
  MAX_REGENERATION_ROUNDS("nl2sql.ask.maxRegenerationRounds", Type.INT,
      String.valueOf(AskOptions.DEFAULT_MAX_REGENERATION_ROUNDS),
      "Times a rejected model draft is regenerated with its diagnostics (0 to 10)"),
  /** Deterministic repair. */
  REPAIR("nl2sql.ask.repair", Type.BOOLEAN, "false",
      "Replace an unknown identifier in a draft when exactly one candidate is clearly best"),
  /** Confidence threshold. */
  CONFIDENCE_THRESHOLD("nl2sql.ask.confidenceThreshold", Type.DOUBLE,
      String.valueOf(AskOptions.DEFAULT_CONFIDENCE_THRESHOLD),
      "Drafts below this confidence (0 to 1) are not answered"),
  /** Schema linking table budget. */
  LINK_MAX_TABLES("nl2sql.link.maxTables", Type.INT, String.valueOf(LinkOptions.defaults().maxTables()),
      "Most tables schema linking keeps for a question before the tables on join paths between them are "
          + "added (at least 1); the planner, and a model's prompt, see only the linked tables"),
  /** Schema linking token budget. */
  LINK_TOKEN_BUDGET("nl2sql.link.tokenBudget", Type.INT,
      String.valueOf(LinkOptions.defaults().tokenBudget()),
      "Rough token budget of the schema subset given to the planner (at least 1): columns beyond the "
          + "linked tables' keys are added, best first, until it is spent"),
  /** Which schema linker. */
  LINKER("nl2sql.link.linker", Type.STRING, "auto",
      "Schema linker: auto (the best on the class path: with nl2sql-gnn synonyms, its fused ranking plus "
          + "words the schema does not use, such as 'cars' for vehicles; else lexical), the name of one "
          + "(lexical; with nl2sql-gnn also synonyms, fused, embedding) or the class name of a SchemaLinker "
          + "with a public no-argument constructor"),
  /** Where user corrections are kept. */
  FEEDBACK_STORE("nl2sql.feedback.store", Type.PATH, null,
      "Directory of the feedback (corrections) store; default: none. Reserved for the nl2sql-rag module, "
          + "which does not exist yet: the value is checked to be a path and otherwise ignored (a warning is "
          + "logged)"),
  /** Access policy file. */
  POLICY_FILE("nl2sql.policy", Type.PATH, null,
      "Access policy file (properties: tables.allow, tables.deny, columns.deny, maxRows, writes; read on "
          + "each new connection, a malformed file fails it). Questions never use a denied table or column "
          + "(nor SELECT * over one), get at most maxRows rows, and draft no write when writes=false; "
          + "guard warn/block warn about/refuse plain SQL that uses denied tables or columns; guard off "
          + "leaves plain SQL unchecked; default: none"),
  /** Where audit events go. */
  AUDIT("nl2sql.audit", Type.STRING, "none",
      "Audit sink for questions: none, log (SLF4J logger io.github.nl2sql.audit) or file:<path> (JSON lines)");

  /**
   * Settings that are validated but not used by anything yet (the feedback store belongs to the
   * nl2sql-rag module, which does not exist yet); setting one logs a warning.
   */
  static final java.util.Set<Nl2SqlProperty> RESERVED = java.util.EnumSet.of(FEEDBACK_STORE);

  /** The common prefix of all keys. */
  public static final String KEY_PREFIX = "nl2sql.";

  /** Value types. */
  public enum Type {
    /** Free text. */
    STRING,
    /** A whole number. */
    INT,
    /** One of {@link Nl2SqlProperty#allowedValues()} (case-insensitive). */
    ENUM,
    /** A file system path. */
    PATH,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A decimal number from 0 to 1. */
    DOUBLE
  }

  private final String key;
  private final Type type;
  private final String defaultValue;
  private final String description;
  private final List<String> allowedValues;

  Nl2SqlProperty(String key, Type type, String defaultValue, String description, String... allowed) {
    this.key = key;
    this.type = type;
    this.defaultValue = defaultValue;
    this.description = description;
    this.allowedValues = List.of(allowed);
  }

  /** The key, e.g. {@code nl2sql.guard}. */
  public String key() {
    return key;
  }

  /** The value type. */
  public Type type() {
    return type;
  }

  /** The default as text, or {@code null} when unset means "none". */
  public String defaultValue() {
    return defaultValue;
  }

  /** One line for tools and the README. */
  public String description() {
    return description;
  }

  /** The allowed values of an {@link Type#ENUM} property, lower case; empty for other types. */
  public List<String> allowedValues() {
    return allowedValues;
  }

  /**
   * The property with {@code key}, case-insensitively.
   *
   * @throws InvalidPropertyException when {@code key} is not one of ours; the message lists the valid keys
   */
  public static Nl2SqlProperty forKey(String key) throws InvalidPropertyException {
    for (Nl2SqlProperty p : values()) {
      if (p.key.equalsIgnoreCase(key)) {
        return p;
      }
    }
    throw new InvalidPropertyException("Unknown nl2sql property '" + key + "'; valid properties are: "
        + validKeys(), key);
  }

  /** All keys, comma-separated, in declaration order. */
  public static String validKeys() {
    return Arrays.stream(values()).map(Nl2SqlProperty::key).collect(Collectors.joining(", "));
  }

  /**
   * Checks and normalizes a raw value: enum values are lower-cased, numbers range-checked, paths parsed
   * (a policy file must exist and be readable).
   *
   * @return the normalized text, never {@code null}
   * @throws InvalidPropertyException naming this key and what is allowed
   */
  String normalize(String raw) throws InvalidPropertyException {
    String v = raw == null ? "" : raw.trim();
    switch (type) {
      case ENUM: {
        String lower = v.toLowerCase(Locale.ROOT);
        if (!allowedValues.contains(lower)) {
          throw bad(raw, "allowed values are " + String.join(", ", allowedValues));
        }
        return lower;
      }
      case INT: {
        long n;
        try {
          n = Long.parseLong(v);
        } catch (NumberFormatException e) {
          throw bad(raw, "expected a whole number");
        }
        long min = this == ROW_LIMIT || this == MAX_REGENERATION_ROUNDS ? 0 : 1;
        long max = this == MAX_REGENERATION_ROUNDS ? 10 : Integer.MAX_VALUE;
        if (n < min || n > max) {
          throw bad(raw, "expected a whole number from " + min + " to " + max);
        }
        return Long.toString(n);
      }
      case BOOLEAN: {
        String lower = v.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
          throw bad(raw, "allowed values are true, false");
        }
        return lower;
      }
      case DOUBLE: {
        double d;
        try {
          d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
          throw bad(raw, "expected a number from 0 to 1");
        }
        if (!(d >= 0 && d <= 1)) {
          throw bad(raw, "expected a number from 0 to 1");
        }
        return Double.toString(d);
      }
      case PATH: {
        if (v.isEmpty()) {
          throw bad(raw, "expected a file system path");
        }
        Path path;
        try {
          path = Path.of(v);
        } catch (InvalidPathException e) {
          throw bad(raw, "expected a file system path (" + e.getMessage() + ")");
        }
        if (this == POLICY_FILE && !(Files.isRegularFile(path) && Files.isReadable(path))) {
          throw bad(raw, "expected a readable file; " + path.toAbsolutePath() + " is not one");
        }
        return v;
      }
      default: {
        if (v.isEmpty()) {
          throw bad(raw, "expected a non-empty value");
        }
        if (this == AUDIT && !(v.equals("none") || v.equals("log") || v.startsWith("file:") && v.length() > 5)) {
          throw bad(raw, "allowed values are none, log, file:<path>");
        }
        return v;
      }
    }
  }

  private InvalidPropertyException bad(String raw, String expected) {
    return new InvalidPropertyException("Invalid value '" + raw + "' for nl2sql property '" + key + "': "
        + expected, key);
  }

  /** Describes this property for {@link java.sql.Driver#getPropertyInfo}, with its current value. */
  DriverPropertyInfo info(String currentValue) {
    DriverPropertyInfo info = new DriverPropertyInfo(key, currentValue != null ? currentValue : defaultValue);
    info.description = description;
    info.required = false;
    info.choices = allowedValues.isEmpty() ? null : allowedValues.toArray(new String[0]);
    return info;
  }

  /**
   * The Markdown table of all properties (key, type, default, allowed values, description), as it
   * appears in the module's README.
   */
  public static String markdownTable() {
    StringBuilder sb = new StringBuilder();
    sb.append("| key | type | default | allowed | description |\n");
    sb.append("| --- | --- | --- | --- | --- |\n");
    for (Nl2SqlProperty p : values()) {
      sb.append("| `").append(p.key).append("` | ").append(p.type.name().toLowerCase(Locale.ROOT))
          .append(" | ").append(p.defaultValue == null ? "(none)" : "`" + p.defaultValue + "`")
          .append(" | ").append(p.allowedValues.isEmpty() ? "" : p.allowedValues.stream()
              .map(a -> "`" + a + "`").collect(Collectors.joining(", ")))
          .append(" | ").append(p.description.replace("|", "\\|")).append(" |\n");
    }
    return sb.toString();
  }
}
