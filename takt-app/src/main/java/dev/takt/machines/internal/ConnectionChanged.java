package dev.takt.machines.internal;

import java.util.UUID;

/** Inside the module: a connection was created, changed or deleted; the registry applies it. */
public record ConnectionChanged(UUID connectionId) {}
