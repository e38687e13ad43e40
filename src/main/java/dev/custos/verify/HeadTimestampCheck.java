package dev.custos.verify;

import dev.custos.crypto.Certificates;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.LogEvent;
import dev.custos.custody.LogEventJson;
import dev.custos.custody.LogHead;
import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.evidence.EvidenceClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * The RFC 3161 tokens over log heads that {@code report transfer --tsa} and {@code report receive
 * --tsa} put into their events ({@code data.headTimestamp}): the head stamped is the event's own
 * previous event ({@code seq - 1} and {@code prev}); the token's message imprint is the SHA-256 of
 * that head written {@code SEQ:HASH} in ASCII; it verifies with the authority's certificate inside
 * it; and its time lies between the stamped event's recorded time and the carrying event's, give or
 * take {@link #SKEW}. A log rewritten later cannot carry such a token for its rewritten head: a
 * token fetched then is dated then, after the event that claims to carry it. The authority itself
 * is not checked against any trust store. Stateless.
 */
final class HeadTimestampCheck {
  /** How far the workstation's clock may be from the authority's. */
  static final Duration SKEW = Duration.ofMinutes(10);

  private HeadTimestampCheck() {}

  /**
   * What holds and what does not.
   *
   * @param stamped how many events carry a token
   * @param problems one line each
   */
  record Outcome(int stamped, List<String> problems) {}

  static Outcome check(List<CustodyEvent> events) {
    int stamped = 0;
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      CustodyEvent event = events.get(i);
      LogEvent.HeadTimestamp stamp = LogEventJson.readHeadTimestamp(event.data());
      if (stamp == null) {
        continue;
      }
      stamped++;
      CustodyEvent before = i > 0 && events.get(i - 1).seq() == event.seq() - 1 ? events.get(i - 1) : null;
      String problem = problem(event, before, stamp);
      if (problem != null) {
        problems.add("custody event seq " + event.seq() + ": " + problem);
      }
    }
    return new Outcome(stamped, problems);
  }

  private static String problem(CustodyEvent event, CustodyEvent before, LogEvent.HeadTimestamp stamp) {
    String expected = event.seq() == 0 ? null : new LogHead(event.seq() - 1, event.prev()).toString();
    if (expected == null || !expected.equals(stamp.head())) {
      return "its head timestamp is over " + (stamp.head() == null ? "" : stamp.head()) + ", not over the head it was appended to ("
          + expected + ")";
    }
    TimeStampToken token;
    try {
      token = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(Base64.getDecoder().decode(stamp.token() == null ? "" : stamp.token())));
    } catch (TSPException | IllegalArgumentException | org.bouncycastle.cms.CMSException | java.io.IOException e) {
      return "its head timestamp (RFC 3161 token) cannot be read: " + e.getMessage();
    } catch (RuntimeException e) {
      // Bouncy Castle reports malformed ASN.1 with runtime exceptions too.
      return "its head timestamp (RFC 3161 token) cannot be read: " + e.getMessage();
    }
    TimeStampTokenInfo info = token.getTimeStampInfo();
    Instant time = info.getGenTime().toInstant();
    String at = EvidenceClock.format(time);
    byte[] imprint = Digest.compute(HashAlgorithm.SHA_256, expected.getBytes(StandardCharsets.US_ASCII)).bytes();
    if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())
        || !MessageDigest.isEqual(imprint, info.getMessageImprintDigest())) {
      return "its head timestamp of " + at + " is not over the head " + expected
          + ": its message imprint is not the SHA-256 of that head";
    }
    Collection<X509CertificateHolder> matches = PadesCheck.certificatesOf(token.getCertificates(), token.getSID());
    if (matches.isEmpty()) {
      return "its head timestamp of " + at + " does not carry its authority's certificate: it cannot be verified";
    }
    String authority = "an unnamed authority";
    try {
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
      authority = Certificates.commonName(certificate);
      token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
    } catch (TSPException | CertificateException | OperatorCreationException | RuntimeException e) {
      return "its head timestamp of " + at + " by " + authority + " does not verify: " + e.getMessage();
    }
    if (time.isAfter(event.time().plus(SKEW))) {
      return "its head timestamp by " + authority + " is of " + at + ", after the event's own time "
          + EvidenceClock.format(event.time()) + ": the token was fetched later than the event claims to be";
    }
    if (before != null && time.isBefore(before.time().minus(SKEW))) {
      return "its head timestamp by " + authority + " is of " + at + ", before the stamped event seq " + before.seq()
          + " was recorded (" + EvidenceClock.format(before.time()) + ")";
    }
    return null;
  }
}
