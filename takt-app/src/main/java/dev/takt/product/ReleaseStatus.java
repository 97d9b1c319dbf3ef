package dev.takt.product;

/**
 * Where a version of a BOM or routing is in its life: DRAFT (editable), RELEASED (the current one,
 * immutable), OBSOLETE (replaced by a newer release, kept for the record).
 */
public enum ReleaseStatus {
  DRAFT,
  RELEASED,
  OBSOLETE
}
