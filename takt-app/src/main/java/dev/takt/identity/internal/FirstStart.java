package dev.takt.identity.internal;

import dev.takt.shared.Role;
import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start (no user at all) creates {@code admin}. Its password is {@code
 * TAKT_ADMIN_PASSWORD} when set; otherwise a random one, printed once in the log and never stored
 * in clear. There is no default password.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstStart implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private final UserRepository users;
  private final UserService userService;
  private final String configuredPassword;

  FirstStart(
      UserRepository users,
      UserService userService,
      @Value("${takt.admin.password:}") String configuredPassword) {
    this.users = users;
    this.userService = userService;
    this.configuredPassword = configuredPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (users.any()) {
      return;
    }
    boolean generated = configuredPassword.isBlank();
    String password = generated ? randomPassword(20) : configuredPassword;
    userService.create(
        new UserCommands.CreateUser(
            "admin", "Administrator", password, Set.of(Role.ADMIN), Set.of(), null, null));
    if (generated) {
      log.warn(
          "\n\n  First start: created user 'admin' with password  {}\n"
              + "  It is shown only this once. Change it after logging in, or set TAKT_ADMIN_PASSWORD"
              + " before the first start.\n",
          password);
    } else {
      log.info("First start: created user 'admin' with the password from TAKT_ADMIN_PASSWORD");
    }
  }

  static String randomPassword(int length) {
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
