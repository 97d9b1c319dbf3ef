package dev.takt.web;

import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The site switcher in the top bar: remembers the chosen site and goes back where it came from. */
@PageController
@RequiresRole({
  Role.ADMIN,
  Role.PLANNER,
  Role.SUPERVISOR,
  Role.QUALITY,
  Role.AUDITOR,
  Role.INTEGRATION
})
class SiteSwitchController {

  private final CurrentSite currentSite;

  SiteSwitchController(CurrentSite currentSite) {
    this.currentSite = currentSite;
  }

  @PostMapping("/site")
  String switchSite(
      @RequestParam String site,
      @RequestParam(defaultValue = "/") String back,
      HttpSession session) {
    currentSite.set(session, site);
    // Only a path on this server: the switcher must not become an open redirect.
    boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
    return "redirect:" + (local ? back : "/");
  }
}
