package dev.takt.execution.rest;

import dev.takt.execution.Phase;
import dev.takt.shared.InvalidInputException;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * Bodies of the shop-floor endpoints. {@code version} is optional everywhere: send the version of
 * the operation you showed to refuse acting on a changed one (409), or leave it out to book
 * whatever the state (e.g. counts from a machine). {@code If-Match} carries it too.
 */
final class ExecutionRequests {
  private ExecutionRequests() {}

  static final String CODE = "[A-Za-z0-9][A-Za-z0-9_-]{0,19}";
  static final String CODE_RULE = "must be 1-20 letters, digits, '-' or '_'";
  static final String REASON = "[A-Z0-9][A-Z0-9_-]{0,29}";
  static final String REASON_RULE = "must be a reason code: 1-30 capitals, digits, '-' or '_'";

  record Start(
      @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String workUnit,
      @NotNull Phase phase,
      @PositiveOrZero Long version) {}

  record Pause(
      @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String workUnit,
      @NotBlank @Pattern(regexp = REASON, message = REASON_RULE) String reason,
      @PositiveOrZero Long version) {}

  record AtWorkUnit(
      @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String workUnit,
      @PositiveOrZero Long version) {}

  static final String LOT = "[A-Za-z0-9][A-Za-z0-9._-]{0,59}";
  static final String LOT_RULE = "must be 1-60 letters, digits, '.', '_' or '-'";

  /**
   * {@code outputLot}: the lot the good quantity goes into (default: the order's own lot); {@code
   * serials}: the serial numbers of the good units of a serial-controlled product.
   */
  record Report(
      @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String workUnit,
      @PositiveOrZero @Digits(integer = 13, fraction = 6) BigDecimal good,
      @PositiveOrZero @Digits(integer = 13, fraction = 6) BigDecimal scrap,
      @Pattern(regexp = REASON, message = REASON_RULE) String scrapReason,
      @PositiveOrZero @Digits(integer = 13, fraction = 6) BigDecimal rework,
      @Pattern(regexp = REASON, message = REASON_RULE) String reworkReason,
      @Pattern(regexp = LOT, message = LOT_RULE) String outputLot,
      @Size(max = 1000) List<@NotBlank @Pattern(regexp = LOT, message = LOT_RULE) String> serials,
      @PositiveOrZero Long version) {}

  record Labour(
      @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String workUnit,
      @NotBlank
          @Size(max = 60)
          @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "must be a user name")
          String operator) {}

  record Consume(
      @NotBlank @Pattern(regexp = CODE, message = CODE_RULE) String workUnit,
      @NotBlank @Size(max = 40) String material,
      @Size(max = 40) String lot,
      @NotNull @Positive @Digits(integer = 13, fraction = 6) BigDecimal quantity) {}

  record OpenDowntime(@Pattern(regexp = REASON, message = REASON_RULE) String reason) {}

  record ClassifyDowntime(
      @NotBlank @Pattern(regexp = REASON, message = REASON_RULE) String reason,
      @PositiveOrZero Long version) {}

  record CloseDowntime(@PositiveOrZero Long version) {}

  /**
   * The version from the body, else from {@code If-Match} ({@code "3"}, {@code 3}, {@code W/"3"}).
   */
  static Long version(Long fromBody, String ifMatch) {
    if (fromBody != null || ifMatch == null || ifMatch.isBlank()) {
      return fromBody;
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    try {
      long version = Long.parseLong(tag);
      if (version < 0) {
        throw new NumberFormatException();
      }
      return version;
    } catch (NumberFormatException e) {
      throw new InvalidInputException("If-Match", "must be the operation's version, e.g. \"3\"");
    }
  }
}
