package dev.takt.equipment.internal;

import dev.takt.equipment.SiteView;
import dev.takt.shared.ConflictException;
import dev.takt.shared.InvalidInputException;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A plant site. Opened with a code that never changes (user accounts, orders and the audit trail
 * name it) and the IANA time zone its shifts run in; renamed or moved to another zone; deactivated
 * once no area of it is active any more, and reactivated when production returns. Never deleted.
 */
record Site(UUID id, String code, String name, ZoneId zone, boolean active, long version) {

  static Site open(String code, String name, String timeZone) {
    return new Site(UUID.randomUUID(), code, name, zone(timeZone), true, 1);
  }

  Site changed(String name, String timeZone) {
    return new Site(id, code, name, zone(timeZone), active, version);
  }

  /** Refused while areas are active: they would be left hanging under a closed site. */
  Site deactivated(long activeAreas) {
    if (activeAreas > 0) {
      throw new ConflictException(
          null,
          "site '"
              + code
              + "' still has "
              + activeAreas
              + " active area(s); deactivate them first");
    }
    return new Site(id, code, name, zone, false, version);
  }

  Site reactivated() {
    return new Site(id, code, name, zone, true, version);
  }

  void requireActive(String field) {
    if (!active) {
      throw new ConflictException(field, "site '" + code + "' is inactive");
    }
  }

  SiteView view() {
    return new SiteView(id, code, name, zone.getId(), active, version);
  }

  /** Only region ids of the tz database ("Europe/Berlin"); no fixed offsets, they know no DST. */
  static ZoneId zone(String timeZone) {
    if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
      throw new InvalidInputException(
          "timeZone", "'" + timeZone + "' is not an IANA time zone such as 'Europe/Berlin'");
    }
    return ZoneId.of(timeZone);
  }
}
