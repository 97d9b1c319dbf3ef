package dev.takt.web;

import dev.takt.shared.Role;
import java.util.List;
import java.util.Set;

/**
 * The top navigation: one entry per area of work, shown to the roles that work there. A module that
 * adds pages adds its area here. Operators see only the terminal, which is not in this list.
 */
final class Navigation {

  record Section(String key, String path, Set<Role> roles) {
    /** The area a path belongs to: its first segment, e.g. /products for /products/boms/7. */
    boolean contains(String currentPath) {
      String area = path.indexOf('/', 1) > 0 ? path.substring(0, path.indexOf('/', 1)) : path;
      return currentPath.equals(area) || currentPath.startsWith(area + "/");
    }
  }

  /** A link of the top bar as the layout draws it. */
  record Link(String key, String path, boolean active) {}

  private static final Set<Role> OFFICE =
      Set.of(
          Role.ADMIN, Role.PLANNER, Role.SUPERVISOR, Role.QUALITY, Role.AUDITOR, Role.INTEGRATION);

  static final List<Section> SECTIONS =
      List.of(
          new Section("nav.plant", "/plant", OFFICE),
          new Section("nav.performance", "/performance/plant", OFFICE),
          new Section("nav.products", "/products/materials", OFFICE),
          new Section("nav.production", "/production/orders", OFFICE),
          new Section("nav.traceability", "/traceability/lots", OFFICE),
          new Section("nav.machines", "/machines", OFFICE),
          new Section("nav.reasons", "/reasons", OFFICE),
          new Section("nav.people", "/people", Set.of(Role.ADMIN)),
          new Section("nav.audit", "/audit", Set.of(Role.ADMIN, Role.AUDITOR, Role.QUALITY)));

  private Navigation() {}

  static List<Link> visibleTo(Set<Role> roles, String currentPath) {
    return SECTIONS.stream()
        .filter(s -> s.roles().stream().anyMatch(roles::contains))
        .map(s -> new Link(s.key(), s.path(), s.contains(currentPath)))
        .toList();
  }
}
