package dev.takt.equipment.rest;

import dev.takt.equipment.ShiftInstance;
import dev.takt.equipment.internal.ShiftCalendar;
import dev.takt.equipment.internal.ShiftCalendarService;
import dev.takt.equipment.internal.ShiftCalendarView;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A site's shift calendar and the concrete shifts it yields. */
@RestController
@RequestMapping("/api/v1/sites/{site}/shift-calendar")
@RequiresRole({
  Role.ADMIN,
  Role.PLANNER,
  Role.SUPERVISOR,
  Role.OPERATOR,
  Role.QUALITY,
  Role.AUDITOR,
  Role.INTEGRATION
})
@Tag(name = "Shift calendars", description = "Weekly shift patterns and planned non-working time")
class ShiftCalendarController {

  private final ShiftCalendarService calendars;

  ShiftCalendarController(ShiftCalendarService calendars) {
    this.calendars = calendars;
  }

  @GetMapping
  @Operation(summary = "The site's calendar in local time (version 0: never set)")
  ShiftCalendarView get(@PathVariable String site) {
    return calendars.get(site);
  }

  @PutMapping
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  @Operation(summary = "Replace the whole calendar (send the version you read)")
  ShiftCalendarView replace(
      @PathVariable String site, @Valid @RequestBody EquipmentRequests.ShiftCalendarBody body) {
    return calendars.replace(site, () -> toCalendar(body), body.version());
  }

  @GetMapping("/shifts")
  @Operation(
      summary =
          "The concrete shifts overlapping [from, to) in UTC, with breaks, planned non-working"
              + " time and planned production minutes; at most 366 days at once")
  List<ShiftInstance> shifts(
      @PathVariable String site, @RequestParam Instant from, @RequestParam Instant to) {
    return calendars.shifts(site, from, to);
  }

  private static ShiftCalendar toCalendar(EquipmentRequests.ShiftCalendarBody body) {
    return new ShiftCalendar(
        body.shifts().stream()
            .map(
                s ->
                    new ShiftCalendar.ShiftPattern(
                        s.code(),
                        s.name(),
                        s.start(),
                        s.end(),
                        s.weekdays(),
                        s.breaks() == null
                            ? List.of()
                            : s.breaks().stream()
                                .map(b -> new ShiftCalendar.BreakPattern(b.start(), b.end()))
                                .toList()))
            .toList(),
        body.plannedNonWorking().stream()
            .map(n -> new ShiftCalendar.PlannedNonWorking(n.from(), n.to(), n.reason()))
            .toList());
  }
}
