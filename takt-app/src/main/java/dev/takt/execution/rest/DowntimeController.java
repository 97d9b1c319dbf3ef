package dev.takt.execution.rest;

import dev.takt.execution.internal.Downtime;
import dev.takt.execution.internal.DowntimeService;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.web.RequiresIdempotencyKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/work-units/{site}/{workUnit}/downtimes")
@RequiresRole({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN})
@Tag(name = "Shop floor: downtime", description = "Stops of a work unit and their reasons")
class DowntimeController {

  private final DowntimeService downtimes;

  DowntimeController(DowntimeService downtimes) {
    this.downtimes = downtimes;
  }

  @PostMapping
  @RequiresIdempotencyKey
  @Operation(summary = "Open a downtime (the work unit stopped), with or without a reason yet")
  ResponseEntity<Downtime> open(
      @PathVariable String site,
      @PathVariable String workUnit,
      @Valid @RequestBody(required = false) ExecutionRequests.OpenDowntime body) {
    Downtime opened = downtimes.open(site, workUnit, body == null ? null : body.reason());
    return ResponseEntity.created(
            URI.create("/api/v1/work-units/" + site + "/" + workUnit + "/downtimes/" + opened.id()))
        .body(opened);
  }

  @PutMapping("/{id}")
  @RequiresIdempotencyKey
  @Operation(summary = "Classify a downtime: assign or change its DOWNTIME reason")
  Downtime classify(
      @PathVariable String site,
      @PathVariable String workUnit,
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody ExecutionRequests.ClassifyDowntime body) {
    return downtimes.classify(
        site, workUnit, id, body.reason(), ExecutionRequests.version(body.version(), ifMatch));
  }

  @PostMapping("/{id}/close")
  @RequiresIdempotencyKey
  @Operation(summary = "Close a downtime: the work unit runs again")
  Downtime close(
      @PathVariable String site,
      @PathVariable String workUnit,
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody(required = false) ExecutionRequests.CloseDowntime body) {
    return downtimes.close(
        site,
        workUnit,
        id,
        ExecutionRequests.version(body == null ? null : body.version(), ifMatch));
  }

  @GetMapping
  @RequiresRole({
    Role.ADMIN,
    Role.PLANNER,
    Role.SUPERVISOR,
    Role.OPERATOR,
    Role.QUALITY,
    Role.AUDITOR,
    Role.INTEGRATION
  })
  @Operation(summary = "A work unit's downtimes, newest first; open=true for the current one")
  List<Downtime> list(
      @PathVariable String site,
      @PathVariable String workUnit,
      @RequestParam(required = false) Boolean open) {
    return downtimes.list(site, workUnit, open);
  }

  @GetMapping("/{id}")
  @RequiresRole({
    Role.ADMIN,
    Role.PLANNER,
    Role.SUPERVISOR,
    Role.OPERATOR,
    Role.QUALITY,
    Role.AUDITOR,
    Role.INTEGRATION
  })
  Downtime get(@PathVariable String site, @PathVariable String workUnit, @PathVariable UUID id) {
    return downtimes.get(site, workUnit, id);
  }
}
