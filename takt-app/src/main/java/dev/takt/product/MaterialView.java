package dev.takt.product;

import dev.takt.shared.UnitOfMeasure;
import java.util.UUID;

/** A material as other modules and the API see it. {@code version} is for optimistic locking. */
public record MaterialView(
    UUID id,
    String number,
    String description,
    UnitOfMeasure unit,
    Tracking tracking,
    MaterialType type,
    boolean active,
    long version) {}
