package dev.takt.orders.rest;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/** The bodies the production order endpoints accept; the pages validate with the same records. */
public final class OrderRequests {
  private OrderRequests() {}

  /** No '/': an order number is one path segment of every order URL and page. */
  public static final String ORDER_NUMBER = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";

  static final String ORDER_NUMBER_MESSAGE =
      "1 to 40 letters, digits, '.', '_' or '-', starting with a letter or digit";

  /** Material numbers may hold '/', as the product module allows. */
  static final String MATERIAL_NUMBER = "[A-Za-z0-9][A-Za-z0-9._/-]{0,39}";

  static final String MATERIAL_NUMBER_MESSAGE =
      "1 to 40 letters, digits, '.', '_', '/' or '-', starting with a letter or digit";
  static final String SITE_CODE = "[A-Za-z0-9][A-Za-z0-9_-]{0,19}";

  /** An order as the ERP sends it; sending it again is safe (see the controller). */
  public record SubmitOrder(
      @NotBlank @Pattern(regexp = ORDER_NUMBER, message = ORDER_NUMBER_MESSAGE) String orderNumber,
      @NotBlank @Pattern(regexp = MATERIAL_NUMBER, message = MATERIAL_NUMBER_MESSAGE)
          String material,
      @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 6)
          BigDecimal quantity,
      @NotBlank @Size(max = 10) String unit,
      @NotNull Instant dueDate,
      @Min(0) @Max(1000) Integer priority,
      @NotBlank @Pattern(regexp = SITE_CODE, message = "is not a site code") String site,
      @Positive @Max(99999) Integer routingVersion,
      @Positive @Max(99999) Integer bomVersion) {}

  /** Why an order is held or cancelled; kept with the order and in the audit trail. */
  public record Reason(@NotBlank @Size(max = 500) String reason) {}
}
