package dev.takt.identity.internal;

import dev.takt.compliance.AuditTrail;
import dev.takt.identity.ApiTokenView;
import dev.takt.identity.IssuedApiToken;
import dev.takt.identity.SiteDirectory;
import dev.takt.identity.UserView;
import dev.takt.shared.ConflictException;
import dev.takt.shared.CursorPage;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.StaleVersionException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manages users and their tokens. A user is born with a username (never changed, it is what the
 * audit trail names), gets roles, sites, a password and optionally a badge with a PIN; is locked by
 * repeated failed logins and unlocked by time or by an administrator; and is never deleted, only
 * deactivated, because audit records name it.
 */
@Service
public class UserService {

  static final String AUDIT_ENTITY = "user";

  private final UserRepository users;
  private final ApiTokenRepository tokens;
  private final PasswordEncoder encoder;
  private final AuditTrail audit;
  private final ObjectProvider<SiteDirectory> siteDirectory;
  private final Clock clock;

  UserService(
      UserRepository users,
      ApiTokenRepository tokens,
      PasswordEncoder encoder,
      AuditTrail audit,
      ObjectProvider<SiteDirectory> siteDirectory,
      Clock clock) {
    this.users = users;
    this.tokens = tokens;
    this.encoder = encoder;
    this.audit = audit;
    this.siteDirectory = siteDirectory;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public CursorPage<UserView> list(String after, String search, int limit) {
    List<StoredUser> page = users.page(after, search, limit + 1);
    Instant now = clock.instant();
    List<UserView> views = page.stream().limit(limit).map(u -> u.view(now)).toList();
    String next = page.size() > limit ? views.getLast().username() : null;
    return new CursorPage<>(views, next);
  }

  @Transactional(readOnly = true)
  public UserView get(String username) {
    return find(username).view(clock.instant());
  }

  @Transactional
  public UserView create(UserCommands.CreateUser cmd) {
    String username = cmd.username().toLowerCase(java.util.Locale.ROOT);
    if (users.byUsername(username).isPresent()) {
      throw new ConflictException("username", "a user '" + username + "' exists already");
    }
    requireFreeBadge(cmd.badgeNumber(), null);
    requireKnownSites(cmd.sites());
    if (cmd.pin() != null && cmd.badgeNumber() == null) {
      throw new InvalidInputException("pin", "a PIN needs a badge number to go with it");
    }
    StoredUser user =
        new StoredUser(
            UUID.randomUUID(),
            username,
            cmd.displayName(),
            cmd.password() == null ? null : encoder.encode(cmd.password()),
            cmd.badgeNumber(),
            cmd.pin() == null ? null : encoder.encode(cmd.pin()),
            true,
            0,
            null,
            null,
            Set.copyOf(cmd.roles()),
            new TreeSet<>(cmd.sites()),
            1);
    users.insert(user, clock.instant());
    UserView view = user.view(clock.instant());
    audit.created(AUDIT_ENTITY, username, view);
    return view;
  }

  @Transactional
  public UserView update(String username, UserCommands.UpdateUser cmd) {
    StoredUser old = find(username);
    requireVersion(old, cmd.version());
    requireFreeBadge(cmd.badgeNumber(), old.id());
    requireKnownSites(cmd.sites());
    String pinHash =
        java.util.Objects.equals(cmd.badgeNumber(), old.badgeNumber()) ? old.pinHash() : null;
    StoredUser changed =
        new StoredUser(
            old.id(),
            old.username(),
            cmd.displayName(),
            old.passwordHash(),
            cmd.badgeNumber(),
            pinHash,
            cmd.active(),
            old.failedAttempts(),
            old.lockedUntil(),
            old.lastLoginAt(),
            Set.copyOf(cmd.roles()),
            new TreeSet<>(cmd.sites()),
            old.version());
    return save(old, changed);
  }

  @Transactional
  public UserView changePassword(String username, String newPassword) {
    StoredUser old = find(username);
    return save(old, withSecrets(old, encoder.encode(newPassword), old.pinHash()));
  }

  /** A user's own change of password: the current one must be given, as NIST SP 800-63B asks. */
  @Transactional
  public UserView changeOwnPassword(String username, String currentPassword, String newPassword) {
    StoredUser old = find(username);
    if (old.passwordHash() == null || !encoder.matches(currentPassword, old.passwordHash())) {
      throw new InvalidInputException("currentPassword", "the current password is not right");
    }
    return save(old, withSecrets(old, encoder.encode(newPassword), old.pinHash()));
  }

  @Transactional
  public UserView resetPin(String username, String pin) {
    StoredUser old = find(username);
    if (old.badgeNumber() == null) {
      throw new InvalidInputException("pin", "user '" + username + "' has no badge number");
    }
    return save(old, withSecrets(old, old.passwordHash(), encoder.encode(pin)));
  }

  @Transactional
  public UserView unlock(String username) {
    StoredUser old = find(username);
    StoredUser unlocked =
        new StoredUser(
            old.id(),
            old.username(),
            old.displayName(),
            old.passwordHash(),
            old.badgeNumber(),
            old.pinHash(),
            old.active(),
            0,
            null,
            old.lastLoginAt(),
            old.roles(),
            old.sites(),
            old.version());
    return save(old, unlocked);
  }

  /** Deactivates: the user can no longer log in, and its tokens stop working. */
  @Transactional
  public void deactivate(String username) {
    StoredUser old = find(username);
    if (!old.active()) {
      return;
    }
    StoredUser inactive =
        new StoredUser(
            old.id(),
            old.username(),
            old.displayName(),
            old.passwordHash(),
            old.badgeNumber(),
            old.pinHash(),
            false,
            old.failedAttempts(),
            old.lockedUntil(),
            old.lastLoginAt(),
            old.roles(),
            old.sites(),
            old.version());
    save(old, inactive);
  }

  @Transactional(readOnly = true)
  public List<ApiTokenView> tokens(String username) {
    return tokens.ofUser(find(username).id());
  }

  @Transactional
  public IssuedApiToken issueToken(String username, String name, Instant expiresAt) {
    StoredUser user = find(username);
    if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
      throw new InvalidInputException("expiresAt", "the expiry must lie in the future");
    }
    IssuedApiToken issued = tokens.issue(user.id(), name, expiresAt, clock.instant());
    audit.created("api-token", username + "/" + issued.token().id(), issued.token());
    return issued;
  }

