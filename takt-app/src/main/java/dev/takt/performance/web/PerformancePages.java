package dev.takt.performance.web;

import dev.takt.performance.internal.LiveFeed;
import dev.takt.performance.internal.OeeService;
import dev.takt.performance.internal.Params;
import dev.takt.performance.internal.Scope;
import dev.takt.performance.internal.ShiftReports;
import dev.takt.performance.internal.Views;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.web.Breadcrumb;
import dev.takt.web.CurrentSite;
import dev.takt.web.PageController;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shift leader's pages: the live plant view (tiles updated by Server-Sent Events), the OEE
 * dashboard with its drill-down from site to area to work unit to single downtimes, and the shift
 * report (printable, and as PDF from {@link ShiftReportPdf}).
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
class PerformancePages {

  static final String PLANT = "/performance/plant";
  static final String DASHBOARD = "/performance";
  static final String SHIFTS = "/performance/shifts";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final OeeService oee;
  private final ShiftReports shiftReports;
  private final LiveFeed feed;
  private final CurrentSite currentSite;
  private final MessageSource messages;
  private final Clock clock;

  PerformancePages(
      OeeService oee,
      ShiftReports shiftReports,
      LiveFeed feed,
      CurrentSite currentSite,
      MessageSource messages,
      Clock clock) {
    this.oee = oee;
    this.shiftReports = shiftReports;
    this.feed = feed;
    this.currentSite = currentSite;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping(PLANT)
  String plant(@RequestParam(required = false) String site, HttpSession session, Model model) {
    if (site == null || site.isBlank()) {
      site = currentSite.get(session).orElse(null);
    } else {
      site = Scope.parse("site:" + site).site();
    }
    List<Views.Tile> tiles = site == null ? List.of() : oee.tiles(site);
    model.addAttribute("site", site);
    model.addAttribute("tiles", tiles);
    model.addAttribute("now", clock.instant());
    model.addAttribute("tab", "plant");
    model.addAttribute("breadcrumbs", List.of(new Breadcrumb(text("performance.plant"), PLANT)));
    return "performance/plant";
  }

  /** The live feed of the plant view: a {@code tile} event per changed work unit. */
  // no 'produces': a caller without the role must get its 403, whatever it accepts
  @GetMapping(PLANT + "/events")
  SseEmitter plantEvents(@RequestParam String site) {
    Scope scope = Scope.parse("site:" + site);
    oee.resolve(scope);
    return feed.subscribe(scope.site());
  }

  @GetMapping(DASHBOARD)
  String dashboard(
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String day,
      HttpSession session,
      Model model) {
    String site = currentSite.get(session).orElse(null);
    model.addAttribute("tab", "dashboard");
    model.addAttribute(
        "breadcrumbs", List.of(new Breadcrumb(text("performance.dashboard"), DASHBOARD)));
    if (site == null && scope == null) {
      model.addAttribute("site", null);
      return "performance/dashboard";
    }
    Scope s = scope == null || scope.isBlank() ? Scope.site(site) : Scope.parse(scope);
    OeeService.Resolved r = oee.resolve(s);
    ZoneId zone = r.zone();
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    String fromText = from == null || from.isBlank() ? today.minusDays(6).toString() : from;
    String toText = to == null || to.isBlank() ? today.toString() : to;
    Instant[] range = Params.range(fromText, toText, zone, clock);
    LocalDate ganttDay = day == null || day.isBlank() ? today : parseDay(day);
    Views.Breakdown childLevel =
        switch (s.level()) {
          case SITE -> Views.Breakdown.AREA;
          case AREA -> Views.Breakdown.WORK_CENTER;
          case WORK_CENTER, WORK_UNIT -> Views.Breakdown.WORK_UNIT;
        };
    Views.OeeReport total =
        oee.oee(r, range[0], range[1], Views.GroupBy.NONE, Views.Breakdown.NONE);
    Views.OeeReport children = oee.oee(r, range[0], range[1], Views.GroupBy.NONE, childLevel);
    Views.OeeReport byShift =
        oee.oee(r, range[0], range[1], Views.GroupBy.SHIFT, Views.Breakdown.NONE);
    Views.OeeReport byDay = oee.oee(r, range[0], range[1], Views.GroupBy.DAY, Views.Breakdown.NONE);
    Views.Losses losses = oee.losses(r, range[0], range[1]);
    Views.Timeline timeline =
        oee.timeline(
            r,
            ganttDay.atStartOfDay(zone).toInstant(),
            ganttDay.plusDays(1).atStartOfDay(zone).toInstant());
    List<Views.DowntimeRecord> downtimes =
        s.level() == Scope.Level.WORK_UNIT ? oee.downtimes(r, range[0], range[1]) : List.of();
    Map<String, Object> charts = new LinkedHashMap<>();
    charts.put("byShift", byShift.rows());
    charts.put("byDay", byDay.rows());
    charts.put("losses", losses);
    charts.put("timeline", timeline);
    charts.put("zone", zone.getId());
    charts.put(
        "labels",
        labels(
            "availability",
            "performance.availability",
            "performance",
            "performance.performance",
            "quality",
            "performance.quality",
            "oee",
            "performance.oee",
            "cumulative",
            "performance.cumulative",
            "minutes",
            "performance.minutes",
            "quantity",
            "performance.quantity",
            "run",
            "performance.status.RUNNING",
            "down",
            "performance.status.DOWN",
            "shift",
            "performance.plannedTime",
            "unclassified",
            "performance.unclassified"));
    model.addAttribute("site", s.site());
    model.addAttribute("scope", s);
    model.addAttribute("from", fromText);
    model.addAttribute("to", toText);
    model.addAttribute("day", ganttDay.toString());
    model.addAttribute("today", today.toString());
    model.addAttribute("yearFrom", today.minusDays(364).toString());
    model.addAttribute("zone", zone);
    model.addAttribute("total", total.rows().isEmpty() ? null : total.rows().getFirst().figures());
    model.addAttribute("children", children.rows());
    model.addAttribute("losses", losses);
    model.addAttribute("downtimes", downtimes);
    model.addAttribute("trail", trail(r));
    model.addAttribute("chartsJson", safeJson(charts));
    return "performance/dashboard";
  }

  @GetMapping(SHIFTS)
  String shifts(
      @RequestParam(required = false) String shift,
      @RequestParam(required = false) String site,
      HttpSession session,
      Model model) {
    if (site == null || site.isBlank()) {
      site = currentSite.get(session).orElse(null);
    } else {
      site = Scope.parse("site:" + site).site();
    }
    model.addAttribute("tab", "shifts");
    model.addAttribute("breadcrumbs", List.of(new Breadcrumb(text("performance.shifts"), SHIFTS)));
    model.addAttribute("site", site);
    if (site == null) {
      return "performance/shifts";
    }
    Instant start = shift == null || shift.isBlank() ? null : parseInstant(shift);
    model.addAttribute("choices", shiftReports.recentShifts(site, 14));
    model.addAttribute("report", shiftReports.report(site, start));
    return "performance/shifts";
  }

  /** The steps of the drill-down trail: site, area, work center, work unit, as deep as it goes. */
  private static List<Breadcrumb> trail(OeeService.Resolved r) {
    Scope s = r.scope();
    List<Breadcrumb> trail = new ArrayList<>();
    trail.add(new Breadcrumb(s.site(), DASHBOARD + "?scope=site:" + s.site()));
    if (s.level() == Scope.Level.SITE) {
      return trail;
    }
    var unit = r.units().isEmpty() ? null : r.units().getFirst();
    if (unit != null && s.level() != Scope.Level.AREA) {
      trail.add(
          new Breadcrumb(
              unit.areaCode(),
              DASHBOARD + "?scope=" + Scope.of(Scope.Level.AREA, s.site(), unit.areaCode())));
      if (s.level() == Scope.Level.WORK_UNIT) {
        trail.add(
            new Breadcrumb(
                unit.workCenterCode(),
                DASHBOARD
                    + "?scope="
                    + Scope.of(Scope.Level.WORK_CENTER, s.site(), unit.workCenterCode())));
      }
    }
    trail.add(new Breadcrumb(s.code(), DASHBOARD + "?scope=" + s));
    return trail;
  }

  private static LocalDate parseDay(String day) {
    try {
      return LocalDate.parse(day.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidInputException("day", "is not a date like 2026-03-02");
    }
  }

  static Instant parseInstant(String text) {
    try {
      return Instant.parse(text.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidInputException("shift", "is not an instant like 2026-03-02T05:00:00Z");
    }
  }

  /** JSON that may sit inside a script element: no '<' that could close it. */
  static String safeJson(Object value) {
    return JSON.writeValueAsString(value).replace("<", "\\u003c");
  }

  /** Chart labels in the user's language: name, message key, name, message key, ... */
  private Map<String, String> labels(String... nameAndKey) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < nameAndKey.length; i += 2) {
      labels.put(nameAndKey[i], text(nameAndKey[i + 1]));
    }
    return labels;
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
