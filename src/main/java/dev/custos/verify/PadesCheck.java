package dev.custos.verify;

import dev.custos.crypto.CertificateChains;
import dev.custos.crypto.Certificates;
import dev.custos.crypto.SignerFingerprints;
import dev.custos.crypto.Trust;
import dev.custos.crypto.TrustAnchors;
import dev.custos.custody.SignerCertificates;
import dev.custos.evidence.EvidenceClock;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;

/**
 * Checks the PAdES signatures of one report PDF as they lie in the file: the {@code /ByteRange}
 * covers every byte but exactly the {@code /Contents} hex string, the padding after the CMS is
 * zeros, the CMS SignedData verifies (message digest over the byte range, signature over the signed
 * attributes), the signer's certificate is one the evidence directory holds and its chain holds at
 * the signing time ({@code /M}), and a signature timestamp, if any, holds ({@link
 * SignatureTimestamp}). Stateless.
 */
final class PadesCheck {
  /**
   * What the signatures of one PDF are.
   *
   * @param signatures how many signature dictionaries the PDF holds
   * @param description one phrase for the summary: {@code signed by NAME at TIME}, or {@code unsigned}
   * @param problems one line each, in the order found
   * @param trust each signature and each signature timestamp, judged against the anchors
   */
  record Outcome(int signatures, String description, List<String> problems, List<SignatureTrust> trust) {}

  private PadesCheck() {}

  /**
   * @param document {@code pdf} parsed
   * @param certificates the certificates of the evidence directory
   * @param event the report's {@code report-rendered} event, or null when none records it
   * @throws IOException if PDFBox cannot read the signature dictionaries: the PDF is damaged
   */
  static Outcome check(PDDocument document, byte[] pdf, SignerCertificates certificates, ReportEvent event)
      throws IOException {
    return check(document, pdf, certificates, event, "report.pdf", TrustAnchors.none(), TrustAnchors.none());
  }

  /**
   * As {@link #check(PDDocument, byte[], SignerCertificates, ReportEvent)}, judging each signer
   * against {@code anchors} and each timestamp authority against {@code authorities}.
   *
   * @param name the PDF's file name, for {@link SignatureTrust#file()}
   */
  static Outcome check(PDDocument document, byte[] pdf, SignerCertificates certificates, ReportEvent event, String name,
      TrustAnchors anchors, TrustAnchors authorities) throws IOException {
    List<PDSignature> signatures = document.getSignatureDictionaries();
    List<SignatureTrust> trust = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<String> descriptions = new ArrayList<>();
    for (int i = 0; i < signatures.size(); i++) {
      String which = signatures.size() == 1 ? "" : "signature " + (i + 1) + " of " + signatures.size() + ": ";
      List<String> found = new ArrayList<>();
      String where = signatures.size() == 1 ? "signature" : "signature " + (i + 1);
      Judge judge = new Judge(name, where, anchors, authorities, trust);
      String description = checkOne(signatures.get(i), pdf, certificates, event, found, judge);
      judge.closeWith(found);
      descriptions.add(found.isEmpty() ? description : description + " (not valid)");
      found.forEach(problem -> problems.add(which + problem));
    }
    if (signatures.isEmpty()) {
      trust.add(new SignatureTrust(name, "signature", "nobody", null, Trust.unsigned()));
    }
    return new Outcome(signatures.size(), descriptions.isEmpty() ? "unsigned" : String.join("; ", descriptions), problems, trust);
  }

  /** Collects the trust verdicts of one signature: its signer's and its timestamp's. */
  private static final class Judge {
    private final String file;
    private final String where;
    private final TrustAnchors anchors;
    private final TrustAnchors authorities;
    private final List<SignatureTrust> into;
    private String signer = "an unknown signer";
    private SignerFingerprints fingerprints;
    private Trust trust;
    private SignatureTrust timestamp;

    Judge(String file, String where, TrustAnchors anchors, TrustAnchors authorities, List<SignatureTrust> into) {
      this.file = file;
      this.where = where;
      this.anchors = anchors;
      this.authorities = authorities;
      this.into = into;
    }

