package dev.takt.identity.internal;

import dev.takt.shared.Role;
import java.util.Set;

/** What a caller may set on a user; validated at the REST edge, checked again here for rules. */
public final class UserCommands {
  private UserCommands() {}

  public record CreateUser(
      String username,
      String displayName,
      String password,
      Set<Role> roles,
      Set<String> sites,
      String badgeNumber,
      String pin) {}

  public record UpdateUser(
      String displayName,
      Set<Role> roles,
      Set<String> sites,
      String badgeNumber,
      boolean active,
      long version) {}
}
