package dev.takt.web;

import dev.takt.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a call to a {@link RequiresIdempotencyKey} handler that brings no key. Runs after the
 * role check (a caller without the role learns nothing about keys) and before the body is read.
 */
@Configuration
class IdempotencyKeyCheck implements HandlerInterceptor, WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).order(10);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod method
        && (AnnotatedElementUtils.hasAnnotation(method.getMethod(), RequiresIdempotencyKey.class)
            || AnnotatedElementUtils.hasAnnotation(
                method.getBeanType(), RequiresIdempotencyKey.class))) {
      String key = request.getHeader(IdempotencyFilter.HEADER);
      if (key == null || key.isBlank()) {
        throw new InvalidInputException(
            IdempotencyFilter.HEADER,
            "is required: send a unique key per booking, and the same key when you retry it");
      }
    }
    return true;
  }
}
