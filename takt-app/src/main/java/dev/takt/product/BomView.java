package dev.takt.product;

import dev.takt.shared.Quantity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One version of a bill of materials: the items make {@code baseQuantity} of the material. {@code
 * bomVersion} counts 1, 2, 3… per material; {@code version} is for optimistic locking.
 */
public record BomView(
    UUID id,
    String material,
    int bomVersion,
    ReleaseStatus status,
    Quantity baseQuantity,
    List<BomItemView> items,
    Instant releasedAt,
    long version) {

  /** One line: {@code quantity} of a component, plus the expected scrap on top, in percent. */
  public record BomItemView(
      int position, String material, Quantity quantity, java.math.BigDecimal scrapPercent) {}
}
