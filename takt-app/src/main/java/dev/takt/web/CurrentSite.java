package dev.takt.web;

import dev.takt.identity.SiteAccess;
import dev.takt.identity.SiteDirectory;
import dev.takt.identity.TaktPrincipal;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The site a back-office user is working on, chosen with the site switcher and kept in the session.
 * Pages of site-scoped data show this site unless told otherwise.
 */
@Component
public class CurrentSite {

  static final String SESSION_KEY = "takt.currentSite";

  private final SiteAccess access;
  private final ObjectProvider<SiteDirectory> directory;

  CurrentSite(SiteAccess access, ObjectProvider<SiteDirectory> directory) {
    this.access = access;
    this.directory = directory;
  }

  /** The sites the caller may switch to. */
  public List<String> choices() {
    Optional<TaktPrincipal> principal = access.principal();
    if (principal.isEmpty()) {
      return List.of();
    }
    if (principal.get().actsOnAllSites()) {
      SiteDirectory sites = directory.getIfAvailable();
      return sites == null ? List.of() : sites.activeSiteCodes();
    }
    return principal.get().sites().stream().sorted().toList();
  }

  /** The chosen site if the caller may still act on it, else the first it may act on. */
  public Optional<String> get(HttpSession session) {
    Object chosen = session.getAttribute(SESSION_KEY);
    List<String> choices = choices();
    if (chosen instanceof String code && choices.contains(code)) {
      return Optional.of(code);
    }
    return choices.stream().findFirst();
  }

  public void set(HttpSession session, String siteCode) {
    if (!choices().contains(siteCode)) {
      throw new AccessDeniedException("you may not act on site '" + siteCode + "'");
    }
    session.setAttribute(SESSION_KEY, siteCode);
  }
}
