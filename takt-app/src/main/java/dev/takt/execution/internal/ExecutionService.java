package dev.takt.execution.internal;

import dev.takt.compliance.AuditAction;
import dev.takt.compliance.AuditTrail;
import dev.takt.equipment.WorkUnitView;
import dev.takt.execution.OperationCompleted;
import dev.takt.execution.OperationPaused;
import dev.takt.execution.OperationResumed;
import dev.takt.execution.OperationStarted;
import dev.takt.execution.Phase;
import dev.takt.execution.QuantityReported;
import dev.takt.identity.SiteAccess;
import dev.takt.orders.OperationView;
import dev.takt.orders.ProductionOrders;
import dev.takt.reasons.ReasonKind;
import dev.takt.shared.ConflictException;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.Quantity;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operator actions on an operation at a work unit, and the dispatch list. Each action is one
 * transaction: lock the operation's execution, apply the shop-floor verb, save, tell orders, audit,
 * publish, and last append the confirmation (which serialises on the outbox counter).
 */
@Service
public class ExecutionService {

  static final String ENTITY = "OperationExecution";

  private final OperationRepository operations;
  private final Bookings bookings;
  private final ProductionOrders orders;
  private final Confirmations confirmations;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final SiteAccess siteAccess;
  private final Clock clock;
  private final BigDecimal tolerancePercent;

  ExecutionService(
      OperationRepository operations,
      Bookings bookings,
      ProductionOrders orders,
      Confirmations confirmations,
      AuditTrail audit,
      ApplicationEventPublisher events,
      SiteAccess siteAccess,
      Clock clock,
      @Value("${takt.execution.over-delivery-tolerance-percent:0}") BigDecimal tolerancePercent) {
    this.operations = operations;
    this.bookings = bookings;
    this.orders = orders;
    this.confirmations = confirmations;
    this.audit = audit;
    this.events = events;
    this.siteAccess = siteAccess;
    this.clock = clock;
    if (tolerancePercent.signum() < 0) {
      throw new IllegalArgumentException(
          "takt.execution.over-delivery-tolerance-percent must not be negative");
    }
    this.tolerancePercent = tolerancePercent;
  }

  /**
   * What may start or continue now at a work center (or at the work center of a work unit): the
   * workable operations in the order orders gives them (due date, then priority), without those
   * completed and those whose previous operation has delivered no good quantity yet.
   */
  @Transactional(readOnly = true)
  public List<DispatchItem> dispatchList(
      String site, String workCenter, String workUnit, int limit) {
    siteAccess.requireSite(site);
    if ((workCenter == null) == (workUnit == null)) {
      throw new InvalidInputException(
          workCenter == null ? "workCenter" : "workUnit",
          "give either workCenter or workUnit, not both or neither");
    }
    String center = workCenter;
    if (workUnit != null) {
      center = bookings.workUnit(site, workUnit).workCenterCode();
    }
    // orders filters and limits in the database (not completed, previous operation delivered);
    // the execution states of the head are then read in one go, not one query per item.
    List<OperationView> head = orders.dispatchableAt(site, center, limit);
    Map<UUID, OperationExecution> states =
        operations.findAll(head.stream().map(OperationView::id).toList());
    List<DispatchItem> items = new ArrayList<>(head.size());
    for (OperationView op : head) {
      items.add(new DispatchItem(op, progressOf(op, states.get(op.id()))));
    }
    return items;
  }

  @Transactional(readOnly = true)
  public OperationProgress progress(UUID operationId) {
    OperationView op = bookings.operation(operationId);
    return progressOf(op, operations.find(operationId).orElse(null));
  }

