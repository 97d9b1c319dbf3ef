package dev.takt.equipment.rest;

import dev.takt.equipment.WorkUnitView;
import dev.takt.equipment.internal.ElementService;
import dev.takt.shared.CursorPage;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Work units (machines, stations) of a site, each in a work center. Found by UUID or by {@code
 * ?site=&code=}.
 */
@RestController
@RequestMapping("/api/v1/work-units")
@RequiresRole({
  Role.ADMIN,
  Role.PLANNER,
  Role.SUPERVISOR,
  Role.OPERATOR,
  Role.QUALITY,
  Role.AUDITOR,
  Role.INTEGRATION
})
@Tag(name = "Work units", description = "Machines and stations, each in a work center")
class WorkUnitController {

  private final ElementService<WorkUnitView> workUnits;

  WorkUnitController(ElementService<WorkUnitView> workUnits) {
    this.workUnits = workUnits;
  }

  @GetMapping
  @Operation(summary = "List workUnits by site and code; page on with the returned cursor")
  CursorPage<WorkUnitView> list(
      @RequestParam(required = false) @Size(max = 20) String site,
      @RequestParam(required = false) @Size(max = 20) String code,
      @RequestParam(required = false) @Size(max = 20) String workCenter,
      @RequestParam(required = false) Boolean active,
      @RequestParam(required = false) @Size(max = 100) String after,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
    return workUnits.list(new ElementService.Filter(site, code, workCenter, active), after, limit);
  }

  @PostMapping
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  @Operation(summary = "Create a work unit in a work center")
  ResponseEntity<WorkUnitView> create(@Valid @RequestBody EquipmentRequests.CreateWorkUnit body) {
    WorkUnitView created =
        workUnits.create(body.site(), body.workCenter(), body.code(), body.name());
    return ResponseEntity.created(URI.create("/api/v1/work-units/" + created.id())).body(created);
  }

  @GetMapping("/{id}")
  WorkUnitView get(@PathVariable UUID id) {
    return workUnits.get(id);
  }

  @PutMapping("/{id}")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  @Operation(
      summary =
          "Rename, move to another work center of the site or (de)activate (send the version you read)")
  WorkUnitView update(
      @PathVariable UUID id, @Valid @RequestBody EquipmentRequests.UpdateWorkUnit body) {
    return workUnits.update(id, body.workCenter(), body.name(), body.active(), body.version());
  }

  @DeleteMapping("/{id}")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  @Operation(summary = "Deactivate a work unit")
  ResponseEntity<Void> deactivate(@PathVariable UUID id) {
    workUnits.deactivate(id);
    return ResponseEntity.noContent().build();
  }
}
