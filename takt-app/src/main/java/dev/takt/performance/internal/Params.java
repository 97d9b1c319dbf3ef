package dev.takt.performance.internal;

import dev.takt.performance.internal.Views.Breakdown;
import dev.takt.performance.internal.Views.GroupBy;
import dev.takt.shared.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads the query parameters of the OEE views as a person or a script writes them: instants ({@code
 * 2026-03-02T05:00:00Z}, with or without offset) or local dates of the site ({@code 2026-03-02}:
 * from its midnight; as {@code to}, through the end of that day).
 */
public final class Params {

  private Params() {}

  /** The range asked for; without {@code from} and {@code to}, the last seven days. */
  public static Instant[] range(String from, String to, ZoneId zone, Clock clock) {
    Instant end = to == null || to.isBlank() ? clock.instant() : instant("to", to, zone, true);
    Instant start =
        from == null || from.isBlank()
            ? end.minus(Duration.ofDays(7))
            : instant("from", from, zone, false);
    return new Instant[] {start, end};
  }

  static Instant instant(String field, String text, ZoneId zone, boolean endOfDay) {
    if (text.length() > 40) {
      throw new InvalidInputException(field, "is longer than 40 characters");
    }
    String t = text.strip();
    try {
      if (t.length() == 10) {
        LocalDate day = LocalDate.parse(t);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
      }
      if (t.endsWith("Z")) {
        return Instant.parse(t);
      }
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          field,
          "'" + t + "' is neither a date (2026-03-02) nor an instant (2026-03-02T05:00:00Z)");
    }
  }

  public static GroupBy groupBy(String text) {
    if (text == null || text.isBlank()) {
      return GroupBy.DAY;
    }
    try {
      return GroupBy.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("groupBy", "must be one of shift, day, week, month, none");
    }
  }

  public static Breakdown breakdown(String text) {
    if (text == null || text.isBlank()) {
      return Breakdown.NONE;
    }
    return switch (text.strip()) {
      case "none" -> Breakdown.NONE;
      case "area" -> Breakdown.AREA;
      case "workCenter" -> Breakdown.WORK_CENTER;
      case "workUnit" -> Breakdown.WORK_UNIT;
      default ->
          throw new InvalidInputException("by", "must be one of none, area, workCenter, workUnit");
    };
  }
}
