package io.github.nl2sql.internal.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import io.github.nl2sql.internal.json.Json;
import io.github.nl2sql.ir.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JSON Schema (draft 2020-12) of the IR {@link Statement}, generated from the IR records with
 * victools jsonschema-generator and its Jackson module, so it follows the IR exactly: the {@code
 * "kind"} discriminators of {@code @JsonTypeInfo}/{@code @JsonSubTypes} become one alternative per
 * node kind with {@code "kind"} fixed by {@code const}; enums list their names; unknown properties are
 * forbidden (the IR reader rejects them too); a property is required unless the IR allows it to be
 * missing ({@code null} or an empty list). Use it to constrain model output to valid IR.
 *
 * <p>Generated once per JVM and cached; thread-safe.
 */
public final class IrJsonSchema {

  /**
   * Properties that may be absent, as {@code SimpleRecordName.component}: nullable components and lists
   * that may be empty (the shared mapper leaves out nulls and empty lists). Everything else is
   * required.
   */
  static final Set<String> OPTIONAL = Set.of(
      "Column.table", "Literal.value", "Star.table", "Like.escape", "Function.args",
      "Aggregate.separator", "Case.operand", "Case.otherwise", "Cast.precision", "Cast.scale",
      "Select.with", "Select.from", "Select.where", "Select.groupBy", "Select.having", "Select.orderBy",
      "Select.limit", "Select.offset",
      "SetOperation.with", "SetOperation.orderBy", "SetOperation.limit", "SetOperation.offset",
      "Table.schema", "Table.alias", "Derived.alias", "Derived.columnAliases", "Join.on", "Join.using",
      "Insert.columns", "Insert.rows", "Insert.query", "Update.where", "Delete.where",
      "SelectItem.alias", "OrderItem.direction", "OrderItem.nulls", "Cte.columns",
      "WindowSpec.partitionBy", "WindowSpec.orderBy", "WindowSpec.frame", "Frame.end", "Bound.offset");

  private static final String DEFS = "#/$defs/";

  private static volatile String cached;

  private IrJsonSchema() {}

  /**
   * The schema of {@link Statement} as JSON text (pretty-printed, stable across calls).
   *
   * @throws IllegalStateException if the schema cannot be generated (a broken build, not bad input)
   */
  public static String statementSchema() {
    String s = cached;
    if (s == null) {
      synchronized (IrJsonSchema.class) {
        s = cached;
        if (s == null) {
          s = generate();
          cached = s;
        }
      }
    }
    return s;
  }

  private static String generate() {
    SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(Json.mapper(),
        SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
        .with(new JacksonModule())
        .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.DEFINITIONS_FOR_ALL_OBJECTS,
            Option.FLATTENED_ENUMS)
        .without(Option.NULLABLE_FIELDS_BY_DEFAULT);
    builder.forFields()
        .withRequiredCheck(f -> !f.isFakeContainerItemScope() && !OPTIONAL.contains(key(f)))
        .withInstanceAttributeOverride((node, f, ctx) -> {
          if (key(f).equals("Literal.value")) {
            // the IR's literal is null, a string, an integer, a decimal number or a boolean
            ArrayNode types = node.putArray("type");
            types.add("string").add("integer").add("number").add("boolean").add("null");
          }
        });
    try {
      ObjectNode schema = new SchemaGenerator(builder.build()).generateSchema(Statement.class);
      flattenKinds(schema);
      schema.put("title", "nl2sql IR statement");
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(schema);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException("cannot generate the IR JSON schema: " + e.getMessage(), e);
    }
  }

  /**
   * The generator describes a node kind as {@code "X-2": {"$ref": "X-1", "properties": {"kind": ..}}}
   * with {@code additionalProperties: false} on {@code X-1}, which would reject the {@code kind}
   * property it cannot see through the reference. Merge each such pair into one definition {@code X}
   * that lists {@code kind} (required, {@code const}) with the node's own properties.
   */
  private static void flattenKinds(ObjectNode schema) {
    ObjectNode defs = (ObjectNode) schema.get("$defs");
    Map<String, String> rename = new LinkedHashMap<>();
    Map<String, ObjectNode> merged = new LinkedHashMap<>();
    Set<String> absorbed = new HashSet<>();
    defs.fields().forEachRemaining(e -> {
      JsonNode def = e.getValue();
      JsonNode kind = def.path("properties").path("kind");
      if (def.has("$ref") && !kind.isMissingNode()) {
        String target = def.get("$ref").asText().substring(DEFS.length());
        ObjectNode body = ((ObjectNode) defs.get(target)).deepCopy();
        ObjectNode props = Json.mapper().createObjectNode();
        props.set("kind", kind);
        body.path("properties").fields().forEachRemaining(p -> props.set(p.getKey(), p.getValue()));
        body.set("properties", props);
        ArrayNode required = Json.mapper().createArrayNode().add("kind");
        body.path("required").forEach(required::add);
        body.set("required", required);
        String base = e.getKey().replaceFirst("-\\d+$", "");
        rename.put(e.getKey(), base);
        merged.put(base, body);
        absorbed.add(target);
      }
    });
    ObjectNode newDefs = Json.mapper().createObjectNode();
    defs.fields().forEachRemaining(e -> {
      if (!rename.containsKey(e.getKey()) && !absorbed.contains(e.getKey())) {
        newDefs.set(e.getKey(), e.getValue());
      }
    });
    merged.forEach(newDefs::set);
    ObjectNode sorted = Json.mapper().createObjectNode();
    new TreeMap<String, JsonNode>(toMap(newDefs)).forEach(sorted::set);
    schema.set("$defs", sorted);
    rewriteRefs(schema, rename);
  }

  private static Map<String, JsonNode> toMap(ObjectNode node) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  private static void rewriteRefs(JsonNode node, Map<String, String> rename) {
    if (node instanceof ObjectNode obj) {
      JsonNode ref = obj.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith(DEFS)) {
        String name = ref.asText().substring(DEFS.length());
        if (rename.containsKey(name)) {
          obj.put("$ref", DEFS + rename.get(name));
        }
      }
    }
    node.forEach(child -> rewriteRefs(child, rename));
  }

  private static String key(FieldScope f) {
    return f.getDeclaringType().getErasedType().getSimpleName() + "." + f.getDeclaredName();
  }
}
