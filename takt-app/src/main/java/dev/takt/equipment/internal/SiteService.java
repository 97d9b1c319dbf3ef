package dev.takt.equipment.internal;

import dev.takt.compliance.AuditAction;
import dev.takt.compliance.AuditTrail;
import dev.takt.equipment.ShiftCalendarChanged;
import dev.takt.equipment.SiteView;
import dev.takt.identity.SiteAccess;
import dev.takt.shared.ConflictException;
import dev.takt.shared.CursorPage;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.StaleVersionException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens, changes and deactivates sites, and draws a site's tree. A site is found by its UUID or its
 * code (a code is at most 20 characters, so it is never mistaken for a UUID).
 */
@Service
public class SiteService {

  static final String AUDIT_ENTITY = "site";

  private final SiteRepository sites;
  private final ElementRepository elements;
  private final SiteAccess access;
  private final AuditTrail audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  SiteService(
      SiteRepository sites,
      ElementRepository elements,
      SiteAccess access,
      AuditTrail audit,
      Clock clock,
      ApplicationEventPublisher events) {
    this.sites = sites;
    this.elements = elements;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
  }

  /** Opening a site needs the right to act on its code: in practice, an administrator. */
  @Transactional
  public SiteView open(String code, String name, String timeZone) {
    access.requireSite(code);
    Site site = Site.open(code, name, timeZone);
    if (sites.byCode(code).isPresent()) {
      throw new ConflictException("code", "site '" + code + "' exists already");
    }
    sites.insert(site, clock.instant());
    SiteView view = site.view();
    audit.created(AUDIT_ENTITY, code, view);
    return view;
  }

  @Transactional(readOnly = true)
  public SiteView get(String idOrCode) {
    return find(idOrCode).view();
  }

  /** Sites in code order; the caller sees only the sites it may act on. */
  @Transactional(readOnly = true)
  public CursorPage<SiteView> list(String code, Boolean active, String after, int limit) {
    Cursor cursor = Cursor.parse(after);
    List<Site> page =
        sites.page(
            cursor == null ? null : cursor.code(),
            code,
            active,
            access.restrictedToSites().orElse(null),
            limit + 1);
    List<SiteView> items = page.stream().limit(limit).map(Site::view).toList();
    String next = page.size() > limit ? new Cursor("", page.get(limit - 1).code()).encode() : null;
    return new CursorPage<>(items, next);
  }

  /** Renames, changes the zone, and when {@code active} is given, deactivates or reactivates. */
  @Transactional
  public SiteView update(
      String idOrCode, String name, String timeZone, Boolean active, long version) {
    Site old = find(idOrCode);
    if (old.version() != version) {
      throw new StaleVersionException(AUDIT_ENTITY, old.code(), version, old.version());
    }
    Site changed = old.changed(name, timeZone);
    if (active != null && active != old.active()) {
      changed = active ? changed.reactivated() : deactivated(changed);
    }
    if (changed.equals(old)) {
      return old.view();
    }
    if (!changed.zone().equals(old.zone())) {
      events.publishEvent(new ShiftCalendarChanged(old.code()));
    }
    return save(AuditAction.UPDATE, old, changed);
  }

  /** Soft delete; refused while areas of the site are active. */
  @Transactional
  public void deactivate(String idOrCode) {
    Site old = find(idOrCode);
    if (old.active()) {
      save(AuditAction.DELETE, old, deactivated(old));
    }
  }

  @Transactional(readOnly = true)
  public SiteTree tree(String idOrCode, boolean activeOnly) {
    Site site = find(idOrCode);
    Map<UUID, List<SiteTree.Node>> units =
        nodesByParent(ElementKind.WORK_UNIT, site, activeOnly, Map.of());
    Map<UUID, List<SiteTree.Node>> centers =
        nodesByParent(ElementKind.WORK_CENTER, site, activeOnly, units);
    List<SiteTree.Node> areas =
        nodesByParent(ElementKind.AREA, site, activeOnly, centers).getOrDefault(null, List.of());
    return new SiteTree(
        site.id(), site.code(), site.name(), site.zone().getId(), site.active(), areas);
  }

  private Map<UUID, List<SiteTree.Node>> nodesByParent(
      ElementKind kind, Site site, boolean activeOnly, Map<UUID, List<SiteTree.Node>> children) {
    Map<UUID, List<SiteTree.Node>> byParent = new java.util.HashMap<>();
    for (PlantElement e : elements.ofSite(kind, site.code())) {
      if (activeOnly && !e.active()) {
        continue;
      }
      UUID parent = e.parent() == null ? null : e.parent().id();
      byParent
          .computeIfAbsent(parent, p -> new ArrayList<>())
          .add(
              new SiteTree.Node(
                  e.id(),
                  e.code(),
                  e.name(),
                  e.active(),
                  children.getOrDefault(e.id(), List.of())));
    }
    return byParent;
  }

  private SiteView save(AuditAction action, Site old, Site changed) {
    if (!sites.update(changed, clock.instant())) {
      throw new StaleVersionException(
          AUDIT_ENTITY, old.code(), old.version(), find(old.code()).version());
    }
    SiteView view = find(old.code()).view();
    audit.record(action, AUDIT_ENTITY, old.code(), old.view(), view);
    return view;
  }

  private Site deactivated(Site site) {
    return site.deactivated(elements.countActiveChildren(ElementKind.AREA, null, site.code()));
  }

  /** The site, if the caller may act on it (403 otherwise, 404 when there is none). */
  Site find(String idOrCode) {
    Site site = lookUp(idOrCode).orElseThrow(() -> new NotFoundException("site", idOrCode));
    access.requireSite(site.code());
    return site;
  }

  private java.util.Optional<Site> lookUp(String idOrCode) {
    if (idOrCode != null && idOrCode.length() == 36) {
      try {
        return sites.byId(UUID.fromString(idOrCode));
      } catch (IllegalArgumentException notAUuid) {
        // fall through: look it up as a code
      }
    }
    return sites.byCode(idOrCode);
  }
}
