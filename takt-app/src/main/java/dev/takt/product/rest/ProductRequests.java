package dev.takt.product.rest;

import dev.takt.product.MaterialType;
import dev.takt.product.Tracking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * The bodies the product endpoints accept. Units are unit-of-measure codes ({@code pcs}, {@code
 * kg}, …); quantities are decimals in that unit. Times are seconds.
 */
public final class ProductRequests {
  private ProductRequests() {}

  static final String MATERIAL_NUMBER = "[A-Za-z0-9][A-Za-z0-9._/-]{0,39}";
  static final String MATERIAL_NUMBER_MESSAGE =
      "1 to 40 letters, digits, '.', '_', '/' or '-', starting with a letter or digit";
  static final String SITE_CODE = "[A-Za-z0-9][A-Za-z0-9_-]{0,19}";

  public record CreateMaterial(
      @NotBlank @Pattern(regexp = MATERIAL_NUMBER, message = MATERIAL_NUMBER_MESSAGE) String number,
      @NotBlank @Size(max = 200) String description,
      @NotBlank @Size(max = 10) String unit,
      @NotNull Tracking tracking,
      @NotNull MaterialType type) {}

  public record UpdateMaterial(
      @NotBlank @Size(max = 200) String description,
      @NotBlank @Size(max = 10) String unit,
      @NotNull Tracking tracking,
      @NotNull MaterialType type,
      @NotNull Boolean active,
      @NotNull @PositiveOrZero Long version) {}

  public record BomItem(
      @NotNull @Positive @Max(99999) Integer position,
      @NotBlank @Pattern(regexp = MATERIAL_NUMBER, message = MATERIAL_NUMBER_MESSAGE)
          String material,
      @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 6)
          BigDecimal quantity,
      @NotBlank @Size(max = 10) String unit,
      @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
          BigDecimal scrapPercent) {}

  public record CreateBom(
      @NotBlank @Pattern(regexp = MATERIAL_NUMBER, message = MATERIAL_NUMBER_MESSAGE)
          String material,
      @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 6)
          BigDecimal baseQuantity,
      @NotBlank @Size(max = 10) String unit,
      @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid BomItem> items) {}

  public record UpdateBom(
      @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 6)
          BigDecimal baseQuantity,
      @NotBlank @Size(max = 10) String unit,
      @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid BomItem> items,
      @NotNull @PositiveOrZero Long version) {}

  /** One operation; {@code setupSeconds} whole seconds (at most 30 days), cycle time per unit. */
  public record Operation(
      @NotNull @Positive @Max(99999) Integer sequence,
      @NotBlank @Size(max = 200) String description,
      @NotBlank @Size(max = 40) String workCenter,
      @NotNull @PositiveOrZero @Max(2_592_000) Long setupSeconds,
      @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 6)
          BigDecimal cycleSeconds,
      @Size(max = 40) String qualification,
      @Size(max = 40) String toolType,
      @Size(max = 40) String inspectionPlan) {}

  public record CreateRouting(
      @NotBlank @Pattern(regexp = MATERIAL_NUMBER, message = MATERIAL_NUMBER_MESSAGE)
          String material,
      @NotBlank @Pattern(regexp = SITE_CODE, message = "is not a site code") String site,
      @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid Operation> operations) {}

  public record UpdateRouting(
      @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid Operation> operations,
      @NotNull @PositiveOrZero Long version) {}
}
