package dev.takt.execution.web;

import dev.takt.equipment.Equipment;
import dev.takt.equipment.WorkUnitView;
import dev.takt.identity.SiteAccess;
import dev.takt.identity.TaktPrincipal;
import dev.takt.shared.Role;
import dev.takt.web.HomeLinks;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The start page's "Terminal" tiles for an operator: one per active work unit of the operator's
 * sites, each opening that unit's terminal. Office users go to the terminal by its address.
 */
@Component
class TerminalLinks implements HomeLinks {

  private final Equipment equipment;
  private final SiteAccess access;

  TerminalLinks(Equipment equipment, SiteAccess access) {
    this.equipment = equipment;
    this.access = access;
  }

  @Override
  public String headingKey() {
    return "home.terminal";
  }

  @Override
  public List<Link> links() {
    TaktPrincipal who = access.principal().orElse(null);
    if (who == null || !who.roles().contains(Role.OPERATOR) || who.actsOnAllSites()) {
      return List.of();
    }
    List<String> sites = who.sites().stream().sorted().toList();
    List<Link> links = new ArrayList<>();
    for (String site : sites) {
      for (WorkUnitView unit : equipment.workUnits(site)) {
        if (unit.active()) {
          String href = "/terminal/" + unit.code() + (sites.size() > 1 ? "?site=" + site : "");
          String detail = sites.size() > 1 ? site + " · " + unit.name() : unit.name();
          links.add(new Link(unit.code(), detail, href));
        }
      }
    }
    return links;
  }
}
