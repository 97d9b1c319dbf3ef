package dev.takt.compliance.rest;

import dev.takt.compliance.AuditRecord;
import dev.takt.compliance.ChainVerification;
import dev.takt.compliance.internal.AuditQueries;
import dev.takt.shared.CursorPage;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@RequiresRole({Role.ADMIN, Role.AUDITOR, Role.QUALITY})
@Tag(name = "Audit trail", description = "Append-only, hash-chained record of every change")
class AuditController {

  private final AuditQueries queries;

  AuditController(AuditQueries queries) {
    this.queries = queries;
  }

  @GetMapping
  @Operation(summary = "Search the audit trail, oldest first; page on with the returned cursor")
  CursorPage<AuditRecord> search(
      @RequestParam(required = false) @Size(max = 60) String entity,
      @RequestParam(required = false) @Size(max = 200) String key,
      @RequestParam(required = false) @Size(max = 100) String actor,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) @Size(max = 20) String after,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return queries.search(entity, key, actor, from, to, after, limit);
  }

  @GetMapping("/verify")
  @Operation(summary = "Recompute the hash chain and report the first broken link, if any")
  ChainVerification verify() {
    return queries.verify();
  }
}
