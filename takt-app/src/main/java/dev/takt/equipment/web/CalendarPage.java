package dev.takt.equipment.web;

import dev.takt.equipment.ShiftInstance;
import dev.takt.equipment.internal.ShiftCalendar;
import dev.takt.equipment.internal.ShiftCalendarService;
import dev.takt.equipment.internal.ShiftCalendarView;
import dev.takt.equipment.rest.EquipmentRequests;
import dev.takt.shared.ConflictException;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.web.Flash;
import dev.takt.web.FormErrors;
import dev.takt.web.PageController;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A site's shift calendar: the week view of its pattern, the next two weeks of concrete shifts in
 * the site's zone, and the form that replaces pattern and non-working periods as a whole. Rows are
 * added and removed by the server (a button per row), so the form works without script.
 */
@PageController
@RequiresRole({
  Role.ADMIN,
  Role.PLANNER,
  Role.SUPERVISOR,
  Role.QUALITY,
  Role.AUDITOR,
  Role.INTEGRATION
})
class CalendarPage {

  static final int DAYS_AHEAD = 14;

  /** One concrete shift as the list shows it, in the site's zone. */
  public record ShiftRow(
      String day, String code, String name, String start, String end, String breaks, long minutes) {

    /** Planned production time as hours and minutes, e.g. 7:30. */
    public String hours() {
      return minutes / 60 + ":" + String.format("%02d", minutes % 60);
    }
  }

  private final ShiftCalendarService calendars;
  private final PageSupport page;
  private final Validator validator;
  private final Clock clock;

  CalendarPage(ShiftCalendarService calendars, PageSupport page, Validator validator, Clock clock) {
    this.calendars = calendars;
    this.page = page;
    this.validator = validator;
    this.clock = clock;
  }

  @GetMapping("/plant/sites/{site}/calendar")
  String calendar(@PathVariable String site, HttpSession session, Model model) {
    ShiftCalendarView calendar = calendars.get(site);
    page.showing(calendar.siteCode(), session, model);
    return show(model, calendar, CalendarForm.of(calendar));
  }

  /**
   * {@code action} is {@code save}, or one of the row buttons: {@code add-shift}, {@code
   * remove-shift:i}, {@code add-break:i}, {@code remove-break:i:j}, {@code add-period}, {@code
   * remove-period:i}; those change the form only and show it again.
   */
  @PostMapping("/plant/sites/{site}/calendar")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  String save(
      @PathVariable String site,
      @RequestParam(defaultValue = "save") String action,
      @ModelAttribute("calendarForm") CalendarForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    ShiftCalendarView current = calendars.get(site);
    if (!action.equals("save")) {
      edit(form, action);
      return show(model, current, form);
    }
    EquipmentRequests.ShiftCalendarBody body = body(form, errors);
    if (errors.hasErrors() || !FormErrors.validate(validator, body, errors)) {
      return show(model, current, form);
    }
    try {
      calendars.replace(current.siteCode(), () -> calendar(body), body.version());
    } catch (InvalidInputException | ConflictException e) {
      FormErrors.reject(errors, e);
      return show(model, current, form);
    }
    Flash.success(redirect, page.text("plant.calendar.saved", current.siteCode()));
    return "redirect:/plant/sites/" + current.siteCode() + "/calendar";
  }

  private String show(Model model, ShiftCalendarView calendar, CalendarForm form) {
    Locale locale = LocaleContextHolder.getLocale();
    ZoneId zone = ZoneId.of(calendar.timeZone());
    model.addAttribute("calendar", calendar);
    model.addAttribute("calendarForm", form);
    model.addAttribute(
        "week", WeekView.of(new ShiftCalendar(calendar.shifts(), calendar.plannedNonWorking())));
    model.addAttribute(
        "weekdays",
        List.of(DayOfWeek.values()).stream()
            .map(d -> new String[] {d.name(), d.getDisplayName(TextStyle.SHORT, locale)})
            .toList());
    model.addAttribute("upcoming", upcoming(calendar.siteCode(), zone, locale));
    model.addAttribute("canWrite", page.mayWrite());
    model.addAttribute(
        "breadcrumbs", page.breadcrumbs(calendar.siteCode(), page.text("plant.calendar.title")));
    return "equipment/calendar";
  }