  @Transactional
  public void revokeToken(String username, UUID tokenId) {
    StoredUser user = find(username);
    ApiTokenView old =
        tokens.ofUser(user.id()).stream()
            .filter(t -> t.id().equals(tokenId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("API token", tokenId));
    if (old.revokedAt() != null) {
      return;
    }
    tokens.revoke(tokenId, clock.instant());
    audit.updated(
        "api-token",
        username + "/" + tokenId,
        old,
        tokens.ofUser(user.id()).stream()
            .filter(t -> t.id().equals(tokenId))
            .findFirst()
            .orElseThrow());
  }

  private UserView save(StoredUser old, StoredUser changed) {
    Instant now = clock.instant();
    if (!users.update(changed, now)) {
      throw new StaleVersionException("user", old.username(), changed.version(), old.version() + 1);
    }
    UserView view = find(old.username()).view(now);
    audit.updated(AUDIT_ENTITY, old.username(), old.view(now), view);
    return view;
  }

  private static StoredUser withSecrets(StoredUser u, String passwordHash, String pinHash) {
    return new StoredUser(
        u.id(),
        u.username(),
        u.displayName(),
        passwordHash,
        u.badgeNumber(),
        pinHash,
        u.active(),
        u.failedAttempts(),
        u.lockedUntil(),
        u.lastLoginAt(),
        u.roles(),
        u.sites(),
        u.version());
  }

  private StoredUser find(String username) {
    return users
        .byUsername(username == null ? "" : username.toLowerCase(java.util.Locale.ROOT))
        .orElseThrow(() -> new NotFoundException("user", username));
  }

  private static void requireVersion(StoredUser current, long sent) {
    if (current.version() != sent) {
      throw new StaleVersionException("user", current.username(), sent, current.version());
    }
  }

  private void requireFreeBadge(String badge, UUID owner) {
    if (badge == null) {
      return;
    }
    users
        .byBadge(badge)
        .filter(u -> !u.id().equals(owner))
        .ifPresent(
            u -> {
              throw new ConflictException(
                  "badgeNumber", "badge " + badge + " belongs to another user");
            });
  }

  private void requireKnownSites(Set<String> sites) {
    SiteDirectory directory = siteDirectory.getIfAvailable();
    if (directory == null) {
      return;
    }
    for (String site : sites) {
      if (!directory.siteExists(site)) {
        throw new InvalidInputException("sites", "site '" + site + "' does not exist");
      }
    }
  }
}
