package dev.takt.identity.web;

import dev.takt.identity.IssuedApiToken;
import dev.takt.identity.UserView;
import dev.takt.identity.internal.UserService;
import dev.takt.identity.rest.UserRequests;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.web.Breadcrumb;
import dev.takt.web.Flash;
import dev.takt.web.FormErrors;
import dev.takt.web.PageController;
import jakarta.validation.Validator;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My account": every office user changes their own password (with the current one) and keeps their
 * own API tokens. Operators work at the terminal only, so they are not admitted.
 */
@PageController
@RequiresRole({
  Role.ADMIN,
  Role.PLANNER,
  Role.SUPERVISOR,
  Role.QUALITY,
  Role.AUDITOR,
  Role.INTEGRATION
})
class AccountController {

  private final UserService users;
  private final TokenIssuing tokens;
  private final Validator validator;
  private final MessageSource messages;

  AccountController(
      UserService users, TokenIssuing tokens, Validator validator, MessageSource messages) {
    this.users = users;
    this.tokens = tokens;
    this.validator = validator;
    this.messages = messages;
  }

  @GetMapping("/account")
  String account(Principal principal, Model model) {
    return page(principal, model);
  }

  @PostMapping("/account/password")
  String changePassword(
      Principal principal,
      @ModelAttribute("passwordForm") SecretForms.PasswordForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    UserRequests.ChangeOwnPassword request =
        new UserRequests.ChangeOwnPassword(form.getCurrentPassword(), form.getNewPassword());
    if (FormErrors.validate(validator, request, binding)) {
      try {
        users.changeOwnPassword(
            principal.getName(), request.currentPassword(), request.newPassword());
        Flash.success(redirect, text("account.passwordChanged"));
        return "redirect:/account";
      } catch (RuntimeException e) {
        if (!FormErrors.reject(binding, e)) {
          throw e;
        }
      }
    }
    return page(principal, model);
  }

  /** Answers with the page itself, the secret in it: the only time anyone sees it. */
  @PostMapping("/account/tokens")
  String issueToken(
      Principal principal,
      @ModelAttribute("tokenForm") SecretForms.TokenForm form,
      BindingResult binding,
      Model model) {
    IssuedApiToken issued = tokens.issue(principal.getName(), form, binding);
    if (issued != null) {
      model.addAttribute("issued", issued);
      model.addAttribute("tokenForm", new SecretForms.TokenForm());
    }
    return page(principal, model);
  }

  @PostMapping("/account/tokens/{tokenId}/revoke")
  String revokeToken(Principal principal, @PathVariable UUID tokenId, RedirectAttributes redirect) {
    users.revokeToken(principal.getName(), tokenId);
    Flash.success(redirect, text("tokens.revoked"));
    return "redirect:/account#tokens";
  }

  private String page(Principal principal, Model model) {
    UserView me = users.get(principal.getName());
    model.addAttribute("me", me);
    model.addAttribute(
        "tokens", users.tokens(me.username()).stream().map(UserRow.TokenRow::of).toList());
    if (!model.containsAttribute("passwordForm")) {
      model.addAttribute("passwordForm", new SecretForms.PasswordForm());
    }
    if (!model.containsAttribute("tokenForm")) {
      model.addAttribute("tokenForm", new SecretForms.TokenForm());
    }
    model.addAttribute("breadcrumbs", List.of(new Breadcrumb(text("account.title"), "/account")));
    return "identity/account";
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