  private List<ShiftRow> upcoming(String site, ZoneId zone, Locale locale) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    var from = today.atStartOfDay(zone).toInstant();
    var to = today.plusDays(DAYS_AHEAD).atStartOfDay(zone).toInstant();
    DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", locale);
    DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
    DateTimeFormatter dateTime = DateTimeFormatter.ofPattern("EEE HH:mm", locale).withZone(zone);
    List<ShiftRow> rows = new ArrayList<>();
    for (ShiftInstance s : calendars.shifts(site, from, to)) {
      Function<java.time.Instant, String> end =
          at ->
              LocalDate.ofInstant(at, zone).equals(s.businessDay())
                  ? time.format(at)
                  : dateTime.format(at);
      String breaks =
          String.join(
              ", ",
              s.breaks().stream()
                  .map(b -> time.format(b.start()) + "–" + time.format(b.end()))
                  .toList());
      rows.add(
          new ShiftRow(
              day.format(s.businessDay()),
              s.shiftCode(),
              s.shiftName(),
              time.format(s.start()),
              end.apply(s.end()),
              breaks,
              s.plannedProductionMinutes()));
    }
    return rows;
  }

  /** The API request the form stands for; times that are not times are marked on the form. */
  private static EquipmentRequests.ShiftCalendarBody body(CalendarForm form, BindingResult errors) {
    List<EquipmentRequests.Shift> shifts = new ArrayList<>();
    for (int i = 0; i < form.getShifts().size(); i++) {
      CalendarForm.ShiftForm s = form.getShifts().get(i);
      String path = "shifts[" + i + "]";
      List<EquipmentRequests.Break> breaks = new ArrayList<>();
      for (int j = 0; j < s.getBreaks().size(); j++) {
        CalendarForm.BreakForm b = s.getBreaks().get(j);
        String breakPath = path + ".breaks[" + j + "]";
        breaks.add(
            new EquipmentRequests.Break(
                time(b.getStart(), breakPath + ".start", errors),
                time(b.getEnd(), breakPath + ".end", errors)));
      }
      Set<DayOfWeek> weekdays = new LinkedHashSet<>();
      for (String d : s.getWeekdays()) {
        try {
          weekdays.add(DayOfWeek.valueOf(d));
        } catch (IllegalArgumentException notADay) {
          errors.rejectValue(path + ".weekdays", "invalid", "'" + d + "' is not a weekday");
        }
      }
      shifts.add(
          new EquipmentRequests.Shift(
              blankToNull(s.getCode()),
              blankToNull(s.getName()),
              time(s.getStart(), path + ".start", errors),
              time(s.getEnd(), path + ".end", errors),
              weekdays,
              breaks));
    }
    List<EquipmentRequests.NonWorking> periods = new ArrayList<>();
    for (int i = 0; i < form.getPlannedNonWorking().size(); i++) {
      CalendarForm.NonWorkingForm n = form.getPlannedNonWorking().get(i);
      String path = "plannedNonWorking[" + i + "]";
      periods.add(
          new EquipmentRequests.NonWorking(
              dateTime(n.getFrom(), path + ".from", errors),
              dateTime(n.getTo(), path + ".to", errors),
              blankToNull(n.getReason())));
    }
    return new EquipmentRequests.ShiftCalendarBody(shifts, periods, form.getVersion());
  }

  private static ShiftCalendar calendar(EquipmentRequests.ShiftCalendarBody body) {
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
                        s.breaks().stream()
                            .map(b -> new ShiftCalendar.BreakPattern(b.start(), b.end()))
                            .toList()))
            .toList(),
        body.plannedNonWorking().stream()
            .map(n -> new ShiftCalendar.PlannedNonWorking(n.from(), n.to(), n.reason()))
            .toList());
  }

  /** Applies a row button to the form. */
  private static void edit(CalendarForm form, String action) {
    String[] parts = action.split(":");
    try {
      switch (parts[0]) {
        case "add-shift" -> form.getShifts().add(new CalendarForm.ShiftForm());
        case "remove-shift" -> form.getShifts().remove(Integer.parseInt(parts[1]));
        case "add-break" ->
            form.getShifts()
                .get(Integer.parseInt(parts[1]))
                .getBreaks()
                .add(new CalendarForm.BreakForm());
        case "remove-break" ->
            form.getShifts()
                .get(Integer.parseInt(parts[1]))
                .getBreaks()
                .remove(Integer.parseInt(parts[2]));
        case "add-period" -> form.getPlannedNonWorking().add(new CalendarForm.NonWorkingForm());
        case "remove-period" -> form.getPlannedNonWorking().remove(Integer.parseInt(parts[1]));
        default -> throw new InvalidInputException("action", "unknown action '" + action + "'");
      }
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      throw new InvalidInputException("action", "no row for action '" + action + "'");
    }
  }

  private static LocalTime time(String text, String field, BindingResult errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      errors.rejectValue(field, "invalid", "'" + text + "' is not a time such as 06:00");
      return null;
    }
  }

  private static LocalDateTime dateTime(String text, String field, BindingResult errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(text);
    } catch (DateTimeParseException e) {
      errors.rejectValue(
          field, "invalid", "'" + text + "' is not a date and time such as 2026-12-24T06:00");
      return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
