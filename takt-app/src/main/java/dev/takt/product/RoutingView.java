package dev.takt.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One version of how a material is made at one site: operations in sequence order. {@code
 * routingVersion} counts 1, 2, 3… per material and site; {@code version} is for optimistic locking.
 */
public record RoutingView(
    UUID id,
    String material,
    String site,
    int routingVersion,
    ReleaseStatus status,
    List<OperationView> operations,
    Instant releasedAt,
    long version) {

  /**
   * One step at a work center of the routing's site. Times in seconds: setup once per order, the
   * ideal cycle time per unit (the reference OEE performance is measured against).
   */
  public record OperationView(
      int sequence,
      String description,
      String workCenter,
      long setupSeconds,
      BigDecimal cycleSeconds,
      String qualification,
      String toolType,
      String inspectionPlan) {}
}
