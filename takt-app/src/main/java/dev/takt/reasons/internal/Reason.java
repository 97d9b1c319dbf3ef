package dev.takt.reasons.internal;

import dev.takt.reasons.LossCategory;
import dev.takt.reasons.ReasonKind;
import java.util.UUID;

/**
 * One stored reason. Kind and code never change after birth: they are the business key the audit
 * trail and every booking name. Everything else changes through {@link ReasonCatalogue}, which sees
 * the whole tree the rules need.
 */
record Reason(
    UUID id,
    ReasonKind kind,
    String code,
    String name,
    String description,
    UUID parentId,
    boolean category,
    String colour,
    int sortOrder,
    boolean active,
    Boolean planned,
    LossCategory lossCategory,
    long version) {

  boolean bookable() {
    return active && !category;
  }

  String key() {
    return kind + "/" + code;
  }
}
