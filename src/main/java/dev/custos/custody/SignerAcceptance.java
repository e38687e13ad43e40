package dev.custos.custody;

import dev.custos.crypto.Certificates;
import dev.custos.crypto.Signer;
import dev.custos.crypto.Trust;
import dev.custos.crypto.TrustAnchors;
import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.EvidenceDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Which signers may append to, or be vouched for in, a log: those under the root of the log's first
 * signer ({@code examiner.pem}), and those a hand-over's anchors trust. Immutable.
 */
final class SignerAcceptance {
  private final EvidenceClock clock;
  /** Anchors whose signers may append under another root than the log's first signer's: a hand-over. */
  private final TrustAnchors handover;

  SignerAcceptance(EvidenceClock clock, TrustAnchors handover) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.handover = Objects.requireNonNull(handover, "handover");
  }

  /** This acceptance, with {@code anchors} as the hand-over's. */
  SignerAcceptance trusting(TrustAnchors anchors) {
    return new SignerAcceptance(clock, anchors);
  }

  /** As {@link CustodyRecorder#requireAcceptedSigner}, for a recorder signed by {@code signer}. */
  void requireAcceptedSigner(Signer signer, Path directory) throws UsageException {
    Path examiner = directory.resolve(EvidenceDirectory.CERTIFICATE);
    if (Files.isSymbolicLink(examiner)) {
      throw new UsageException(examiner + " is a symbolic link, not followed: the log's first signer cannot be known");
    }
    List<X509Certificate> first;
    try {
      first = Certificates.readPem(examiner);
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException | CertificateException e) {
      throw new UsageException("cannot read " + examiner + " to check the signer against the log's first signer: " + e.getMessage(), e);
    }
    List<X509Certificate> mine = signer.certificateChain();
    X509Certificate firstRoot = first.get(first.size() - 1);
    X509Certificate myRoot = mine.get(mine.size() - 1);
    if (Certificates.sha256(firstRoot).equals(Certificates.sha256(myRoot))) {
      return;
    }
    String whose = signer.name() + "'s key (certificate SHA-256 " + signer.certificateSha256() + ") chains to "
        + myRoot.getSubjectX500Principal().getName() + " (certificate SHA-256 " + Certificates.sha256(myRoot) + ")";
    if (handover.configured()) {
      Trust trust = handover.assess(mine, clock.now());
      if (trust.trusted()) {
        return;
      }
      throw new UsageException(whose + ", not to the root of the log's first signer, and " + trust.reason() + ": refused");
    }
    throw new UsageException(whose + ", not to the root of the log's first signer " + Certificates.commonName(first.get(0)) + ", "
        + firstRoot.getSubjectX500Principal().getName() + " (certificate SHA-256 " + Certificates.sha256(firstRoot)
        + "): refused; a hand-over to another lab names that lab's CA with --trust LAB-CA.pem");
  }

  /** As {@link CustodyRecorder#requireSignersAccepted}. */
  void requireSignersAccepted(Path directory, CustodyVerdict verdict) throws UsageException {
    SignerCertificates certificates = SignerCertificates.in(directory);
    String firstRoot = null;
    for (EventSignature signature : verdict.signatures()) {
      if (signature.fingerprints() == null) {
        continue;
      }
      if (firstRoot == null) {
        firstRoot = signature.fingerprints().rootSha256();
        continue;
      }
      if (firstRoot.equals(signature.fingerprints().rootSha256())) {
        continue;
      }
      List<X509Certificate> chain = certificates.chain(signature.fingerprints().sha256()).orElseThrow();
      CustodyEvent event = verdict.events().stream().filter(e -> e.seq() == signature.seq()).findFirst().orElseThrow();
      if (handover.configured() && handover.assess(chain, event.time()).trusted()) {
        continue;
      }
      throw new UsageException(EvidenceDirectory.CUSTODY_LOG + " " + signature.where() + " is signed by " + signature.actor()
          + " under another root than the log's first signer's: " + signature.fingerprints().root() + " (certificate SHA-256 "
          + signature.fingerprints().rootSha256() + "); nothing was rendered: name that root with --trust if it is a lab the"
          + " evidence was handed to, else the line does not belong in the log");
    }
  }
}
