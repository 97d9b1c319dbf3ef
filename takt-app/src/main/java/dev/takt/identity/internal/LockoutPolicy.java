package dev.takt.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * After {@code maxAttempts} failed logins in a row an account is locked for {@code duration}, or
 * until an administrator unlocks it. Password, badge PIN and HTTP Basic failures all count.
 */
@ConfigurationProperties("takt.security.lockout")
public record LockoutPolicy(Integer maxAttempts, Duration duration) {
  public LockoutPolicy {
    maxAttempts = maxAttempts == null ? 5 : maxAttempts;
    duration = duration == null ? Duration.ofMinutes(15) : duration;
  }
}
