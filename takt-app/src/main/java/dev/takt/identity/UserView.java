package dev.takt.identity;

import dev.takt.shared.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A user as the API shows it and the audit trail records it. Never carries a password, PIN or token
 * hash.
 */
public record UserView(
    UUID id,
    String username,
    String displayName,
    Set<Role> roles,
    Set<String> sites,
    String badgeNumber,
    boolean hasPassword,
    boolean hasPin,
    boolean active,
    boolean locked,
    Instant lockedUntil,
    Instant lastLoginAt,
    long version) {}
