package dev.takt.identity.internal;

import dev.takt.demo.DemoPlantRequested;
import dev.takt.shared.Role;
import java.security.SecureRandom;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One demo user for each role of the demo plant, sharing one random password, and two operators
 * with badges and random PINs. Nothing is hard-coded: the seeder prints them once.
 */
@Component
class DemoUsers {

  private final UserService users;

  DemoUsers(UserService users) {
    this.users = users;
  }

  @EventListener
  @Order(DemoPlantRequested.Order.IDENTITY)
  void seed(DemoPlantRequested demo) {
    String password = FirstStart.randomPassword(16);
    Set<String> site = Set.of(demo.siteCode());
    user("planner", "Paula Planner", password, Role.PLANNER, site, null, null);
    user("supervisor", "Sam Supervisor", password, Role.SUPERVISOR, site, null, null);
    user("quality", "Quinn Quality", password, Role.QUALITY, site, null, null);
    user("auditor", "Ada Auditor", password, Role.AUDITOR, site, null, null);
    user("erp", "ERP interface", password, Role.INTEGRATION, site, null, null);
    demo.credentials().add("planner, supervisor, quality, auditor, erp   password " + password);
    for (int i = 1; i <= 2; i++) {
      String badge = "B-100" + i;
      String pin = randomPin();
      user("operator" + i, "Operator " + i, password, Role.OPERATOR, site, badge, pin);
      demo.credentials()
          .add("operator" + i + "   badge " + badge + "  PIN " + pin + "  (or password above)");
    }
  }

  private void user(
      String username,
      String name,
      String password,
      Role role,
      Set<String> sites,
      String badge,
      String pin) {
    users.create(
        new UserCommands.CreateUser(username, name, password, Set.of(role), sites, badge, pin));
  }

  private static String randomPin() {
    return String.format("%04d", new SecureRandom().nextInt(10_000));
  }
}
