package dev.takt.traceability.internal;

import dev.takt.shared.ConflictException;
import dev.takt.shared.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A lot of a material, or one serialised unit ({@code serial}: quantity 1, its lot number is the
 * serial number).
 *
 * <p>Born RECEIVED from a supplier (in QUARANTINE until quality releases it), PRODUCED by an
 * operation (RELEASED), or out of other lots by a split, merge, transfer or rework. Quality moves
 * it between QUARANTINE, RELEASED and BLOCKED, always with a reason. Consumption, splits, transfers
 * and shipments draw from what remains; when nothing remains it is CONSUMED and stays so. It is
 * never deleted: its history and links are the genealogy.
 */
public record Lot(
    UUID id,
    String site,
    String material,
    String lotNumber,
    boolean serial,
    Origin origin,
    Quantity quantity,
    Quantity remaining,
    String supplier,
    String supplierLot,
    LocalDate expiry,
    String orderNumber,
    LotStatus status,
    long version,
    Instant createdAt,
    String createdBy) {

  /** Quality releases the lot for use. */
  Lot release() {
    return moveTo(LotStatus.RELEASED);
  }

  /** Quality blocks the lot: nothing of it may be used or shipped. */
  Lot block() {
    return moveTo(LotStatus.BLOCKED);
  }

  /** Quality puts the lot (back) into quarantine pending a decision. */
  Lot quarantine() {
    return moveTo(LotStatus.QUARANTINE);
  }

  private Lot moveTo(LotStatus target) {
    if (status == target) {
      throw new ConflictException("status", "lot " + this + " is " + status + " already");
    }
    if (status == LotStatus.CONSUMED) {
      throw new ConflictException(
          "status", "lot " + this + " is CONSUMED: nothing of it remains to be " + target);
    }
    return withStatus(target);
  }

  boolean expiredOn(LocalDate day) {
    return expiry != null && day.isAfter(expiry);
  }

  /**
   * What remains after drawing {@code amount}; refuses more than remains. A lot drawn to nothing is
   * CONSUMED.
   */
  Lot draw(BigDecimal amount) {
    BigDecimal left = remaining.value().subtract(amount);
    if (left.signum() < 0) {
      throw new ConflictException(
          "quantity", "only " + remaining + " of lot " + this + " remain; " + amount + " asked");
    }
    Lot drawn = withRemaining(left);
    return left.signum() == 0 ? drawn.withStatus(LotStatus.CONSUMED) : drawn;
  }

  /** Adds produced or transferred material. */
  Lot add(BigDecimal amount, boolean toQuantity) {
    Lot more = withRemaining(remaining.value().add(amount));
    return toQuantity
        ? new Lot(
            id,
            site,
            material,
            lotNumber,
            serial,
            origin,
            new Quantity(quantity.value().add(amount), quantity.unit()),
            more.remaining,
            supplier,
            supplierLot,
            expiry,
            orderNumber,
            status,
            version,
            createdAt,
            createdBy)
        : more;
  }

  Lot withStatus(LotStatus next) {
    return new Lot(
        id,
        site,
        material,
        lotNumber,
        serial,
        origin,
        quantity,
        remaining,
        supplier,
        supplierLot,
        expiry,
        orderNumber,
        next,
        version,
        createdAt,
        createdBy);
  }

  private Lot withRemaining(BigDecimal left) {
    return new Lot(
        id,
        site,
        material,
        lotNumber,
        serial,
        origin,
        quantity,
        new Quantity(left, quantity.unit()),
        supplier,
        supplierLot,
        expiry,
        orderNumber,
        status,
        version,
        createdAt,
        createdBy);
  }

  @Override
  public String toString() {
    return "'" + lotNumber + "' of " + material;
  }
}
