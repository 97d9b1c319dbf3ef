package dev.takt.identity.internal;

import dev.takt.identity.TaktPrincipal;
import dev.takt.identity.UserView;
import dev.takt.shared.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A user row with its secrets, as only this package sees it. */
record StoredUser(
    UUID id,
    String username,
    String displayName,
    String passwordHash,
    String badgeNumber,
    String pinHash,
    boolean active,
    int failedAttempts,
    Instant lockedUntil,
    Instant lastLoginAt,
    Set<Role> roles,
    Set<String> sites,
    long version) {

  boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  TaktPrincipal principal() {
    return new TaktPrincipal(id, username, roles, sites);
  }

  UserView view(Instant now) {
    return new UserView(
        id,
        username,
        displayName,
        roles,
        sites,
        badgeNumber,
        passwordHash != null,
        pinHash != null,
        active,
        lockedAt(now),
        lockedAt(now) ? lockedUntil : null,
        lastLoginAt,
        version);
  }
}
