package dev.takt.product.internal;

import dev.takt.compliance.AuditTrail;
import dev.takt.equipment.Equipment;
import dev.takt.identity.SiteAccess;
import dev.takt.product.ReleaseStatus;
import dev.takt.product.RoutingView;
import dev.takt.shared.ConflictException;
import dev.takt.shared.CursorPage;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.StaleVersionException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts, revises, releases and copies routings. A routing belongs to one site: callers act only on
 * routings of their sites, and its work centers are looked up at that site through equipment. A
 * material has at most one RELEASED routing per site; releasing another makes it OBSOLETE.
 */
@Service
public class RoutingService {

  static final String AUDIT_ENTITY = "routing";

  private final RoutingRepository routings;
  private final MaterialRepository materials;
  private final Equipment equipment;
  private final SiteAccess siteAccess;
  private final AuditTrail audit;
  private final Clock clock;

  RoutingService(
      RoutingRepository routings,
      MaterialRepository materials,
      Equipment equipment,
      SiteAccess siteAccess,
      AuditTrail audit,
      Clock clock) {
    this.routings = routings;
    this.materials = materials;
    this.equipment = equipment;
    this.siteAccess = siteAccess;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public CursorPage<RoutingView> list(
      String material, String site, ReleaseStatus status, String after, int limit) {
    String afterMaterial = "";
    String afterSite = "";
    int afterVersion = 0;
    if (after != null) {
      try {
        int cut = after.lastIndexOf("/v");
        String materialAndSite = after.substring(0, cut);
        int slash = materialAndSite.lastIndexOf('/');
        afterMaterial = materialAndSite.substring(0, slash);
        afterSite = materialAndSite.substring(slash + 1);
        afterVersion = Integer.parseInt(after.substring(cut + 2));
      } catch (RuntimeException e) {
        throw new InvalidInputException("after", "is not a cursor this list returned");
      }
    }
    List<Routing> page =
        routings.page(
            afterMaterial,
            afterSite,
            afterVersion,
            material,
            site,
            status,
            siteAccess.restrictedToSites(),
            limit + 1);
    List<Routing> shown = page.stream().limit(limit).toList();
    String next = page.size() > limit ? shown.getLast().key() : null;
    return new CursorPage<>(shown.stream().map(Routing::view).toList(), next);
  }

  @Transactional(readOnly = true)
  public RoutingView get(UUID id) {
    return find(id).view();
  }

  @Transactional
  public RoutingView create(ProductCommands.DraftRouting cmd) {
    siteAccess.requireSite(cmd.site());
    if (!equipment.siteExists(cmd.site())) {
      throw new InvalidInputException("site", "site " + cmd.site() + " does not exist");
    }
    Material material =
        materials
            .byNumber(cmd.material())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "material", "material " + cmd.material() + " does not exist"));
    if (!material.active()) {
      throw new InvalidInputException("material", "material " + cmd.material() + " is inactive");
    }
    Routing routing =
        Routing.draft(
            cmd.material(),
            cmd.site(),
            routings.nextVersion(cmd.material(), cmd.site()),
            steps(cmd.operations()));
    routing.checkWorkCenters(
        code -> equipment.workCenter(cmd.site(), code), InvalidInputException::new);
    routings.insert(routing, clock.instant());
    RoutingView view = find(routing.id()).view();
    audit.created(AUDIT_ENTITY, routing.key(), view);
    return view;
  }

  @Transactional
  public RoutingView update(UUID id, ProductCommands.ReviseRouting cmd) {
    Routing old = find(id);
    old.requireDraft("changed");
    if (old.version() != cmd.version()) {
      throw new StaleVersionException("routing", old.key(), cmd.version(), old.version());
    }
    Routing revised = old.revise(steps(cmd.operations()));
    revised.checkWorkCenters(
        code -> equipment.workCenter(old.site(), code), InvalidInputException::new);
    return save(old, revised);
  }

  /** Throws a draft away. Released and obsolete routings stay for the record. */
  @Transactional
  public void delete(UUID id) {
    Routing old = find(id);
    old.requireDraft("deleted");
    routings.delete(id);
    audit.deleted(AUDIT_ENTITY, old.key(), old.view());
  }

  /**
   * Makes the draft the current routing of its material at its site, and the one released before it
   * OBSOLETE. Material and work centers are checked again: they may have changed meanwhile.
   */
  @Transactional
  public RoutingView release(UUID id) {
    Routing draft = find(id);
    draft.requireDraft("released");
    Material material = materials.lock(draft.material()).orElseThrow();
    draft = find(id); // read again under the lock: a parallel release may have won
    draft.requireDraft("released");
    if (!material.active()) {
      throw new ConflictException("material", "material " + material.number() + " is inactive");
    }
    String site = draft.site();
    draft.checkWorkCenters(code -> equipment.workCenter(site, code), ConflictException::new);
    Optional<Routing> previous = routings.current(draft.material(), site);
    if (previous.isPresent()) {
      save(previous.get(), previous.get().obsolete());
    }
    return save(draft, draft.release(clock.instant().truncatedTo(ChronoUnit.MICROS)));
  }

  /** A new DRAFT with the operations of any version: the usual way to change a released one. */
  @Transactional
  public RoutingView copy(UUID id) {
    Routing source = find(id);
    Routing copy = source.copyAs(routings.nextVersion(source.material(), source.site()));
    routings.insert(copy, clock.instant());
    RoutingView view = find(copy.id()).view();
    audit.created(AUDIT_ENTITY, copy.key(), view);
    return view;
  }

  private RoutingView save(Routing old, Routing changed) {
    Instant now = clock.instant();
    if (!routings.update(changed, now)) {
      throw new StaleVersionException("routing", old.key(), changed.version(), old.version() + 1);
    }
    RoutingView view = find(old.id()).view();
    audit.updated(AUDIT_ENTITY, old.key(), old.view(), view);
    return view;
  }

  private static List<Routing.Step> steps(List<ProductCommands.OperationLine> lines) {
    return lines.stream()
        .map(
            l ->
                new Routing.Step(
                    l.sequence(),
                    l.description(),
                    l.workCenter(),
                    l.setupSeconds(),
                    Sql.plain(l.cycleSeconds()),
                    blankToNull(l.qualification()),
                    blankToNull(l.toolType()),
                    blankToNull(l.inspectionPlan())))
        .toList();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Finds a routing the caller may see: one of another site is refused (403). */
  private Routing find(UUID id) {
    Routing routing = routings.byId(id).orElseThrow(() -> new NotFoundException("routing", id));
    siteAccess.requireSite(routing.site());
    return routing;
  }
}
