/**
 * Equipment: the plant model after ISA-95 (enterprise > site > area > work center > work unit) and
 * each site's shift calendar.
 *
 * <p>Other modules look things up through {@link dev.takt.equipment.Equipment}. Publishes no events
 * yet; listens to none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Equipment")
package dev.takt.equipment;
