package dev.takt.traceability.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What callers ask of the lot register, validated for form by the REST layer. */
public final class LotCommands {
  private LotCommands() {}

  /** A lot received from a supplier (or made elsewhere in the group). */
  public record Receive(
      String site,
      String material,
      String lotNumber,
      BigDecimal quantity,
      String unit,
      String supplier,
      String supplierLot,
      LocalDate expiry) {}

  /** One part of a split: the new lot number and how much goes into it. */
  public record Part(String lotNumber, BigDecimal quantity) {}

  /** How much of which lot goes into a merge. */
  public record Draw(UUID lot, BigDecimal quantity) {}

  /** A lot whose status changed and those blocked with it (cascade), truncated when too many. */
  public record StatusChanged(Lot lot, List<Lot> cascaded, boolean truncated) {}
}
