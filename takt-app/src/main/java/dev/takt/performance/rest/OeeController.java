package dev.takt.performance.rest;

import dev.takt.performance.internal.OeeFigures;
import dev.takt.performance.internal.OeeService;
import dev.takt.performance.internal.Params;
import dev.takt.performance.internal.Scope;
import dev.takt.performance.internal.Views;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/oee")
@RequiresRole({
  Role.ADMIN,
  Role.PLANNER,
  Role.SUPERVISOR,
  Role.QUALITY,
  Role.AUDITOR,
  Role.INTEGRATION
})
@Tag(name = "OEE", description = "Availability, performance, quality and their losses")
class OeeController {

  static final MediaType CSV =
      new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final OeeService oee;
  private final Clock clock;

  OeeController(OeeService oee, Clock clock) {
    this.oee = oee;
    this.clock = clock;
  }

  @GetMapping
  @Operation(
      summary =
          "OEE of a scope (site:S, area:S/A, workCenter:S/W, workUnit:S/U) per shift, day, week,"
              + " month or for the whole range (groupBy=none); by= breaks it down; fields= keeps"
              + " only the named figures in JSON (e.g. fields=availability,performance,quality,oee"
              + " for a year of daily OEE); layout=grid gives the groups and scopes once and each"
              + " figure as an array per group with a value per scope (a heat map), layout=rows"
              + " (default) a row per group and scope; CSV (always rows) with format=csv or"
              + " Accept: text/csv")
  ResponseEntity<?> oee(
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String groupBy,
      @RequestParam(required = false) String by,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String fields,
      @RequestParam(required = false) String layout,
      @RequestHeader(value = "Accept", required = false) String accept) {
    boolean csv = csv(format, accept);
    Scope s = Scope.parse(scope);
    Views.GroupBy g = Params.groupBy(groupBy);
    Views.Breakdown b = Params.breakdown(by);
    FigureFields selected = FigureFields.parse(fields);
    boolean grid = grid(layout);
    Asked a = asked(s, from, to);
    Views.OeeReport report = oee.oee(a.scope(), a.from(), a.to(), g, b);
    if (!csv) {
      Object body =
          grid
              ? (selected == null ? FigureFields.all() : selected).grid(report)
              : selected == null ? report : selected.of(report);
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(
            "Content-Disposition",
            "attachment; filename=\"oee-"
                + s.toString().replaceAll("[^A-Za-z0-9-]", "_")
                + ".csv\"")
        .body(csv(report));
  }

  @GetMapping("/losses")
  @Operation(
      summary =
          "Loss Pareto: downtime by reason and by category, scrap and rework by reason, speed"
              + " loss, micro-stops and unclassified time")
  Views.Losses losses(
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Scope s = Scope.parse(scope);
    Asked a = asked(s, from, to);
    return oee.losses(a.scope(), a.from(), a.to());
  }

  @GetMapping("/downtimes")
  @Operation(summary = "The downtime records of a scope that overlap a range, newest first")
  List<Views.DowntimeRecord> downtimes(
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Scope s = Scope.parse(scope);
    Asked a = asked(s, from, to);
    return oee.downtimes(a.scope(), a.from(), a.to());
  }

  @GetMapping("/timeline")
  @Operation(summary = "Shifts, runs and stops per work unit (a Gantt), at most 7 days")
  Views.Timeline timeline(
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Scope s = Scope.parse(scope);
    Asked a = asked(s, from, to);
    return oee.timeline(a.scope(), a.from(), a.to());
  }

  @GetMapping("/orders/{orderNumber}")
  @Operation(summary = "OEE of a production order over the time its operations ran")
  Views.OrderOee order(@PathVariable String orderNumber) {
    if (orderNumber.length() > 40) {
      throw new InvalidInputException("orderNumber", "is longer than 40 characters");
    }
    return oee.order(orderNumber);
  }

  @GetMapping("/plant")
  @Operation(summary = "The plant view: every active work unit of a site with its state now")
  List<Views.Tile> plant(@RequestParam(required = false) String site) {
    Scope s = Scope.parse(site == null ? null : "site:" + site);
    return oee.tiles(s.site());
  }

  /** A scope resolved once (its site checked) and a range read in the site's zone. */
  private record Asked(OeeService.Resolved scope, Instant from, Instant to) {}

  private Asked asked(Scope s, String from, String to) {
    OeeService.Resolved r = oee.resolve(s);
    Instant[] range = Params.range(from, to, r.zone(), clock);
    return new Asked(r, range[0], range[1]);
  }

  private static boolean grid(String layout) {
    if (layout == null || layout.isBlank()) {
      return false;
    }
    return switch (layout.strip().toLowerCase(Locale.ROOT)) {
      case "grid" -> true;
      case "rows" -> false;
      default -> throw new InvalidInputException("layout", "must be rows or grid");
    };
  }

  private static boolean csv(String format, String accept) {
    if (format != null && !format.isBlank()) {
      return switch (format.strip().toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw new InvalidInputException("format", "must be csv or json");
      };
    }
    return accept != null
        && accept.toLowerCase(Locale.ROOT).contains("text/csv")
        && !accept.toLowerCase(Locale.ROOT).contains("json");
  }

  static String csv(Views.OeeReport report) {
    StringBuilder out = new StringBuilder();
    out.append(
        "group,label,from,to,scope,calendarSeconds,plannedSeconds,plannedStopSeconds,"
            + "plannedProductionSeconds,availabilityLossSeconds,unclassifiedSeconds,"
            + "performanceStopSeconds,runSeconds,idealSeconds,good,scrap,rework,total,"
            + "availability,performance,quality,oee,teep,firstPassYield,failures,mtbfSeconds,"
            + "mttrSeconds\r\n");
    for (Views.OeeRow row : report.rows()) {
      OeeFigures f = row.figures();
      Object[] values = {
        row.group(),
        row.label(),
        row.from(),
        row.to(),
        row.scope(),
        f.calendarSeconds(),
        f.plannedSeconds(),
        f.plannedStopSeconds(),
        f.plannedProductionSeconds(),
        f.availabilityLossSeconds(),
        f.unclassifiedSeconds(),
        f.performanceStopSeconds(),
        f.runSeconds(),
        f.idealSeconds(),
        f.good(),
        f.scrap(),
        f.rework(),
        f.total(),
        f.availability(),
        f.performance(),
        f.quality(),
        f.oee(),
        f.teep(),
        f.firstPassYield(),
        f.failures(),
        f.mtbfSeconds(),
        f.mttrSeconds()
      };
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(cell(values[i]));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    // RFC 4180 quoting; a leading formula character is neutralised for spreadsheets
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
