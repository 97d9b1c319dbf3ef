package dev.takt.execution.rest;

import dev.takt.execution.internal.DispatchItem;
import dev.takt.execution.internal.ExecutionService;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiresRole({
  Role.ADMIN,
  Role.PLANNER,
  Role.SUPERVISOR,
  Role.OPERATOR,
  Role.QUALITY,
  Role.AUDITOR,
  Role.INTEGRATION
})
@Tag(name = "Shop floor: dispatch list", description = "What may start or continue now")
class DispatchController {

  private final ExecutionService execution;

  DispatchController(ExecutionService execution) {
    this.execution = execution;
  }

  @GetMapping("/api/v1/dispatch-list")
  @Operation(
      summary =
          "The first `limit` operations that may start or continue now at a work center (or a"
              + " work unit's work center), by due date then priority, with their progress")
  List<DispatchItem> dispatchList(
      @RequestParam @Pattern(regexp = ExecutionRequests.CODE) String site,
      @RequestParam(required = false) @Pattern(regexp = ExecutionRequests.CODE) String workCenter,
      @RequestParam(required = false) @Pattern(regexp = ExecutionRequests.CODE) String workUnit,
      @RequestParam(defaultValue = "20") @Min(1) @Max(500) int limit) {
    return execution.dispatchList(site, workCenter, workUnit, limit);
  }
}
