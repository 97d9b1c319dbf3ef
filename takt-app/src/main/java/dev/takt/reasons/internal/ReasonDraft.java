package dev.takt.reasons.internal;

import dev.takt.reasons.LossCategory;

/**
 * What a caller may set on a reason, on creation and on every update (a full replacement). {@code
 * parent} is the code of a category of the same kind, or null for a top-level reason.
 */
public record ReasonDraft(
    String name,
    String description,
    String parent,
    boolean category,
    String colour,
    int sortOrder,
    boolean active,
    Boolean planned,
    LossCategory lossCategory) {}
