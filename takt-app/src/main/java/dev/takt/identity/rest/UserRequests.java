package dev.takt.identity.rest;

import dev.takt.shared.Role;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;

/**
 * The bodies the user endpoints accept. Secrets are never echoed back. Public so that the people
 * pages check their forms against the very same constraints.
 */
public final class UserRequests {
  private UserRequests() {}

  public static final String USERNAME = "[a-zA-Z0-9][a-zA-Z0-9._-]{1,59}";
  public static final String SITE_CODE = "[A-Za-z0-9][A-Za-z0-9_-]{0,19}";
  public static final String BADGE = "[A-Za-z0-9-]{1,40}";
  public static final String PIN = "[0-9]{4,8}";

  public record CreateUser(
      @NotBlank @Pattern(regexp = USERNAME, message = "2 to 60 letters, digits, '.', '_' or '-'")
          String username,
      @NotBlank @Size(max = 120) String displayName,
      @Size(min = 12, max = 128, message = "must be 12 to 128 characters long") String password,
      @NotNull @Size(max = 7) Set<@NotNull Role> roles,
      @NotNull @Size(max = 200)
          Set<@NotNull @Pattern(regexp = SITE_CODE, message = "is not a site code") String> sites,
      @Pattern(regexp = BADGE, message = "1 to 40 letters, digits or '-'") String badgeNumber,
      @Pattern(regexp = PIN, message = "must be 4 to 8 digits") String pin) {}

  public record UpdateUser(
      @NotBlank @Size(max = 120) String displayName,
      @NotNull @Size(max = 7) Set<@NotNull Role> roles,
      @NotNull @Size(max = 200)
          Set<@NotNull @Pattern(regexp = SITE_CODE, message = "is not a site code") String> sites,
      @Pattern(regexp = BADGE, message = "1 to 40 letters, digits or '-'") String badgeNumber,
      @NotNull Boolean active,
      @NotNull @PositiveOrZero Long version) {}

  public record SetPassword(
      @NotNull @Size(min = 12, max = 128, message = "must be 12 to 128 characters long")
          String newPassword) {}

  public record ChangeOwnPassword(
      @NotNull @Size(max = 128) String currentPassword,
      @NotNull @Size(min = 12, max = 128, message = "must be 12 to 128 characters long")
          String newPassword) {}

  public record SetPin(
      @NotNull @Pattern(regexp = PIN, message = "must be 4 to 8 digits") String pin) {}

  public record IssueToken(@NotBlank @Size(max = 60) String name, @Future Instant expiresAt) {}
}
