package dev.takt.orders.internal;

import dev.takt.compliance.AuditTrail;
import dev.takt.equipment.Equipment;
import dev.takt.identity.SiteAccess;
import dev.takt.orders.ComponentView;
import dev.takt.orders.OrderStatus;
import dev.takt.product.BomView;
import dev.takt.product.MaterialView;
import dev.takt.product.Products;
import dev.takt.product.ReleaseStatus;
import dev.takt.product.RoutingView;
import dev.takt.product.Tracking;
import dev.takt.shared.ConflictException;
import dev.takt.shared.CursorPage;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.Quantity;
import dev.takt.shared.StaleVersionException;
import dev.takt.shared.UnitOfMeasure;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes orders from the ERP (idempotently, by order number), releases them with a snapshot of
 * routing and BOM, and moves them through the office verbs (hold, resume, cancel, close). Orders
 * belong to a site: callers act only on orders of their sites. Every change is audited as {@value
 * #AUDIT_ENTITY} with the order number as key.
 */
@Service
public class OrderService {

  static final String AUDIT_ENTITY = "production-order";

  private final OrderRepository orders;
  private final Products products;
  private final Equipment equipment;
  private final SiteAccess siteAccess;
  private final AuditTrail audit;
  private final Clock clock;

  OrderService(
      OrderRepository orders,
      Products products,
      Equipment equipment,
      SiteAccess siteAccess,
      AuditTrail audit,
      Clock clock) {
    this.orders = orders;
    this.products = products;
    this.equipment = equipment;
    this.siteAccess = siteAccess;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Creates the order, or, when the ERP sends the number again: nothing if the content is the same
   * (nothing written, nothing audited), a change while CREATED, else 409 naming the state.
   */
  @Transactional
  public OrderCommands.Submitted submit(OrderCommands.SubmitOrder cmd) {
    ProductionOrder.Content content = content(cmd);
    orders.lock(cmd.orderNumber());
    Optional<ProductionOrder> existing = orders.byNumber(cmd.orderNumber());
    if (existing.isPresent()) {
      ProductionOrder old = existing.get();
      siteAccess.requireSite(old.content().site());
      if (old.content().sameAs(content)) {
        return new OrderCommands.Submitted(old.details(), OrderCommands.Outcome.UNCHANGED);
      }
      checkReferences(content);
      return new OrderCommands.Submitted(
          save(old, old.revise(content)), OrderCommands.Outcome.UPDATED);
    }
    checkReferences(content);
    ProductionOrder order = ProductionOrder.create(cmd.orderNumber(), content);
    orders.insert(order, clock.instant());
    OrderDetails created = orders.byId(order.id()).orElseThrow().details();
    audit.created(AUDIT_ENTITY, order.orderNumber(), created);
    return new OrderCommands.Submitted(created, OrderCommands.Outcome.CREATED);
  }

  @Transactional(readOnly = true)
  public CursorPage<OrderDetails> list(
      String site,
      OrderStatus status,
      String material,
      Instant dueBefore,
      String search,
      String after,
      int limit) {
    Instant afterDue = null;
    String afterNumber = null;
    if (after != null) {
      try {
        String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
        int space = decoded.indexOf(' ');
        afterDue = Instant.parse(decoded.substring(0, space));
        afterNumber = decoded.substring(space + 1);
      } catch (RuntimeException e) {
        throw new InvalidInputException("after", "is not a cursor this list returned");
      }
    }
    String term = search == null || search.isBlank() ? null : search.strip();
    List<ProductionOrder> page =
        orders.page(
            afterDue,
            afterNumber,
            site,
            status,
            material,
            dueBefore,
            term,
            siteAccess.restrictedToSites(),
            limit + 1);
    List<ProductionOrder> shown = page.stream().limit(limit).toList();
    String next = null;
    if (page.size() > limit) {
      ProductionOrder last = shown.getLast();
      next =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  (last.content().dueDate() + " " + last.orderNumber())
                      .getBytes(StandardCharsets.UTF_8));
    }
    return new CursorPage<>(shown.stream().map(ProductionOrder::details).toList(), next);
  }

  @Transactional(readOnly = true)
  public OrderDetails get(String orderNumber) {
    return find(orderNumber).details();
  }

  /** The operations of the order with their progress (empty before release). */
  @Transactional(readOnly = true)
  public List<OperationDetails> operations(String orderNumber) {
    ProductionOrder order = find(orderNumber);
    UnitOfMeasure unit = order.content().quantity().unit();
    return orders.operations(order.id()).stream()
        .map(
            op ->
                new OperationDetails(
                    op.id(),
                    op.sequence(),
                    op.description(),
                    op.workCenter(),
                    op.setupSeconds(),
                    op.cycleSeconds(),
                    op.qualification(),
                    op.toolType(),
                    op.inspectionPlan(),
                    new Quantity(op.plannedQuantity(), unit),
                    op.status().name(),
                    new Quantity(op.good(), unit),
                    new Quantity(op.scrap(), unit),
                    new Quantity(op.rework(), unit),
                    op.startedAt(),
                    op.completedAt()))
        .toList();
  }

  /** The BOM snapshot of the order (empty before release, or when released without a BOM). */
  @Transactional(readOnly = true)
  public List<ComponentView> components(String orderNumber) {
    ProductionOrder order = find(orderNumber);
    return orders.components(order.id()).stream()
        .map(c -> new ComponentView(c.position(), c.material(), c.requiredQuantity(), c.tracking()))
        .toList();
  }

  /**
   * Copies the routing (the version asked for, else the current released one at the order's site)
   * and the BOM (likewise; an order without one is fine for a bought-in or simple item) into the
   * order and makes it RELEASED. From then on changes of routing and BOM do not touch it.
   */
  @Transactional
  public OrderDetails release(String orderNumber) {
    ProductionOrder order = lockAndFind(orderNumber);
    order.requireReleasable();
    ProductionOrder.Content c = order.content();
    MaterialView material =
        products
            .material(c.material())
            .filter(MaterialView::active)
            .orElseThrow(
                () ->
                    new ConflictException(
                        "material", "material " + c.material() + " is no longer active"));
    if (!material.unit().equals(c.quantity().unit())) {
      throw new ConflictException(
          "unit",
          "the base unit of " + c.material() + " is now " + material.unit() + "; change the order");
    }
    RoutingView routing = routingFor(c);
    BomView bom = bomFor(c);
    ReleaseSnapshot snapshot =
        ReleaseSnapshot.of(
            order.id(),
            c.quantity(),
            routing,
            bom,
            component ->
                products.material(component).map(MaterialView::tracking).orElse(Tracking.NONE));
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    ProductionOrder released = order.release(snapshot.routingVersion(), snapshot.bomVersion(), now);
    orders.insertSnapshot(snapshot, order.id());
    return save(order, released);
  }

  @Transactional
  public OrderDetails hold(String orderNumber, String reason) {
    return change(orderNumber, o -> o.hold(requireReason(reason)));
  }

  @Transactional
  public OrderDetails resume(String orderNumber) {
    return change(orderNumber, ProductionOrder::resume);
  }

  @Transactional
  public OrderDetails cancel(String orderNumber, String reason) {
    return change(orderNumber, o -> o.cancel(requireReason(reason)));
  }

  @Transactional
  public OrderDetails close(String orderNumber) {
    return change(orderNumber, ProductionOrder::close);
  }

  private OrderDetails change(String orderNumber, UnaryOperator<ProductionOrder> verb) {
    ProductionOrder order = lockAndFind(orderNumber);
    return save(order, verb.apply(order));
  }

  private static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "must not be blank");
    }
    if (reason.length() > 500) {
      throw new InvalidInputException("reason", "size must be between 0 and 500");
    }
    return reason.strip();
  }

  private RoutingView routingFor(ProductionOrder.Content c) {
    if (c.routingVersion() == null) {
      return products
          .currentRouting(c.material(), c.site())
          .orElseThrow(
              () ->
                  new ConflictException(
                      "routingVersion",
                      "material "
                          + c.material()
                          + " has no released routing at site "
                          + c.site()
                          + "; release one or name a routingVersion"));
    }
    RoutingView routing =
        products
            .routing(c.material(), c.site(), c.routingVersion())
            .orElseThrow(
                () ->
                    new ConflictException(
                        "routingVersion",
                        "routing version "
                            + c.routingVersion()
                            + " of "
                            + c.material()
                            + " at site "
                            + c.site()
                            + " does not exist"));
    if (routing.status() == ReleaseStatus.DRAFT) {
      throw new ConflictException(
          "routingVersion",
          "routing version " + c.routingVersion() + " is a DRAFT; release it first");
    }
    return routing;
  }

  private BomView bomFor(ProductionOrder.Content c) {
    if (c.bomVersion() == null) {
      return products.currentBom(c.material()).orElse(null);
    }
    BomView bom =
        products
            .bom(c.material(), c.bomVersion())
            .orElseThrow(
                () ->
                    new ConflictException(
                        "bomVersion",
                        "BOM version "
                            + c.bomVersion()
                            + " of "
                            + c.material()
                            + " does not exist"));
    if (bom.status() == ReleaseStatus.DRAFT) {
      throw new ConflictException(
          "bomVersion", "BOM version " + c.bomVersion() + " is a DRAFT; release it first");
    }
    return bom;
  }

  private ProductionOrder.Content content(OrderCommands.SubmitOrder cmd) {
    if (!UnitOfMeasure.isKnown(cmd.unit())) {
      throw new InvalidInputException("unit", "'" + cmd.unit() + "' is not a known unit");
    }
    return new ProductionOrder.Content(
        cmd.material(),
        new Quantity(cmd.quantity(), new UnitOfMeasure(cmd.unit())),
        cmd.dueDate().truncatedTo(ChronoUnit.MICROS),
        cmd.priority() == null ? OrderCommands.DEFAULT_PRIORITY : cmd.priority(),
        cmd.site(),
        cmd.routingVersion(),
        cmd.bomVersion());
  }

  /** The references of new content: the caller's site, an existing active material, its unit. */
  private void checkReferences(ProductionOrder.Content c) {
    siteAccess.requireSite(c.site());
    if (!equipment.siteExists(c.site())) {
      throw new InvalidInputException("site", "site " + c.site() + " does not exist");
    }
    MaterialView material =
        products
            .material(c.material())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "material", "material " + c.material() + " does not exist"));
    if (!material.active()) {
      throw new InvalidInputException("material", "material " + c.material() + " is inactive");
    }
    if (!material.unit().equals(c.quantity().unit())) {
      throw new InvalidInputException(
          "unit",
          "must be the base unit of "
              + c.material()
              + " ("
              + material.unit().code()
              + "); units are not converted");
    }
    if (c.routingVersion() != null
        && products.routing(c.material(), c.site(), c.routingVersion()).isEmpty()) {
      throw new InvalidInputException(
          "routingVersion",
          "routing version "
              + c.routingVersion()
              + " of "
              + c.material()
              + " at site "
              + c.site()
              + " does not exist");
    }
    if (c.bomVersion() != null && products.bom(c.material(), c.bomVersion()).isEmpty()) {
      throw new InvalidInputException(
          "bomVersion",
          "BOM version " + c.bomVersion() + " of " + c.material() + " does not exist");
    }
  }

  private OrderDetails save(ProductionOrder old, ProductionOrder changed) {
    if (!orders.update(changed, clock.instant())) {
      throw new StaleVersionException(
          "production order", old.orderNumber(), changed.version(), old.version() + 1);
    }
    OrderDetails view = orders.byId(old.id()).orElseThrow().details();
    audit.updated(AUDIT_ENTITY, old.orderNumber(), old.details(), view);
    return view;
  }

  private ProductionOrder lockAndFind(String orderNumber) {
    orders.lock(orderNumber);
    return find(orderNumber);
  }

  /** Finds an order the caller may see: one of another site is refused (403). */
  private ProductionOrder find(String orderNumber) {
    ProductionOrder order =
        orders
            .byNumber(orderNumber)
            .orElseThrow(() -> new NotFoundException("production order", orderNumber));
    siteAccess.requireSite(order.content().site());
    return order;
  }
}
