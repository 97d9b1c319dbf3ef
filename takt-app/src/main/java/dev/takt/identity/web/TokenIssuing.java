package dev.takt.identity.web;

import dev.takt.identity.IssuedApiToken;
import dev.takt.identity.internal.UserService;
import dev.takt.identity.rest.UserRequests;
import dev.takt.web.FormErrors;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Issues an API token from the token form, for an administrator's page and for "My account" alike.
 * The secret goes straight into the response of this POST and nowhere else: not into the session,
 * not into a flash attribute, so reloading or going back never shows it again.
 */
@Component
class TokenIssuing {

  private final UserService users;
  private final Validator validator;

  TokenIssuing(UserService users, Validator validator) {
    this.users = users;
    this.validator = validator;
  }

  /** The issued token, or null when the form has errors (then on {@code binding}). */
  IssuedApiToken issue(String username, SecretForms.TokenForm form, BindingResult binding) {
    Instant expiresAt = null;
    String expiry = UserForm.blankToNull(form.getExpiresAt());
    if (expiry != null) {
      try {
        expiresAt = LocalDate.parse(expiry).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        binding.rejectValue("expiresAt", "invalid", "is not a date (YYYY-MM-DD)");
        return null;
      }
    }
    UserRequests.IssueToken request =
        new UserRequests.IssueToken(UserForm.blankToNull(form.getName()), expiresAt);
    if (!FormErrors.validate(validator, request, binding)) {
      return null;
    }
    try {
      return users.issueToken(username, request.name(), request.expiresAt());
    } catch (RuntimeException e) {
      if (FormErrors.reject(binding, e)) {
        return null;
      }
      throw e;
    }
  }
}
