package dev.custos.custody;

import dev.custos.crypto.SignerFingerprints;
import dev.custos.crypto.Trust;
import java.util.Objects;

/**
 * Who signed one custody event, as far as the verifier's trust anchors tell. Immutable.
 *
 * @param line the line of {@code custody.jsonl}, from 1
 * @param seq the event's sequence number
 * @param type the event's type
 * @param actor the name the event carries
 * @param fingerprints the signer's certificate fingerprints, or null when the event is unsigned or
 *     its certificate is not in the directory
 * @param trust the verdict
 */
public record EventSignature(int line, long seq, String type, String actor, SignerFingerprints fingerprints, Trust trust) {
  public EventSignature {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(trust, "trust");
  }

  /** {@code custody.jsonl line 4 (seq 3, note)}. */
  public String where() {
    return "line " + line + " (seq " + seq + ", " + type + ")";
  }
}
