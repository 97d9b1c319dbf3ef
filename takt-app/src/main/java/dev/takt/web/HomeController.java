package dev.takt.web;

import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import java.security.Principal;
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

  @GetMapping("/")
  String home(Principal principal, Model model) {
    model.addAttribute("username", principal.getName());
    return "web/home";
  }
}
