package dev.takt.traceability.internal;

import dev.takt.execution.LotCheck;
import dev.takt.execution.MaterialConsumed;
import dev.takt.execution.QuantityReported;
import dev.takt.orders.OperationView;
import dev.takt.orders.ProductionOrders;
import dev.takt.product.MaterialView;
import dev.takt.product.Tracking;
import dev.takt.shared.ConflictException;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds the genealogy from the shop floor's bookings, and guards consumption.
 *
 * <p>Listens synchronously, inside the booking's transaction: a booking and its genealogy commit
 * together or not at all (nothing acknowledged at the terminal is missing from a trace), and a
 * refusal here (a serial number twice, serials for a product that has none) refuses the booking.
 *
 * <ul>
 *   <li>{@link MaterialConsumed}: draws the quantity from the lot (CONSUMED when nothing remains),
 *       keeps it as an input of the operation and links it to every output of the operation.
 *   <li>{@link QuantityReported}: the good quantity goes into the output lot named in the report,
 *       else into the order's own lot (lot number = order number), created on first use RELEASED
 *       and filled by the last operation of the order; or, for a serial-controlled product with
 *       serials given, into one serial per unit. Every input of the operation, also those booked
 *       later, is linked to every output of the operation: lot genealogy errs on the side of a
 *       bigger recall, never a smaller one.
 * </ul>
 */
@Component
class GenealogyRecorder implements LotCheck {

  private final LotRepository lots;
  private final LotService register;
  private final ProductionOrders orders;
  private final dev.takt.product.Products products;

  GenealogyRecorder(
      LotRepository lots,
      LotService register,
      ProductionOrders orders,
      dev.takt.product.Products products) {
    this.lots = lots;
    this.register = register;
    this.orders = orders;
    this.products = products;
  }

  @Override
  public void requireConsumable(String site, String material, String lot, Quantity quantity) {
    Lot found =
        lots.find(material, lot)
            .orElseThrow(
                () ->
                    new ConflictException(
                        "lot",
                        "lot '"
                            + lot
                            + "' of "
                            + material
                            + " is unknown: it must be received before it is used"));
    if (!found.site().equals(site)) {
      throw new ConflictException(
          "lot", "lot " + found + " is at site " + found.site() + ", not here at " + site);
    }
    if (found.status() != LotStatus.RELEASED) {
      throw new ConflictException(
          "lot",
          "lot "
              + found
              + " is "
              + found.status()
              + ": only a RELEASED lot may be used"
              + (found.status() == LotStatus.QUARANTINE ? " (ask quality to release it)" : ""));
    }
    if (found.expiredOn(register.today())) {
      throw new ConflictException(
          "lot", "lot " + found + " expired on " + found.expiry() + ": it may not be used");
    }
    if (quantity.unit().equals(found.remaining().unit())
        && quantity.value().compareTo(found.remaining().value()) > 0) {
      throw new ConflictException(
          "lot",
          "only " + found.remaining() + " of lot " + found + " remain; " + quantity + " booked");
    }
  }

  @EventListener
  void on(MaterialConsumed consumed) {
    Lot lot =
        lots.find(consumed.material(), consumed.lot())
            .flatMap(l -> lots.lock(l.id()))
            .orElseThrow(
                () ->
                    new ConflictException(
                        "lot",
                        "lot '" + consumed.lot() + "' of " + consumed.material() + " is unknown"));
    if (!lot.remaining().unit().equals(consumed.quantity().unit())) {
      throw new ConflictException(
          "lot",
          "lot "
              + lot
              + " is kept in "
              + lot.remaining().unit()
              + ", not "
              + consumed.quantity().unit());
    }
    Lot drawn = lot.draw(consumed.quantity().value());
    register.save(
        lot, drawn, "used up by order " + consumed.orderNumber() + " at " + consumed.workUnit());
    Integer sequence =
        orders.operation(consumed.operationId()).map(OperationView::sequence).orElse(null);
    LotRepository.Input input =
        new LotRepository.Input(
            UUID.randomUUID(),
            consumed.operationId(),
            consumed.orderNumber(),
            sequence,
            lot.id(),
            consumed.quantity(),
            consumed.workUnit(),
            consumed.operator(),
            consumed.at());
    lots.insertInput(input);
    for (UUID output : lots.outputsOf(consumed.operationId())) {
      link(input, output);
    }
  }

