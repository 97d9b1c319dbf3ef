package dev.takt.execution;

import dev.takt.shared.Quantity;

/**
 * Asked by execution before it books a lot as consumed, in the booking's transaction; implemented
 * by the module that owns lots (traceability). Execution works without one (then any lot number is
 * taken as given), so the shop floor does not depend on the lot register being there.
 *
 * <p>An implementation refuses by throwing {@link dev.takt.shared.ConflictException} (HTTP 409)
 * naming the field {@code lot}, with a message an operator can act on at the terminal: the lot is
 * unknown, is not RELEASED (in quarantine, blocked, used up) or is past its expiry date.
 */
public interface LotCheck {

  /**
   * Passes when {@code quantity} of {@code lot} of {@code material} may be consumed now at {@code
   * site}.
   *
   * @throws dev.takt.shared.ConflictException when it may not, naming the field {@code lot}
   */
  void requireConsumable(String site, String material, String lot, Quantity quantity);
}
