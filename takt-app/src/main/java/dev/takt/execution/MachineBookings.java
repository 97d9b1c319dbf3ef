package dev.takt.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Bookings a machine makes on its own: the machines module calls these when a work unit's state or
 * counters change. They run as the system (the audit trail shows {@code system}), join the caller's
 * transaction and are audited like an operator's booking.
 */
public interface MachineBookings {

  /**
   * Opens an unclassified downtime on the work unit at {@code at}, for the operator to classify at
   * the terminal.
   *
   * @return the new downtime, or empty when one is open already (an operator opened it first)
   */
  Optional<UUID> openDowntime(String site, String workUnit, Instant at);

  /**
   * Closes the downtime the machine opened, if it is still open (an operator may have closed it).
   *
   * @return whether it was closed now
   */
  boolean closeDowntime(String site, String workUnit, UUID downtimeId, Instant at);

  /**
   * Books good and scrap counted by the machine on the operation running on the work unit now.
   *
   * @param scrapReason the SCRAP reason for a non-zero scrap
   * @return the operation booked on, or empty when none runs on the work unit
   * @throws dev.takt.shared.ConflictException when the operation refuses the quantity (over
   *     delivery, order on hold)
   */
  Optional<UUID> reportCount(
      String site, String workUnit, BigDecimal good, BigDecimal scrap, String scrapReason);
}
