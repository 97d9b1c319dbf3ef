package dev.takt.execution.internal;

import dev.takt.execution.MachineBookings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a machine books through the machines module: downtimes opened and closed by machine state,
 * counts booked on the operation running on the work unit. The same services as an operator's
 * booking, so the same rules, audit and confirmations apply; the actor is {@code system}.
 */
@Service
class MachineBookingService implements MachineBookings {

  private final DowntimeService downtimes;
  private final ExecutionService execution;
  private final OperationRepository operations;

  MachineBookingService(
      DowntimeService downtimes, ExecutionService execution, OperationRepository operations) {
    this.downtimes = downtimes;
    this.execution = execution;
    this.operations = operations;
  }

  @Override
  @Transactional
  public Optional<UUID> openDowntime(String site, String workUnit, Instant at) {
    if (downtimes.openOn(site, workUnit).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(downtimes.open(site, workUnit, null, at).id());
  }

  @Override
  @Transactional
  public boolean closeDowntime(String site, String workUnit, UUID downtimeId, Instant at) {
    Optional<Downtime> open =
        downtimes.openOn(site, workUnit).filter(d -> d.id().equals(downtimeId));
    if (open.isEmpty()) {
      return false;
    }
    downtimes.close(site, workUnit, downtimeId, null, at);
    return true;
  }

  @Override
  @Transactional
  public Optional<UUID> reportCount(
      String site, String workUnit, BigDecimal good, BigDecimal scrap, String scrapReason) {
    Optional<UUID> running = operations.runningOn(site, workUnit);
    running.ifPresent(
        operation ->
            execution.report(
                operation,
                workUnit,
                good,
                scrap,
                scrap != null && scrap.signum() > 0 ? scrapReason : null,
                null,
                null,
                null));
    return running;
  }
}
