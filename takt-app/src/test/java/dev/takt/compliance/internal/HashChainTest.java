package dev.takt.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.compliance.AuditAction;
import dev.takt.compliance.AuditRecord;
import dev.takt.compliance.ChainVerification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HashChainTest {

  private static final Instant SHIFT_START = Instant.parse("2026-03-02T06:00:00.123456Z");

  // --- the digest itself: known answers from FIPS 180-2, appendix B ---

  @Test
  void digestsTheOneBlockMessageAsFips180Says() {
    assertThat(HashChain.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void digestsTheMultiBlockMessageAsFips180Says() {
    assertThat(HashChain.sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
        .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  }

  @Test
  void digestsOneMillionTimesTheLetterAAsFips180Says() {
    assertThat(HashChain.sha256("a".repeat(1_000_000)))
        .isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }

  // --- the chain ---

  @Test
  void anUntouchedShiftOfRecordsVerifiesIntact() {
    // given
    List<AuditRecord> chain = aShiftOfChanges(6);

    // when
    ChainVerification result = verify(chain, 6, chain.getLast().hash());

    // then
    assertThat(result.intact()).isTrue();
    assertThat(result.recordsChecked()).isEqualTo(6);
    assertThat(result.firstBrokenSeq()).isNull();
    assertThat(result.problem()).isNull();
  }

  @Test
  void anEmptyTrailWhoseHeadIsGenesisIsIntact() {
    assertThat(verify(List.of(), 0, HashChain.GENESIS).intact()).isTrue();
  }

  @Test
  void theFirstRecordLinksToGenesisAndEachNextToItsPredecessor() {
    List<AuditRecord> chain = aShiftOfChanges(3);

    assertThat(chain.get(0).previousHash()).isEqualTo(HashChain.GENESIS);
    assertThat(chain.get(1).previousHash()).isEqualTo(chain.get(0).hash());
    assertThat(chain.get(2).previousHash()).isEqualTo(chain.get(1).hash());
    assertThat(chain.get(0).hash()).hasSize(64).matches("[0-9a-f]{64}");
  }

  static Stream<Arguments> everyFieldOfEveryRecord() {
    return IntStream.rangeClosed(1, 5)
        .boxed()
        .flatMap(seq -> TAMPERINGS.stream().map(t -> Arguments.of(seq, t.field(), t)));
  }

  @ParameterizedTest(name = "record {0}: {1}")
  @MethodSource("everyFieldOfEveryRecord")
  void alteringAnyFieldOfAnyRecordBreaksTheChainAtThatRecord(
      int seq, String field, Tampering tampering) {
    // given
    List<AuditRecord> chain = new ArrayList<>(aShiftOfChanges(5));
    String headHash = chain.getLast().hash();

    // when
    chain.set(seq - 1, tampering.change().apply(chain.get(seq - 1)));
    ChainVerification result = verify(chain, 5, headHash);

    // then
    assertThat(result.intact()).as(field).isFalse();
    assertThat(result.firstBrokenSeq()).as(field).isEqualTo(seq);
    assertThat(result.problem()).isNotBlank();
  }

  @Test
  void aRecordRemovedFromTheMiddleIsNamedAsMissing() {
    // given
    List<AuditRecord> chain = new ArrayList<>(aShiftOfChanges(6));
    String headHash = chain.getLast().hash();

    // when
    chain.remove(3); // seq 4
    ChainVerification result = verify(chain, 6, headHash);

    // then
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(4);
    assertThat(result.problem()).contains("4");
  }

  @Test
  void aCutTailIsDetectedBecauseTheHeadSaysMore() {
    // given
    List<AuditRecord> chain = new ArrayList<>(aShiftOfChanges(6));
    String headHash = chain.getLast().hash();

    // when
    chain.remove(5);
    chain.remove(4);
    ChainVerification result = verify(chain, 6, headHash);

    // then
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(5);
  }

  @Test
  void aLastRecordReplacedByAnotherValidlyHashedOneDisagreesWithTheHead() {
    // given: the last record rewritten and re-hashed by someone who cannot touch the head
    List<AuditRecord> chain = new ArrayList<>(aShiftOfChanges(4));
    String headHash = chain.getLast().hash();
    AuditRecord last = chain.getLast();
    AuditRecord forged =
        signed(
            new AuditRecord(
                last.seq(),
                last.occurredAt(),
                last.actor(),
                last.action(),
                last.entityType(),
                last.entityKey(),
                last.oldValue(),
                "{\"displayName\":\"forged\"}",
                last.reason(),
                last.previousHash(),
                null));

    // when
    chain.set(3, forged);
    ChainVerification result = verify(chain, 4, headHash);

    // then
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(4);
  }

  @Test
  void twoSwappedRecordsAreDetectedAtTheFirstOfThem() {
    // given
    List<AuditRecord> chain = new ArrayList<>(aShiftOfChanges(6));
    String headHash = chain.getLast().hash();

    // when
    AuditRecord second = chain.get(1);
    chain.set(1, chain.get(4));
    chain.set(4, second);
    ChainVerification result = verify(chain, 6, headHash);

    // then
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(2);
  }

  @Test
  void twoRecordsThatSwappedTheirSequenceNumbersAreDetected() {
    // given
    List<AuditRecord> chain = new ArrayList<>(aShiftOfChanges(6));
    String headHash = chain.getLast().hash();

    // when: contents swapped, sequence numbers kept in place
    AuditRecord third = chain.get(2);
    AuditRecord fourth = chain.get(3);
    chain.set(2, withSeq(fourth, 3));
    chain.set(3, withSeq(third, 4));
    ChainVerification result = verify(chain, 6, headHash);

    // then
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(3);
  }

  @Test
  void movingTextAcrossAFieldBoundaryChangesTheHash() {
    AuditRecord ab_c = aRecord(1, "ab", "c", "x", "y");
    AuditRecord a_bc = aRecord(1, "a", "bc", "x", "y");
    AuditRecord valuesAb_c = aRecord(1, "user", "jdoe", "ab", "c");
    AuditRecord valuesA_bc = aRecord(1, "user", "jdoe", "a", "bc");

    assertThat(HashChain.hashOf(ab_c)).isNotEqualTo(HashChain.hashOf(a_bc));
    assertThat(HashChain.hashOf(valuesAb_c)).isNotEqualTo(HashChain.hashOf(valuesA_bc));
  }

  @Test
  void aMissingValueHashesDifferentlyFromAnEmptyOne() {
    AuditRecord noOldValue = aRecord(1, "user", "jdoe", null, "{}");
    AuditRecord emptyOldValue = aRecord(1, "user", "jdoe", "", "{}");

    assertThat(HashChain.hashOf(noOldValue)).isNotEqualTo(HashChain.hashOf(emptyOldValue));
  }

  @Test
  void aLengthPrefixSmuggledIntoAValueDoesNotFakeAFieldBoundary() {
    // "1:a|" inside the key must not read like a key "a" followed by another field
    AuditRecord honest = aRecord(1, "user", "a", "1:b|", null);
    AuditRecord smuggled = aRecord(1, "user", "a|4:1:b|", null, null);

    assertThat(HashChain.hashOf(honest)).isNotEqualTo(HashChain.hashOf(smuggled));
  }

  @Test
  void theSameRecordAlwaysHashesTheSame() {
    assertThat(HashChain.hashOf(aRecord(7, "user", "jdoe", "{}", "{}")))
        .isEqualTo(HashChain.hashOf(aRecord(7, "user", "jdoe", "{}", "{}")));
  }

  // --- fixtures ---

  record Tampering(String field, UnaryOperator<AuditRecord> change) {
    @Override
    public String toString() {
      return field;
    }
  }

  private static final List<Tampering> TAMPERINGS =
      List.of(
          new Tampering("seq", r -> copy(r, b -> b.seq = r.seq() + 100)),
          new Tampering("occurredAt", r -> copy(r, b -> b.at = r.occurredAt().plusNanos(1000))),
          new Tampering("actor", r -> copy(r, b -> b.actor = "mallory")),
          new Tampering(
              "action",
              r ->
                  copy(
                      r,
                      b ->
                          b.action =
                              r.action() == AuditAction.DELETE
                                  ? AuditAction.UPDATE
                                  : AuditAction.DELETE)),
          new Tampering("entityType", r -> copy(r, b -> b.type = "material")),
          new Tampering("entityKey", r -> copy(r, b -> b.key = r.entityKey() + "x")),
          new Tampering("oldValue", r -> copy(r, b -> b.oldValue = "{\"roles\":[\"ADMIN\"]}")),
          new Tampering("newValue", r -> copy(r, b -> b.newValue = "{\"roles\":[\"ADMIN\"]}")),
          new Tampering("reason", r -> copy(r, b -> b.reason = "approved by nobody")),
          new Tampering("previousHash", r -> copy(r, b -> b.prev = "f".repeat(64))),
          new Tampering("hash", r -> copy(r, b -> b.hash = "e".repeat(64))));

  /** A mutable copy, only to change one field of a record in a tampering. */
  private static final class Builder {
    long seq;
    Instant at;
    String actor;
    AuditAction action;
    String type;
    String key;
    String oldValue;
    String newValue;
    String reason;
    String prev;
    String hash;
  }

  private static AuditRecord copy(AuditRecord r, java.util.function.Consumer<Builder> change) {
    Builder b = new Builder();
    b.seq = r.seq();
    b.at = r.occurredAt();
    b.actor = r.actor();
    b.action = r.action();
    b.type = r.entityType();
    b.key = r.entityKey();
    b.oldValue = r.oldValue();
    b.newValue = r.newValue();
    b.reason = r.reason();
    b.prev = r.previousHash();
    b.hash = r.hash();
    change.accept(b);
    return new AuditRecord(
        b.seq,
        b.at,
        b.actor,
        b.action,
        b.type,
        b.key,
        b.oldValue,
        b.newValue,
        b.reason,
        b.prev,
        b.hash);
  }

  private static AuditRecord withSeq(AuditRecord r, long seq) {
    return copy(r, b -> b.seq = seq);
  }

  /** A shift's worth of user administration, chained as the trail writes it. */
  private static List<AuditRecord> aShiftOfChanges(int count) {
    List<AuditRecord> chain = new ArrayList<>();
    String previous = HashChain.GENESIS;
    for (int seq = 1; seq <= count; seq++) {
      AuditAction action =
          seq == 1 ? AuditAction.CREATE : seq == count ? AuditAction.DELETE : AuditAction.UPDATE;
      AuditRecord record =
          signed(
              new AuditRecord(
                  seq,
                  SHIFT_START.plusSeconds(seq * 60L),
                  seq % 2 == 0 ? "admin" : "shift.lead",
                  action,
                  "user",
                  "operator" + (seq % 3),
                  action == AuditAction.CREATE ? null : "{\"displayName\":\"Op " + seq + "\"}",
                  action == AuditAction.DELETE
                      ? null
                      : "{\"displayName\":\"Op " + (seq + 1) + "\"}",
                  seq % 2 == 0 ? "new shift pattern" : null,
                  previous,
                  null));
      chain.add(record);
      previous = record.hash();
    }
    return chain;
  }

  private static AuditRecord aRecord(
      long seq, String entityType, String entityKey, String oldValue, String newValue) {
    return new AuditRecord(
        seq,
        SHIFT_START,
        "admin",
        AuditAction.UPDATE,
        entityType,
        entityKey,
        oldValue,
        newValue,
        null,
        HashChain.GENESIS,
        null);
  }

  private static AuditRecord signed(AuditRecord r) {
    return copy(r, b -> b.hash = HashChain.hashOf(r));
  }

  private static ChainVerification verify(List<AuditRecord> chain, long headSeq, String headHash) {
    HashChain.Walker walker = new HashChain.Walker();
    for (AuditRecord r : chain) {
      if (!walker.next(r)) {
        break;
      }
    }
    return walker.result(headSeq, headHash);
  }
}
