package dev.takt.equipment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What other modules may ask of the plant model. */
public interface Equipment {

  /** The work center with this code at this site, active or not. */
  Optional<WorkCenterView> workCenter(String siteCode, String workCenterCode);

  /** The work centers of this site, active or not, in code order; empty for an unknown site. */
  List<WorkCenterView> workCenters(String siteCode);

  boolean siteExists(String siteCode);

  /** The zone of the site's clock (its shifts and its business days); empty for an unknown site. */
  Optional<java.time.ZoneId> timeZone(String siteCode);

  /** The work units (machines) of this site, active or not, in code order; empty for none. */
  List<WorkUnitView> workUnits(String siteCode);

  /** The work unit (machine) with this code at this site, active or not. */
  Optional<WorkUnitView> workUnit(String siteCode, String workUnitCode);

  /**
   * The concrete shifts of the site's calendar that overlap {@code [from, to)}, in UTC, oldest
   * first, each with its breaks and planned non-working time cut out. This is the planned
   * production time OEE divides by.
   *
   * @throws dev.takt.shared.NotFoundException when the site does not exist
   * @throws dev.takt.shared.InvalidInputException when {@code to} is not after {@code from} or the
   *     range is longer than {@value #MAX_SHIFT_RANGE_DAYS} days
   */
  List<ShiftInstance> shifts(String siteCode, Instant from, Instant to);

  /** The longest range {@link #shifts} expands at once: a leap year. */
  int MAX_SHIFT_RANGE_DAYS = 366;
}
