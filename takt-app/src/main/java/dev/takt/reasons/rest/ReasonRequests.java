package dev.takt.reasons.rest;

import dev.takt.reasons.LossCategory;
import dev.takt.reasons.ReasonKind;
import dev.takt.reasons.internal.ReasonDraft;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The bodies the reason endpoints accept. Kind and code are set once, on creation. Public so that
 * the reason pages check their forms against the very same constraints.
 */
public final class ReasonRequests {
  private ReasonRequests() {}

  static final String CODE = "[A-Z0-9][A-Z0-9_-]{0,29}";
  static final String CODE_MESSAGE = "1 to 30 capital letters, digits, '_' or '-'";
  static final String COLOUR = "#[0-9A-Fa-f]{6}";
  static final String COLOUR_MESSAGE = "must be a colour #RRGGBB";

  public record CreateReason(
      @NotNull ReasonKind kind,
      @NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
      @NotBlank @Size(max = 100) String name,
      @Size(max = 500) String description,
      @Pattern(regexp = CODE, message = CODE_MESSAGE) String parent,
      Boolean category,
      @NotNull @Pattern(regexp = COLOUR, message = COLOUR_MESSAGE) String colour,
      @Min(0) @Max(9999) Integer sortOrder,
      Boolean planned,
      LossCategory lossCategory) {

    public ReasonDraft draft() {
      return new ReasonDraft(
          name.strip(),
          description,
          parent,
          Boolean.TRUE.equals(category),
          colour.toUpperCase(),
          sortOrder == null ? 0 : sortOrder,
          true,
          planned,
          lossCategory);
    }
  }

  /** A full replacement: what is left out is cleared (description, parent, planned, loss). */
  public record UpdateReason(
      @NotBlank @Size(max = 100) String name,
      @Size(max = 500) String description,
      @Pattern(regexp = CODE, message = CODE_MESSAGE) String parent,
      @NotNull Boolean category,
      @NotNull @Pattern(regexp = COLOUR, message = COLOUR_MESSAGE) String colour,
      @NotNull @Min(0) @Max(9999) Integer sortOrder,
      @NotNull Boolean active,
      Boolean planned,
      LossCategory lossCategory,
      @NotNull @PositiveOrZero Long version) {

    public ReasonDraft draft() {
      return new ReasonDraft(
          name.strip(),
          description,
          parent,
          category,
          colour.toUpperCase(),
          sortOrder,
          active,
          planned,
          lossCategory);
    }
  }
}
