package dev.takt.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.shared.PublicEndpoint;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint the server maps and knocks on it three times: without credentials (401, or
 * the login page for a page), as a user with no role at all (403), and as a user holding only roles
 * the endpoint does not admit (403). A new endpoint is covered the moment it is mapped, and one
 * without {@link RequiresRole} fails the build.
 */
@TaktIntegrationTest
class EveryEndpointIsSecuredIT {

  /** Framework handlers that must answer without login: health for load balancers, errors. */
  private static final Set<String> OPEN_FRAMEWORK_PATHS = Set.of("/error");

  @Autowired Api api;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  record Endpoint(String method, String path, HandlerMethod handler) {
    String label() {
      return method + " " + path;
    }

    boolean isApi() {
      return path.startsWith("/api/");
    }

    /** The path with every {variable} filled in, so the request reaches the handler. */
    String concretePath() {
      return path.replaceAll("\\{[^}]*}", "00000000-0000-0000-0000-000000000000");
    }
  }

  @Test
  void everyTaktHandlerDeclaresItsRolesOrWhyItIsPublic() {
    List<String> undeclared =
        endpoints().stream()
            .filter(e -> isTakt(e.handler()))
            .filter(e -> annotation(e.handler(), RequiresRole.class) == null)
            .filter(e -> annotation(e.handler(), PublicEndpoint.class) == null)
            .map(Endpoint::label)
            .toList();
    assertThat(undeclared).as("endpoints without @RequiresRole or @PublicEndpoint").isEmpty();
    assertThat(endpoints())
        .as("the walk found the API")
        .anyMatch(e -> e.path().startsWith("/api/v1/users"));
  }

  @TestFactory
  Stream<DynamicTest> withoutCredentialsEveryEndpointAsksForLogin() {
    return endpoints().stream()
        .filter(e -> !isPublic(e))
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.label(),
                    () -> {
                      var response = api.anonymous().send(e.method(), e.concretePath(), "{}");
                      if (e.isApi() || e.path().startsWith("/v3/")) {
                        response.expect(401);
                        assertThat(response.contentType()).startsWith("application/problem+json");
                      } else {
                        assertThat(response.status()).as(response.toString()).isIn(302, 401);
                        if (response.status() == 302 && e.path().startsWith("/terminal/")) {
                          // shop-floor terminals send to the badge login and back
                          assertThat(response.header("Location"))
                              .contains("/login/badge?continue=");
                        } else if (response.status() == 302) {
                          assertThat(response.header("Location")).endsWith("/login");
                        }
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> aUserWithoutAnyRoleIsRefusedEveryTaktEndpoint() {
    Api.Login nobody = api.aUser(List.of(), List.of());
    return endpoints().stream()
        .filter(e -> isTakt(e.handler()) && !isPublic(e))
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.label(),
                    () ->
                        assertThat(api.as(nobody).send(e.method(), e.concretePath(), "{}").status())
                            .as(e.label())
                            .isEqualTo(403)));
  }

  @TestFactory
  Stream<DynamicTest> aUserWithOnlyOtherRolesIsRefused() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Endpoint e : endpoints()) {
      if (!isTakt(e.handler()) || isPublic(e)) {
        continue;
      }
      Set<Role> others = EnumSet.allOf(Role.class);
      others.removeAll(Arrays.asList(annotation(e.handler(), RequiresRole.class).value()));
      if (others.isEmpty()) {
        continue;
      }
      tests.add(
          DynamicTest.dynamicTest(
              e.label() + " as " + others,
              () -> {
                Api.Login outsider = api.aUser(List.copyOf(others), List.of());
                assertThat(api.as(outsider).send(e.method(), e.concretePath(), "{}").status())
                    .as(e.label())
                    .isEqualTo(403);
              }));
    }
    return tests.stream();
  }

  private List<Endpoint> endpoints() {
    List<Endpoint> all = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (RequestMappingInfo info, HandlerMethod handler) -> {
              Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
              Set<String> paths = info.getPatternValues();
              for (String path : paths) {
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                  all.add(new Endpoint(m.name(), path, handler));
                }
              }
            });
    return all;
  }

  private static boolean isTakt(HandlerMethod handler) {
    return handler.getBeanType().getName().startsWith("dev.takt.");
  }

  private static boolean isPublic(Endpoint e) {
    return OPEN_FRAMEWORK_PATHS.contains(e.path())
        || annotation(e.handler(), PublicEndpoint.class) != null;
  }

  private static <A extends java.lang.annotation.Annotation> A annotation(
      HandlerMethod h, Class<A> type) {
    A onMethod = AnnotatedElementUtils.findMergedAnnotation(h.getMethod(), type);
    return onMethod != null
        ? onMethod
        : AnnotatedElementUtils.findMergedAnnotation(h.getBeanType(), type);
  }
}
