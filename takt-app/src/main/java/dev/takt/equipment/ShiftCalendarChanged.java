package dev.takt.equipment;

/**
 * The concrete shifts of a site may have changed: its shift calendar was replaced, or the site
 * moved to another time zone (its shifts then fall on other instants). Published inside the
 * changing transaction; whoever keeps a site's shifts should forget them once it has committed.
 */
public record ShiftCalendarChanged(String site) {}
