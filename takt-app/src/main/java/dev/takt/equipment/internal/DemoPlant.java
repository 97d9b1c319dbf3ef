package dev.takt.equipment.internal;

import dev.takt.demo.DemoPlantRequested;
import dev.takt.equipment.AreaView;
import dev.takt.equipment.WorkCenterView;
import dev.takt.equipment.WorkUnitView;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo plant's equipment: a pump factory with a machining and an assembly area, three shifts on
 * weekdays and the Christmas shutdown as planned non-working time.
 */
@Component
class DemoPlant {

  private static final Set<DayOfWeek> WEEKDAYS =
      EnumSet.of(
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY);

  private final SiteService sites;
  private final ElementService<AreaView> areas;
  private final ElementService<WorkCenterView> workCenters;
  private final ElementService<WorkUnitView> workUnits;
  private final ShiftCalendarService calendars;

  DemoPlant(
      SiteService sites,
      ElementService<AreaView> areas,
      ElementService<WorkCenterView> workCenters,
      ElementService<WorkUnitView> workUnits,
      ShiftCalendarService calendars) {
    this.sites = sites;
    this.areas = areas;
    this.workCenters = workCenters;
    this.workUnits = workUnits;
    this.calendars = calendars;
  }

  @EventListener
  @Order(DemoPlantRequested.Order.EQUIPMENT)
  void seed(DemoPlantRequested demo) {
    String site = demo.siteCode();
    sites.open(site, "Takt Demo Pump Works", "Europe/Berlin");

    areas.create(site, null, "MACH", "Machining");
    areas.create(site, null, "ASSY", "Assembly");

    workCenters.create(site, "MACH", "TURN", "CNC turning");
    workCenters.create(site, "MACH", "MILL", "CNC milling");
    workCenters.create(site, "ASSY", "ASSY-LINE", "Pump assembly line");
    workCenters.create(site, "ASSY", "TEST", "End-of-line test");

    workUnits.create(site, "TURN", "CNC-01", "Lathe DMG CTX 450 #1");
    workUnits.create(site, "TURN", "CNC-02", "Lathe DMG CTX 450 #2");
    workUnits.create(site, "MILL", "MILL-01", "Machining centre DMU 50");
    workUnits.create(site, "ASSY-LINE", "ASSY-01", "Assembly station 1");
    workUnits.create(site, "ASSY-LINE", "ASSY-02", "Assembly station 2");
    workUnits.create(site, "TEST", "TEST-01", "Pump test bench");

    int year = Year.now().getValue();
    calendars.replace(
        site,
        () ->
            new ShiftCalendar(
                List.of(
                    shift("EARLY", "Early shift", 6, 14, 9),
                    shift("LATE", "Late shift", 14, 22, 18),
                    shift("NIGHT", "Night shift", 22, 6, 2)),
                List.of(
                    new ShiftCalendar.PlannedNonWorking(
                        LocalDate.of(year, 12, 24).atStartOfDay(),
                        LocalDate.of(year + 1, 1, 2).atStartOfDay(),
                        "Christmas shutdown"))),
        0);
  }

  /** An eight-hour shift on weekdays with a half-hour break. */
  private static ShiftCalendar.ShiftPattern shift(
      String code, String name, int from, int to, int breakAt) {
    return new ShiftCalendar.ShiftPattern(
        code,
        name,
        LocalTime.of(from, 0),
        LocalTime.of(to, 0),
        WEEKDAYS,
        List.of(
            new ShiftCalendar.BreakPattern(LocalTime.of(breakAt, 0), LocalTime.of(breakAt, 30))));
  }
}
