package dev.takt.identity.web;

import dev.takt.identity.ApiTokenView;
import dev.takt.identity.UserView;
import dev.takt.shared.Role;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** A user as a line of the people list: roles and sites as sorted text, times in UTC. */
record UserRow(UserView user, String roles, String sites, boolean allSites, String lastLogin) {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  static UserRow of(UserView u) {
    return new UserRow(
        u,
        u.roles().stream().map(Role::name).sorted().collect(Collectors.joining(", ")),
        u.sites().stream().sorted().collect(Collectors.joining(", ")),
        u.roles().contains(Role.ADMIN),
        utc(u.lastLoginAt()));
  }

  /** A time as "2026-03-01 14:05" in UTC, or null. */
  static String utc(Instant at) {
    return at == null ? null : UTC.format(at);
  }

  /** An API token as a line of a token list. */
  record TokenRow(
      ApiTokenView token, String created, String expires, String lastUsed, String revoked) {
    static TokenRow of(ApiTokenView t) {
      return new TokenRow(
          t, utc(t.createdAt()), utc(t.expiresAt()), utc(t.lastUsedAt()), utc(t.revokedAt()));
    }
  }
}
