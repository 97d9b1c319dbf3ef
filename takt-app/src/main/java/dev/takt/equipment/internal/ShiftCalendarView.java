package dev.takt.equipment.internal;

import java.util.List;

/**
 * A site's shift calendar as the API shows and the audit trail records it; version 0 = never set.
 */
public record ShiftCalendarView(
    String siteCode,
    String timeZone,
    List<ShiftCalendar.ShiftPattern> shifts,
    List<ShiftCalendar.PlannedNonWorking> plannedNonWorking,
    long version) {}
