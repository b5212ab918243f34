package io.github.nl2sql.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.nl2sql.internal.json.Json;
import io.github.nl2sql.ir.Expr;
import io.github.nl2sql.ir.Query;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.ir.TableRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The IR JSON schema is valid JSON of draft 2020-12, names every kind, and accepts the JSON of real IR
 * while rejecting broken documents. Checked with a small structural validator below (type, const, enum,
 * required, properties, additionalProperties, items, anyOf, $ref) instead of a validator library.
 */
class IrJsonSchemaTest {

  private static JsonNode schema() throws Exception {
    return Json.mapper().readTree(IrJsonSchema.statementSchema());
  }

  @Test
  void schema_isDraft2020JsonAndCached() throws Exception {
    JsonNode s = schema();
    assertThat(s.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(s.get("anyOf")).hasSize(5);
    assertThat(IrJsonSchema.statementSchema()).isSameAs(IrJsonSchema.statementSchema());
  }

  @Test
  void schema_mentionsEveryKindAsConst() throws Exception {
    Set<String> consts = new TreeSet<>();
    schema().get("$defs").forEach(d -> {
      JsonNode k = d.path("properties").path("kind").path("const");
      if (!k.isMissingNode()) {
        consts.add(k.asText());
        assertThat(d.get("required").toString()).contains("\"kind\"");
      }
    });
    Set<String> expected = new TreeSet<>();
    expected.addAll(IrJsonRoundTripTest.kindNames(Expr.class));
    expected.addAll(IrJsonRoundTripTest.kindNames(Statement.class));
    expected.addAll(IrJsonRoundTripTest.kindNames(TableRef.class));
    expected.addAll(IrJsonRoundTripTest.kindNames(Query.class));
    assertThat(consts).isEqualTo(expected);
  }

  @Test
  void schema_requiresWhatTheIrRequires() throws Exception {
    JsonNode defs = schema().get("$defs");
    assertThat(defs.get("Column").get("required").toString()).contains("\"column\"").doesNotContain("\"table\"");
    assertThat(defs.get("Select").get("required").toString()).contains("\"items\"").doesNotContain("\"where\"");
    assertThat(defs.get("Comparison").get("required").toString()).contains("\"op\"", "\"left\"", "\"right\"");
    assertThat(defs.get("CmpOp").get("enum").toString()).isEqualTo("[\"EQ\",\"NE\",\"LT\",\"LE\",\"GT\",\"GE\"]");
    assertThat(defs.get("Literal").get("properties").get("value").get("type")).hasSize(5);
  }

  @Test
  void irSamples_validateAgainstTheSchema() throws Exception {
    JsonNode s = schema();
    for (Statement st : IrSamples.all()) {
      String json = Json.toJson(st);
      List<String> errors = new ArrayList<>();
      validate(s, Json.mapper().readTree(json), s, "$", errors);
      assertThat(errors).as(json).isEmpty();
    }
  }

  @Test
  void brokenDocuments_areRejected() throws Exception {
    JsonNode s = schema();
    for (String bad : List.of(
        "{\"kind\":\"select\"}",
        "{\"kind\":\"selekt\",\"items\":[]}",
        "{\"kind\":\"select\",\"distinct\":false,\"items\":[{\"expr\":{\"kind\":\"column\"}}]}",
        "{\"kind\":\"select\",\"distinct\":false,\"items\":[{\"expr\":{\"kind\":\"column\",\"column\":\"a\","
            + "\"sql\":\"1; drop\"}}]}",
        "{\"kind\":\"select\",\"distinct\":false,\"items\":[{\"expr\":{\"kind\":\"cmp\",\"op\":\"LIKE\","
            + "\"left\":{\"kind\":\"literal\",\"value\":1},\"right\":{\"kind\":\"literal\",\"value\":2}}}]}",
        "{\"kind\":\"delete\"}")) {
      List<String> errors = new ArrayList<>();
      validate(s, Json.mapper().readTree(bad), s, "$", errors);
      assertThat(errors).as(bad).isNotEmpty();
    }
  }

  // ----------------------------------------------------------------- minimal structural validator

  private static void validate(JsonNode schema, JsonNode doc, JsonNode root, String path, List<String> errors) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      JsonNode target = root.at(ref.substring(1));
      if (target.isMissingNode()) {
        errors.add(path + ": dangling " + ref);
        return;
      }
      validate(target, doc, root, path, errors);
    }
    if (schema.has("anyOf")) {
      boolean ok = false;
      List<String> branchErrors = new ArrayList<>();
      for (JsonNode alt : schema.get("anyOf")) {
        List<String> e = new ArrayList<>();
        validate(alt, doc, root, path, e);
        if (e.isEmpty()) {
          ok = true;
          break;
        }
        branchErrors.addAll(e);
      }
      if (!ok) {
        errors.add(path + ": matches no alternative (" + branchErrors.size() + " errors)");
      }
    }
    if (schema.has("const") && !schema.get("const").equals(doc)) {
      errors.add(path + ": expected " + schema.get("const"));
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode v : schema.get("enum")) {
        found |= v.equals(doc);
      }
      if (!found) {
        errors.add(path + ": not in enum " + schema.get("enum"));
      }
    }
    if (schema.has("type") && !typeMatches(schema.get("type"), doc)) {
      errors.add(path + ": not of type " + schema.get("type"));
      return;
    }
    if (doc.isObject()) {
      JsonNode props = schema.path("properties");
      for (JsonNode r : schema.path("required")) {
        if (!doc.has(r.asText())) {
          errors.add(path + ": missing required " + r.asText());
        }
      }
      Iterator<String> names = doc.fieldNames();
      while (names.hasNext()) {
        String n = names.next();
        if (props.has(n)) {
          validate(props.get(n), doc.get(n), root, path + "." + n, errors);
        } else if (schema.path("additionalProperties").isBoolean()
            && !schema.get("additionalProperties").asBoolean()) {
          errors.add(path + ": unexpected property " + n);
        }
      }
    }
    if (doc.isArray() && schema.has("items")) {
      for (int i = 0; i < doc.size(); i++) {
        validate(schema.get("items"), doc.get(i), root, path + "[" + i + "]", errors);
      }
    }
  }

  private static boolean typeMatches(JsonNode type, JsonNode doc) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (typeMatches(t, doc)) {
          return true;
        }
      }
      return false;
    }
    switch (type.asText()) {
      case "object":
        return doc.isObject();
      case "array":
        return doc.isArray();
      case "string":
        return doc.isTextual();
      case "integer":
        return doc.isIntegralNumber();
      case "number":
        return doc.isNumber();
      case "boolean":
        return doc.isBoolean();
      case "null":
        return doc.isNull();
      default:
        return false;
    }
  }
}
