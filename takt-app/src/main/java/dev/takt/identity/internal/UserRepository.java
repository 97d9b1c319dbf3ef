package dev.takt.identity.internal;

import dev.takt.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

  /**
   * A user with roles and sites in one statement: every authenticated request looks its user up, so
   * this is one round trip instead of three.
   */
  private static final String WITH_GRANTS =
      """
      SELECT u.*,
        (SELECT ARRAY_AGG(r.role) FROM identity_user_role r WHERE r.user_id = u.id) AS role_list,
        (SELECT ARRAY_AGG(s.site_code) FROM identity_user_site s WHERE s.user_id = u.id)
          AS site_list
      FROM identity_user u
      """;

  private final JdbcClient jdbc;
  private final TokenCache tokenCache;

  UserRepository(JdbcClient jdbc, TokenCache tokenCache) {
    this.jdbc = jdbc;
    this.tokenCache = tokenCache;
  }

  static OffsetDateTime ts(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  boolean any() {
    return jdbc.sql("SELECT COUNT(*) FROM identity_user").query(Long.class).single() > 0;
  }

  Optional<StoredUser> byUsername(String username) {
    return jdbc.sql(WITH_GRANTS + " WHERE u.username = :u")
        .param("u", username)
        .query(UserRepository::mapWithGrants)
        .optional();
  }

  Optional<StoredUser> byBadge(String badge) {
    return jdbc.sql(WITH_GRANTS + " WHERE u.badge_number = :b")
        .param("b", badge)
        .query(UserRepository::mapWithGrants)
        .optional();
  }

  Optional<StoredUser> byId(UUID id) {
    return jdbc.sql(WITH_GRANTS + " WHERE u.id = :id")
        .param("id", id)
        .query(UserRepository::mapWithGrants)
        .optional();
  }

  /** Users by username after {@code after}, in username order. */
  List<StoredUser> page(String after, String search, int limit) {
    String like = search == null ? null : "%" + search.toLowerCase(java.util.Locale.ROOT) + "%";
    return jdbc
        .sql(
            """
            SELECT * FROM identity_user WHERE username > :after
              AND (CAST(:q AS VARCHAR) IS NULL OR LOWER(username) LIKE :q OR LOWER(display_name) LIKE :q)
            ORDER BY username LIMIT :limit
            """)
        .param("after", after == null ? "" : after)
        .param("q", like)
        .param("limit", limit)
        .query(this::map)
        .list()
        .stream()
        .map(this::withRolesAndSites)
        .toList();
  }

  void insert(StoredUser u, Instant now) {
    jdbc.sql(
            """
            INSERT INTO identity_user (id, username, display_name, password_hash, badge_number,
              pin_hash, active, failed_attempts, locked_until, last_login_at, created_at,
              updated_at, version)
            VALUES (:id, :username, :name, :pw, :badge, :pin, :active, 0, NULL, NULL, :now, :now, 1)
            """)
        .param("id", u.id())
        .param("username", u.username())
        .param("name", u.displayName())
        .param("pw", u.passwordHash())
        .param("badge", u.badgeNumber())
        .param("pin", u.pinHash())
        .param("active", u.active())
        .param("now", ts(now))
        .update();
    writeRolesAndSites(u);
    tokenCache.changed();
  }

  /** Writes every field but the login counters; fails with false on a stale version. */
  boolean update(StoredUser u, Instant now) {
    int rows =
        jdbc.sql(
                """
                UPDATE identity_user SET display_name = :name, password_hash = :pw,
                  badge_number = :badge, pin_hash = :pin, active = :active,
                  failed_attempts = :failed, locked_until = :locked,
                  updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version
                """)
            .param("name", u.displayName())
            .param("pw", u.passwordHash())
            .param("badge", u.badgeNumber())
            .param("pin", u.pinHash())
            .param("active", u.active())
            .param("failed", u.failedAttempts())
            .param("locked", ts(u.lockedUntil()))
            .param("now", ts(now))
            .param("id", u.id())
            .param("version", u.version())
            .update();
    if (rows == 1) {
      jdbc.sql("DELETE FROM identity_user_role WHERE user_id = :id").param("id", u.id()).update();
      jdbc.sql("DELETE FROM identity_user_site WHERE user_id = :id").param("id", u.id()).update();
      writeRolesAndSites(u);
      tokenCache.changed();
    }
    return rows == 1;
  }

  /** Counts a failed login; returns the new count. Row-locked, so parallel failures all count. */
  int countFailure(UUID id) {
    jdbc.sql("UPDATE identity_user SET failed_attempts = failed_attempts + 1 WHERE id = :id")
        .param("id", id)
        .update();
    return jdbc.sql("SELECT failed_attempts FROM identity_user WHERE id = :id")
        .param("id", id)
        .query(Integer.class)
        .single();
  }

  void lockUntil(UUID id, Instant until) {
    jdbc.sql(
            "UPDATE identity_user SET locked_until = :until, failed_attempts = 0,"
                + " version = version + 1 WHERE id = :id")
        .param("until", ts(until))
        .param("id", id)
        .update();
    tokenCache.changed();
  }

  void recordLogin(UUID id, Instant at) {
    jdbc.sql("UPDATE identity_user SET failed_attempts = 0, last_login_at = :at WHERE id = :id")
        .param("at", ts(at))
        .param("id", id)
        .update();
  }

  private void writeRolesAndSites(StoredUser u) {
    for (Role role : u.roles()) {
      jdbc.sql("INSERT INTO identity_user_role (user_id, role) VALUES (:id, :role)")
          .param("id", u.id())
          .param("role", role.name())
          .update();
    }
    for (String site : u.sites()) {
      jdbc.sql("INSERT INTO identity_user_site (user_id, site_code) VALUES (:id, :site)")
          .param("id", u.id())
          .param("site", site)
          .update();
    }
  }

  /**
   * The user row alone. Roles and sites are read by {@link #withRolesAndSites} once the row's
   * result set is closed: reading them inside the row mapper, outside a transaction, held a second
   * pooled connection per login, and concurrent token logins starved the pool.
   */
  private StoredUser map(ResultSet rs, int row) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    return new StoredUser(
        id,
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("password_hash"),
        rs.getString("badge_number"),
        rs.getString("pin_hash"),
        rs.getBoolean("active"),
        rs.getInt("failed_attempts"),
        instant(rs, "locked_until"),
        instant(rs, "last_login_at"),
        Set.of(),
        Set.of(),
        rs.getLong("version"));
  }

  private static StoredUser mapWithGrants(ResultSet rs, int row) throws SQLException {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Object r : array(rs, "role_list")) {
      roles.add(Role.valueOf((String) r));
    }
    Set<String> sites = new HashSet<>();
    for (Object site : array(rs, "site_list")) {
      sites.add((String) site);
    }
    return new StoredUser(
        rs.getObject("id", UUID.class),
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("password_hash"),
        rs.getString("badge_number"),
        rs.getString("pin_hash"),
        rs.getBoolean("active"),
        rs.getInt("failed_attempts"),
        instant(rs, "locked_until"),
        instant(rs, "last_login_at"),
        roles,
        sites,
        rs.getLong("version"));
  }

  /** An SQL array column as elements; ARRAY_AGG over no rows is NULL. */
  private static Object[] array(ResultSet rs, String column) throws SQLException {
    java.sql.Array array = rs.getArray(column);
    return array == null ? new Object[0] : (Object[]) array.getArray();
  }

  private StoredUser withRolesAndSites(StoredUser u) {
    return new StoredUser(
        u.id(),
        u.username(),
        u.displayName(),
        u.passwordHash(),
        u.badgeNumber(),
        u.pinHash(),
        u.active(),
        u.failedAttempts(),
        u.lockedUntil(),
        u.lastLoginAt(),
        roles(u.id()),
        sites(u.id()),
        u.version());
  }

  private Set<Role> roles(UUID id) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    jdbc.sql("SELECT role FROM identity_user_role WHERE user_id = :id")
        .param("id", id)
        .query(String.class)
        .list()
        .forEach(r -> roles.add(Role.valueOf(r)));
    return roles;
  }

  private Set<String> sites(UUID id) {
    return new HashSet<>(
        jdbc.sql("SELECT site_code FROM identity_user_site WHERE user_id = :id ORDER BY site_code")
            .param("id", id)
            .query(String.class)
            .list());
  }
}
