package dev.takt.identity.internal;

import dev.takt.compliance.AuditAction;
import dev.takt.compliance.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a secret (password or PIN) and keeps the count of failures. Every failure says only "bad
 * credentials", whether the user is unknown, inactive, locked or the secret wrong, so that a caller
 * cannot find out which accounts exist.
 */
@Service
class LoginService {

  private static final Logger log = LoggerFactory.getLogger(LoginService.class);

  private final UserRepository users;
  private final PasswordEncoder encoder;
  private final LockoutPolicy policy;
  private final AuditTrail audit;
  private final Clock clock;
  private final String dummyHash;

  LoginService(
      UserRepository users,
      PasswordEncoder encoder,
      LockoutPolicy policy,
      AuditTrail audit,
      Clock clock) {
    this.users = users;
    this.encoder = encoder;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
    this.dummyHash = encoder.encode("no-such-user-" + System.nanoTime());
  }

  @Transactional(noRollbackFor = AuthenticationException.class)
  public StoredUser withPassword(String username, String password) {
    return check(
        users.byUsername(username.toLowerCase(java.util.Locale.ROOT)),
        password,
        StoredUser::passwordHash);
  }

  @Transactional(noRollbackFor = AuthenticationException.class)
  public StoredUser withBadge(String badge, String pin) {
    return check(users.byBadge(badge), pin, StoredUser::pinHash);
  }

  private StoredUser check(
      Optional<StoredUser> found, String secret, Function<StoredUser, String> hashOf) {
    Instant now = clock.instant();
    StoredUser user = found.orElse(null);
    String hash = user == null ? null : hashOf.apply(user);
    // Spend the same time on an unknown user as on a known one.
    boolean matches = encoder.matches(secret, hash == null ? dummyHash : hash) && hash != null;
    if (user == null) {
      throw new BadCredentialsException("bad credentials");
    }
    if (!user.active() || user.lockedAt(now)) {
      throw new BadCredentialsException("bad credentials");
    }
    if (!matches) {
      int failures = users.countFailure(user.id());
      if (failures >= policy.maxAttempts()) {
        lock(user, now);
      }
      throw new BadCredentialsException("bad credentials");
    }
    users.recordLogin(user.id(), now);
    return user;
  }

  private void lock(StoredUser user, Instant now) {
    Instant until = now.plus(policy.duration());
    users.lockUntil(user.id(), until);
    log.warn(
        "Account '{}' locked until {} after {} failed logins",
        user.username(),
        until,
        policy.maxAttempts());
    StoredUser locked = users.byId(user.id()).orElseThrow();
    audit.recordBySystem(
        AuditAction.UPDATE,
        UserService.AUDIT_ENTITY,
        user.username(),
        user.view(now),
        locked.view(now),
        "locked after " + policy.maxAttempts() + " failed logins in a row");
  }
}
