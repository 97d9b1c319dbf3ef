package dev.takt.web;

import dev.takt.shared.ConflictException;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.NotFoundException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import org.springframework.beans.NotReadablePropertyException;
import org.springframework.validation.BindingResult;

/**
 * One rule, two surfaces: a page form is checked by the same Bean Validation constraints as the API
 * request it stands for, and the service's own refusals (a duplicate key, a reference to nothing)
 * land next to the field they name, just as the API names them in {@code errors[].field}.
 *
 * <p>Form objects name their fields as the API request does, so that one name serves both.
 */
public final class FormErrors {

  private FormErrors() {}

  /** Validates the API request built from the form; violations go onto the form's fields. */
  public static <T> boolean validate(Validator validator, T request, BindingResult form) {
    Set<ConstraintViolation<T>> violations = validator.validate(request);
    for (ConstraintViolation<T> v : violations) {
      reject(form, v.getPropertyPath().toString(), v.getMessage());
    }
    return violations.isEmpty();
  }

  /**
   * Puts a refusal of the service onto the form. Returns false for exceptions that are not about
   * the input (the caller lets those through).
   */
  public static boolean reject(BindingResult form, RuntimeException refusal) {
    return switch (refusal) {
      case InvalidInputException invalid -> {
        reject(form, invalid.field(), invalid.getMessage());
        yield true;
      }
      case ConflictException conflict -> {
        reject(form, conflict.field(), conflict.getMessage());
        yield true;
      }
      case NotFoundException notFound -> {
        form.reject("notFound", notFound.getMessage());
        yield true;
      }
      default -> false;
    };
  }

  private static void reject(BindingResult form, String field, String message) {
    if (field == null || field.isBlank()) {
      form.reject("invalid", message);
      return;
    }
    try {
      form.rejectValue(field, "invalid", message);
    } catch (NotReadablePropertyException | IllegalArgumentException notAFormField) {
      // A field the form does not show (e.g. a nested list entry): say it above the form.
      form.reject("invalid", field + ": " + message);
    }
  }
}
