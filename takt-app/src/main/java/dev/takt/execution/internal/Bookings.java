package dev.takt.execution.internal;

import dev.takt.equipment.Equipment;
import dev.takt.equipment.WorkUnitView;
import dev.takt.identity.SiteAccess;
import dev.takt.identity.TaktPrincipal;
import dev.takt.orders.OperationView;
import dev.takt.orders.ProductionOrders;
import dev.takt.reasons.ReasonKind;
import dev.takt.reasons.Reasons;
import dev.takt.shared.ConflictException;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.StaleVersionException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Checks every booking shares: the operation, the caller's site, the work unit, a reason. */
@Component
class Bookings {

  private final ProductionOrders orders;
  private final Equipment equipment;
  private final Reasons reasons;
  private final SiteAccess siteAccess;

  Bookings(ProductionOrders orders, Equipment equipment, Reasons reasons, SiteAccess siteAccess) {
    this.orders = orders;
    this.equipment = equipment;
    this.reasons = reasons;
    this.siteAccess = siteAccess;
  }

  /** The operation, if the caller may act on its site (404 / 403 otherwise). */
  OperationView operation(UUID operationId) {
    OperationView op =
        orders
            .operation(operationId)
            .orElseThrow(() -> new NotFoundException("operation", operationId));
    siteAccess.requireSite(op.site());
    return op;
  }

  /** The operation, which must belong to an order that may be worked on now. */
  OperationView workableOperation(UUID operationId) {
    OperationView op = operation(operationId);
    if (!op.orderStatus().workable()) {
      throw new ConflictException(
          null,
          "order '" + op.orderNumber() + "' is " + op.orderStatus() + ": no bookings on it now");
    }
    return op;
  }

  /** The active work unit, which must belong to the operation's work center (400 otherwise). */
  WorkUnitView workUnitFor(OperationView op, String workUnit) {
    WorkUnitView unit = workUnit(op.site(), workUnit);
    if (!unit.workCenterCode().equals(op.workCenter())) {
      throw new InvalidInputException(
          "workUnit",
          "work unit '"
              + workUnit
              + "' belongs to work center '"
              + unit.workCenterCode()
              + "'; this operation runs at '"
              + op.workCenter()
              + "'");
    }
    return unit;
  }

  WorkUnitView workUnit(String site, String workUnit) {
    WorkUnitView unit =
        equipment
            .workUnit(site, workUnit)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "workUnit", "work unit '" + workUnit + "' does not exist at site " + site));
    if (!unit.active()) {
      throw new InvalidInputException("workUnit", "work unit '" + workUnit + "' is deactivated");
    }
    return unit;
  }

  /** A reason code a booking may name (400 naming {@code field} otherwise). */
  String reason(ReasonKind kind, String code, String field) {
    return reasons
        .bookable(kind, code)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    field, "'" + code + "' is not a bookable " + kind + " reason"))
        .code();
  }

  static void requireVersion(String what, Object key, Long expected, long actual) {
    if (expected != null && expected != actual) {
      throw new StaleVersionException(what, key, expected, actual);
    }
  }

  String username() {
    return siteAccess.principal().map(TaktPrincipal::username).orElse("system");
  }
}
