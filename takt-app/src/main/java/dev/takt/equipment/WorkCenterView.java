package dev.takt.equipment;

import java.util.UUID;

/** A work center as other modules see it: a group of like work units at one site. */
public record WorkCenterView(
    UUID id,
    String siteCode,
    String areaCode,
    String code,
    String name,
    boolean active,
    long version) {}
