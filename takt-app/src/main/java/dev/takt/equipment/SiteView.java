package dev.takt.equipment;

import java.util.UUID;

/** A plant site as the API shows it: its code is the business key, its zone drives its shifts. */
public record SiteView(
    UUID id, String code, String name, String timeZone, boolean active, long version) {}
