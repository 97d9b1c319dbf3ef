package dev.takt.execution.web;

import dev.takt.equipment.Equipment;
import dev.takt.equipment.WorkUnitView;
import dev.takt.identity.SiteAccess;
import dev.takt.reasons.ReasonKind;
import dev.takt.reasons.ReasonNode;
import dev.takt.reasons.ReasonView;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.web.CurrentSite;
import dev.takt.web.PageController;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator terminal of one work unit: a touchscreen page of its own (no back-office navigation)
 * that shows the dispatch list and the running operation and books through the shop-floor REST API
 * from {@code static/js/terminal.js}. The page renders only what does not change during a shift
 * (the work unit, the operator, the reason tiles); everything else the script loads and books, with
 * an idempotency key per button press and a queue that survives a network drop.
 */
@PageController
@RequiresRole({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN})
class TerminalPage {

  /** A tile of a reason picker: a bookable reason with the colour of the catalogue. */
  record Tile(String code, String name, String colour, String textColour) {}

  private final Equipment equipment;
  private final dev.takt.reasons.Reasons reasons;
  private final SiteAccess access;
  private final CurrentSite currentSite;

  TerminalPage(
      Equipment equipment,
      dev.takt.reasons.Reasons reasons,
      SiteAccess access,
      CurrentSite currentSite) {
    this.equipment = equipment;
    this.reasons = reasons;
    this.access = access;
    this.currentSite = currentSite;
  }

  @GetMapping("/terminal/{workUnit}")
  String terminal(
      @PathVariable String workUnit, @RequestParam(required = false) String site, Model model) {
    WorkUnitView unit = resolve(workUnit, site);
    model.addAttribute("unit", unit);
    model.addAttribute("operator", access.principal().map(p -> p.username()).orElse(""));
    model.addAttribute("downtimeTiles", tiles(ReasonKind.DOWNTIME));
    model.addAttribute("scrapTiles", tiles(ReasonKind.SCRAP));
    model.addAttribute("reworkTiles", tiles(ReasonKind.REWORK));
    return "execution/terminal";
  }

  /**
   * The named site's work unit, or (without a site) the work unit at the first of the operator's
   * sites that has one with this code. An unknown or inactive unit is a 404 like any other page.
   */
  private WorkUnitView resolve(String workUnit, String site) {
    if (site != null && !site.isBlank()) {
      access.requireSite(site);
      return equipment
          .workUnit(site, workUnit)
          .filter(WorkUnitView::active)
          .orElseThrow(() -> new NotFoundException("work unit", site + "/" + workUnit));
    }
    for (String code : currentSite.choices()) {
      var found = equipment.workUnit(code, workUnit).filter(WorkUnitView::active);
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new NotFoundException("work unit", workUnit);
  }

  private List<Tile> tiles(ReasonKind kind) {
    List<Tile> tiles = new ArrayList<>();
    collect(reasons.activeTree(kind), tiles);
    return tiles;
  }

  private static void collect(List<ReasonNode> nodes, List<Tile> tiles) {
    for (ReasonNode node : nodes) {
      ReasonView r = node.reason();
      if (r.bookable()) {
        String colour = r.colour() == null ? "#455A64" : r.colour();
        tiles.add(new Tile(r.code(), r.name(), colour, textOn(colour)));
      }
      collect(node.children(), tiles);
    }
  }

  /** Black or white text, whichever reads better on the tile's colour (WCAG relative luminance). */
  static String textOn(String hex) {
    try {
      int rgb = Integer.parseInt(hex.substring(1), 16);
      double l =
          0.2126 * channel((rgb >> 16) & 0xFF)
              + 0.7152 * channel((rgb >> 8) & 0xFF)
              + 0.0722 * channel(rgb & 0xFF);
      // contrast with black (l+0.05)/0.05 against white 1.05/(l+0.05): equal at l ≈ 0.179
      return l > 0.179 ? "#000000" : "#FFFFFF";
    } catch (RuntimeException e) {
      return "#FFFFFF";
    }
  }

  private static double channel(int c) {
    double s = c / 255.0;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  }
}
