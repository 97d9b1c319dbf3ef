package dev.takt.equipment.rest;

import dev.takt.equipment.AreaView;
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

/** Areas of a site. Found by UUID or by {@code ?site=&code=}. */
@RestController
@RequestMapping("/api/v1/areas")
@RequiresRole({
  Role.ADMIN,
  Role.PLANNER,
  Role.SUPERVISOR,
  Role.OPERATOR,
  Role.QUALITY,
  Role.AUDITOR,
  Role.INTEGRATION
})
@Tag(name = "Areas", description = "Areas of a site: halls, departments")
class AreaController {

  private final ElementService<AreaView> areas;

  AreaController(ElementService<AreaView> areas) {
    this.areas = areas;
  }

  @GetMapping
  @Operation(summary = "List areas by site and code; page on with the returned cursor")
  CursorPage<AreaView> list(
      @RequestParam(required = false) @Size(max = 20) String site,
      @RequestParam(required = false) @Size(max = 20) String code,
      @RequestParam(required = false) Boolean active,
      @RequestParam(required = false) @Size(max = 100) String after,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
    return areas.list(new ElementService.Filter(site, code, null, active), after, limit);
  }

  @PostMapping
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  @Operation(summary = "Create an area in a site")
  ResponseEntity<AreaView> create(@Valid @RequestBody EquipmentRequests.CreateArea body) {
    AreaView area = areas.create(body.site(), null, body.code(), body.name());
    return ResponseEntity.created(URI.create("/api/v1/areas/" + area.id())).body(area);
  }

  @GetMapping("/{id}")
  AreaView get(@PathVariable UUID id) {
    return areas.get(id);
  }

  @PutMapping("/{id}")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  @Operation(summary = "Rename or (de)activate an area (send the version you read)")
  AreaView update(@PathVariable UUID id, @Valid @RequestBody EquipmentRequests.UpdateArea body) {
    return areas.update(id, null, body.name(), body.active(), body.version());
  }

  @DeleteMapping("/{id}")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  @Operation(summary = "Deactivate an area; refused (409) while work centers in it are active")
  ResponseEntity<Void> deactivate(@PathVariable UUID id) {
    areas.deactivate(id);
    return ResponseEntity.noContent().build();
  }
}
