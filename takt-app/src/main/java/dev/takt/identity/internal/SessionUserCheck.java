package dev.takt.identity.internal;

import dev.takt.identity.TaktPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the user of a logged-in session on every request. HTTP Basic and API tokens are checked
 * on every call anyway; a session (form or badge login) would otherwise keep the user, roles and
 * sites of the moment of login for its whole life (12 hours). So a deactivated or locked user is
 * logged out at once, and changed roles or sites apply at once.
 */
final class SessionUserCheck extends OncePerRequestFilter {

  private final UserRepository users;
  private final Clock clock;
  private final HttpSessionSecurityContextRepository sessions =
      new HttpSessionSecurityContextRepository();

  SessionUserCheck(UserRepository users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (session != null && auth != null && auth.getPrincipal() instanceof TaktPrincipal p) {
      Optional<StoredUser> current =
          users.byId(p.userId()).filter(u -> u.active() && !u.lockedAt(clock.instant()));
      if (current.isEmpty()) {
        SecurityContextHolder.clearContext();
        session.invalidate();
      } else if (!current.get().principal().equals(p)) {
        SecurityContext refreshed = SecurityContextHolder.createEmptyContext();
        refreshed.setAuthentication(TaktAuthenticationProviders.authenticated(current.get()));
        SecurityContextHolder.setContext(refreshed);
        sessions.saveContext(refreshed, request, response);
      }
    }
    chain.doFilter(request, response);
  }
}
