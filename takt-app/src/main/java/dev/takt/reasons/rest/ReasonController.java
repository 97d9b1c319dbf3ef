package dev.takt.reasons.rest;

import dev.takt.reasons.ReasonKind;
import dev.takt.reasons.ReasonNode;
import dev.takt.reasons.ReasonView;
import dev.takt.reasons.internal.ReasonService;
import dev.takt.shared.CursorPage;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
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
 * Reason codes are read by every role (terminals show them) and kept by a few.
 *
 * <p>Deliberately not {@code @Validated}: that wraps the controller in a proxy whose
 * ConstraintViolationException the problem handler does not know (a 500). Without it, Spring MVC
 * validates the constrained parameters itself and a bad query parameter is a 400 naming it.
 */
@RestController
@RequestMapping("/api/v1/reasons")
@RequiresRole({
  Role.ADMIN,
  Role.PLANNER,
  Role.SUPERVISOR,
  Role.OPERATOR,
  Role.QUALITY,
  Role.AUDITOR,
  Role.INTEGRATION
})
@Tag(
    name = "Reasons",
    description = "Enterprise-wide downtime, scrap and rework reason codes, in category trees")
class ReasonController {

  private final ReasonService reasons;

  ReasonController(ReasonService reasons) {
    this.reasons = reasons;
  }

  @GetMapping
  @Operation(summary = "List reasons by kind and code; filter by kind, code, active; page on")
  CursorPage<ReasonView> list(
      @RequestParam(required = false) ReasonKind kind,
      @RequestParam(required = false) @Size(max = 30) String code,
      @RequestParam(required = false) Boolean active,
      @RequestParam(required = false) @Pattern(regexp = "[A-Z]{1,10}/[A-Z0-9_-]{1,30}")
          String after,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
    return reasons.list(kind, code, active, after, limit);
  }

  @GetMapping("/tree")
  @Operation(summary = "One kind's catalogue as a tree; activeOnly=true for what terminals show")
  List<ReasonNode> tree(
      @RequestParam ReasonKind kind, @RequestParam(defaultValue = "false") boolean activeOnly) {
    return reasons.tree(kind, activeOnly);
  }

  @GetMapping("/{id}")
  ReasonView get(@PathVariable UUID id) {
    return reasons.get(id);
  }

  @PostMapping
  @RequiresRole({Role.ADMIN, Role.SUPERVISOR, Role.QUALITY, Role.INTEGRATION})
  @Operation(summary = "Create a reason or a category")
  ResponseEntity<ReasonView> create(@Valid @RequestBody ReasonRequests.CreateReason body) {
    ReasonView created = reasons.create(body.kind(), body.code(), body.draft());
    return ResponseEntity.created(URI.create("/api/v1/reasons/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  @RequiresRole({Role.ADMIN, Role.SUPERVISOR, Role.QUALITY, Role.INTEGRATION})
  @Operation(
      summary =
          "Replace name, parent (moves it), colour, order, flags and loss data; send the version"
              + " you read")
  ReasonView update(@PathVariable UUID id, @Valid @RequestBody ReasonRequests.UpdateReason body) {
    return reasons.update(id, body.draft(), body.version());
  }

  @DeleteMapping("/{id}")
  @RequiresRole({Role.ADMIN, Role.SUPERVISOR, Role.QUALITY, Role.INTEGRATION})
  @Operation(summary = "Deactivate a reason (never deleted: bookings name it)")
  ResponseEntity<Void> deactivate(@PathVariable UUID id) {
    reasons.deactivate(id);
    return ResponseEntity.noContent().build();
  }
}
