package dev.takt.identity.internal;

import dev.takt.shared.PublicEndpoint;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Admits a request to a Takt handler only if the caller holds one of the roles its {@link
 * RequiresRole} names. Runs before the request body is read. A Takt handler with neither that
 * annotation nor {@link PublicEndpoint} is refused to everyone: forgetting the annotation closes an
 * endpoint, it never opens one.
 */
@Configuration
class RoleCheckInterceptor implements HandlerInterceptor, WebMvcConfigurer {

  /** What a handler declares: public, or the roles it needs (null: closed). */
  private record Declared(boolean open, RequiresRole required) {}

  private record Handler(Class<?> beanType, Method method) {}

  /**
   * Per handler, once: looking annotations up on every request was about 1 % of the server's CPU in
   * the booking benchmark. Handlers are a fixed set, so this stays small.
   */
  private final Map<Handler, Declared> declared = new ConcurrentHashMap<>();

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)
        || !method.getBeanType().getName().startsWith("dev.takt.")) {
      return true;
    }
    Declared rule =
        declared.computeIfAbsent(
            new Handler(method.getBeanType(), method.getMethod()),
            key ->
                new Declared(
                    annotation(method, PublicEndpoint.class) != null,
                    annotation(method, RequiresRole.class)));
    if (rule.open()) {
      return true;
    }
    RequiresRole required = rule.required();
    if (required == null) {
      throw new AccessDeniedException("this endpoint declares no roles and is closed");
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    boolean allowed =
        auth != null
            && auth.isAuthenticated()
            && auth.getAuthorities().stream()
                .anyMatch(
                    granted ->
                        Arrays.stream(required.value())
                            .map(Role::authority)
                            .anyMatch(granted.getAuthority()::equals));
    if (!allowed) {
      throw new AccessDeniedException(
          "this needs one of the roles " + Arrays.toString(required.value()));
    }
    return true;
  }

  private static <A extends java.lang.annotation.Annotation> A annotation(
      HandlerMethod method, Class<A> type) {
    A onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), type);
    return onMethod != null
        ? onMethod
        : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), type);
  }
}
