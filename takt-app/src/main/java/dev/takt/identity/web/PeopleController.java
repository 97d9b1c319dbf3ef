package dev.takt.identity.web;

import dev.takt.identity.IssuedApiToken;
import dev.takt.identity.SiteDirectory;
import dev.takt.identity.UserView;
import dev.takt.identity.internal.UserCommands;
import dev.takt.identity.internal.UserService;
import dev.takt.identity.rest.UserRequests;
import dev.takt.shared.CursorPage;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.web.Breadcrumb;
import dev.takt.web.Flash;
import dev.takt.web.FormErrors;
import dev.takt.web.PageController;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The people pages: the list of users, the create form, and one page per user with its edit form,
 * its password, PIN and lock, and its API tokens. ADMIN only, as the users API.
 */
@PageController
@RequiresRole(Role.ADMIN)
class PeopleController {

  private static final int PAGE_SIZE = 50;
  private static final int MAX_PAGE_SIZE = 200;

  private final UserService users;
  private final TokenIssuing tokens;
  private final Validator validator;
  private final ObjectProvider<SiteDirectory> sites;
  private final MessageSource messages;

  PeopleController(
      UserService users,
      TokenIssuing tokens,
      Validator validator,
      ObjectProvider<SiteDirectory> sites,
      MessageSource messages) {
    this.users = users;
    this.tokens = tokens;
    this.validator = validator;
    this.sites = sites;
    this.messages = messages;
  }

