package dev.takt.equipment.rest;

import dev.takt.equipment.SiteView;
import dev.takt.equipment.internal.SiteService;
import dev.takt.equipment.internal.SiteTree;
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

/** Sites, addressed by UUID or by code. Everyone reads; administrators and the ERP write. */
@RestController
@RequestMapping("/api/v1/sites")
@RequiresRole({
  Role.ADMIN,
  Role.PLANNER,
  Role.SUPERVISOR,
  Role.OPERATOR,
  Role.QUALITY,
  Role.AUDITOR,
  Role.INTEGRATION
})
@Tag(name = "Sites", description = "Plant sites: the top of the ISA-95 equipment hierarchy")
class SiteController {

  private final SiteService sites;

  SiteController(SiteService sites) {
    this.sites = sites;
  }

  @GetMapping
  @Operation(summary = "List the sites you may act on, by code; page on with the returned cursor")
  CursorPage<SiteView> list(
      @RequestParam(required = false) @Size(max = 20) String code,
      @RequestParam(required = false) Boolean active,
      @RequestParam(required = false) @Size(max = 100) String after,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
    return sites.list(code, active, after, limit);
  }

  @PostMapping
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  @Operation(summary = "Open a site with its IANA time zone")
  ResponseEntity<SiteView> open(@Valid @RequestBody EquipmentRequests.CreateSite body) {
    SiteView site = sites.open(body.code(), body.name(), body.timeZone());
    return ResponseEntity.created(URI.create("/api/v1/sites/" + site.id())).body(site);
  }

  @GetMapping("/{site}")
  @Operation(summary = "A site by UUID or code")
  SiteView get(@PathVariable String site) {
    return sites.get(site);
  }

  @PutMapping("/{site}")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  @Operation(summary = "Rename, change the zone or (de)activate (send the version you read)")
  SiteView update(
      @PathVariable String site, @Valid @RequestBody EquipmentRequests.UpdateSite body) {
    return sites.update(site, body.name(), body.timeZone(), body.active(), body.version());
  }

  @DeleteMapping("/{site}")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  @Operation(summary = "Deactivate a site; refused (409) while areas of it are active")
  ResponseEntity<Void> deactivate(@PathVariable String site) {
    sites.deactivate(site);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{site}/tree")
  @Operation(summary = "The site with its areas, work centers and work units, nested")
  SiteTree tree(
      @PathVariable String site, @RequestParam(defaultValue = "false") boolean activeOnly) {
    return sites.tree(site, activeOnly);
  }
}
