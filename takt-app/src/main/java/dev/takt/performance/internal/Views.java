package dev.takt.performance.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the OEE views answer, as the API and the pages show them. */
public final class Views {

  private Views() {}

  /** How a view is cut in time. */
  public enum GroupBy {
    SHIFT,
    DAY,
    WEEK,
    MONTH,
    NONE
  }

  /** Below which level of the plant model a view is broken down (NONE: the scope as a whole). */
  public enum Breakdown {
    NONE,
    AREA,
    WORK_CENTER,
    WORK_UNIT
  }

  /** OEE of a scope over a range, one row per time group (and child of the breakdown). */
  public record OeeReport(
      String scope,
      String site,
      Instant from,
      Instant to,
      GroupBy groupBy,
      Breakdown by,
      int workUnits,
      List<OeeRow> rows) {}

  /**
   * One time group (a shift, day, week or month; {@code group} "-" for time outside every shift) of
   * one scope: {@code scope} is the child of the breakdown (e.g. workUnit:DEMO/CNC-01).
   */
  public record OeeRow(
      String group, String label, Instant from, Instant to, String scope, OeeFigures figures) {}

  /** The loss Pareto of a scope over a range. */
  public record Losses(
      String scope,
      Instant from,
      Instant to,
      List<DowntimeLoss> downtimeByReason,
      List<CategoryLoss> downtimeByCategory,
      List<ScrapLoss> scrapByReason,
      BigDecimal speedLossSeconds,
      long microStopSeconds,
      long unclassifiedSeconds) {}

  /** Downtime of one reason ('' unclassified), inside planned production time. */
  public record DowntimeLoss(
      String reason,
      String name,
      String category,
      boolean planned,
      String colour,
      long seconds,
      long stops,
      BigDecimal cumulativePercent) {}

  public record CategoryLoss(String category, long seconds, BigDecimal cumulativePercent) {}

  public record ScrapLoss(
      String kind, String reason, String name, BigDecimal quantity, BigDecimal cumulativePercent) {}

  /** One downtime as the drill-down lists it. */
  public record DowntimeRecord(
      UUID downtimeId,
      String site,
      String workUnit,
      String reason,
      String reasonName,
      String category,
      Instant openedAt,
      Instant closedAt,
      long seconds,
      boolean open,
      boolean microStop) {}

  /** The timeline (Gantt) of work units over a range: shifts, runs and stops. */
  public record Timeline(Instant from, Instant to, List<UnitTimeline> units) {}

  public record UnitTimeline(String workUnit, List<Segment> segments) {}

  /** kind: SHIFT (planned production), RUN (on an operation), SETUP, DOWN. */
  public record Segment(String kind, Instant from, Instant to, String label, String colour) {}

  /** An order's OEE over the time its operations ran, per work unit and in total. */
  public record OrderOee(String orderNumber, String site, OeeFigures total, List<OrderRun> runs) {}

  public record OrderRun(
      UUID operationId, String workUnit, Instant from, Instant to, OeeFigures figures) {}

  /** A tile of the plant view. */
  public record Tile(
      String site,
      String workUnit,
      String name,
      String workCenter,
      String area,
      String status,
      Instant since,
      String orderNumber,
      Integer sequence,
      String reason,
      String reasonName,
      String reasonColour,
      UUID downtimeId,
      BigDecimal shiftOee,
      BigDecimal shiftAvailability,
      BigDecimal shiftPerformance,
      BigDecimal shiftQuality,
      String shift) {}
}
