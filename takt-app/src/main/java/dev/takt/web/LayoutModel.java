package dev.takt.web;

import dev.takt.identity.SiteAccess;
import dev.takt.shared.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout shows on every page: who is logged in, where they may go, which site. */
@ControllerAdvice(annotations = PageController.class)
class LayoutModel {

  private final CurrentSite currentSite;
  private final SiteAccess access;

  LayoutModel(CurrentSite currentSite, SiteAccess access) {
    this.currentSite = currentSite;
    this.access = access;
  }

  @ModelAttribute("username")
  String username() {
    return access.principal().map(p -> p.username()).orElse(null);
  }

  @ModelAttribute("roles")
  Set<Role> roles() {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null) {
      for (Role role : Role.values()) {
        if (auth.getAuthorities().stream()
            .anyMatch(a -> a.getAuthority().equals(role.authority()))) {
          roles.add(role);
        }
      }
    }
    return roles;
  }

  /** Office users have an account page; an operator's world is the terminal. */
  @ModelAttribute("officeUser")
  boolean officeUser() {
    return roles().stream().anyMatch(r -> r != Role.OPERATOR);
  }

  @ModelAttribute("nav")
  List<Navigation.Link> nav(HttpServletRequest request) {
    return Navigation.visibleTo(roles(), currentPath(request));
  }

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  @ModelAttribute("siteChoices")
  List<String> siteChoices() {
    return currentSite.choices();
  }

  @ModelAttribute("currentSite")
  String currentSite(HttpServletRequest request) {
    return currentSite.get(request.getSession()).orElse(null);
  }
}
