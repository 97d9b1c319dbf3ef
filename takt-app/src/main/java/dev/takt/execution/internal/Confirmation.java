package dev.takt.execution.internal;

import dev.takt.shared.Quantity;
import java.time.Instant;
import java.util.UUID;

/**
 * A confirmation for the ERP: a quantity report (good, scrap and rework with reasons), a labour
 * time ticket or an operation's completion (totals and machine times). {@code sequence} orders them
 * as they committed; fields that do not apply to a type are null.
 */
public record Confirmation(
    long sequence,
    UUID id,
    Type type,
    String site,
    String orderNumber,
    UUID operationId,
    int operationSequence,
    String workUnit,
    Quantity good,
    Quantity scrap,
    Quantity rework,
    String scrapReason,
    String reworkReason,
    String operator,
    Instant startedAt,
    Instant endedAt,
    Long setupSeconds,
    Long runSeconds,
    Long labourSeconds,
    Instant occurredAt,
    Instant deliveredAt) {

  /** What the ERP is told. */
  public enum Type {
    QUANTITY,
    TIME_TICKET,
    COMPLETION
  }
}
