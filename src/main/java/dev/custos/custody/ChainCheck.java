package dev.custos.custody;

import dev.custos.crypto.CertificateChains;
import dev.custos.crypto.Certificates;
import dev.custos.crypto.SignerFingerprints;
import dev.custos.crypto.Trust;
import dev.custos.crypto.TrustAnchors;
import dev.custos.evidence.EvidenceClock;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a whole custody log: every line an event in canonical form, every hash over its content,
 * {@code seq} counting up from 0, every {@code prev} the hash of the event before, every signature
 * by the certificate its actor names. Walks every line and collects every finding; decides nothing
 * itself. Stateless.
 */
final class ChainCheck {
  private ChainCheck() {}

  static CustodyVerdict check(LogLines log, SignerCertificates certificates) {
    return check(log, certificates, TrustAnchors.none());
  }

  static CustodyVerdict check(LogLines log, SignerCertificates certificates, TrustAnchors anchors) {
    List<EventSignature> signatures = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (String problem : certificates.problems()) {
      findings.add(new Finding(0, Finding.Kind.UNKNOWN_CERTIFICATE, problem));
    }
    List<CustodyEvent> events = new ArrayList<>();
    Map<String, Integer> lineByHash = new HashMap<>();
    CustodyEvent previous = null;
    long expectedSeq = 0;
    int unsigned = 0;
    for (int line = 1; line <= log.count(); line++) {
      EventReader.Result read = EventReader.read(log.line(line));
      if (!read.ok()) {
        findings.add(new Finding(line, read.problem(), read.detail()));
        previous = null;
        expectedSeq++;
        continue;
      }
      CustodyEvent event = read.event();
      events.add(event);
      if (!event.signed()) {
        unsigned++;
      }
      Optional<Finding> order = orderFinding(line, event, expectedSeq, previous, lineByHash);
      String computed = CustodyEvent.sha256(event.signedBytes());
      if (!computed.equals(event.hash())) {
        findings.add(new Finding(line, Finding.Kind.EDITED,
            "event seq " + event.seq() + " (" + event.type() + ") was edited: its content does not match its hash"));
      } else {
        order.ifPresent(findings::add);
      }
      Optional<Finding> signature = signatureFinding(line, event, certificates);
      signature.ifPresent(findings::add);
      signatures.add(trust(line, event, certificates, anchors, signature));
      lineByHash.putIfAbsent(event.hash(), line);
      previous = event;
      expectedSeq = Math.max(expectedSeq, event.seq()) + 1;
    }
    firstSignerFinding(events, lineOf(log, events), certificates).ifPresent(finding -> insertInLineOrder(findings, finding));
    if (log.hasTail()) {
      int line = log.count() + 1;
      if (EventReader.isTornAppend(log.tail())) {
        String continuation = TornLine.continuation(log.tail(), previous);
        findings.add(new Finding(line, Finding.Kind.TORN_LAST_LINE, "torn: " + log.tail().length + " bytes cut short after "
            + (previous == null ? "no whole event" : "seq " + previous.seq()) + (continuation == null ? "" : "; " + continuation)
            + "; " + TornLine.CANNOT_PROVE + "; the next append sets them aside"));
      } else if (EventReader.read(log.tail()).ok()) {
        findings.add(new Finding(line, Finding.Kind.NO_LINE_END, "a whole event without its line end: the log was edited"));
      } else {
        findings.add(new Finding(line, Finding.Kind.NOT_JSON, "the last line is neither an event nor a torn append: the log was edited"));
      }
    }
    return new CustodyVerdict(events, findings, unsigned, events.isEmpty() ? null : events.get(events.size() - 1), signatures);
  }

  private static Optional<Finding> orderFinding(int line, CustodyEvent event, long expectedSeq, CustodyEvent previous,
      Map<String, Integer> lineByHash) {
    Integer earlier = lineByHash.get(event.hash());
    if (earlier != null) {
      return Optional.of(new Finding(line, Finding.Kind.DUPLICATED, "repeats line " + earlier + " (seq " + event.seq() + ")"));
    }
    if (event.seq() > expectedSeq) {
      String missing = event.seq() == expectedSeq + 1 ? "seq " + expectedSeq : "seq " + expectedSeq + " to " + (event.seq() - 1);
      return Optional.of(new Finding(line, Finding.Kind.MISSING,
          "seq " + event.seq() + " where seq " + expectedSeq + " belongs: " + missing + " missing (deleted) or lines moved"));
    }
    if (event.seq() < expectedSeq) {
      return Optional.of(new Finding(line, Finding.Kind.OUT_OF_ORDER,
          "seq " + event.seq() + " where seq " + expectedSeq + " belongs: a line was inserted or moved"));
    }
    String expectedPrev = previous == null ? (event.seq() == 0 ? CustodyEvent.NO_PREVIOUS : null) : previous.hash();
    if (expectedPrev != null && !expectedPrev.equals(event.prev())) {
      return Optional.of(new Finding(line, Finding.Kind.CHAIN_BROKEN,
          "prev does not match the hash of the event before it: a line before it was replaced"));
    }
    return Optional.empty();
  }

