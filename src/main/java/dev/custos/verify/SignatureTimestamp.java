package dev.custos.verify;

import dev.custos.crypto.Certificates;
import dev.custos.crypto.SignerFingerprints;
import dev.custos.crypto.Trust;
import dev.custos.crypto.TrustAnchors;
import dev.custos.evidence.EvidenceClock;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * Checks the RFC 3161 signature timestamp of a PAdES-BASELINE-T signature (the unsigned attribute
 * id-aa-signatureTimeStampToken): its message imprint is the hash of the signature value, and its
 * token verifies with the authority's certificate inside it (valid at the stamped time, with the
 * timeStamping key usage), and the authority's chain, as the token carries it, is judged against
 * the timestamp authorities' trust anchors ({@code --tsa-trust}) at the stamped time. Stateless.
 */
final class SignatureTimestamp {
  /**
   * What the timestamp says and what is wrong with it.
   *
   * @param description {@code timestamped by NAME at TIME}, for the summary
   * @param problems one line each; empty when it holds
   * @param authority the authority's name
   * @param fingerprints the authority's certificate fingerprints, or null when the token carries no certificate
   * @param trust whether the authority chains to an anchor at the stamped time
   */
  record Outcome(String description, List<String> problems, String authority, SignerFingerprints fingerprints, Trust trust) {}

  private SignatureTimestamp() {}

  /** The timestamp of {@code signer}'s signature, or null when it carries none; its authority judged without anchors. */
  static Outcome check(SignerInformation signer) {
    return check(signer, TrustAnchors.none());
  }

  /** The timestamp of {@code signer}'s signature, or null when it carries none; its authority judged against {@code anchors}. */
  static Outcome check(SignerInformation signer, TrustAnchors anchors) {
    AttributeTable unsigned = signer.getUnsignedAttributes();
    Attribute attribute = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
    if (attribute == null) {
      return null;
    }
    TimeStampToken token;
    try {
      token = new TimeStampToken(ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0)));
    } catch (TSPException | IOException | RuntimeException e) {
      // A damaged token is a finding: Bouncy Castle reports malformed ASN.1 with runtime exceptions too.
      String problem = "the signature timestamp (RFC 3161 token) cannot be read: " + e.getMessage();
      return new Outcome("with an unreadable timestamp", List.of(problem), "an unnamed authority", null, Trust.notTrusted(problem));
    }
    List<String> problems = new ArrayList<>();
    TimeStampTokenInfo info = token.getTimeStampInfo();
    String time = EvidenceClock.format(info.getGenTime().toInstant());
    byte[] expected = digest(info, signer.getSignature());
    if (expected == null) {
      problems.add("the signature timestamp of " + time + " uses a hash algorithm this tool does not know ("
          + info.getMessageImprintAlgOID() + "): its message imprint cannot be checked");
    } else if (!MessageDigest.isEqual(expected, info.getMessageImprintDigest())) {
      problems.add("the signature timestamp of " + time
          + " is not over this signature: its message imprint is not the hash of the signature value");
    }
    String authority = "an unnamed authority";
    SignerFingerprints fingerprints = null;
    Trust trust;
    Collection<X509CertificateHolder> matches = PadesCheck.certificatesOf(token.getCertificates(), token.getSID());
    if (matches.isEmpty()) {
      problems.add("the signature timestamp of " + time + " does not carry its authority's certificate: it cannot be verified");
      trust = Trust.notTrusted(problems.get(problems.size() - 1));
    } else {
      try {
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        authority = Certificates.commonName(certificate);
        List<X509Certificate> chain = chain(certificate, token);
        fingerprints = SignerFingerprints.of(chain);
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        trust = problems.isEmpty() ? anchors.assess(chain, info.getGenTime().toInstant()) : Trust.notTrusted(problems.get(0));
      } catch (TSPException | CertificateException | OperatorCreationException | RuntimeException e) {
        problems.add("the signature timestamp of " + time + " by " + authority + " does not verify: " + e.getMessage());
        trust = Trust.notTrusted(problems.get(problems.size() - 1));
      }
    }
    return new Outcome("timestamped by " + authority + " at " + time, problems, authority, fingerprints, trust);
  }

  /** {@code certificate}, then its issuers as far as the token carries them. */
  private static List<X509Certificate> chain(X509Certificate certificate, TimeStampToken token) throws CertificateException {
    List<X509Certificate> all = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    for (X509CertificateHolder holder : PadesCheck.allOf(token.getCertificates())) {
      all.add(converter.getCertificate(holder));
    }
    List<X509Certificate> chain = new ArrayList<>(List.of(certificate));
    X509Certificate current = certificate;
    while (chain.size() <= all.size() && !current.getIssuerX500Principal().equals(current.getSubjectX500Principal())) {
      X509Certificate issuer = null;
      for (X509Certificate candidate : all) {
        if (candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal()) && !chain.contains(candidate)) {
          issuer = candidate;
          break;
        }
      }
      if (issuer == null) {
        break;
      }
      chain.add(issuer);
      current = issuer;
    }
    return chain;
  }

  /** The hash of {@code data} with the token's imprint algorithm, or null for an algorithm the JDK lacks. */
  private static byte[] digest(TimeStampTokenInfo info, byte[] data) {
    try {
      DigestCalculator calculator = new JcaDigestCalculatorProviderBuilder().build().get(info.getHashAlgorithm());
      try (OutputStream out = calculator.getOutputStream()) {
        out.write(data);
      }
      return calculator.getDigest();
    } catch (OperatorCreationException e) {
      return null;
    } catch (IOException e) {
      throw new IllegalStateException("a digest in memory does not fail", e);
    }
  }
}