    /** The signer's certificate chain, as the directory holds it, at the signing time. */
    void signer(String name, List<X509Certificate> chain, Instant signingTime) {
      signer = name;
      fingerprints = SignerFingerprints.of(chain);
      trust = signingTime == null ? Trust.notTrusted("the signature has no signing time: its chain cannot be checked then")
          : anchors.assess(chain, signingTime);
    }

    void timestamp(SignatureTimestamp.Outcome outcome) {
      timestamp = new SignatureTrust(file, where + " timestamp", outcome.authority(), outcome.fingerprints(), outcome.trust());
    }

    /** Adds the verdicts; a signature with any problem is not trusted, whatever its chain. */
    void closeWith(List<String> problems) {
      Trust verdict = !problems.isEmpty() ? Trust.notTrusted("the signature does not hold: " + problems.get(0))
          : trust != null ? trust : Trust.notTrusted("the signer's certificate is not known");
      into.add(new SignatureTrust(file, where, signer, fingerprints, verdict));
      if (timestamp != null) {
        into.add(timestamp);
      }
    }
  }

  private static String checkOne(PDSignature signature, byte[] pdf, SignerCertificates certificates,
      ReportEvent event, List<String> problems, Judge judge) {
    Calendar date = signature.getSignDate();
    Instant signingTime = date == null ? null : date.toInstant();
    String at = signingTime == null ? "an unknown time" : EvidenceClock.format(signingTime);
    if (signingTime == null) {
      problems.add("the signature has no signing time (/M)");
    }
    if (!"ETSI.CAdES.detached".equals(signature.getSubFilter())) {
      problems.add("the signature's /SubFilter is " + signature.getSubFilter() + ", not the ETSI.CAdES.detached Custos writes");
    }
    int[] range = signature.getByteRange();
    byte[] contents = contentsLeftOut(range, pdf, signature, problems);
    if (contents == null) {
      return "signed at " + at;
    }
    int length = derLength(contents);
    if (length < 0) {
      problems.add("/Contents does not hold a DER CMS structure");
      return "signed at " + at;
    }
    for (int i = length; i < contents.length; i++) {
      if (contents[i] != 0) {
        problems.add("the /Contents padding after the CMS is not all zeros (file offset " + (range[1] + 1 + 2L * i)
            + "): it was changed after signing");
        break;
      }
    }
    byte[] signed = new byte[range[1] + range[3]];
    System.arraycopy(pdf, 0, signed, 0, range[1]);
    System.arraycopy(pdf, range[2], signed, range[1], range[3]);
    try {
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), Arrays.copyOf(contents, length));
      Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
      if (signers.size() != 1) {
        problems.add("the CMS holds " + signers.size() + " signer infos, not the one Custos writes");
        return "signed at " + at;
      }
      SignerInformation signer = signers.iterator().next();
      Collection<X509CertificateHolder> matches = certificatesOf(cms.getCertificates(), signer.getSID());
      if (matches.isEmpty()) {
        problems.add("the CMS does not carry the signer's certificate: the signature cannot be verified");
        return "signed at " + at;
      }
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
      String name = Certificates.commonName(certificate);
      verify(signer, certificate, name, problems);
      checkCertificate(certificate, name, signingTime, certificates, event, problems);
      judge.signer(name, certificates.chain(Certificates.sha256(certificate)).orElse(List.of(certificate)), signingTime);
      SignatureTimestamp.Outcome timestamp = SignatureTimestamp.check(signer, judge.authorities);
      if (timestamp == null) {
        return "signed by " + name + " at " + at;
      }
      judge.timestamp(timestamp);
      problems.addAll(timestamp.problems());
      return "signed by " + name + " at " + at + ", " + timestamp.description();
    } catch (CMSException | CertificateException | RuntimeException e) {
      // Malformed ASN.1 surfaces from Bouncy Castle as runtime exceptions too: a finding, not a crash.
      problems.add("the CMS signature in /Contents cannot be read: " + e.getMessage());
      return "signed at " + at;
    }
  }

  /** The bytes of the /Contents string when the /ByteRange leaves out exactly it and covers all else; else null. */
  private static byte[] contentsLeftOut(int[] range, byte[] pdf, PDSignature signature, List<String> problems) {
    if (range.length != 4) {
      problems.add("/ByteRange " + Arrays.toString(range) + " is not four numbers");
      return null;
    }
    long gapStart = range[1];
    long gapEnd = range[2];
    if (range[0] != 0 || gapStart < 0 || gapEnd < gapStart + 2 || range[3] < 0 || gapEnd + range[3] != pdf.length) {
      problems.add("/ByteRange " + Arrays.toString(range) + " does not cover the whole file of " + pdf.length
          + " bytes: bytes outside it are not signed");
      return null;
    }
    int start = range[1];
    int end = range[2];
    byte[] hex = Arrays.copyOfRange(pdf, start + 1, end - 1);
    boolean allHex = hex.length % 2 == 0;
    for (byte b : hex) {
      allHex &= Character.digit(b, 16) >= 0;
    }
    if (pdf[start] != '<' || pdf[end - 1] != '>' || !allHex) {
      problems.add("the bytes /ByteRange leaves unsigned (" + start + " to " + end + ") are not exactly the /Contents hex string");
      return null;
    }
    byte[] contents = HexFormat.of().parseHex(new String(hex, java.nio.charset.StandardCharsets.US_ASCII));
    if (!Arrays.equals(contents, signature.getContents())) {
      problems.add("the signature's /Contents is not the hex string /ByteRange leaves unsigned");
      return null;
    }
    return contents;
  }

  /** The length of the DER structure {@code bytes} begins with (a definite-length SEQUENCE), or -1. */
  static int derLength(byte[] bytes) {
    if (bytes.length < 2 || bytes[0] != 0x30) {
      return -1;
    }
    int first = bytes[1] & 0xff;
    if (first < 0x80) {
      return 2 + first <= bytes.length ? 2 + first : -1;
    }
    int octets = first & 0x7f;
    if (octets == 0 || octets > 3 || 2 + octets > bytes.length) {
      return -1;
    }
    long length = 0;
    for (int i = 0; i < octets; i++) {
      length = (length << 8) | (bytes[2 + i] & 0xff);
    }
    long total = 2 + octets + length;
    return total <= bytes.length ? (int) total : -1;
  }

  /** Every certificate of {@code store}. */
  @SuppressWarnings("unchecked") // Bouncy Castle's Store takes a raw Selector
  static Collection<X509CertificateHolder> allOf(Store<X509CertificateHolder> store) {
    return store.getMatches(null);
  }

  /** The certificates of {@code store} that {@code id} names. */
  @SuppressWarnings("unchecked") // Bouncy Castle's SignerId is a raw Selector
  static Collection<X509CertificateHolder> certificatesOf(Store<X509CertificateHolder> store, SignerId id) {
    return store.getMatches(id);
  }

  private static void verify(SignerInformation signer, X509Certificate certificate, String name, List<String> problems) {
    try {
      if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
        problems.add("the signature of " + name + " does not verify over its signed attributes: the CMS was altered");
      }
    } catch (CMSSignerDigestMismatchException e) {
      problems.add("the bytes /ByteRange covers are not the bytes " + name
          + " signed (message digest differs): the PDF was changed after signing");
    } catch (CMSException | OperatorCreationException e) {
      problems.add("the signature of " + name + " cannot be verified: " + e.getMessage());
    }
  }

  private static void checkCertificate(X509Certificate certificate, String name, Instant signingTime,
      SignerCertificates certificates, ReportEvent event, List<String> problems) {
    String sha256 = Certificates.sha256(certificate);
    Optional<List<X509Certificate>> chain = certificates.chain(sha256);
    if (chain.isEmpty()) {
      problems.add("the signer's certificate (" + name + ", SHA-256 " + sha256
          + ") is unknown: neither examiner.pem nor certificates/ of the evidence directory holds it");
    } else if (signingTime != null) {
      for (String problem : CertificateChains.problems(chain.get(), signingTime)) {
        problems.add("the signer's certificate chain does not hold at the signing time: " + problem);
      }
    }
    if (event != null && event.signerSha256() != null && !event.signerSha256().equals(sha256)) {
      problems.add("signed with certificate " + sha256 + " (" + name + "), but " + event.name()
          + " was recorded with certificate " + event.signerSha256());
    }
  }
}
