package dev.takt.performance.internal;

import dev.takt.demo.DemoPlantRequested;
import dev.takt.equipment.Equipment;
import dev.takt.equipment.ShiftInstance;
import dev.takt.equipment.WorkUnitView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo plant's last week, so that the OEE dashboard and the shift report show something on the
 * first start. Execution books only at the present moment, so this history is written straight into
 * this module's own tables (stops and counts of finished orders PO-0990x that never existed in
 * orders), the same way the event handlers write them. What happens from the first start on comes
 * from real bookings. Seeded with a fixed seed: the same demo every time.
 */
@Component
class DemoHistory {

  private static final String[] STOPS = {
    "BRK-MECH", "BRK-ELEC", "SET-CHANGE", "SET-TOOL", "ORG-NOMAT", "ORG-NOOP", "PLN-MEET", null
  };
  private static final String[] SCRAP = {"SCR-DIM", "SCR-SURF", "SCR-MAT", "SCR-SETUP"};

  private final Equipment equipment;
  private final BucketStore buckets;
  private final JdbcClient jdbc;
  private final Clock clock;

  DemoHistory(Equipment equipment, BucketStore buckets, JdbcClient jdbc, Clock clock) {
    this.equipment = equipment;
    this.buckets = buckets;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @EventListener
  @Order(DemoPlantRequested.Order.LATER_MODULES + 100)
  void seed(DemoPlantRequested demo) {
    String site = demo.siteCode();
    Instant now = clock.instant();
    Instant from = now.minus(Duration.ofDays(7));
    SiteCalendar cal = buckets.calendar(site, from.minus(Duration.ofDays(1)), now.plusSeconds(1));
    Random random = new Random(20260302L);
    List<WorkUnitView> units = equipment.workUnits(site);
    int orderNo = 0;
    for (WorkUnitView unit : units) {
      BigDecimal cycle = BigDecimal.valueOf(unit.code().startsWith("ASSY") ? 90 : 40);
      for (ShiftInstance shift : cal.shifts()) {
        if (shift.start().isBefore(from) || !shift.start().isBefore(now)) {
          continue; // the running shift up to now, so the plant view has a shift OEE too
        }
        String order = "PO-099" + String.format("%02d", (orderNo++ % 12) + 1);
        double speed = 0.78 + random.nextDouble() * 0.17;
        // stops: a few per shift, one of them maybe unclassified or a micro-stop
        Instant cursor = shift.start().plus(Duration.ofMinutes(20 + random.nextInt(40)));
        int stops = 1 + random.nextInt(3);
        for (int i = 0; i < stops && cursor.isBefore(shift.end()); i++) {
          String reason = STOPS[random.nextInt(STOPS.length)];
          long minutes = random.nextInt(6) == 0 ? 2 + random.nextInt(3) : 5 + random.nextInt(40);
          Instant end = cursor.plus(Duration.ofMinutes(minutes));
          if (end.isAfter(shift.end()) || end.isAfter(now)) {
            break;
          }
          jdbc.sql(
                  """
                  INSERT INTO performance_stop (downtime_id, site, work_unit, reason, reason_at,
                    opened_at, closed_at)
                  VALUES (:id, :site, :unit, :reason, :opened, :opened, :closed)
                  """)
              .param("id", UUID.randomUUID())
              .param("site", site)
              .param("unit", unit.code())
              .param("reason", reason)
              .param("opened", Sql.ts(cursor))
              .param("closed", Sql.ts(end))
              .update();
          cursor = end.plus(Duration.ofMinutes(40 + random.nextInt(120)));
        }
        // counts: one report an hour, at the ideal rate slowed by the shift's speed
        for (Instant hour = shift.start();
            hour.isBefore(shift.end());
            hour = hour.plus(Duration.ofHours(1))) {
          Instant hourEnd = SiteCalendar.min(hour.plus(Duration.ofHours(1)), shift.end());
          if (hourEnd.isAfter(now)) {
            break;
          }
          long planned = cal.plannedMillis(hour, hourEnd) / 1000;
          long total = Math.round(planned / cycle.doubleValue() * speed);
          if (total <= 0) {
            continue;
          }
          long scrap = random.nextInt(10) < 3 ? 1 + random.nextInt(3) : 0;
          buckets.addCounts(
              cal,
              site,
              unit.code(),
              order,
              hourEnd.minusSeconds(60),
              BigDecimal.valueOf(total - scrap),
              BigDecimal.valueOf(scrap),
              scrap > 0 ? SCRAP[random.nextInt(SCRAP.length)] : null,
              BigDecimal.ZERO,
              null,
              cycle.multiply(BigDecimal.valueOf(total)));
        }
      }
      buckets.rebuildStops(site, unit.code(), from.minus(Duration.ofDays(1)), now);
    }
  }
}
