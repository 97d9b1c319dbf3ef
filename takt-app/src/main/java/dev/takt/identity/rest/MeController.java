package dev.takt.identity.rest;

import dev.takt.identity.ApiTokenView;
import dev.takt.identity.IssuedApiToken;
import dev.takt.identity.UserView;
import dev.takt.identity.internal.UserService;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The logged-in user's own account: who am I, my password, my API tokens. */
@RestController
@RequestMapping("/api/v1/me")
@RequiresRole({
  Role.ADMIN,
  Role.PLANNER,
  Role.SUPERVISOR,
  Role.OPERATOR,
  Role.QUALITY,
  Role.AUDITOR,
  Role.INTEGRATION
})
@Tag(name = "Users")
class MeController {

  private final UserService users;

  MeController(UserService users) {
    this.users = users;
  }

  @GetMapping
  @Operation(summary = "Who am I: my roles and sites")
  UserView me(Principal principal) {
    return users.get(principal.getName());
  }

  @PostMapping("/password")
  @Operation(summary = "Change my password (the current one is required)")
  UserView changePassword(
      Principal principal, @Valid @RequestBody UserRequests.ChangeOwnPassword body) {
    return users.changeOwnPassword(principal.getName(), body.currentPassword(), body.newPassword());
  }

  @GetMapping("/tokens")
  List<ApiTokenView> tokens(Principal principal) {
    return users.tokens(principal.getName());
  }

  @PostMapping("/tokens")
  @Operation(summary = "Issue myself an API token; its secret is in this response only")
  ResponseEntity<IssuedApiToken> issue(
      Principal principal, @Valid @RequestBody UserRequests.IssueToken body) {
    return ResponseEntity.status(201)
        .body(users.issueToken(principal.getName(), body.name(), body.expiresAt()));
  }

  @DeleteMapping("/tokens/{tokenId}")
  ResponseEntity<Void> revoke(Principal principal, @PathVariable UUID tokenId) {
    users.revokeToken(principal.getName(), tokenId);
    return ResponseEntity.noContent().build();
  }
}
