package dev.takt.equipment;

import java.util.UUID;

/** An area of a site (a hall, a department), as the API shows it. */
public record AreaView(
    UUID id, String siteCode, String code, String name, boolean active, long version) {}
