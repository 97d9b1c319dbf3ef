package dev.takt.product.rest;

import dev.takt.product.MaterialType;
import dev.takt.product.MaterialView;
import dev.takt.product.Tracking;
import dev.takt.product.internal.MaterialService;
import dev.takt.product.internal.ProductCommands;
import dev.takt.shared.CursorPage;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
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
 * Materials, addressed by material number. A number may contain '/', so the path takes the rest of
 * the URL: {@code /api/v1/materials/AB/100} is material {@code AB/100}.
 */
@RestController
@RequestMapping("/api/v1/materials")
@Tag(name = "Materials", description = "Material definitions: base unit, tracking, type")
class MaterialController {

  private final MaterialService materials;

  MaterialController(MaterialService materials) {
    this.materials = materials;
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
  @Operation(summary = "List materials by number; search number and description with q")
  CursorPage<MaterialView> list(
      @RequestParam(required = false) @Size(max = 100) String q,
      @RequestParam(required = false) MaterialType type,
      @RequestParam(required = false) Tracking tracking,
      @RequestParam(required = false) Boolean active,
      @RequestParam(required = false) @Size(max = 40) String after,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
    return materials.list(after, q, type, tracking, active, limit);
  }

  @PostMapping
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  @Operation(summary = "Define a material (409 when the number exists)")
  ResponseEntity<MaterialView> create(@Valid @RequestBody ProductRequests.CreateMaterial body) {
    MaterialView created =
        materials.create(
            new ProductCommands.DefineMaterial(
                body.number(), body.description(), body.unit(), body.tracking(), body.type()));
    return ResponseEntity.created(URI.create("/api/v1/materials/" + created.number()))
        .body(created);
  }

  @GetMapping("/{*number}")
  @RequiresRole({
    Role.ADMIN,
    Role.PLANNER,
    Role.SUPERVISOR,
    Role.OPERATOR,
    Role.QUALITY,
    Role.AUDITOR,
    Role.INTEGRATION
  })
  @Operation(summary = "A material by its number")
  MaterialView get(@PathVariable String number) {
    return materials.get(number(number));
  }

  @PutMapping("/{*number}")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  @Operation(summary = "Change a material (send the version you read; the number never changes)")
  MaterialView update(
      @PathVariable String number, @Valid @RequestBody ProductRequests.UpdateMaterial body) {
    return materials.update(
        number(number),
        new ProductCommands.ReviseMaterial(
            body.description(),
            body.unit(),
            body.tracking(),
            body.type(),
            body.active(),
            body.version()));
  }

  @DeleteMapping("/{*number}")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  @Operation(summary = "Deactivate a material (materials are never deleted)")
  ResponseEntity<Void> deactivate(@PathVariable String number) {
    materials.deactivate(number(number));
    return ResponseEntity.noContent().build();
  }

  /** The captured rest of the path, without its leading '/'; never a valid number when too long. */
  private static String number(String captured) {
    String number = captured.startsWith("/") ? captured.substring(1) : captured;
    if (!number.matches(ProductRequests.MATERIAL_NUMBER)) {
      throw new NotFoundException("material", number);
    }
    return number;
  }
}
