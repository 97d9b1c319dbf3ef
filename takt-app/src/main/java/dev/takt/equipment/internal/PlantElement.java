package dev.takt.equipment.internal;

import dev.takt.equipment.AreaView;
import dev.takt.equipment.WorkCenterView;
import dev.takt.equipment.WorkUnitView;
import dev.takt.shared.ConflictException;
import java.util.UUID;

/**
 * An area, work center or work unit of a site. Created under an active parent with a code unique
 * per site and level; renamed; moved to another parent of the same site (a work center to another
 * area, a machine to another work center); deactivated once nothing active hangs under it, and
 * reactivated only under an active parent. Never deleted: bookings and the audit trail name it.
 *
 * <p>{@code parent} is null for an area, whose parent is the site.
 */
record PlantElement(
    UUID id,
    ElementKind kind,
    String siteCode,
    Parent parent,
    String code,
    String name,
    boolean active,
    long version) {

  /** The element this one hangs under, with the codes the views show. */
  record Parent(UUID id, String code, String areaCode, boolean active) {}

  static PlantElement create(
      ElementKind kind, String siteCode, Parent parent, String code, String name) {
    if (parent != null) {
      requireActive(kind, parent);
    }
    return new PlantElement(UUID.randomUUID(), kind, siteCode, parent, code, name, true, 1);
  }

  PlantElement renamed(String newName) {
    return new PlantElement(id, kind, siteCode, parent, code, newName, active, version);
  }

  /** Hangs this element under another parent of the same site; an inactive one is refused. */
  PlantElement movedTo(Parent newParent) {
    if (newParent.id().equals(parent.id())) {
      return this;
    }
    requireActive(kind, newParent);
    return new PlantElement(id, kind, siteCode, newParent, code, name, active, version);
  }

  PlantElement deactivated(long activeChildren) {
    if (activeChildren > 0) {
      throw new ConflictException(
          null,
          kind.auditType()
              + " '"
              + key()
              + "' still has "
              + activeChildren
              + " active "
              + kind.child().auditType()
              + "(s); deactivate or move them first");
    }
    return new PlantElement(id, kind, siteCode, parent, code, name, false, version);
  }

  /** {@code parentActive} is the site's state for an area. */
  PlantElement reactivated(boolean parentActive) {
    if (!parentActive) {
      throw new ConflictException(
          "active",
          kind.auditType() + " '" + key() + "' cannot be reactivated under an inactive parent");
    }
    return new PlantElement(id, kind, siteCode, parent, code, name, true, version);
  }

  /** The business key the audit trail uses: site and code, e.g. "P1/WC-10". */
  String key() {
    return siteCode + "/" + code;
  }

  /** This element as a parent of the level below. */
  Parent asParent() {
    return new Parent(id, code, parent == null ? null : parent.code(), active);
  }

  Object view() {
    return switch (kind) {
      case AREA -> new AreaView(id, siteCode, code, name, active, version);
      case WORK_CENTER ->
          new WorkCenterView(id, siteCode, parent.code(), code, name, active, version);
      case WORK_UNIT ->
          new WorkUnitView(
              id, siteCode, parent.areaCode(), parent.code(), code, name, active, version);
    };
  }

  private static void requireActive(ElementKind kind, Parent parent) {
    if (!parent.active()) {
      throw new ConflictException(
          kind.parentField(), kind.parent().auditType() + " '" + parent.code() + "' is inactive");
    }
  }
}