  @Transactional
  public OperationProgress start(UUID operationId, String workUnit, Phase phase, Long version) {
    OperationView op = bookings.workableOperation(operationId);
    WorkUnitView unit = bookings.workUnitFor(op, workUnit);
    if (op.previousSequence() != null
        && operations.goodOf(op.orderNumber(), op.previousSequence()).signum() <= 0) {
      throw new ConflictException(
          null,
          "operation "
              + op.previousSequence()
              + " of order '"
              + op.orderNumber()
              + "' has delivered no good quantity yet");
    }
    OperationExecution e = operations.lock(op);
    Bookings.requireVersion("operation", operationId, version, e.version());
    operations
        .otherOperationOn(op.site(), unit.code(), operationId)
        .ifPresent(
            other -> {
              throw new ConflictException(
                  "workUnit", "work unit '" + unit.code() + "' is on operation " + other + " now");
            });
    OperationProgress before = OperationProgress.of(e);
    Instant now = clock.instant();
    boolean first = e.start(unit.code(), phase, now);
    operations.save(e);
    if (first) {
      orders.operationStarted(operationId, now);
    }
    OperationProgress after = OperationProgress.of(e);
    audit.record(AuditAction.UPDATE, ENTITY, key(e), before, after);
    events.publishEvent(
        new OperationStarted(
            operationId, op.orderNumber(), op.site(), unit.code(), phase, first, now));
    return after;
  }

  @Transactional
  public OperationProgress pause(UUID operationId, String workUnit, String reason, Long version) {
    OperationView op = bookings.workableOperation(operationId);
    WorkUnitView unit = bookings.workUnitFor(op, workUnit);
    String code = bookings.reason(ReasonKind.DOWNTIME, reason, "reason");
    OperationExecution e = operations.lock(op);
    Bookings.requireVersion("operation", operationId, version, e.version());
    OperationProgress before = OperationProgress.of(e);
    Instant now = clock.instant();
    e.pause(unit.code(), code, now);
    OperationProgress after = saved(e, before);
    events.publishEvent(
        new OperationPaused(operationId, op.orderNumber(), op.site(), unit.code(), code, now));
    return after;
  }

  @Transactional
  public OperationProgress resume(UUID operationId, String workUnit, Long version) {
    OperationView op = bookings.workableOperation(operationId);
    WorkUnitView unit = bookings.workUnitFor(op, workUnit);
    OperationExecution e = operations.lock(op);
    Bookings.requireVersion("operation", operationId, version, e.version());
    OperationProgress before = OperationProgress.of(e);
    Instant now = clock.instant();
    e.resume(unit.code(), now);
    OperationProgress after = saved(e, before);
    events.publishEvent(
        new OperationResumed(
            operationId,
            op.orderNumber(),
            op.site(),
            unit.code(),
            e.units().get(unit.code()).phase(),
            now));
    return after;
  }

  /** Good, scrap and rework from one work unit, each ≥ 0 in the order's unit. */
  @Transactional
  public OperationProgress report(
      UUID operationId,
      String workUnit,
      BigDecimal good,
      BigDecimal scrap,
      String scrapReason,
      BigDecimal rework,
      String reworkReason,
      Long version) {
    return report(
        operationId,
        workUnit,
        good,
        scrap,
        scrapReason,
        rework,
        reworkReason,
        null,
        List.of(),
        version);
  }

