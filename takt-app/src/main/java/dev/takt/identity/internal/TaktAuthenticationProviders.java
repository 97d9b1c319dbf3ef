package dev.takt.identity.internal;

import dev.takt.identity.TaktPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The three ways into Takt: username + password, badge + PIN, API token. */
final class TaktAuthenticationProviders {

  private TaktAuthenticationProviders() {}

  static Collection<GrantedAuthority> authorities(TaktPrincipal p) {
    return p.roles().stream()
        .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
        .toList();
  }

  static Authentication authenticated(StoredUser user) {
    TaktPrincipal p = user.principal();
    return UsernamePasswordAuthenticationToken.authenticated(p, null, authorities(p));
  }

  /** A badge number and PIN typed at a shared terminal, not yet checked. */
  static final class BadgeAndPin extends AbstractAuthenticationToken {
    private final String badge;
    private final String pin;

    BadgeAndPin(String badge, String pin) {
      super(List.of());
      this.badge = badge;
      this.pin = pin;
    }

    @Override
    public Object getCredentials() {
      return pin;
    }

    @Override
    public Object getPrincipal() {
      return badge;
    }
  }

  /** An {@code Authorization: Bearer} token, not yet checked. */
  static final class BearerToken extends AbstractAuthenticationToken {
    private final String token;

    BearerToken(String token) {
      super(List.of());
      this.token = token;
    }

    @Override
    public Object getCredentials() {
      return token;
    }

    @Override
    public Object getPrincipal() {
      return "api-token";
    }
  }

  record PasswordProvider(LoginService login) implements AuthenticationProvider {
    @Override
    public Authentication authenticate(Authentication auth) {
      String username = auth.getName();
      Object password = auth.getCredentials();
      if (username == null
          || username.isBlank()
          || !(password instanceof String pw)
          || pw.isEmpty()) {
        throw new BadCredentialsException("bad credentials");
      }
      return authenticated(login.withPassword(username, pw));
    }

    @Override
    public boolean supports(Class<?> type) {
      return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }
  }

  record BadgeProvider(LoginService login) implements AuthenticationProvider {
    @Override
    public Authentication authenticate(Authentication auth) {
      BadgeAndPin b = (BadgeAndPin) auth;
      if (b.badge == null || b.badge.isBlank() || b.pin == null || b.pin.isBlank()) {
        throw new BadCredentialsException("bad credentials");
      }
      return authenticated(login.withBadge(b.badge.strip(), b.pin.strip()));
    }

    @Override
    public boolean supports(Class<?> type) {
      return BadgeAndPin.class.isAssignableFrom(type);
    }
  }

  /**
   * Checks a token by its hash; notes its use at most once a minute to spare the database. What the
   * database said about a token and its user is kept for a few seconds ({@link TokenCache}, emptied
   * by every change to users and tokens); expiry, the active flag and the lock are checked anew on
   * every request.
   */
  record TokenProvider(
      ApiTokenRepository tokens, UserRepository users, TokenCache cache, Clock clock)
      implements AuthenticationProvider {
    @Override
    public Authentication authenticate(Authentication auth) {
      String token = (String) auth.getCredentials();
      Instant now = clock.instant();
      if (token == null || !token.startsWith(ApiTokenRepository.PREFIX) || token.length() > 100) {
        throw new BadCredentialsException("bad credentials");
      }
      String hash = ApiTokenRepository.hash(token);
      TokenCache.Entry cached = cache.get(hash);
      ApiTokenRepository.ActiveToken active;
      StoredUser user;
      long generation;
      if (cached != null) {
        active = cached.token();
        user = cached.user();
        generation = cached.generation();
      } else {
        generation = cache.generation();
        active =
            tokens
                .findActiveByHash(hash, now)
                .orElseThrow(() -> new BadCredentialsException("bad credentials"));
        user =
            users
                .byId(active.userId())
                .orElseThrow(() -> new BadCredentialsException("bad credentials"));
        cache.put(hash, active, user, generation);
      }
      if ((active.expiresAt() != null && !active.expiresAt().isAfter(now))
          || !user.active()
          || user.lockedAt(now)) {
        throw new BadCredentialsException("bad credentials");
      }
      if (active.lastUsedAt() == null
          || Duration.between(active.lastUsedAt(), now).compareTo(Duration.ofMinutes(1)) > 0) {
        tokens.markUsed(active.id(), now);
        cache.put(hash, active.usedAt(now), user, generation);
      }
      return authenticated(user);
    }

    @Override
    public boolean supports(Class<?> type) {
      return BearerToken.class.isAssignableFrom(type);
    }
  }
}
