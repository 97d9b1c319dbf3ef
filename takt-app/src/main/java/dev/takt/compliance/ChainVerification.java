package dev.takt.compliance;

/**
 * The result of recomputing the hash chain. {@code firstBrokenSeq} and {@code problem} are null
 * when the chain is intact.
 */
public record ChainVerification(
    boolean intact, long recordsChecked, Long firstBrokenSeq, String problem) {

  public static ChainVerification intact(long recordsChecked) {
    return new ChainVerification(true, recordsChecked, null, null);
  }

  public static ChainVerification brokenAt(long recordsChecked, long seq, String problem) {
    return new ChainVerification(false, recordsChecked, seq, problem);
  }
}
