package dev.takt.equipment.internal;

/**
 * The levels of the ISA-95 role-based equipment hierarchy below a site. Each level hangs under the
 * one before it; an area hangs directly under its site.
 */
public enum ElementKind {
  AREA("area", "site"),
  WORK_CENTER("work-center", "area"),
  WORK_UNIT("work-unit", "workCenter");

  private final String auditType;
  private final String parentField;

  ElementKind(String auditType, String parentField) {
    this.auditType = auditType;
    this.parentField = parentField;
  }

  /** The entity type in the audit trail, and the word used in messages. */
  public String auditType() {
    return auditType;
  }

  /** The request field that names the parent by its code. */
  public String parentField() {
    return parentField;
  }

  /** The level this one hangs under; null for areas, whose parent is the site itself. */
  public ElementKind parent() {
    return this == AREA ? null : values()[ordinal() - 1];
  }

  /** The level that hangs under this one; null for work units. */
  public ElementKind child() {
    return this == WORK_UNIT ? null : values()[ordinal() + 1];
  }
}
