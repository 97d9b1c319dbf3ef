package dev.takt.identity.internal;

import dev.takt.shared.KeptBriefly;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * API tokens checked in the last few seconds, with their users: a terminal or the ERP sends its
 * token on every call, and looking it up twice per request (token, user) was a fifth of the
 * statements of a booking. Only what the database said is kept, for at most {@link #TTL_SECONDS};
 * the caller still checks expiry, the user's active flag and lock on every request.
 *
 * <p>Any change to users, their roles and sites, or tokens empties the cache once it has committed
 * ({@link #changed()}), so revocation, deactivation, a lock or a role change take effect at the
 * next request of this server. A look-up that raced with such a change cannot put the old state
 * back: entries carry the generation read before the database look-up and count only while the
 * generation is the same. Another server of a cluster sees the change after {@link #TTL_SECONDS} at
 * the latest.
 */
@Component
class TokenCache {

  static final long TTL_SECONDS = 5;
  private static final int MAX_ENTRIES = 10_000;

  /** What the database said of a token and its user, read after {@code generation}. */
  record Entry(ApiTokenRepository.ActiveToken token, StoredUser user, long generation) {}

  private final KeptBriefly<String, Entry> entries =
      new KeptBriefly<>(Duration.ofSeconds(TTL_SECONDS), MAX_ENTRIES);

  /** The generation to pass to {@link #put}: read it before looking the token up. */
  long generation() {
    return entries.generation();
  }

  /** The cached token and user for this token hash, or null. */
  Entry get(String tokenHash) {
    return entries.get(tokenHash);
  }

  void put(
      String tokenHash, ApiTokenRepository.ActiveToken token, StoredUser user, long generation) {
    entries.put(tokenHash, new Entry(token, user, generation), generation);
  }

  /** Users, grants or tokens were written: forget everything once the write has committed. */
  void changed() {
    entries.forgetAfterCommit();
  }
}
