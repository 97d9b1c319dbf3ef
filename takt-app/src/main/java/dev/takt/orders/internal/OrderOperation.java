package dev.takt.orders.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One operation of a released order, copied from the routing at release. It is PENDING until
 * execution starts it on some work unit, STARTED while quantities are reported on it, and COMPLETED
 * when execution says so. The good/scrap/rework totals are the sums of execution's reports, kept
 * here for progress; execution keeps the bookings themselves.
 */
record OrderOperation(
    UUID id,
    UUID orderId,
    int sequence,
    String description,
    String workCenter,
    long setupSeconds,
    BigDecimal cycleSeconds,
    String qualification,
    String toolType,
    String inspectionPlan,
    BigDecimal plannedQuantity,
    OperationStatus status,
    BigDecimal good,
    BigDecimal scrap,
    BigDecimal rework,
    Instant startedAt,
    Instant completedAt) {

  enum OperationStatus {
    PENDING,
    STARTED,
    COMPLETED
  }

  static OrderOperation planned(
      UUID orderId,
      int sequence,
      String description,
      String workCenter,
      long setupSeconds,
      BigDecimal cycleSeconds,
      String qualification,
      String toolType,
      String inspectionPlan,
      BigDecimal plannedQuantity) {
    return new OrderOperation(
        UUID.randomUUID(),
        orderId,
        sequence,
        description,
        workCenter,
        setupSeconds,
        cycleSeconds,
        qualification,
        toolType,
        inspectionPlan,
        plannedQuantity,
        OperationStatus.PENDING,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        null,
        null);
  }
}
