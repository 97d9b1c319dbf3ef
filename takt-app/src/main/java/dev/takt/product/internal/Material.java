package dev.takt.product.internal;

import dev.takt.product.MaterialType;
import dev.takt.product.MaterialView;
import dev.takt.product.Tracking;
import dev.takt.shared.UnitOfMeasure;
import java.util.UUID;

/**
 * A material the plant buys, makes or ships. It is defined once under its material number (the
 * business key shared with the ERP, never changed), revised by planners or the ERP sync, and never
 * deleted: it is deactivated, because BOMs, orders and lots keep naming it. An inactive material
 * cannot enter a new BOM or routing.
 */
record Material(
    UUID id,
    String number,
    String description,
    UnitOfMeasure unit,
    Tracking tracking,
    MaterialType type,
    boolean active,
    long version) {

  static Material define(
      String number, String description, UnitOfMeasure unit, Tracking tracking, MaterialType type) {
    return new Material(UUID.randomUUID(), number, description, unit, tracking, type, true, 1);
  }

  Material revise(
      String description,
      UnitOfMeasure unit,
      Tracking tracking,
      MaterialType type,
      boolean active) {
    return new Material(id, number, description, unit, tracking, type, active, version);
  }

  Material deactivate() {
    return new Material(id, number, description, unit, tracking, type, false, version);
  }

  MaterialView view() {
    return new MaterialView(id, number, description, unit, tracking, type, active, version);
  }
}
