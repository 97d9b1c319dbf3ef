package dev.takt.equipment;

import java.util.UUID;

/** A work unit (a machine, a station) of a work center, as the API shows it. */
public record WorkUnitView(
    UUID id,
    String siteCode,
    String areaCode,
    String workCenterCode,
    String code,
    String name,
    boolean active,
    long version) {}
