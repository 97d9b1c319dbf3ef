package dev.takt.equipment.internal;

import dev.takt.equipment.Equipment;
import dev.takt.equipment.ShiftInstance;
import dev.takt.equipment.WorkCenterView;
import dev.takt.equipment.WorkUnitView;
import dev.takt.identity.SiteDirectory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules ask of the plant model, and the site directory identity checks user sites
 * against. No site check here: the calling module checks its own caller.
 */
@Service
class EquipmentFacade implements Equipment, SiteDirectory {

  private final SiteRepository sites;
  private final ElementRepository elements;
  private final ShiftCalendarService calendars;

  EquipmentFacade(
      SiteRepository sites, ElementRepository elements, ShiftCalendarService calendars) {
    this.sites = sites;
    this.elements = elements;
    this.calendars = calendars;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<WorkCenterView> workCenter(String siteCode, String workCenterCode) {
    return elements
        .byCodeKept(ElementKind.WORK_CENTER, siteCode, workCenterCode)
        .map(e -> (WorkCenterView) e.view());
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<WorkUnitView> workUnit(String siteCode, String workUnitCode) {
    return elements
        .byCodeKept(ElementKind.WORK_UNIT, siteCode, workUnitCode)
        .map(e -> (WorkUnitView) e.view());
  }

  @Override
  @Transactional(readOnly = true)
  public List<WorkCenterView> workCenters(String siteCode) {
    return elements.ofSite(ElementKind.WORK_CENTER, siteCode).stream()
        .map(e -> (WorkCenterView) e.view())
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<WorkUnitView> workUnits(String siteCode) {
    return elements.ofSite(ElementKind.WORK_UNIT, siteCode).stream()
        .map(e -> (WorkUnitView) e.view())
        .toList();
  }

  /** Any site that was ever opened, active or not: old records still name inactive sites. */
  @Override
  @Transactional(readOnly = true)
  public boolean siteExists(String siteCode) {
    return siteCode != null && sites.byCode(siteCode).isPresent();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<java.time.ZoneId> timeZone(String siteCode) {
    return siteCode == null ? Optional.empty() : sites.byCode(siteCode).map(Site::zone);
  }

  @Override
  @Transactional(readOnly = true)
  public List<String> activeSiteCodes() {
    return sites.activeCodes();
  }

  @Override
  public List<ShiftInstance> shifts(String siteCode, Instant from, Instant to) {
    return calendars.shiftsOfAnySite(siteCode, from, to);
  }
}
