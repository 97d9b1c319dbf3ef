package dev.takt.equipment.internal;

import java.util.List;
import java.util.UUID;

/** A site with everything under it, nested, in code order: what a plant overview draws. */
public record SiteTree(
    UUID id, String code, String name, String timeZone, boolean active, List<Node> areas) {

  /** An area, work center or work unit and the elements directly under it. */
  public record Node(UUID id, String code, String name, boolean active, List<Node> children) {}
}
