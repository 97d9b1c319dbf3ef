package dev.takt.execution.internal;

import dev.takt.execution.Phase;
import dev.takt.execution.internal.OperationExecution.Status;
import dev.takt.execution.internal.OperationExecution.UnitState;
import dev.takt.shared.Quantity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An operation's progress on the shop floor as the API shows it and the audit trail records it. */
public record OperationProgress(
    UUID operationId,
    String orderNumber,
    int sequence,
    String site,
    String workCenter,
    Status status,
    Quantity good,
    Quantity scrap,
    Quantity rework,
    long setupSeconds,
    long runSeconds,
    Instant startedAt,
    Instant completedAt,
    List<UnitOnOperation> workUnits,
    long version) {

  /** A work unit on the operation now. */
  public record UnitOnOperation(
      String workUnit, UnitState state, Phase phase, Instant since, String pauseReason) {}

  static OperationProgress of(OperationExecution e) {
    return new OperationProgress(
        e.operationId(),
        e.orderNumber(),
        e.sequence(),
        e.site(),
        e.workCenter(),
        e.status(),
        new Quantity(e.good(), e.unit()),
        new Quantity(e.scrap(), e.unit()),
        new Quantity(e.rework(), e.unit()),
        e.setupSeconds(),
        e.runSeconds(),
        e.startedAt(),
        e.completedAt(),
        e.units().values().stream()
            .map(
                r ->
                    new UnitOnOperation(
                        r.workUnit(), r.state(), r.phase(), r.since(), r.pauseReason()))
            .toList(),
        e.version());
  }
}
