package dev.takt.execution.rest;

import dev.takt.execution.internal.Confirmation;
import dev.takt.execution.internal.Confirmations;
import dev.takt.shared.CursorPage;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiresRole({Role.INTEGRATION, Role.ADMIN})
@Tag(
    name = "Confirmations",
    description = "Quantity, time and completion confirmations for the ERP")
class ConfirmationController {

  private final Confirmations confirmations;

  ConfirmationController(Confirmations confirmations) {
    this.confirmations = confirmations;
  }

  @GetMapping("/api/v1/confirmations")
  @Operation(
      summary =
          "Confirmations oldest first; pass nextCursor as after to page on: nothing is skipped or"
              + " repeated, even while bookings commit")
  CursorPage<Confirmation> list(
      @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,18}") String after,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return confirmations.page(after, limit);
  }
}
