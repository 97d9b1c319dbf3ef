package dev.takt.execution;

import dev.takt.shared.Quantity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Good, scrap and rework reported for an operation at a work unit by an operator; reasons null when
 * zero. {@code material} is what the order makes. {@code outputLot} is the lot the good quantity
 * went into when the operator named one (null: the default lot of the order), {@code serials} the
 * serial numbers of the good units when the product is serial-controlled (empty when none were
 * given).
 */
public record QuantityReported(
    UUID operationId,
    String orderNumber,
    String material,
    String site,
    String workUnit,
    Quantity good,
    Quantity scrap,
    String scrapReason,
    Quantity rework,
    String reworkReason,
    String operator,
    String outputLot,
    List<String> serials,
    Instant at) {

  public QuantityReported {
    serials = serials == null ? List.of() : List.copyOf(serials);
  }
}
