package dev.takt.traceability.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The bodies the lot endpoints accept. */
final class LotRequests {
  private LotRequests() {}

  /** No '/': a lot number is one path segment of every lot URL. */
  static final String LOT = "[A-Za-z0-9][A-Za-z0-9._-]{0,59}";

  static final String LOT_RULE = "1 to 60 letters, digits, '.', '_' or '-', starting with one";
  static final String MATERIAL = "[A-Za-z0-9][A-Za-z0-9._/-]{0,39}";
  static final String MATERIAL_RULE = "is not a material number";
  static final String SITE = "[A-Za-z0-9][A-Za-z0-9_-]{0,19}";

  /** Free text without control characters (supplier names, customers, reasons). */
  static final String TEXT = "[^\\p{Cntrl}]*";

  static final String TEXT_RULE = "must not contain control characters";

  record Receive(
      @NotBlank @Pattern(regexp = SITE, message = "is not a site code") String site,
      @NotBlank @Pattern(regexp = MATERIAL, message = MATERIAL_RULE) String material,
      @NotBlank @Pattern(regexp = LOT, message = LOT_RULE) String lotNumber,
      @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 6)
          BigDecimal quantity,
      @NotBlank @Size(max = 10) String unit,
      @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_RULE) String supplier,
      @Size(max = 60) @Pattern(regexp = TEXT, message = TEXT_RULE) String supplierLot,
      LocalDate expiry) {}

  record Reason(
      @NotBlank @Size(max = 500) @Pattern(regexp = TEXT, message = TEXT_RULE) String reason,
      @PositiveOrZero Long version) {}

  record Block(
      @NotBlank @Size(max = 500) @Pattern(regexp = TEXT, message = TEXT_RULE) String reason,
      @PositiveOrZero Long version,
      Boolean cascade) {}

  record Part(
      @NotBlank @Pattern(regexp = LOT, message = LOT_RULE) String lotNumber,
      @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 6)
          BigDecimal quantity) {}

  record Split(
      @NotEmpty @Size(max = 1000) List<@NotNull @Valid Part> parts,
      @NotBlank @Size(max = 500) @Pattern(regexp = TEXT, message = TEXT_RULE) String reason) {}

  record Source(
      @NotNull UUID lot,
      @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 6)
          BigDecimal quantity) {}

  record Merge(
      @NotBlank @Pattern(regexp = LOT, message = LOT_RULE) String lotNumber,
      @NotEmpty @Size(max = 1000) List<@NotNull @Valid Source> sources,
      @NotBlank @Size(max = 500) @Pattern(regexp = TEXT, message = TEXT_RULE) String reason) {}

  record Transfer(
      @NotBlank @Pattern(regexp = LOT, message = LOT_RULE) String toLot,
      @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 6)
          BigDecimal quantity,
      @NotBlank @Size(max = 500) @Pattern(regexp = TEXT, message = TEXT_RULE) String reason) {}

  record Rework(
      @NotBlank @Pattern(regexp = LOT, message = LOT_RULE) String lotNumber,
      @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 6)
          BigDecimal quantity,
      @NotBlank @Size(max = 500) @Pattern(regexp = TEXT, message = TEXT_RULE) String reason) {}

  record Ship(
      @NotBlank @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_RULE) String customer,
      @Size(max = 60) @Pattern(regexp = TEXT, message = TEXT_RULE) String delivery,
      @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 6)
          BigDecimal quantity) {}
}
