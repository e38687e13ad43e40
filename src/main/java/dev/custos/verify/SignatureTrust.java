package dev.custos.verify;

import dev.custos.crypto.SignerFingerprints;
import dev.custos.crypto.Trust;
import java.util.Objects;

/**
 * One signature of an evidence directory and whether it proves who signed: a custody event's, a
 * report's, or a report signature's timestamp. Immutable.
 *
 * @param file the file it is in ({@code custody.jsonl}, {@code report.pdf})
 * @param where where in the file: {@code line 3 (seq 2, note)}, {@code signature}, {@code signature timestamp}
 * @param signer the name it is signed in: the event's actor, the certificate's common name, the authority's
 * @param fingerprints the signer's certificate fingerprints, or null when there is no certificate
 * @param trust the verdict
 */
public record SignatureTrust(String file, String where, String signer, SignerFingerprints fingerprints, Trust trust) {
  public SignatureTrust {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(trust, "trust");
  }

  /** {@code custody.jsonl line 3 (seq 2, note)}: what a person looks up. */
  public String place() {
    return file + " " + where;
  }
}
