package dev.takt.traceability.internal;

import dev.takt.compliance.AuditTrail;
import dev.takt.equipment.Equipment;
import dev.takt.identity.SiteAccess;
import dev.takt.identity.TaktPrincipal;
import dev.takt.product.MaterialView;
import dev.takt.product.Products;
import dev.takt.product.Tracking;
import dev.takt.shared.ConflictException;
import dev.takt.shared.CursorPage;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.Quantity;
import dev.takt.shared.StaleVersionException;
import dev.takt.shared.UnitOfMeasure;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lot register's commands and reads: receiving, quality's status decisions (with a reason, into
 * the lot's history and the audit trail), splits, merges, transfers, rework and shipments. Lots
 * belong to a site: callers act only on lots of their sites. Every change is audited as {@value
 * #AUDIT_ENTITY} with {@code material/lotNumber} as key, in the same transaction.
 */
@Service
public class LotService {

  static final String AUDIT_ENTITY = "lot";

  private final LotRepository lots;
  private final Products products;
  private final Equipment equipment;
  private final SiteAccess siteAccess;
  private final AuditTrail audit;
  private final TraceService traces;
  private final Clock clock;

  LotService(
      LotRepository lots,
      Products products,
      Equipment equipment,
      SiteAccess siteAccess,
      AuditTrail audit,
      TraceService traces,
      Clock clock) {
    this.lots = lots;
    this.products = products;
    this.equipment = equipment;
    this.siteAccess = siteAccess;
    this.audit = audit;
    this.traces = traces;
    this.clock = clock;
  }

  /**
   * Receives a lot of a lot- or serial-controlled material into QUARANTINE. A lot number that
   * exists for the material is refused (409): the ERP resends safely with an Idempotency-Key.
   */
  @Transactional
  public Lot receive(LotCommands.Receive cmd) {
    siteAccess.requireSite(cmd.site());
    if (!equipment.siteExists(cmd.site())) {
      throw new InvalidInputException("site", "site " + cmd.site() + " does not exist");
    }
    MaterialView material = tracked(cmd.material(), "material");
    if (!UnitOfMeasure.isKnown(cmd.unit())) {
      throw new InvalidInputException("unit", "'" + cmd.unit() + "' is not a known unit");
    }
    if (!material.unit().code().equals(cmd.unit())) {
      throw new InvalidInputException(
          "unit",
          "material "
              + material.number()
              + " is kept in "
              + material.unit()
              + ", not "
              + cmd.unit());
    }
    boolean serial = material.tracking() == Tracking.SERIAL;
    if (serial && cmd.quantity().compareTo(BigDecimal.ONE) != 0) {
      throw new InvalidInputException(
          "quantity",
          "material " + material.number() + " is serial-controlled: one unit per serial");
    }
    requireNew(cmd.material(), cmd.lotNumber(), "lotNumber");
    Lot lot =
        newLot(
            cmd.site(),
            cmd.material(),
            cmd.lotNumber(),
            serial,
            Origin.RECEIVED,
            new Quantity(cmd.quantity(), material.unit()),
            LotStatus.QUARANTINE,
            cmd.supplier(),
            cmd.supplierLot(),
            cmd.expiry(),
            null,
            "received from " + (cmd.supplier() == null ? "supplier" : cmd.supplier()));
    return lot;
  }

  @Transactional(readOnly = true)
  public Lot get(UUID id) {
    Lot lot = lots.find(id).orElseThrow(() -> new NotFoundException("lot", id));
    siteAccess.requireSite(lot.site());
    return lot;
  }

  /** A lot by its id, or by its number (with the material when the number alone names several). */
  @Transactional(readOnly = true)
  public Lot resolve(String lotOrId, String material) {
    checkName(lotOrId, material);
    UUID id = uuid(lotOrId);
    if (id != null) {
      return get(id);
    }
    if (material != null) {
      Lot lot =
          lots.find(material, lotOrId)
              .orElseThrow(() -> new NotFoundException("lot", material + "/" + lotOrId));
      siteAccess.requireSite(lot.site());
      return lot;
    }
    List<Lot> found = lots.byNumber(lotOrId);
    if (found.isEmpty()) {
      throw new NotFoundException("lot", lotOrId);
    }
    if (found.size() > 1) {
      throw new ConflictException(
          "material",
          "lot number '"
              + lotOrId
              + "' exists for "
              + found.stream().map(Lot::material).toList()
              + "; name the material");
    }
    siteAccess.requireSite(found.getFirst().site());
    return found.getFirst();
  }

  private static void checkName(String lotOrId, String material) {
    if (lotOrId.length() > 60) {
      throw new InvalidInputException("lot", "size must be between 1 and 60");
    }
    if (material != null && material.length() > 40) {
      throw new InvalidInputException("material", "size must be between 1 and 40");
    }
  }

  /**
   * The trace of a lot named as {@link #resolve} names it, as the API's JSON document ({@link
   * TraceService#json}), with the same answers and refusals in the same order: the name's size, no
   * such lot (404), a number of several materials (409), a site the caller may not see (403), then
   * the limits. On PostgreSQL one statement finds the lot and writes its trace, outside any
   * transaction: no separate look-up, no BEGIN and COMMIT, one round trip (a trace request was a
   * look-up and a trace, each in a read-only transaction of its own).
   */
  public byte[] traceJson(
      String lotOrId,
      String material,
      TraceService.Direction direction,
      Integer depth,
      Integer maxLots) {
    checkName(lotOrId, material);
    if (!traces.findsAndTracesInOneStatement() || !TraceService.withinLimits(depth, maxLots)) {
      return traces.json(resolve(lotOrId, material), direction, depth, maxLots);
    }
    UUID id = uuid(lotOrId);
    TraceService.LotName name =
        new TraceService.LotName(id, id == null ? material : null, id == null ? lotOrId : null);
    List<TraceService.Named> found =
        traces.jsonOfNamed(name, direction, depth, maxLots, siteAccess.restrictedToSites());
    if (found.isEmpty()) {
      throw id != null
          ? new NotFoundException("lot", id)
          : new NotFoundException("lot", material != null ? material + "/" + lotOrId : lotOrId);
    }
    if (found.size() > 1) {
      throw new ConflictException(
          "material",
          "lot number '"
              + lotOrId
              + "' exists for "
              + found.stream().map(TraceService.Named::material).toList()
              + "; name the material");
    }
    TraceService.Named lot = found.getFirst();
    siteAccess.requireSite(lot.site());
    if (lot.json() == null) { // not walked: a site the caller may not see (refused just above)
      throw new IllegalStateException("no trace written for lot " + lot.id());
    }
    return lot.json();
  }

  @Transactional(readOnly = true)
  public CursorPage<Lot> list(
      String site, String material, String search, LotStatus status, String after, int limit) {
    if (site != null) {
      siteAccess.requireSite(site);
    }
    Instant afterAt = null;
    UUID afterId = null;
    if (after != null) {
      try {
        String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
        int space = decoded.indexOf(' ');
        afterAt = Instant.parse(decoded.substring(0, space));
        afterId = UUID.fromString(decoded.substring(space + 1));
      } catch (RuntimeException e) {
        throw new InvalidInputException("after", "is not a cursor this list returned");
      }
    }
    String term = search == null || search.isBlank() ? null : search.strip();
    List<Lot> page =
        lots.page(
            site,
            material,
            term,
            status,
            siteAccess.restrictedToSites(),
            afterAt,
            afterId,
            limit + 1);
    List<Lot> shown = page.stream().limit(limit).toList();
    String next = null;
    if (page.size() > limit) {
      Lot last = shown.getLast();
      next =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  (last.createdAt() + " " + last.id()).getBytes(StandardCharsets.UTF_8));
    }
    return new CursorPage<>(shown, next);
  }

  @Transactional(readOnly = true)
  public List<StatusChange> history(UUID id) {
    get(id);
    return lots.history(id);
  }

  @Transactional(readOnly = true)
  public List<Shipment> shipments(UUID id) {
    get(id);
    return lots.shipmentsOf(id);
  }

  @Transactional
  public LotCommands.StatusChanged release(UUID id, String reason, Long version) {
    return new LotCommands.StatusChanged(
        change(id, version, reason, Lot::release), List.of(), false);
  }

  @Transactional
  public LotCommands.StatusChanged quarantine(UUID id, String reason, Long version) {
    return new LotCommands.StatusChanged(
        change(id, version, reason, Lot::quarantine), List.of(), false);
  }

  /**
   * Blocks the lot; with {@code cascade}, also every lot and serial made from it (its forward
   * trace) that is not blocked or used up already, each with the reason and where it came from.
   */
  @Transactional
  public LotCommands.StatusChanged block(UUID id, String reason, Long version, boolean cascade) {
    Lot blocked = change(id, version, reason, Lot::block);
    if (!cascade) {
      return new LotCommands.StatusChanged(blocked, List.of(), false);
    }
    TraceService.Trace forward =
        traces.trace(
            blocked,
            TraceService.Direction.FORWARD,
            TraceService.MAX_DEPTH,
            TraceService.HARD_MAX_LOTS);
    List<Lot> cascaded = new ArrayList<>();
    String why = reason.strip() + " (cascade from " + blocked + ")";
    for (TraceService.Node node : forward.lots()) {
      Lot lot = node.lot();
      if (lot.id().equals(blocked.id())
          || lot.status() == LotStatus.BLOCKED
          || lot.status() == LotStatus.CONSUMED) {
        continue;
      }
      Lot locked = lots.lock(lot.id()).orElseThrow();
      if (locked.status() == LotStatus.BLOCKED || locked.status() == LotStatus.CONSUMED) {
        continue;
      }
      cascaded.add(save(locked, locked.block(), why));
    }
    return new LotCommands.StatusChanged(blocked, cascaded, forward.truncated());
  }

  private Lot change(UUID id, Long version, String reason, UnaryOperator<Lot> verb) {
    Lot lot = lockAndGet(id);
    requireVersion(lot, version);
    return save(lot, verb.apply(lot), requireReason(reason));
  }

  /** Saves a status change with its history entry and audit record. */
  Lot save(Lot before, Lot after, String reason) {
    Lot saved = lots.update(after);
    if (before.status() != saved.status()) {
      lots.statusChanged(
          saved.id(), before.status(), saved.status(), reason, actor(), clock.instant());
    }
    audit.updated(AUDIT_ENTITY, key(saved), before, saved);
    return saved;
  }

  /** Splits quantities of a lot off into new lots of the same material (one lot into many). */
  @Transactional
  public List<Lot> split(UUID id, List<LotCommands.Part> parts, String reason) {
    String why = requireReason(reason);
    Lot source = lockAndGet(id);
    requireMovable(source);
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < parts.size(); i++) {
      String number = parts.get(i).lotNumber();
      if (!numbers.add(number)) {
        throw new InvalidInputException("parts[" + i + "].lotNumber", "'" + number + "' twice");
      }
      requireNew(source.material(), number, "parts[" + i + "].lotNumber");
    }
    BigDecimal total =
        parts.stream().map(LotCommands.Part::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    Lot after = draw(source, total, "parts");
    save(source, after, why);
    List<Lot> made = new ArrayList<>();
    for (LotCommands.Part part : parts) {
      Lot child =
          derived(source, part.lotNumber(), Origin.SPLIT, part.quantity(), source.status(), why);
      linkMove(source, child, LinkKind.SPLIT, part.quantity());
      made.add(child);
    }
    return made;
  }

  /** Merges quantities of several lots of one material into a new lot (many into one). */
  @Transactional
  public Lot merge(String lotNumber, List<LotCommands.Draw> draws, String reason) {
    String why = requireReason(reason);
    if (draws.size() < 2) {
      throw new InvalidInputException("sources", "a merge needs at least two lots");
    }
    Map<UUID, Lot> sources = new LinkedHashMap<>();
    for (int i = 0; i < draws.size(); i++) {
      UUID lotId = draws.get(i).lot();
      if (sources.containsKey(lotId)) {
        throw new InvalidInputException("sources[" + i + "].lot", "the same lot twice");
      }
      String field = "sources[" + i + "].lot";
      Lot lot =
          lots.lock(lotId)
              .orElseThrow(
                  () -> new InvalidInputException(field, "lot " + lotId + " does not exist"));
      siteAccess.requireSite(lot.site());
      requireMovable(lot);
      Lot first = sources.isEmpty() ? lot : sources.values().iterator().next();
      if (!first.material().equals(lot.material()) || !first.site().equals(lot.site())) {
        throw new InvalidInputException(
            "sources[" + i + "].lot",
            "lot "
                + lot
                + " at "
                + lot.site()
                + " cannot merge with "
                + first
                + " at "
                + first.site());
      }
      sources.put(lotId, lot);
    }
    Lot first = sources.values().iterator().next();
    requireNew(first.material(), lotNumber, "lotNumber");
    boolean anyQuarantined =
        sources.values().stream().anyMatch(l -> l.status() == LotStatus.QUARANTINE);
    BigDecimal total = BigDecimal.ZERO;
    List<Lot> drawn = new ArrayList<>();
    for (int i = 0; i < draws.size(); i++) {
      Lot lot = sources.get(draws.get(i).lot());
      drawn.add(draw(lot, draws.get(i).quantity(), "sources[" + i + "].quantity"));
      total = total.add(draws.get(i).quantity());
    }
    LocalDate expiry =
        sources.values().stream()
            .map(Lot::expiry)
            .filter(java.util.Objects::nonNull)
            .min(LocalDate::compareTo)
            .orElse(null);
    Lot merged =
        newLot(
            first.site(),
            first.material(),
            lotNumber,
            false,
            Origin.MERGE,
            new Quantity(total, first.quantity().unit()),
            anyQuarantined ? LotStatus.QUARANTINE : LotStatus.RELEASED,
            null,
            null,
            expiry,
            null,
            why);
    int i = 0;
    for (Lot lot : sources.values()) {
      save(lot, drawn.get(i), why);
      linkMove(lot, merged, LinkKind.MERGE, draws.get(i).quantity());
      i++;
    }
    return merged;
  }

  /**
   * Moves a quantity of a lot into another lot of the same material (created when it does not exist
   * yet, with the source's status).
   */
  @Transactional
  public Lot transfer(UUID id, String toLotNumber, BigDecimal quantity, String reason) {
    String why = requireReason(reason);
    Lot source = lockAndGet(id);
    requireMovable(source);
    if (source.lotNumber().equals(toLotNumber)) {
      throw new InvalidInputException("toLot", "a lot cannot be transferred into itself");
    }
    Lot after = draw(source, quantity, "quantity");
    var existing = lots.find(source.material(), toLotNumber);
    Lot target;
    if (existing.isPresent()) {
      Lot into = lots.lock(existing.get().id()).orElseThrow();
      siteAccess.requireSite(into.site());
      if (!into.site().equals(source.site())) {
        throw new InvalidInputException("toLot", "lot " + into + " is at site " + into.site());
      }
      if (into.status() == LotStatus.BLOCKED || into.status() == LotStatus.CONSUMED) {
        throw new ConflictException("toLot", "lot " + into + " is " + into.status());
      }
      if (into.serial()) {
        throw new ConflictException("toLot", into + " is a serial number, not a lot");
      }
      save(source, after, why);
      target = lots.update(into.add(quantity, true));
      audit.updated(AUDIT_ENTITY, key(target), into, target);
    } else {
      save(source, after, why);
      target = derived(source, toLotNumber, Origin.TRANSFER, quantity, source.status(), why);
    }
    linkMove(source, target, LinkKind.TRANSFER, quantity);
    return target;
  }

  /** Reworked material of a lot becomes a new lot, in QUARANTINE until quality releases it. */
  @Transactional
  public Lot rework(UUID id, String lotNumber, BigDecimal quantity, String reason) {
    String why = requireReason(reason);
    Lot source = lockAndGet(id);
    if (source.status() == LotStatus.CONSUMED) {
      throw new ConflictException("status", "lot " + source + " is CONSUMED: nothing remains");
    }
    requireNew(source.material(), lotNumber, "lotNumber");
    Lot after = draw(source, quantity, "quantity");
    save(source, after, why);
    Lot reworked = derived(source, lotNumber, Origin.REWORK, quantity, LotStatus.QUARANTINE, why);
    linkMove(source, reworked, LinkKind.REWORK, quantity);
    return reworked;
  }

  /** Ships a quantity of a RELEASED lot to a customer. */
  @Transactional
  public Shipment ship(UUID id, String customer, String delivery, BigDecimal quantity) {
    Lot lot = lockAndGet(id);
    if (lot.status() != LotStatus.RELEASED) {
      throw new ConflictException(
          "status", "lot " + lot + " is " + lot.status() + ": only a RELEASED lot is shipped");
    }
    if (lot.expiredOn(today())) {
      throw new ConflictException("expiry", "lot " + lot + " expired on " + lot.expiry());
    }
    BigDecimal amount = quantity == null ? lot.remaining().value() : quantity;
    if (amount.signum() <= 0) {
      throw new ConflictException("quantity", "nothing of lot " + lot + " remains to ship");
    }
    Lot after = draw(lot, amount, "quantity");
    save(lot, after, "shipped to " + customer);
    Shipment shipment =
        new Shipment(
            UUID.randomUUID(),
            lot.id(),
            customer,
            delivery,
            new Quantity(amount, lot.quantity().unit()),
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            actor());
    lots.insertShipment(shipment);
    audit.created("lot-shipment", shipment.id().toString(), shipment);
    return shipment;
  }

  /** An input of production recorded outside the shop floor (history taken over, the demo). */
  record Consumed(Lot lot, BigDecimal quantity) {}

  /**
   * Records a lot (or serial) made from inputs outside execution, e.g. history taken over from a
   * legacy system: draws each input and links it to the new lot as CONSUMPTION at the given order,
   * work unit, operator and time.
   */
  @Transactional
  public Lot produced(
      String site,
      String material,
      String lotNumber,
      boolean serial,
      Quantity quantity,
      String orderNumber,
      int sequence,
      String workUnit,
      String operator,
      Instant at,
      List<Consumed> inputs) {
    requireNew(material, lotNumber, "lotNumber");
    Lot made =
        newLot(
            site,
            material,
            lotNumber,
            serial,
            Origin.PRODUCED,
            quantity,
            LotStatus.RELEASED,
            null,
            null,
            null,
            orderNumber,
            "made by order " + orderNumber + " at " + workUnit);
    for (Consumed input : inputs) {
      Lot lot = lots.lock(input.lot().id()).orElseThrow();
      save(lot, draw(lot, input.quantity(), "quantity"), "used by order " + orderNumber);
      lots.link(
          new Link(
              UUID.randomUUID(),
              lot.id(),
              made.id(),
              LinkKind.CONSUMPTION,
              new Quantity(input.quantity(), lot.quantity().unit()),
              orderNumber,
              null,
              sequence,
              workUnit,
              operator,
              at),
          null);
    }
    return made;
  }

  // ---- helpers shared with the genealogy recorder and the demo ----

  Lot newLot(
      String site,
      String material,
      String lotNumber,
      boolean serial,
      Origin origin,
      Quantity quantity,
      LotStatus status,
      String supplier,
      String supplierLot,
      LocalDate expiry,
      String orderNumber,
      String reason) {
    Lot lot =
        new Lot(
            UUID.randomUUID(),
            site,
            material,
            lotNumber,
            serial,
            origin,
            quantity,
            quantity,
            supplier,
            supplierLot,
            expiry,
            orderNumber,
            status,
            0,
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            actor());
    lots.insert(lot);
    lots.statusChanged(lot.id(), null, status, reason, actor(), lot.createdAt());
    Lot created = lots.find(lot.id()).orElseThrow();
    audit.created(AUDIT_ENTITY, key(created), created);
    return created;
  }

  private Lot derived(
      Lot source,
      String lotNumber,
      Origin origin,
      BigDecimal quantity,
      LotStatus status,
      String reason) {
    return newLot(
        source.site(),
        source.material(),
        lotNumber,
        false,
        origin,
        new Quantity(quantity, source.quantity().unit()),
        status,
        source.supplier(),
        source.supplierLot(),
        source.expiry(),
        null,
        reason);
  }

  private void linkMove(Lot parent, Lot child, LinkKind kind, BigDecimal quantity) {
    lots.link(
        new Link(
            UUID.randomUUID(),
            parent.id(),
            child.id(),
            kind,
            new Quantity(quantity, parent.quantity().unit()),
            null,
            null,
            null,
            null,
            actor(),
            clock.instant().truncatedTo(ChronoUnit.MICROS)),
        null);
  }

  private Lot draw(Lot lot, BigDecimal amount, String field) {
    try {
      return lot.draw(amount);
    } catch (ConflictException e) {
      throw new ConflictException(field, e.getMessage());
    }
  }

  private static void requireMovable(Lot lot) {
    if (lot.status() == LotStatus.BLOCKED || lot.status() == LotStatus.CONSUMED) {
      throw new ConflictException(
          "status", "lot " + lot + " is " + lot.status() + ": it cannot be split, merged or moved");
    }
  }

  private void requireNew(String material, String lotNumber, String field) {
    if (lots.find(material, lotNumber).isPresent()) {
      throw new ConflictException(
          field, "lot '" + lotNumber + "' of " + material + " exists already");
    }
  }

  MaterialView tracked(String number, String field) {
    MaterialView material =
        products
            .material(number)
            .orElseThrow(
                () -> new InvalidInputException(field, "material " + number + " does not exist"));
    if (!material.active()) {
      throw new InvalidInputException(field, "material " + number + " is inactive");
    }
    if (material.tracking() == Tracking.NONE) {
      throw new InvalidInputException(
          field, "material " + number + " is not lot- or serial-controlled");
    }
    return material;
  }

  private Lot lockAndGet(UUID id) {
    Lot lot = lots.lock(id).orElseThrow(() -> new NotFoundException("lot", id));
    siteAccess.requireSite(lot.site());
    return lot;
  }

  private static void requireVersion(Lot lot, Long version) {
    if (version != null && version != lot.version()) {
      throw new StaleVersionException("lot", lot.lotNumber(), version, lot.version());
    }
  }

  static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "must not be blank");
    }
    if (reason.length() > 500) {
      throw new InvalidInputException("reason", "size must be between 0 and 500");
    }
    return reason.strip();
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  String actor() {
    return siteAccess.principal().map(TaktPrincipal::username).orElse("system");
  }

  static String key(Lot lot) {
    return lot.material() + "/" + lot.lotNumber();
  }

  private static UUID uuid(String text) {
    if (text == null || text.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
