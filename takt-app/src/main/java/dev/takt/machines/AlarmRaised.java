package dev.takt.machines;

import java.time.Instant;

/** A machine raised an alarm; {@code alarm} is the alarm's name in the mapping. */
public record AlarmRaised(String site, String workUnit, String alarm, String text, Instant at) {}
