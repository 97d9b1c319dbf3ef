package dev.takt.identity;

import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Checks the sites the current caller may act on. Roles are checked before a handler runs (see
 * {@link dev.takt.shared.RequiresRole}); sites can only be checked once the handler knows which
 * site a request touches, so modules call this from their services.
 */
@Component
public class SiteAccess {

  /** Throws {@link AccessDeniedException} (HTTP 403) unless the caller may act on the site. */
  public void requireSite(String siteCode) {
    if (!mayActOn(siteCode)) {
      throw new AccessDeniedException("you may not act on site '" + siteCode + "'");
    }
  }

  public boolean mayActOn(String siteCode) {
    // No caller at all is the server itself (start-up, seeding, scheduled jobs).
    return principal().map(p -> p.mayActOn(siteCode)).orElse(!isRequestFromOutside());
  }

  /** The caller's sites, or empty when the caller acts on every site. */
  public Optional<Set<String>> restrictedToSites() {
    return principal().filter(p -> !p.actsOnAllSites()).map(TaktPrincipal::sites);
  }

  public Optional<TaktPrincipal> principal() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof TaktPrincipal p) {
      return Optional.of(p);
    }
    return Optional.empty();
  }

  private static boolean isRequestFromOutside() {
    return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
        != null;
  }
}
