package dev.takt.identity.internal;

import dev.takt.shared.Role;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who gets in. Browser users log in with a form (a session); scripts and the ERP send HTTP Basic or
 * a bearer API token on every call (no session); terminal operators log in with badge + PIN. An API
 * call without valid credentials gets a 401 problem, a page a redirect to the login form. What a
 * logged-in user may do is decided per endpoint by {@link RoleCheckInterceptor}.
 */
@Configuration
@EnableConfigurationProperties(LockoutPolicy.class)
class SecurityConfiguration {

  /** Calls answered with problems (401/403 as JSON), not with the login page. */
  static final RequestMatcher API =
      request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/v3/api-docs");
      };

  /** The shop-floor terminal pages: operators log in there with badge and PIN. */
  static final RequestMatcher TERMINAL =
      request -> request.getRequestURI().startsWith(request.getContextPath() + "/terminal/");

  /** Sends a terminal without a login to the badge form, and back to the terminal afterwards. */
  private static void toBadgeLogin(
      jakarta.servlet.http.HttpServletRequest request,
      jakarta.servlet.http.HttpServletResponse response,
      org.springframework.security.core.AuthenticationException e)
      throws java.io.IOException {
    String back = request.getRequestURI().substring(request.getContextPath().length());
    response.sendRedirect(
        request.getContextPath()
            + "/login/badge?continue="
            + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * CSRF protects calls that ride on a browser session. A call that carries its own credentials, or
   * one that brings no session at all, cannot be forged into acting as someone: it gets its 401 or
   * login page without a CSRF token. The login forms themselves always need the token, so that no
   * other site can log a browser into an account of its choosing.
   */
  static final RequestMatcher NO_AMBIENT_SESSION =
      request -> {
        if (request.getHeader("Authorization") != null) {
          return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean loginForm = path.equals("/login") || path.equals("/login/badge");
        return !loginForm && request.getRequestedSessionId() == null;
      };

  /**
   * No Micrometer observations of the filter chain, authentications and authorizations: they wrap
   * each of the chain's filters on every request (about 6 % of the server's CPU in the booking
   * benchmark) and nothing reads them. Requests are still measured as {@code http.server.requests}.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  PasswordEncoder passwordEncoder(@Value("${takt.security.bcrypt-strength:10}") int strength) {
    // bcrypt; the {bcrypt} prefix lets a later, stronger algorithm take over hash by hash.
    return new DelegatingPasswordEncoder(
        "bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
  }

  @Bean
  AuthenticationManager authenticationManager(
      LoginService login,
      ApiTokenRepository tokens,
      UserRepository users,
      TokenCache tokenCache,
      Clock clock) {
    ProviderManager manager =
        new ProviderManager(
            List.of(
                new TaktAuthenticationProviders.PasswordProvider(login),
                new TaktAuthenticationProviders.BadgeProvider(login),
                new TaktAuthenticationProviders.TokenProvider(tokens, users, tokenCache, clock)));
    manager.setEraseCredentialsAfterAuthentication(true);
    return manager;
  }

  @Bean
  SecurityFilterChain filterChain(
      HttpSecurity http,
      AuthenticationManager authManager,
      ProblemResponses problems,
      UserRepository users,
      Clock clock)
      throws Exception {
    AuthenticationEntryPoint apiEntryPoint = problems::unauthorized;
    AccessDeniedHandler pageDenied = new AccessDeniedHandlerImpl();
    http.authenticationManager(authManager)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/login",
                        "/login/badge",
                        "/css/**",
                        "/js/**",
                        "/img/**",
                        "/webjars/**",
                        "/favicon.ico",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/error")
                    .permitAll()
                    // Metrics tell a lot about the plant: administrators and monitoring accounts
                    // only.
                    .requestMatchers("/actuator/**")
                    .hasAnyRole(Role.ADMIN.name(), Role.INTEGRATION.name())
                    .anyRequest()
                    .authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .httpBasic(basic -> basic.realmName("Takt").authenticationEntryPoint(apiEntryPoint))
        .addFilterBefore(bearerFilter(authManager, apiEntryPoint), BasicAuthenticationFilter.class)
        .addFilterBefore(
            new BadgeLoginFilter(authManager), UsernamePasswordAuthenticationFilter.class)
        .addFilterAfter(new SessionUserCheck(users, clock), SecurityContextHolderFilter.class)
        .exceptionHandling(
            ex ->
                ex.defaultAuthenticationEntryPointFor(apiEntryPoint, API)
                    .defaultAuthenticationEntryPointFor(
                        SecurityConfiguration::toBadgeLogin, TERMINAL)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                    .accessDeniedHandler(
                        (request, response, denied) -> {
                          if (API.matches(request)) {
                            problems.forbidden(request, response, denied);
                          } else {
                            pageDenied.handle(request, response, denied);
                          }
                        }))
        .csrf(csrf -> csrf.ignoringRequestMatchers(NO_AMBIENT_SESSION))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                                    + " script-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
                    .frameOptions(frame -> frame.deny()));
    return http.build();
  }

  private static AuthenticationFilter bearerFilter(
      AuthenticationManager authManager, AuthenticationEntryPoint entryPoint) {
    AuthenticationFilter filter =
        new AuthenticationFilter(
            authManager,
            request -> {
              String header = request.getHeader("Authorization");
              if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return null;
              }
              return new TaktAuthenticationProviders.BearerToken(header.substring(7).strip());
            });
    filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
    filter.setSuccessHandler((request, response, auth) -> {});
    filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
    return filter;
  }
}
