package dev.takt.equipment.internal;

import dev.takt.compliance.AuditAction;
import dev.takt.compliance.AuditTrail;
import dev.takt.identity.SiteAccess;
import dev.takt.shared.ConflictException;
import dev.takt.shared.CursorPage;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.StaleVersionException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes, moves and deactivates the elements of one level of the plant model (areas, work
 * centers or work units; see {@link PlantModelConfiguration}), each change audited in its own
 * transaction. Parents are named by code within the element's site; the site decides who may act.
 *
 * @param <V> the view of this level
 */
public class ElementService<V> {

  /** Filters of a list; null means any. {@code parent} is the parent's code. */
  public record Filter(String site, String code, String parent, Boolean active) {}

  private final ElementKind kind;
  private final Class<V> viewType;
  private final ElementRepository elements;
  private final SiteRepository sites;
  private final SiteAccess access;
  private final AuditTrail audit;
  private final Clock clock;

  ElementService(
      ElementKind kind,
      Class<V> viewType,
      ElementRepository elements,
      SiteRepository sites,
      SiteAccess access,
      AuditTrail audit,
      Clock clock) {
    this.kind = kind;
    this.viewType = viewType;
    this.elements = elements;
    this.sites = sites;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** {@code parentCode} is ignored for areas, whose parent is the site. */
  @Transactional
  public V create(String siteCode, String parentCode, String code, String name) {
    access.requireSite(siteCode);
    Site site =
        sites
            .byCode(siteCode)
            .orElseThrow(
                () -> new InvalidInputException("site", "site '" + siteCode + "' does not exist"));
    PlantElement.Parent parent = null;
    if (kind == ElementKind.AREA) {
      site.requireActive("site");
    } else {
      parent = parentOf(siteCode, parentCode);
    }
    if (elements.byCode(kind, siteCode, code).isPresent()) {
      throw new ConflictException(
          "code", kind.auditType() + " '" + siteCode + "/" + code + "' exists already");
    }
    PlantElement created = PlantElement.create(kind, siteCode, parent, code, name);
    elements.insert(created, clock.instant());
    V view = view(created);
    audit.created(kind.auditType(), created.key(), view);
    return view;
  }

  @Transactional(readOnly = true)
  public V get(UUID id) {
    PlantElement element = find(id);
    access.requireSite(element.siteCode());
    return view(element);
  }

  /** A page in (site, code) order; the caller sees only the sites it may act on. */
  @Transactional(readOnly = true)
  public CursorPage<V> list(Filter filter, String after, int limit) {
    if (filter.site() != null) {
      access.requireSite(filter.site());
    }
    List<PlantElement> page =
        elements.page(
            kind, filter, Cursor.parse(after), access.restrictedToSites().orElse(null), limit + 1);
    List<V> items = page.stream().limit(limit).map(this::view).toList();
    if (page.size() <= limit) {
      return new CursorPage<>(items, null);
    }
    PlantElement last = page.get(limit - 1);
    return new CursorPage<>(items, new Cursor(last.siteCode(), last.code()).encode());
  }

  /**
   * Renames, moves (when {@code parentCode} names another parent of the same site) and, when {@code
   * active} is given, deactivates or reactivates.
   */
  @Transactional
  public V update(UUID id, String parentCode, String name, Boolean active, long version) {
    PlantElement old = find(id);
    access.requireSite(old.siteCode());
    if (old.version() != version) {
      throw new StaleVersionException(kind.auditType(), old.key(), version, old.version());
    }
    PlantElement changed = old.renamed(name);
    if (kind != ElementKind.AREA && parentCode != null && !parentCode.equals(old.parent().code())) {
      changed = changed.movedTo(parentOf(old.siteCode(), parentCode));
    }
    if (active != null && active != old.active()) {
      changed = active ? changed.reactivated(parentActive(changed)) : deactivated(changed);
    }
    if (changed.equals(old)) {
      return view(old);
    }
    return save(AuditAction.UPDATE, old, changed);
  }

  /** Soft delete: the element stays, inactive. Deactivating an inactive one changes nothing. */
  @Transactional
  public void deactivate(UUID id) {
    PlantElement old = find(id);
    access.requireSite(old.siteCode());
    if (old.active()) {
      save(AuditAction.DELETE, old, deactivated(old));
    }
  }

  private V save(AuditAction action, PlantElement old, PlantElement changed) {
    if (!elements.update(changed, clock.instant())) {
      throw new StaleVersionException(
          kind.auditType(), old.key(), old.version(), find(old.id()).version());
    }
    PlantElement stored = find(old.id());
    V view = view(stored);
    audit.record(action, kind.auditType(), old.key(), view(old), view);
    return view;
  }

  private PlantElement deactivated(PlantElement element) {
    long children =
        kind.child() == null
            ? 0
            : elements.countActiveChildren(kind.child(), element.id(), element.siteCode());
    return element.deactivated(children);
  }

  private boolean parentActive(PlantElement element) {
    if (kind == ElementKind.AREA) {
      return sites.byCode(element.siteCode()).map(Site::active).orElse(false);
    }
    return element.parent().active();
  }

  private PlantElement.Parent parentOf(String siteCode, String parentCode) {
    if (parentCode == null) {
      throw new InvalidInputException(kind.parentField(), "is missing");
    }
    return elements
        .byCode(kind.parent(), siteCode, parentCode)
        .map(PlantElement::asParent)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    kind.parentField(),
                    kind.parent().auditType()
                        + " '"
                        + siteCode
                        + "/"
                        + parentCode
                        + "' does not exist"));
  }

  private PlantElement find(UUID id) {
    return elements.byId(kind, id).orElseThrow(() -> new NotFoundException(kind.auditType(), id));
  }

  private V view(PlantElement element) {
    return viewType.cast(element.view());
  }
}
