package dev.takt.machines.rest;

import dev.takt.machines.MachineStatusView;
import dev.takt.machines.internal.MachineStatusService;
import dev.takt.machines.internal.MappingService;
import dev.takt.machines.internal.ProcessValues;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A work unit's machine mapping, its machine state, state history, alarms and process values. */
@RestController
@RequiresRole({
  Role.ADMIN,
  Role.PLANNER,
  Role.SUPERVISOR,
  Role.OPERATOR,
  Role.QUALITY,
  Role.AUDITOR,
  Role.INTEGRATION
})
@Tag(name = "Machine data", description = "Machine mappings, states, alarms and process values")
class MachineController {

  private static final String UNIT = "/api/v1/work-units/{site}/{workUnit}";

  private final MappingService mappings;
  private final MachineStatusService states;
  private final ProcessValues processValues;

  MachineController(
      MappingService mappings, MachineStatusService states, ProcessValues processValues) {
    this.mappings = mappings;
    this.states = states;
    this.processValues = processValues;
  }

  @GetMapping(UNIT + "/machine-mapping")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION, Role.SUPERVISOR, Role.PLANNER, Role.AUDITOR})
  MappingService.MappingView mapping(@PathVariable String site, @PathVariable String workUnit) {
    return mappings.get(site, workUnit);
  }

  @PutMapping(UNIT + "/machine-mapping")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  @Operation(
      summary =
          "Create or replace the machine mapping (signals, state, counters, alarms, process"
              + " values); If-Match: the version you read")
  MappingService.MappingView putMapping(
      @PathVariable String site,
      @PathVariable String workUnit,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody JsonNode body) {
    return mappings.put(site, workUnit, body, version(ifMatch));
  }

  @DeleteMapping(UNIT + "/machine-mapping")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  ResponseEntity<Void> deleteMapping(@PathVariable String site, @PathVariable String workUnit) {
    mappings.delete(site, workUnit);
    return ResponseEntity.noContent().build();
  }

  @GetMapping(UNIT + "/machine-state")
  @Operation(summary = "The work unit's machine state now, since when, and its active alarms")
  MachineStatusView state(@PathVariable String site, @PathVariable String workUnit) {
    return states
        .state(site, workUnit)
        .orElseThrow(() -> new NotFoundException("machine mapping", site + "/" + workUnit));
  }

  @GetMapping(UNIT + "/machine-states")
  @Operation(summary = "Machine-state intervals overlapping [from, to), oldest first")
  List<MachineStatusService.Interval> intervals(
      @PathVariable String site,
      @PathVariable String workUnit,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to) {
    return states.intervals(site, workUnit, from, to);
  }

  @GetMapping(UNIT + "/alarms")
  @Operation(summary = "The work unit's alarms, newest first")
  List<MachineStatusService.AlarmView> alarms(
      @PathVariable String site, @PathVariable String workUnit) {
    return states.alarms(site, workUnit);
  }

  @GetMapping(UNIT + "/process-values/{signal}")
  @Operation(
      summary =
          "A process value over [from, to) (default: the last hour) in buckets of bucketSeconds"
              + " (avg, min, max, count)")
  ProcessValues.Series processValue(
      @PathVariable String site,
      @PathVariable String workUnit,
      @PathVariable @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]{0,39}") String signal,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) @Min(1) @Max(31_622_400) Long bucketSeconds) {
    return processValues.series(site, workUnit, signal, from, to, bucketSeconds);
  }

  @GetMapping("/api/v1/machine-states")
  @Operation(summary = "The machine state of every mapped work unit of a site")
  List<MachineStatusView> states(
      @RequestParam @Pattern(regexp = ConnectionController.SITE) String site) {
    return states.states(site);
  }

  private static Long version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new dev.takt.shared.InvalidInputException("If-Match", "must be a version number");
    }
  }
}
