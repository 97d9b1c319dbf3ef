package dev.takt.product.rest;

import dev.takt.product.BomView;
import dev.takt.product.ReleaseStatus;
import dev.takt.product.internal.BomService;
import dev.takt.product.internal.ProductCommands;
import dev.takt.shared.CursorPage;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
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
 * Bills of materials. The business key is material + version ({@code ?material=M-100&bomVersion=2}
 * finds one); {@code ?material=M-100&status=RELEASED} finds the current one.
 */
@RestController
@RequestMapping("/api/v1/boms")
@Tag(
    name = "Bills of materials",
    description =
        "Versioned BOMs: DRAFT (editable) → RELEASED (current, frozen) → OBSOLETE (replaced by a"
            + " newer release). Item quantities are in the component's base unit; units are not"
            + " converted.")
class BomController {

  private final BomService boms;

  BomController(BomService boms) {
    this.boms = boms;
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
  @Operation(summary = "List BOMs by material and version; filter by material, status, version")
  CursorPage<BomView> list(
      @RequestParam(required = false) @Size(max = 40) String material,
      @RequestParam(required = false) ReleaseStatus status,
      @RequestParam(required = false) @Positive Integer bomVersion,
      @RequestParam(required = false) @Size(max = 60) String after,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
    return boms.list(material, status, bomVersion, after, limit);
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
  BomView get(@PathVariable UUID id) {
    return boms.get(id);
  }

  @PostMapping
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  @Operation(summary = "Draft the next BOM version of a material")
  ResponseEntity<BomView> create(@Valid @RequestBody ProductRequests.CreateBom body) {
    BomView created =
        boms.create(
            new ProductCommands.DraftBom(
                body.material(), body.baseQuantity(), body.unit(), lines(body.items())));
    return ResponseEntity.created(URI.create("/api/v1/boms/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  @Operation(summary = "Change a DRAFT BOM (send the version you read); 409 once released")
  BomView update(@PathVariable UUID id, @Valid @RequestBody ProductRequests.UpdateBom body) {
    return boms.update(
        id,
        new ProductCommands.ReviseBom(
            body.baseQuantity(), body.unit(), lines(body.items()), body.version()));
  }

  @DeleteMapping("/{id}")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  @Operation(summary = "Throw a DRAFT BOM away; 409 once released")
  ResponseEntity<Void> delete(@PathVariable UUID id) {
    boms.delete(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/release")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  @Operation(
      summary =
          "Release a DRAFT: it becomes the material's current BOM, the previous release OBSOLETE")
  BomView release(@PathVariable UUID id) {
    return boms.release(id);
  }

  @PostMapping("/{id}/copy")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  @Operation(summary = "Copy any version into a new DRAFT version (how a released BOM changes)")
  ResponseEntity<BomView> copy(@PathVariable UUID id) {
    BomView copy = boms.copy(id);
    return ResponseEntity.created(URI.create("/api/v1/boms/" + copy.id())).body(copy);
  }

  private static List<ProductCommands.BomLine> lines(List<ProductRequests.BomItem> items) {
    return items.stream()
        .map(
            i ->
                new ProductCommands.BomLine(
                    i.position(), i.material(), i.quantity(), i.unit(), i.scrapPercent()))
        .toList();
  }
}
