package dev.takt.identity.internal;

import static dev.takt.identity.internal.UserRepository.instant;
import static dev.takt.identity.internal.UserRepository.ts;

import dev.takt.identity.ApiTokenView;
import dev.takt.identity.IssuedApiToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API tokens: {@code takt_} and 256 random bits; only their SHA-256 is stored. */
@Repository
class ApiTokenRepository {

  static final String PREFIX = "takt_";
  private static final SecureRandom RANDOM = new SecureRandom();

  record ActiveToken(UUID id, UUID userId, Instant lastUsedAt, Instant expiresAt) {

    ActiveToken usedAt(Instant at) {
      return new ActiveToken(id, userId, at, expiresAt);
    }
  }

  private final JdbcClient jdbc;
  private final TokenCache cache;

  ApiTokenRepository(JdbcClient jdbc, TokenCache cache) {
    this.jdbc = jdbc;
    this.cache = cache;
  }

  IssuedApiToken issue(UUID userId, String name, Instant expiresAt, Instant now) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO identity_api_token (id, user_id, name, token_hash, created_at, expires_at)
            VALUES (:id, :user, :name, :hash, :now, :expires)
            """)
        .param("id", id)
        .param("user", userId)
        .param("name", name)
        .param("hash", hash(token))
        .param("now", ts(now))
        .param("expires", ts(expiresAt))
        .update();
    return new IssuedApiToken(new ApiTokenView(id, name, now, expiresAt, null, null), token);
  }

  List<ApiTokenView> ofUser(UUID userId) {
    return jdbc.sql("SELECT * FROM identity_api_token WHERE user_id = :u ORDER BY created_at, id")
        .param("u", userId)
        .query(
            (rs, n) ->
                new ApiTokenView(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    instant(rs, "created_at"),
                    instant(rs, "expires_at"),
                    instant(rs, "last_used_at"),
                    instant(rs, "revoked_at")))
        .list();
  }

  /** The token's owner if the token is known, not revoked and not expired. */
  Optional<ActiveToken> findActive(String token, Instant now) {
    return findActiveByHash(hash(token), now);
  }

  /** As {@link #findActive}, by the token's {@link #hash}. */
  Optional<ActiveToken> findActiveByHash(String tokenHash, Instant now) {
    return jdbc.sql(
            """
            SELECT id, user_id, last_used_at, expires_at FROM identity_api_token
            WHERE token_hash = :hash AND revoked_at IS NULL
              AND (expires_at IS NULL OR expires_at > :now)
            """)
        .param("hash", tokenHash)
        .param("now", ts(now))
        .query(
            (rs, n) ->
                new ActiveToken(
                    rs.getObject("id", UUID.class),
                    rs.getObject("user_id", UUID.class),
                    instant(rs, "last_used_at"),
                    instant(rs, "expires_at")))
        .optional();
  }

  void markUsed(UUID id, Instant at) {
    jdbc.sql("UPDATE identity_api_token SET last_used_at = :at WHERE id = :id")
        .param("at", ts(at))
        .param("id", id)
        .update();
  }

  void revoke(UUID id, Instant at) {
    jdbc.sql("UPDATE identity_api_token SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
        .param("at", ts(at))
        .param("id", id)
        .update();
    cache.changed();
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
