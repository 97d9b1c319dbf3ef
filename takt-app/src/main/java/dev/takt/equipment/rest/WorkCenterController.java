package dev.takt.equipment.rest;

import dev.takt.equipment.WorkCenterView;
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

/** Work centers of a site, each in an area. Found by UUID or by {@code ?site=&code=}. */
@RestController
@RequestMapping("/api/v1/work-centers")
@RequiresRole({
  Role.ADMIN,
  Role.PLANNER,
  Role.SUPERVISOR,
  Role.OPERATOR,
  Role.QUALITY,
  Role.AUDITOR,
  Role.INTEGRATION
})
@Tag(name = "Work centers", description = "Groups of like work units, each in an area of a site")
class WorkCenterController {

  private final ElementService<WorkCenterView> workCenters;

  WorkCenterController(ElementService<WorkCenterView> workCenters) {
    this.workCenters = workCenters;
  }

  @GetMapping
  @Operation(summary = "List workCenters by site and code; page on with the returned cursor")
  CursorPage<WorkCenterView> list(
      @RequestParam(required = false) @Size(max = 20) String site,
      @RequestParam(required = false) @Size(max = 20) String code,
      @RequestParam(required = false) @Size(max = 20) String area,
      @RequestParam(required = false) Boolean active,
      @RequestParam(required = false) @Size(max = 100) String after,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
    return workCenters.list(new ElementService.Filter(site, code, area, active), after, limit);
  }

  @PostMapping
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  @Operation(summary = "Create a work center in an area")
  ResponseEntity<WorkCenterView> create(
      @Valid @RequestBody EquipmentRequests.CreateWorkCenter body) {
    WorkCenterView created = workCenters.create(body.site(), body.area(), body.code(), body.name());
    return ResponseEntity.created(URI.create("/api/v1/work-centers/" + created.id())).body(created);
  }

  @GetMapping("/{id}")
  WorkCenterView get(@PathVariable UUID id) {
    return workCenters.get(id);
  }

  @PutMapping("/{id}")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  @Operation(
      summary =
          "Rename, move to another area of the site or (de)activate (send the version you read)")
  WorkCenterView update(
      @PathVariable UUID id, @Valid @RequestBody EquipmentRequests.UpdateWorkCenter body) {
    return workCenters.update(id, body.area(), body.name(), body.active(), body.version());
  }

  @DeleteMapping("/{id}")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  @Operation(summary = "Deactivate a work center; refused (409) while work units in it are active")
  ResponseEntity<Void> deactivate(@PathVariable UUID id) {
    workCenters.deactivate(id);
    return ResponseEntity.noContent().build();
  }
}
