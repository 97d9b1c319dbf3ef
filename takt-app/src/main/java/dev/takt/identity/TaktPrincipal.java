package dev.takt.identity;

import dev.takt.shared.Role;
import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/**
 * Who is logged in, whichever way they logged in. An {@link Role#ADMIN} acts on every site;
 * everyone else on the sites listed.
 */
public record TaktPrincipal(UUID userId, String username, Set<Role> roles, Set<String> sites)
    implements Serializable {

  public TaktPrincipal {
    roles = Set.copyOf(roles);
    sites = Set.copyOf(sites);
  }

  public boolean actsOnAllSites() {
    return roles.contains(Role.ADMIN);
  }

  public boolean mayActOn(String siteCode) {
    return actsOnAllSites() || sites.contains(siteCode);
  }

  @Override
  public String toString() {
    return username;
  }
}
