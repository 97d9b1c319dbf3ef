package dev.takt.shared;

/** What a user may do. A user holds any number of roles; each endpoint names those it admits. */
public enum Role {
  /** Sets up the plant, its people and its master data. Acts on every site. */
  ADMIN,
  /** Releases orders, maintains products and routings, schedules. */
  PLANNER,
  /** Leads a shift: holds, releases, corrects bookings, classifies downtime. */
  SUPERVISOR,
  /** Works at a terminal: starts, reports and completes operations. */
  OPERATOR,
  /** Inspection plans, SPC, non-conformances, holds, trace reports. */
  QUALITY,
  /** Reads everything, changes nothing; reads the audit trail. */
  AUDITOR,
  /** A machine account for the ERP, APS, QMS or WMS. */
  INTEGRATION;

  public String authority() {
    return "ROLE_" + name();
  }
}
