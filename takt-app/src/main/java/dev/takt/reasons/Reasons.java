package dev.takt.reasons;

import java.util.List;
import java.util.Optional;

/** What other modules may ask of the reason catalogues. */
public interface Reasons {

  /**
   * The reason with this code if a booking may name it: it exists in this kind's catalogue, is
   * active and is not a category. Empty otherwise; callers refuse the booking.
   */
  Optional<ReasonView> bookable(ReasonKind kind, String code);

  /** The reason with this code, active or not, category or not (e.g. to show an old booking). */
  Optional<ReasonView> find(ReasonKind kind, String code);

  /**
   * Every reason of one kind, active or not, categories too: to classify a year of bookings at once
   * instead of looking each code up.
   */
  List<ReasonView> all(ReasonKind kind);

  /** The active catalogue of one kind as a tree, e.g. for the tiles of a terminal. */
  List<ReasonNode> activeTree(ReasonKind kind);
}
