package dev.takt.product.rest;

import dev.takt.product.ReleaseStatus;
import dev.takt.product.RoutingView;
import dev.takt.product.internal.ProductCommands;
import dev.takt.product.internal.RoutingService;
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
 * Routings of a material at a site. The business key is material + site + version; {@code
 * ?material=M-100&site=P1&status=RELEASED} finds the current one. Only routings of the caller's
 * sites are listed or shown.
 */
@RestController
@RequestMapping("/api/v1/routings")
@Tag(
    name = "Routings",
    description =
        "Versioned routings per material and site: DRAFT → RELEASED (current, frozen) → OBSOLETE."
            + " Setup time in whole seconds, ideal cycle time per unit in seconds.")
class RoutingController {

  private final RoutingService routings;

  RoutingController(RoutingService routings) {
    this.routings = routings;
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
  @Operation(summary = "List routings by material, site and version; filter by each")
  CursorPage<RoutingView> list(
      @RequestParam(required = false) @Size(max = 40) String material,
      @RequestParam(required = false) @Size(max = 20) String site,
      @RequestParam(required = false) ReleaseStatus status,
      @RequestParam(required = false) @Size(max = 80) String after,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
    return routings.list(material, site, status, after, limit);
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
  RoutingView get(@PathVariable UUID id) {
    return routings.get(id);
  }

  @PostMapping
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  @Operation(summary = "Draft the next routing version of a material at a site")
  ResponseEntity<RoutingView> create(@Valid @RequestBody ProductRequests.CreateRouting body) {
    RoutingView created =
        routings.create(
            new ProductCommands.DraftRouting(
                body.material(), body.site(), lines(body.operations())));
    return ResponseEntity.created(URI.create("/api/v1/routings/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  @Operation(summary = "Change a DRAFT routing (send the version you read); 409 once released")
  RoutingView update(
      @PathVariable UUID id, @Valid @RequestBody ProductRequests.UpdateRouting body) {
    return routings.update(
        id, new ProductCommands.ReviseRouting(lines(body.operations()), body.version()));
  }

  @DeleteMapping("/{id}")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  @Operation(summary = "Throw a DRAFT routing away; 409 once released")
  ResponseEntity<Void> delete(@PathVariable UUID id) {
    routings.delete(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/release")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  @Operation(summary = "Release a DRAFT: it becomes current at its site, the previous OBSOLETE")
  RoutingView release(@PathVariable UUID id) {
    return routings.release(id);
  }

  @PostMapping("/{id}/copy")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  @Operation(summary = "Copy any version into a new DRAFT version (how a released routing changes)")
  ResponseEntity<RoutingView> copy(@PathVariable UUID id) {
    RoutingView copy = routings.copy(id);
    return ResponseEntity.created(URI.create("/api/v1/routings/" + copy.id())).body(copy);
  }

  private static List<ProductCommands.OperationLine> lines(
      List<ProductRequests.Operation> operations) {
    return operations.stream()
        .map(
            o ->
                new ProductCommands.OperationLine(
                    o.sequence(),
                    o.description(),
                    o.workCenter(),
                    o.setupSeconds(),
                    o.cycleSeconds(),
                    o.qualification(),
                    o.toolType(),
                    o.inspectionPlan()))
        .toList();
  }
}