  private static void insertInLineOrder(List<Finding> findings, Finding finding) {
    int at = 0;
    while (at < findings.size() && findings.get(at).line() <= finding.line()) {
      at++;
    }
    findings.add(at, finding);
  }

  /** The line of each readable event, in order. */
  private static List<Integer> lineOf(LogLines log, List<CustodyEvent> events) {
    List<Integer> lines = new ArrayList<>();
    for (int line = 1; line <= log.count() && lines.size() < events.size(); line++) {
      if (EventReader.read(log.line(line)).ok()) {
        lines.add(line);
      }
    }
    return lines;
  }

  /**
   * Custos writes {@code examiner.pem} from the first signed event's signer and never changes it:
   * another certificate there was put in by hand, e.g. a genuine examiner's beside a forger's log.
   */
  private static Optional<Finding> firstSignerFinding(List<CustodyEvent> events, List<Integer> lines, SignerCertificates certificates) {
    for (int i = 0; i < events.size(); i++) {
      CustodyEvent event = events.get(i);
      if (!event.signed()) {
        continue;
      }
      String examiner = certificates.examinerSha256();
      // An unknown certificate is a finding of its own already.
      if (examiner == null || examiner.equals(event.actor().certificateSha256())
          || certificates.chain(event.actor().certificateSha256()).isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Finding(lines.get(i), Finding.Kind.CERTIFICATE_MISMATCH, "the first signed event is signed by "
          + event.actor().name() + "'s certificate " + event.actor().certificateSha256() + ", but examiner.pem holds " + examiner
          + ": Custos writes examiner.pem from the first signer and never replaces it"));
    }
    return Optional.empty();
  }

  /** Who signed {@code event}: judged against {@code anchors} only when its signature itself holds. */
  private static EventSignature trust(int line, CustodyEvent event, SignerCertificates certificates, TrustAnchors anchors,
      Optional<Finding> signatureFinding) {
    String actor = event.actor().name();
    if (!event.signed()) {
      return new EventSignature(line, event.seq(), event.type(), actor, null, Trust.unsigned());
    }
    Optional<List<X509Certificate>> chain = certificates.chain(event.actor().certificateSha256());
    SignerFingerprints fingerprints = chain.map(SignerFingerprints::of).orElse(null);
    if (signatureFinding.isPresent()) {
      return new EventSignature(line, event.seq(), event.type(), actor, fingerprints, Trust.notTrusted(signatureFinding.get().message()));
    }
    return new EventSignature(line, event.seq(), event.type(), actor, fingerprints, anchors.assess(chain.orElseThrow(), event.time()));
  }

  private static Optional<Finding> signatureFinding(int line, CustodyEvent event, SignerCertificates certificates) {
    if (!event.signed()) {
      return Optional.empty();
    }
    String sha256 = event.actor().certificateSha256();
    Optional<List<X509Certificate>> chain = certificates.chain(sha256);
    if (chain.isEmpty()) {
      return Optional.of(new Finding(line, Finding.Kind.UNKNOWN_CERTIFICATE,
          "signed by certificate " + sha256 + ", which is neither examiner.pem nor in " + SignerCertificates.DIRECTORY + "/"));
    }
    X509Certificate certificate = chain.get().get(0);
    if (!Certificates.verifies(certificate, event.signedBytes(), Base64.getDecoder().decode(event.signature()))) {
      return Optional.of(new Finding(line, Finding.Kind.BAD_SIGNATURE,
          "the signature does not verify with " + event.actor().name() + "'s certificate: the event or its signature was changed"));
    }
    String certificateName = Certificates.commonName(certificate);
    if (!event.actor().name().equals(certificateName)) {
      return Optional.of(new Finding(line, Finding.Kind.CERTIFICATE_MISMATCH,
          "the actor is '" + event.actor().name() + "' but the certificate is " + certificateName + "'s"));
    }
    List<String> chainProblems = CertificateChains.problems(chain.get(), event.time());
    if (!chainProblems.isEmpty()) {
      return Optional.of(new Finding(line, Finding.Kind.CERTIFICATE_MISMATCH,
          "at " + EvidenceClock.format(event.time()) + ", the signer's certificate chain does not hold: " + chainProblems.get(0)));
    }
    SignerCertificateJson.Announcement stored = SignerCertificateJson.readAnnouncement(event.data());
    if (stored != null) {
      SignerFingerprints facts = SignerFingerprints.of(chain.get());
      if (!facts.sha256().equals(stored.sha256()) || !facts.rootSha256().equals(stored.rootSha256())) {
        return Optional.of(new Finding(line, Finding.Kind.CERTIFICATE_MISMATCH, "the event says it stored certificate "
            + stored.sha256() + " under root " + stored.rootSha256() + ", but it is signed by "
            + facts.sha256() + " under root " + facts.rootSha256()));
      }
    }
    return Optional.empty();
  }
}
