package io.github.nl2sql.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.nl2sql.Nl2SqlException;
import io.github.nl2sql.ir.Statement;

/**
 * The one Jackson configuration used for IR, catalog snapshots and bench output: ISO-8601 dates,
 * properties in a stable (sorted) order so equal values serialise to equal text, big decimals kept
 * exact, unknown properties rejected (a typo in model output must not be silently dropped).
 */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private Json() {}

  /** The shared mapper. Thread-safe; do not reconfigure. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Serialises IR to compact JSON. */
  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new Nl2SqlException("Cannot serialise " + value.getClass().getSimpleName() + " to JSON", e);
    }
  }

  /**
   * Reads IR from JSON.
   *
   * @throws Nl2SqlException when the JSON is malformed or does not describe a statement; the message
   *     says where
   */
  public static Statement readStatement(String json) {
    try {
      return MAPPER.readValue(json, Statement.class);
    } catch (JsonProcessingException e) {
      throw new Nl2SqlException("Not a valid IR statement: " + e.getOriginalMessage()
          + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() : ""), e);
    } catch (IllegalArgumentException e) {
      throw new Nl2SqlException("Not a valid IR statement: " + e.getMessage(), e);
    }
  }
}
