package dev.takt.identity;

import java.time.Instant;
import java.util.UUID;

/** An API token without its secret. */
public record ApiTokenView(
    UUID id,
    String name,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt) {}
