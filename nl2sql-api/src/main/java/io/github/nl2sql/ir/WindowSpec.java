package io.github.nl2sql.ir;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code OVER (PARTITION BY ... ORDER BY ... frame)}; {@code frame} may be {@code null}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record WindowSpec(List<Expr> partitionBy, List<OrderItem> orderBy, Frame frame) {
  public WindowSpec {
    partitionBy = partitionBy == null ? List.of() : List.copyOf(partitionBy);
    orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
  }

  /**
   * A window frame {@code unit BETWEEN start AND end}; a frame given with a start only has {@code end}
   * {@code null} (meaning CURRENT ROW).
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Frame(FrameUnit unit, Bound start, Bound end) {
    public Frame {
      java.util.Objects.requireNonNull(unit, "unit");
      java.util.Objects.requireNonNull(start, "start");
    }
  }

  /** A frame bound; {@code offset} is set exactly when the type is PRECEDING or FOLLOWING. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Bound(BoundType type, Long offset) {
    public Bound {
      java.util.Objects.requireNonNull(type, "type");
      boolean needsOffset = type == BoundType.PRECEDING || type == BoundType.FOLLOWING;
      if (needsOffset != (offset != null)) {
        throw new IllegalArgumentException(
            needsOffset ? type + " needs an offset" : type + " takes no offset");
      }
      if (offset != null && offset < 0) {
        throw new IllegalArgumentException("frame offset must be >= 0, got " + offset);
      }
    }
  }
}
