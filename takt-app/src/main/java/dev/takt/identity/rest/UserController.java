package dev.takt.identity.rest;

import dev.takt.identity.ApiTokenView;
import dev.takt.identity.IssuedApiToken;
import dev.takt.identity.UserView;
import dev.takt.identity.internal.UserCommands;
import dev.takt.identity.internal.UserService;
import dev.takt.shared.CursorPage;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users. A handler that reads a body has no constraint on its path variable on purpose: with one,
 * Spring validates the whole method and reports the body's faults under the parameter name {@code
 * body} instead of the field. An over-long username there simply finds no user (404).
 */
@RestController
@RequestMapping("/api/v1/users")
@RequiresRole(Role.ADMIN)
@Tag(name = "Users", description = "People and machine accounts, their roles, sites and tokens")
class UserController {

  private final UserService users;

  UserController(UserService users) {
    this.users = users;
  }

  @GetMapping
  @Operation(summary = "List users by username; page on with the returned cursor")
  CursorPage<UserView> list(
      @RequestParam(required = false) @Size(max = 60) String after,
      @RequestParam(required = false) @Size(max = 60) String q,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
    return users.list(after, q, limit);
  }

  @PostMapping
  @Operation(summary = "Create a user")
  ResponseEntity<UserView> create(@Valid @RequestBody UserRequests.CreateUser body) {
    UserView created =
        users.create(
            new UserCommands.CreateUser(
                body.username(),
                body.displayName(),
                body.password(),
                body.roles(),
                body.sites(),
                body.badgeNumber(),
                body.pin()));
    return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
  }

  @GetMapping("/{username}")
  UserView get(@PathVariable @Size(max = 60) String username) {
    return users.get(username);
  }

  @PutMapping("/{username}")
  @Operation(
      summary = "Change name, roles, sites, badge or active flag (send the version you read)")
  UserView update(@PathVariable String username, @Valid @RequestBody UserRequests.UpdateUser body) {
    return users.update(
        username,
        new UserCommands.UpdateUser(
            body.displayName(),
            body.roles(),
            body.sites(),
            body.badgeNumber(),
            body.active(),
            body.version()));
  }

  @DeleteMapping("/{username}")
  @Operation(summary = "Deactivate a user (users are never deleted: the audit trail names them)")
  ResponseEntity<Void> deactivate(@PathVariable @Size(max = 60) String username) {
    users.deactivate(username);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{username}/password")
  @Operation(summary = "Set a new password")
  UserView setPassword(
      @PathVariable String username, @Valid @RequestBody UserRequests.SetPassword body) {
    return users.changePassword(username, body.newPassword());
  }

  @PostMapping("/{username}/pin")
  @Operation(summary = "Reset the terminal PIN")
  UserView setPin(@PathVariable String username, @Valid @RequestBody UserRequests.SetPin body) {
    return users.resetPin(username, body.pin());
  }

  @PostMapping("/{username}/unlock")
  @Operation(summary = "Unlock an account locked by failed logins")
  UserView unlock(@PathVariable @Size(max = 60) String username) {
    return users.unlock(username);
  }

  @GetMapping("/{username}/tokens")
  List<ApiTokenView> tokens(@PathVariable @Size(max = 60) String username) {
    return users.tokens(username);
  }

  @PostMapping("/{username}/tokens")
  @Operation(summary = "Issue an API token; its secret is in this response only")
  ResponseEntity<IssuedApiToken> issueToken(
      @PathVariable String username, @Valid @RequestBody UserRequests.IssueToken body) {
    return ResponseEntity.status(201)
        .body(users.issueToken(username, body.name(), body.expiresAt()));
  }

  @DeleteMapping("/{username}/tokens/{tokenId}")
  ResponseEntity<Void> revokeToken(
      @PathVariable @Size(max = 60) String username, @PathVariable UUID tokenId) {
    users.revokeToken(username, tokenId);
    return ResponseEntity.noContent().build();
  }
}
