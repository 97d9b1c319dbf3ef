package dev.takt.web;

import dev.takt.shared.ConflictException;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error of a REST call into an RFC 9457 problem that names the field at fault, in
 * {@code errors[].field}. No error leaks a stack trace, SQL or class name.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e, HttpServletRequest request) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of(), request);
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Object> conflict(ConflictException e, HttpServletRequest request) {
    return problem(HttpStatus.CONFLICT, e.getMessage(), fields(e.field(), e.getMessage()), request);
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Object> invalid(InvalidInputException e, HttpServletRequest request) {
    return problem(
        HttpStatus.BAD_REQUEST, e.getMessage(), fields(e.field(), e.getMessage()), request);
  }

  /** A page's refusal goes on to Spring Security, which shows the HTML error page instead. */
  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> denied(AccessDeniedException e, HttpServletRequest request) {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      throw e;
    }
    return problem(HttpStatus.FORBIDDEN, e.getMessage(), List.of(), request);
  }

  /** Constraints on parameters of a {@code @Validated} bean (services, some controllers). */
  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraint(ConstraintViolationException e, HttpServletRequest request) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
            .toList();
    return problem(HttpStatus.BAD_REQUEST, summary(errors), errors, request);
  }

  private static String lastNode(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  @ExceptionHandler(RequestTooLargeException.class)
  ResponseEntity<Object> tooLarge(RequestTooLargeException e, HttpServletRequest request) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), List.of(), request);
  }

  /** A race past the service's own duplicate check: the database's unique key still says no. */
  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<Object> duplicate(DuplicateKeyException e, HttpServletRequest request) {
    log.info("Duplicate key refused by the database: {}", e.getMostSpecificCause().getMessage());
    return problem(
        HttpStatus.CONFLICT, "a record with this key exists already", List.of(), request);
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Object> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
    log.warn(
        "Integrity violation refused by the database: {}", e.getMostSpecificCause().getMessage());
    return problem(
        HttpStatus.CONFLICT, "the change conflicts with existing data", List.of(), request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
    log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "an unexpected error occurred; it has been logged",
        List.of(),
        request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
            .toList();
    return problem(HttpStatus.BAD_REQUEST, summary(errors), errors, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            err ->
                                new FieldError(
                                    r.getMethodParameter().getParameterName(),
                                    err.getDefaultMessage())))
            .toList();
    return problem(HttpStatus.BAD_REQUEST, summary(errors), errors, request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "parameter '" + e.getParameterName() + "' is missing",
        fields(e.getParameterName(), "is missing"),
        request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    String message = "'" + e.getValue() + "' is not a valid value";
    return problem(
        HttpStatus.BAD_REQUEST,
        e.getName() + ": " + message,
        fields(e.getName(), message),
        request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof RequestTooLargeException tooLarge) {
      return problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage(), List.of(), request);
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      String field = path(unknown);
      return problem(
          HttpStatus.BAD_REQUEST,
          "unknown field '" + field + "'",
          fields(field, "is not a field of this request"),
          request);
    }
    if (cause instanceof InvalidFormatException bad) {
      String field = path(bad);
      String message = "'" + bad.getValue() + "' is not a valid " + simpleType(bad.getTargetType());
      return problem(
          HttpStatus.BAD_REQUEST, field + ": " + message, fields(field, message), request);
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = path(mismatch);
      String message = "has the wrong type; expected " + simpleType(mismatch.getTargetType());
      return problem(
          HttpStatus.BAD_REQUEST, field + " " + message, fields(field, message), request);
    }
    if (cause instanceof StreamReadException) {
      return problem(
          HttpStatus.BAD_REQUEST,
          "the body is not valid JSON",
          fields("body", "is not valid JSON"),
          request);
    }
    if (cause instanceof IllegalArgumentException invalid
        && e.getCause() instanceof JacksonException j) {
      String field = path(j);
      return problem(
          HttpStatus.BAD_REQUEST,
          field + ": " + invalid.getMessage(),
          fields(field, invalid.getMessage()),
          request);
    }
    // A value Jackson read but could not convert (e.g. "25:00" for a time): the root cause is
    // then the converter's exception, but the Jackson exception around it still knows the field.
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
        String field = path(j);
        return problem(
            HttpStatus.BAD_REQUEST,
            field + " is not a valid value",
            fields(field, "is not a valid value"),
            request);
      }
    }
    return problem(
        HttpStatus.BAD_REQUEST,
        "the body is missing or unreadable",
        fields("body", "is missing or unreadable"),
        request);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> response =
        super.handleExceptionInternal(e, body, headers, status, request);
    if (response == null) {
      return null;
    }
    return ResponseEntity.status(response.getStatusCode())
        .headers(response.getHeaders())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(response.getBody());
  }

  private static String path(JacksonException e) {
    StringBuilder sb = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.isEmpty() ? "body" : sb.toString();
  }

  private static String simpleType(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type.isEnum()) {
      return "value, one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    return switch (type.getSimpleName()) {
      case "String" -> "text";
      case "Integer", "int", "Long", "long" -> "whole number";
      case "BigDecimal", "Double", "double" -> "number";
      case "Boolean", "boolean" -> "true or false";
      case "UUID" -> "UUID";
      case "Instant" -> "UTC timestamp (ISO 8601)";
      case "List", "Set", "Collection" -> "list";
      default -> type.getSimpleName();
    };
  }

  private static List<FieldError> fields(String field, String message) {
    return field == null ? List.of() : List.of(new FieldError(field, message));
  }

  private static String summary(List<FieldError> errors) {
    return errors.stream()
        .map(f -> f.field() + " " + f.message())
        .collect(Collectors.joining("; ", "invalid request: ", ""));
  }

  private static ResponseEntity<Object> problem(
      HttpStatus status, String detail, List<FieldError> errors, HttpServletRequest request) {
    return build(status, detail, errors, request.getRequestURI());
  }

  private static ResponseEntity<Object> problem(
      HttpStatus status, String detail, List<FieldError> errors, WebRequest request) {
    return build(status, detail, errors, request.getDescription(false).replaceFirst("^uri=", ""));
  }

  private static ResponseEntity<Object> build(
      HttpStatus status, String detail, List<FieldError> errors, String instance) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(java.net.URI.create(instance));
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