  /**
   * Good, scrap and rework from one work unit, with the lot the good quantity goes into ({@code
   * outputLot}, null for the order's default lot) and the serial numbers of the good units of a
   * serial-controlled product (empty for none). Traceability takes both from {@link
   * QuantityReported}, in this transaction, and may refuse them (then nothing is booked).
   */
  @Transactional
  public OperationProgress report(
      UUID operationId,
      String workUnit,
      BigDecimal good,
      BigDecimal scrap,
      String scrapReason,
      BigDecimal rework,
      String reworkReason,
      String outputLot,
      List<String> serials,
      Long version) {
    if (serials == null) {
      serials = List.of();
    }
    OperationView op = bookings.workableOperation(operationId);
    WorkUnitView unit = bookings.workUnitFor(op, workUnit);
    good = orZero(good);
    scrap = orZero(scrap);
    rework = orZero(rework);
    if (good.signum() == 0 && scrap.signum() == 0 && rework.signum() == 0) {
      throw new InvalidInputException("good", "report at least one of good, scrap or rework");
    }
    String scrapCode = null;
    if (scrap.signum() > 0) {
      if (scrapReason == null) {
        throw new InvalidInputException("scrapReason", "is required when scrap is reported");
      }
      scrapCode = bookings.reason(ReasonKind.SCRAP, scrapReason, "scrapReason");
    }
    String reworkCode = null;
    if (rework.signum() > 0) {
      if (reworkReason == null) {
        throw new InvalidInputException("reworkReason", "is required when rework is reported");
      }
      reworkCode = bookings.reason(ReasonKind.REWORK, reworkReason, "reworkReason");
    }
    // The first operation may make the order quantity (its planned quantity, fixed at release);
    // a later one what the operation before it delivered.
    BigDecimal basis =
        op.previousSequence() == null
            ? op.plannedQuantity().value()
            : operations.goodOf(op.orderNumber(), op.previousSequence());
    OperationExecution e = operations.lock(op);
    Bookings.requireVersion("operation", operationId, version, e.version());
    OperationProgress before = OperationProgress.of(e);
    Map<String, OperationExecution.UnitRun> runs = Map.copyOf(e.units());
    e.report(
        unit.code(), good, scrap, rework, OperationExecution.allowedGood(basis, tolerancePercent));
    operations.save(e, !e.units().equals(runs));
    Instant now = clock.instant();
    Quantity g = new Quantity(good, e.unit());
    Quantity s = new Quantity(scrap, e.unit());
    Quantity r = new Quantity(rework, e.unit());
    orders.quantityReported(operationId, g, s, r, now);
    OperationProgress after = OperationProgress.of(e);
    audit.record(AuditAction.UPDATE, ENTITY, key(e), before, after);
    events.publishEvent(
        new QuantityReported(
            operationId,
            op.orderNumber(),
            op.material(),
            op.site(),
            unit.code(),
            g,
            s,
            scrapCode,
            r,
            reworkCode,
            bookings.username(),
            outputLot,
            serials,
            now));
    confirmations.append(
        new Confirmations.Draft(
            Confirmation.Type.QUANTITY,
            op.site(),
            op.orderNumber(),
            operationId,
            op.sequence(),
            unit.code(),
            e.unit(),
            good,
            scrap,
            rework,
            scrapCode,
            reworkCode,
            bookings.username(),
            null,
            null,
            null,
            null,
            null,
            now));
    return after;
  }

  @Transactional
  public OperationProgress complete(UUID operationId, String workUnit, Long version) {
    OperationView op = bookings.workableOperation(operationId);
    WorkUnitView unit = bookings.workUnitFor(op, workUnit);
    OperationExecution e = operations.lock(op);
    Bookings.requireVersion("operation", operationId, version, e.version());
    OperationProgress before = OperationProgress.of(e);
    Instant now = clock.instant();
    e.complete(unit.code(), now);
    operations.save(e);
    orders.operationCompleted(operationId, now);
    OperationProgress after = OperationProgress.of(e);
    audit.record(AuditAction.UPDATE, ENTITY, key(e), before, after);
    events.publishEvent(
        new OperationCompleted(
            operationId,
            op.orderNumber(),
            op.site(),
            unit.code(),
            after.good(),
            after.scrap(),
            after.rework(),
            e.setupSeconds(),
            e.runSeconds(),
            now));
    confirmations.append(
        new Confirmations.Draft(
            Confirmation.Type.COMPLETION,
            op.site(),
            op.orderNumber(),
            operationId,
            op.sequence(),
            unit.code(),
            e.unit(),
            e.good(),
            e.scrap(),
            e.rework(),
            null,
            null,
            bookings.username(),
            e.startedAt(),
            now,
            e.setupSeconds(),
            e.runSeconds(),
            null,
            now));
    return after;
  }

  private OperationProgress saved(OperationExecution e, OperationProgress before) {
    operations.save(e);
    OperationProgress after = OperationProgress.of(e);
    audit.record(AuditAction.UPDATE, ENTITY, key(e), before, after);
    return after;
  }

  private static OperationProgress progressOf(OperationView op, OperationExecution e) {
    return OperationProgress.of(
        e != null
            ? e
            : OperationExecution.waiting(
                op.id(),
                op.orderNumber(),
                op.sequence(),
                op.site(),
                op.workCenter(),
                op.plannedQuantity().unit()));
  }

  static String key(OperationExecution e) {
    return e.orderNumber() + "/" + e.sequence();
  }

  private static BigDecimal orZero(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }
}
