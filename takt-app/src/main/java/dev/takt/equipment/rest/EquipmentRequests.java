package dev.takt.equipment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * The bodies the equipment endpoints accept. Parents are named by code; the site of an element
 * never changes, so update bodies do not carry it. Public so that the plant pages check their forms
 * by the very same constraints (one rule, two surfaces). {@code active} on an update is optional:
 * left out, the state stays as it is.
 */
public final class EquipmentRequests {
  private EquipmentRequests() {}

  public static final String CODE = "[A-Za-z0-9][A-Za-z0-9_-]{0,19}";
  public static final String CODE_RULE =
      "must be 1 to 20 letters, digits, '_' or '-', not starting with '_' or '-'";

  public record CreateSite(
      @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String code,
      @NotBlank @Size(max = 120) String name,
      @NotBlank @Size(max = 60) String timeZone) {}

  public record UpdateSite(
      @NotBlank @Size(max = 120) String name,
      @NotBlank @Size(max = 60) String timeZone,
      Boolean active,
      @NotNull @PositiveOrZero Long version) {}

  public record CreateArea(
      @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String site,
      @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String code,
      @NotBlank @Size(max = 120) String name) {}

  public record UpdateArea(
      @NotBlank @Size(max = 120) String name,
      Boolean active,
      @NotNull @PositiveOrZero Long version) {}

  public record CreateWorkCenter(
      @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String site,
      @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String area,
      @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String code,
      @NotBlank @Size(max = 120) String name) {}

  /** {@code area} other than the current one moves the work center there. */
  public record UpdateWorkCenter(
      @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String area,
      @NotBlank @Size(max = 120) String name,
      Boolean active,
      @NotNull @PositiveOrZero Long version) {}

  public record CreateWorkUnit(
      @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String site,
      @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String workCenter,
      @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String code,
      @NotBlank @Size(max = 120) String name) {}

  /** {@code workCenter} other than the current one moves the work unit there. */
  public record UpdateWorkUnit(
      @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String workCenter,
      @NotBlank @Size(max = 120) String name,
      Boolean active,
      @NotNull @PositiveOrZero Long version) {}

  /** The whole calendar; {@code version} is the one read, 0 for a site that has none yet. */
  public record ShiftCalendarBody(
      @NotNull @Size(max = 20) List<@NotNull @Valid Shift> shifts,
      @NotNull @Size(max = 1000) List<@NotNull @Valid NonWorking> plannedNonWorking,
      @NotNull @PositiveOrZero Long version) {}

  public record Shift(
      @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String code,
      @NotBlank @Size(max = 120) String name,
      @NotNull LocalTime start,
      @NotNull LocalTime end,
      @NotNull @Size(min = 1, max = 7) Set<@NotNull DayOfWeek> weekdays,
      @Size(max = 10) List<@NotNull @Valid Break> breaks) {}

  public record Break(@NotNull LocalTime start, @NotNull LocalTime end) {}

  public record NonWorking(
      @NotNull LocalDateTime from,
      @NotNull LocalDateTime to,
      @NotBlank @Size(max = 200) String reason) {}
}
