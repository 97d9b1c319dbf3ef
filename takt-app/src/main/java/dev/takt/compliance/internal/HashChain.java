package dev.takt.compliance.internal;

import dev.takt.compliance.AuditRecord;
import dev.takt.compliance.ChainVerification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of an audit record: SHA-256 over every field and the previous record's hash. Each field
 * is written with its length in front, so that no two different records can produce the same input
 * by moving text from one field to the next.
 */
public final class HashChain {

  /** The previous hash of the very first record. */
  public static final String GENESIS = "0".repeat(64);

  private HashChain() {}

  public static String hashOf(AuditRecord r) {
    StringBuilder in = new StringBuilder(256);
    field(in, Long.toString(r.seq()));
    field(in, r.occurredAt().toString());
    field(in, r.actor());
    field(in, r.action().name());
    field(in, r.entityType());
    field(in, r.entityKey());
    field(in, r.oldValue());
    field(in, r.newValue());
    field(in, r.reason());
    field(in, r.previousHash());
    return sha256(in.toString());
  }

  /** Walks records in sequence order; call {@link #next} for each, then {@link #result}. */
  public static final class Walker {
    private long expectedSeq = 1;
    private String previousHash = GENESIS;
    private long checked;
    private ChainVerification broken;

    /** Returns false once a broken link was found; later records are not looked at. */
    public boolean next(AuditRecord r) {
      if (broken != null) {
        return false;
      }
      checked++;
      if (r.seq() != expectedSeq) {
        broken =
            ChainVerification.brokenAt(
                checked,
                expectedSeq,
                "record " + expectedSeq + " is missing (next present is " + r.seq() + ")");
      } else if (!previousHash.equals(r.previousHash())) {
        broken =
            ChainVerification.brokenAt(
                checked,
                r.seq(),
                "previous hash does not match the hash of record " + (r.seq() - 1));
      } else if (!hashOf(r).equals(r.hash())) {
        broken =
            ChainVerification.brokenAt(
                checked, r.seq(), "content does not match its hash: the record was altered");
      } else {
        expectedSeq++;
        previousHash = r.hash();
      }
      return broken == null;
    }

    /** Compares the walked chain with the head the database keeps of it (catches a cut tail). */
    public ChainVerification result(long headSeq, String headHash) {
      if (broken != null) {
        return broken;
      }
      long lastSeq = expectedSeq - 1;
      if (headSeq != lastSeq) {
        return ChainVerification.brokenAt(
            checked,
            lastSeq + 1,
            "the chain ends at record " + lastSeq + " but its head says " + headSeq);
      }
      if (!headHash.equals(previousHash)) {
        // The last record was rewritten and re-hashed: it is the one that broke, not one after it.
        return ChainVerification.brokenAt(
            checked,
            lastSeq,
            "record " + lastSeq + " does not match the head of the chain: it was replaced");
      }
      return ChainVerification.intact(checked);
    }
  }

  private static void field(StringBuilder in, String value) {
    if (value == null) {
      in.append("-1:");
    } else {
      in.append(value.length()).append(':').append(value);
    }
    in.append('|');
  }

  /** SHA-256 of the UTF-8 bytes, as lower-case hex. Package-private for its known-answer test. */
  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
