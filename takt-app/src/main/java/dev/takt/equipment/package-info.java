/**
 * Equipment: the plant model after ISA-95 (enterprise > site > area > work center > work unit) and
 * each site's shift calendar.
 *
 * <p>Other modules look things up through {@link dev.takt.equipment.Equipment}: work centers by
 * code, whether a site exists, and the concrete shifts of a site with their planned production time
 * (for OEE). The same bean implements {@link dev.takt.identity.SiteDirectory}, so identity can
 * refuse unknown site codes without depending on this module. Every change to a site, area, work
 * center, work unit or shift calendar is audited through compliance; sites scope who may act
 * through {@link dev.takt.identity.SiteAccess}. Publishes {@link
 * dev.takt.equipment.ShiftCalendarChanged} when a site's shift calendar is replaced or the site
 * moves to another time zone; listens to none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Equipment")
package dev.takt.equipment;
