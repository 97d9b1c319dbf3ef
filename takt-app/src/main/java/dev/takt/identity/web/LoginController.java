package dev.takt.identity.web;

import dev.takt.shared.PublicEndpoint;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The two login forms: username + password, and badge + PIN for shared terminals. */
@Controller
@PublicEndpoint("the login forms must be reachable before logging in")
class LoginController {

  @GetMapping("/login")
  String login() {
    return "identity/login";
  }

  @GetMapping("/login/badge")
  String badgeLogin() {
    return "identity/badge-login";
  }
}
