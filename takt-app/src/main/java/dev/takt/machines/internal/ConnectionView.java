package dev.takt.machines.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A connection as the API shows it: the settings without their secrets; {@code secrets} names the
 * write-only settings that have a value (JSON Pointers into the settings, e.g. {@code
 * /authentication/password}).
 */
public record ConnectionView(
    UUID id,
    String site,
    String name,
    Protocol protocol,
    JsonNode settings,
    List<String> secrets,
    boolean enabled,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
