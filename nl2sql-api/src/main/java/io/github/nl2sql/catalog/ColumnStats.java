package io.github.nl2sql.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Sampled statistics of one column.
 *
 * @param sampledRows number of rows the statistics were computed from
 * @param nullFraction share of NULLs among the sampled rows, 0..1
 * @param distinctCount distinct non-null values among the sampled rows
 * @param frequentValues most frequent values (short text columns only), most frequent first; empty otherwise
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ColumnStats(
    long sampledRows, double nullFraction, long distinctCount, List<FrequentValue> frequentValues) {

  public ColumnStats {
    frequentValues = frequentValues == null ? List.of() : List.copyOf(frequentValues);
  }

  /** A value and how often it occurred in the sample. */
  public record FrequentValue(String value, long count) {}
}
