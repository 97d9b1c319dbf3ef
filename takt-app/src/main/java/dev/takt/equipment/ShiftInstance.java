package dev.takt.equipment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One concrete shift of a site's calendar, in UTC. {@code businessDay} is the local date the shift
 * starts on (a night shift belongs to the day it begins). Its length follows the site's clock: a
 * 22:00-06:00 shift lasts 7 hours in a spring-forward night and 9 in a fall-back night.
 *
 * <p>{@code plannedProductionMinutes} is the shift's length minus its breaks minus planned
 * non-working time inside it; time that is both a break and non-working counts once.
 */
public record ShiftInstance(
    String siteCode,
    String shiftCode,
    String shiftName,
    LocalDate businessDay,
    Instant start,
    Instant end,
    List<Break> breaks,
    List<NonWorking> plannedNonWorking,
    long plannedProductionMinutes) {

  public ShiftInstance {
    breaks = List.copyOf(breaks);
    plannedNonWorking = List.copyOf(plannedNonWorking);
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  /** A planned break inside the shift. */
  public record Break(Instant start, Instant end) {}

  /** The part of a planned non-working period (holiday, maintenance) that falls in the shift. */
  public record NonWorking(Instant start, Instant end, String reason) {}
}