  @EventListener
  void on(QuantityReported reported) {
    BigDecimal good = reported.good().value();
    if (good.signum() <= 0 && reported.serials().isEmpty() && reported.outputLot() == null) {
      return; // scrap or rework only: nothing new to trace into
    }
    MaterialView material = products.material(reported.material()).orElse(null);
    if (material == null || material.tracking() == Tracking.NONE) {
      if (!reported.serials().isEmpty() || reported.outputLot() != null) {
        throw new InvalidInputException(
            reported.serials().isEmpty() ? "outputLot" : "serials",
            "material " + reported.material() + " is not lot- or serial-controlled");
      }
      return;
    }
    OperationView op =
        orders
            .operation(reported.operationId())
            .orElseThrow(() -> new IllegalStateException("no operation " + reported.operationId()));
    boolean last =
        orders.operationsOf(op.orderNumber()).stream()
                .mapToInt(OperationView::sequence)
                .max()
                .orElse(op.sequence())
            == op.sequence();
    List<UUID> outputs;
    if (!reported.serials().isEmpty()) {
      outputs = serials(reported, op, material, good);
    } else {
      outputs = List.of(outputLot(reported, op, material, good, last).id());
    }
    List<LotRepository.Input> inputs = lots.inputsOf(op.id());
    for (UUID output : outputs) {
      lots.output(op.id(), output);
      for (LotRepository.Input input : inputs) {
        link(input, output);
      }
    }
  }

  private List<UUID> serials(
      QuantityReported reported, OperationView op, MaterialView material, BigDecimal good) {
    if (material.tracking() != Tracking.SERIAL) {
      throw new InvalidInputException(
          "serials", "material " + op.material() + " is lot-controlled, not serial-controlled");
    }
    if (good.compareTo(BigDecimal.valueOf(reported.serials().size())) != 0) {
      throw new InvalidInputException(
          "serials",
          reported.serials().size() + " serial numbers for " + reported.good() + " good units");
    }
    if (new HashSet<>(reported.serials()).size() != reported.serials().size()) {
      throw new InvalidInputException("serials", "a serial number is given twice");
    }
    return reported.serials().stream()
        .map(
            number -> {
              if (lots.find(op.material(), number).isPresent()) {
                throw new ConflictException(
                    "serials",
                    "serial number '" + number + "' of " + op.material() + " exists already");
              }
              return register
                  .newLot(
                      op.site(),
                      op.material(),
                      number,
                      true,
                      Origin.PRODUCED,
                      new Quantity(BigDecimal.ONE, reported.good().unit()),
                      LotStatus.RELEASED,
                      null,
                      null,
                      null,
                      op.orderNumber(),
                      "made by order " + op.orderNumber() + " at " + reported.workUnit())
                  .id();
            })
        .toList();
  }

  private Lot outputLot(
      QuantityReported reported,
      OperationView op,
      MaterialView material,
      BigDecimal good,
      boolean last) {
    boolean named = reported.outputLot() != null;
    String number = named ? reported.outputLot() : op.orderNumber();
    // Only the last operation's good quantity is product; earlier ones link their inputs to it.
    BigDecimal made = named || last ? good : BigDecimal.ZERO;
    Optional<Lot> existing = lots.find(op.material(), number);
    if (existing.isEmpty()) {
      return register.newLot(
          op.site(),
          op.material(),
          number,
          false,
          Origin.PRODUCED,
          new Quantity(made, reported.good().unit()),
          LotStatus.RELEASED,
          null,
          null,
          null,
          op.orderNumber(),
          "made by order " + op.orderNumber() + " at " + reported.workUnit());
    }
    Lot lot = lots.lock(existing.get().id()).orElseThrow();
    if (!lot.site().equals(op.site())) {
      throw new ConflictException("outputLot", "lot " + lot + " is at site " + lot.site());
    }
    if (lot.status() == LotStatus.BLOCKED) {
      throw new ConflictException("outputLot", "lot " + lot + " is BLOCKED: nothing goes into it");
    }
    if (made.signum() == 0) {
      return lot;
    }
    Lot filled = lot.add(made, true);
    if (filled.status() == LotStatus.CONSUMED) {
      filled = filled.withStatus(LotStatus.RELEASED);
    }
    return register.save(lot, filled, "more made by order " + op.orderNumber());
  }

  private void link(LotRepository.Input input, UUID output) {
    lots.link(
        new Link(
            UUID.randomUUID(),
            input.lotId(),
            output,
            LinkKind.CONSUMPTION,
            input.quantity(),
            input.orderNumber(),
            input.operationId(),
            input.sequence(),
            input.workUnit(),
            input.operator(),
            input.at() == null ? Instant.now() : input.at()),
        input.id());
  }
}
