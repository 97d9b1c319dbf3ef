package dev.takt.reasons;

import java.util.UUID;

/**
 * A reason as the API shows it and the audit trail records it.
 *
 * <p>{@code planned} and {@code lossCategory} are what was set on this reason (null: inherited);
 * {@code effectivePlanned} and {@code effectiveLossCategory} are what a booking on it counts as,
 * taken from the nearest level that sets them. All four are null for SCRAP and REWORK. {@code
 * bookable} is true for an active reason that is not a category.
 */
public record ReasonView(
    UUID id,
    ReasonKind kind,
    String code,
    String name,
    String description,
    String parent,
    boolean category,
    boolean bookable,
    String colour,
    int sortOrder,
    boolean active,
    Boolean planned,
    LossCategory lossCategory,
    Boolean effectivePlanned,
    LossCategory effectiveLossCategory,
    long version) {

  /** The key the audit trail files this reason under, e.g. {@code DOWNTIME/BRK-01}. */
  public String key() {
    return kind + "/" + code;
  }
}