  @GetMapping("/people")
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "" + PAGE_SIZE) int limit,
      Model model) {
    String search = UserForm.blankToNull(q);
    if (search != null && search.length() > 60) {
      search = null;
    }
    int size = Math.clamp(limit, 1, MAX_PAGE_SIZE);
    boolean paged = after != null && !after.isBlank() && after.length() <= 60;
    CursorPage<UserView> page = users.list(paged ? after : null, search, size);
    model.addAttribute("page", page);
    model.addAttribute("rows", page.items().stream().map(UserRow::of).toList());
    model.addAttribute("q", search == null ? "" : search);
    String base =
        (search == null ? "" : "q=" + urlEncode(search) + "&")
            + (size == PAGE_SIZE ? "" : "limit=" + size + "&");
    model.addAttribute("firstHref", paged ? "/people?" + base : null);
    model.addAttribute(
        "nextHref",
        page.nextCursor() == null
            ? null
            : "/people?" + base + "after=" + urlEncode(page.nextCursor()));
    model.addAttribute("breadcrumbs", List.of(new Breadcrumb(text("people.title"), "/people")));
    return "identity/people";
  }

  @GetMapping("/people/new")
  String newUser(Model model) {
    model.addAttribute("user", new UserForm());
    return form(model, null);
  }

  @PostMapping("/people/new")
  String create(
      @ModelAttribute("user") UserForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    UserRequests.CreateUser request =
        new UserRequests.CreateUser(
            UserForm.blankToNull(form.getUsername()),
            UserForm.blankToNull(form.getDisplayName()),
            form.getPassword() == null || form.getPassword().isEmpty() ? null : form.getPassword(),
            Set.copyOf(form.getRoles()),
            Set.copyOf(form.getSites()),
            UserForm.blankToNull(form.getBadgeNumber()),
            null);
    if (binding.hasErrors() || !FormErrors.validate(validator, request, binding)) {
      return form(model, null);
    }
    try {
      UserView created =
          users.create(
              new UserCommands.CreateUser(
                  request.username(),
                  request.displayName(),
                  request.password(),
                  request.roles(),
                  request.sites(),
                  request.badgeNumber(),
                  null));
      Flash.success(redirect, text("people.created", created.username()));
      return "redirect:/people/" + created.username();
    } catch (RuntimeException e) {
      if (FormErrors.reject(binding, e)) {
        return form(model, null);
      }
      throw e;
    }
  }

  @GetMapping("/people/{username}")
  String show(@PathVariable String username, Model model) {
    UserView user = users.get(username);
    model.addAttribute("user", UserForm.of(user));
    return form(model, user);
  }

  @PostMapping("/people/{username}")
  String update(
      @PathVariable String username,
      @ModelAttribute("user") UserForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    UserView current = users.get(username);
    form.setUsername(current.username());
    UserRequests.UpdateUser request =
        new UserRequests.UpdateUser(
            UserForm.blankToNull(form.getDisplayName()),
            Set.copyOf(form.getRoles()),
            Set.copyOf(form.getSites()),
            UserForm.blankToNull(form.getBadgeNumber()),
            form.isActive(),
            form.getVersion());
    if (binding.hasErrors() || !FormErrors.validate(validator, request, binding)) {
      return form(model, current);
    }
    try {
      users.update(
          username,
          new UserCommands.UpdateUser(
              request.displayName(),
              request.roles(),
              request.sites(),
              request.badgeNumber(),
              request.active(),
              request.version()));
      Flash.success(redirect, text("people.saved", current.username()));
      return "redirect:/people/" + current.username();
    } catch (RuntimeException e) {
      if (FormErrors.reject(binding, e)) {
        return form(model, current);
      }
      throw e;
    }
  }

  @PostMapping("/people/{username}/password")
  String setPassword(
      @PathVariable String username,
      @ModelAttribute("passwordForm") SecretForms.PasswordForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    UserView user = users.get(username);
    UserRequests.SetPassword request = new UserRequests.SetPassword(form.getNewPassword());
    if (!FormErrors.validate(validator, request, binding)) {
      model.addAttribute("user", UserForm.of(user));
      return form(model, user);
    }
    users.changePassword(username, request.newPassword());
    Flash.success(redirect, text("people.passwordSet", user.username()));
    return "redirect:/people/" + user.username();
  }

  @PostMapping("/people/{username}/pin")
  String resetPin(
      @PathVariable String username,
      @ModelAttribute("pinForm") SecretForms.PinForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    UserView user = users.get(username);
    UserRequests.SetPin request = new UserRequests.SetPin(form.getPin());
    if (FormErrors.validate(validator, request, binding)) {
      try {
        users.resetPin(username, request.pin());
        Flash.success(redirect, text("people.pinSet", user.username()));
        return "redirect:/people/" + user.username();
      } catch (RuntimeException e) {
        if (!FormErrors.reject(binding, e)) {
          throw e;
        }
      }
    }
    model.addAttribute("user", UserForm.of(user));
    return form(model, user);
  }

  @PostMapping("/people/{username}/unlock")
  String unlock(@PathVariable String username, RedirectAttributes redirect) {
    UserView user = users.unlock(username);
    Flash.success(redirect, text("people.unlocked", user.username()));
    return "redirect:/people/" + user.username();
  }

  @PostMapping("/people/{username}/deactivate")
  String deactivate(@PathVariable String username, RedirectAttributes redirect) {
    UserView user = users.get(username);
    users.deactivate(username);
    Flash.success(redirect, text("people.deactivated", user.username()));
    return "redirect:/people/" + user.username();
  }

  /** Answers with the page itself, the secret in it: the only time anyone sees it. */
  @PostMapping("/people/{username}/tokens")
  String issueToken(
      @PathVariable String username,
      @ModelAttribute("tokenForm") SecretForms.TokenForm form,
      BindingResult binding,
      Model model) {
    UserView user = users.get(username);
    IssuedApiToken issued = tokens.issue(username, form, binding);
    if (issued != null) {
      model.addAttribute("issued", issued);
      model.addAttribute("tokenForm", new SecretForms.TokenForm());
    }
    model.addAttribute("user", UserForm.of(user));
    return form(model, user);
  }

  @PostMapping("/people/{username}/tokens/{tokenId}/revoke")
  String revokeToken(
      @PathVariable String username, @PathVariable UUID tokenId, RedirectAttributes redirect) {
    UserView user = users.get(username);
    users.revokeToken(username, tokenId);
    Flash.success(redirect, text("tokens.revoked"));
    return "redirect:/people/" + user.username() + "#tokens";
  }

  /** The user form page: empty for a new user, with actions and tokens for an existing one. */
  private String form(Model model, UserView existing) {
    model.addAttribute("allRoles", Role.values());
    model.addAttribute("siteCodes", siteCodes(existing));
    model.addAttribute("existing", existing);
    List<Breadcrumb> crumbs = new ArrayList<>();
    crumbs.add(new Breadcrumb(text("people.title"), "/people"));
    if (existing == null) {
      crumbs.add(new Breadcrumb(text("people.new"), "/people/new"));
    } else {
      crumbs.add(new Breadcrumb(existing.username(), "/people/" + existing.username()));
      model.addAttribute("lockedUntil", UserRow.utc(existing.lockedUntil()));
      model.addAttribute(
          "tokens", users.tokens(existing.username()).stream().map(UserRow.TokenRow::of).toList());
      if (!model.containsAttribute("passwordForm")) {
        model.addAttribute("passwordForm", new SecretForms.PasswordForm());
      }
      if (!model.containsAttribute("pinForm")) {
        model.addAttribute("pinForm", new SecretForms.PinForm());
      }
      if (!model.containsAttribute("tokenForm")) {
        model.addAttribute("tokenForm", new SecretForms.TokenForm());
      }
    }
    model.addAttribute("breadcrumbs", crumbs);
    return "identity/person";
  }

  /** The active sites, plus any the user still holds that are no longer active. */
  private List<String> siteCodes(UserView existing) {
    SiteDirectory directory = sites.getIfAvailable();
    Set<String> codes = new TreeSet<>(directory == null ? List.of() : directory.activeSiteCodes());
    if (existing != null) {
      codes.addAll(existing.sites());
    }
    return List.copyOf(codes);
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }

  private static String urlEncode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
