package dev.takt.web;

import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import java.security.Principal;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after login: where to go next. */
@PageController
@RequiresRole({
  Role.ADMIN,
  Role.PLANNER,
  Role.SUPERVISOR,
  Role.OPERATOR,
  Role.QUALITY,
  Role.AUDITOR,
  Role.INTEGRATION
})
class HomeController {

  private final List<HomeLinks> homeLinks;

  HomeController(List<HomeLinks> homeLinks) {
    this.homeLinks = homeLinks;
  }

  @GetMapping("/")
  String home(Principal principal, Model model) {
    model.addAttribute("username", principal.getName());
    model.addAttribute("linkGroups", homeLinks.stream().filter(h -> !h.links().isEmpty()).toList());
    return "web/home";
  }
}
