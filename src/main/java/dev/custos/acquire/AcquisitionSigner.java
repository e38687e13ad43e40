package dev.custos.acquire;

import dev.custos.custody.CustodyEvent;
import dev.custos.custody.CustodyLog;
import dev.custos.custody.CustodyVerdict;
import dev.custos.custody.SignerCertificates;
import dev.custos.error.CustodyBrokenException;
import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceDirectory;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who recorded the start of the acquisition in an evidence directory: the key that signed its
 * {@code acquisition-started} event, or nobody (an unsigned log). A resumption is recorded as its
 * start was, so that a court never reads one acquisition's log as one signer's when part of it is
 * another's, or unsigned. Immutable.
 *
 * @param startedSeq the {@code acquisition-started} event's sequence number
 * @param name the actor's name as the event records it
 * @param certificateSha256 the SHA-256 of the certificate whose key signed it; empty when unsigned
 * @param subject that certificate's subject (RFC 2253), when its certificate is in the directory
 */
public record AcquisitionSigner(long startedSeq, String name, Optional<String> certificateSha256, Optional<String> subject) {
  public AcquisitionSigner {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(certificateSha256, "certificateSha256");
    Objects.requireNonNull(subject, "subject");
  }

  /**
   * Reads who recorded the last {@code acquisition-started} event of {@code directory}'s custody
   * log. Nothing is written.
   *
   * @throws UsageException if the directory is refused as {@link EvidenceDirectory#toResume} and
   *     {@link CustodyLog#requireAppendable} refuse it, there is no custody log, or no acquisition in it
   * @throws CustodyBrokenException if the log is broken: nothing may be appended to it
   */
  public static AcquisitionSigner of(Path directory) throws UsageException, CustodyBrokenException {
    // Refused as the resumption itself refuses them, before a file of the directory is opened.
    EvidenceDirectory.toResume(directory);
    CustodyLog.requireAppendable(directory);
    CustodyVerdict verdict = CustodyLog.check(directory);
    CustodyEvent started = verdict.events().get(InterruptedAcquisition.lastStarted(directory, verdict));
    Optional<String> sha256 = Optional.ofNullable(started.actor().certificateSha256());
    Optional<String> subject = sha256.flatMap(SignerCertificates.in(directory)::chain).map(chain -> chain.get(0))
        .map(X509Certificate::getSubjectX500Principal).map(principal -> principal.getName());
    return new AcquisitionSigner(started.seq(), started.actor().name(), sha256, subject);
  }

  /** Whether the acquisition's start was signed. */
  public boolean signed() {
    return certificateSha256.isPresent();
  }

  /** "CN=Jane Doe,O=Lab (certificate SHA-256 …)": the signer as a court tells it from any other named alike. */
  public String describe() {
    return subject.orElse(name) + " (certificate SHA-256 " + certificateSha256.orElse("none: unsigned") + ")";
  }
}
