package dev.takt.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Logs an operator in at a shared terminal with badge number and PIN (a form POST to {@code
 * /login/badge}). A scanner types the badge into the form; the operator types the PIN.
 */
class BadgeLoginFilter extends AbstractAuthenticationProcessingFilter {

  BadgeLoginFilter(AuthenticationManager authManager) {
    super(
        PathPatternRequestMatcher.withDefaults()
            .matcher(org.springframework.http.HttpMethod.POST, "/login/badge"));
    setAuthenticationManager(authManager);
    setSecurityContextRepository(new HttpSessionSecurityContextRepository());
    setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
    SimpleUrlAuthenticationSuccessHandler success = new SimpleUrlAuthenticationSuccessHandler("/");
    success.setTargetUrlParameter("continue");
    success.setRedirectStrategy(
        (request, response, url) ->
            // Only paths on this server: an attacker's link must not send the operator away.
            response.sendRedirect(
                request.getContextPath() + (isPathOnThisServer(url) ? url : "/")));
    setAuthenticationSuccessHandler(success);
    setAuthenticationFailureHandler(
        new SimpleUrlAuthenticationFailureHandler("/login/badge?error"));
  }

  /**
   * A path that starts with one slash. Browsers read a backslash as a slash and drop tabs and line
   * breaks, so {@code /\evil.example} or {@code /<tab>/evil.example} would be another host once the
   * redirect is relative (as behind a proxy); such paths are refused too.
   */
  static boolean isPathOnThisServer(String url) {
    if (url == null || !url.startsWith("/") || url.startsWith("//")) {
      return false;
    }
    return url.chars().noneMatch(c -> c == '\\' || c <= ' ' || c == 0x7f);
  }

  @Override
  public Authentication attemptAuthentication(
      HttpServletRequest request, HttpServletResponse response) {
    return getAuthenticationManager()
        .authenticate(
            new TaktAuthenticationProviders.BadgeAndPin(
                request.getParameter("badge"), request.getParameter("pin")));
  }
}
