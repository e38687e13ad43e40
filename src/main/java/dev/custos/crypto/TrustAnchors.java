package dev.custos.crypto;

import dev.custos.error.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The certificates a verifier trusts to say who signed: lab CAs or examiner certificates from PEM
 * files, and certificate SHA-256 fingerprints (pinning a certificate the evidence directory
 * supplies). A signature is {@link Trust.Level#TRUSTED} only when its chain validates, by the JDK's
 * PKIX {@link CertPathValidator} with the signing time as the validation date and without
 * revocation (there is none offline), up to one of these. Without any anchor, a signature that is
 * otherwise valid is {@link Trust.Level#SELF_ASSERTED}: its root is only what the directory
 * supplies. Immutable; thread-safe.
 */
public final class TrustAnchors {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final TrustAnchors NONE = new TrustAnchors(Map.of(), Set.of());

  /** Anchor certificates by SHA-256, each with where it came from. */
  private final Map<String, Anchor> certificates;
  private final Set<String> fingerprints;

  private record Anchor(X509Certificate certificate, String source) {}

  private TrustAnchors(Map<String, Anchor> certificates, Set<String> fingerprints) {
    this.certificates = Map.copyOf(certificates);
    this.fingerprints = Set.copyOf(fingerprints);
  }

  /** No anchor: every valid signature is self-asserted. */
  public static TrustAnchors none() {
    return NONE;
  }

  /**
   * The anchors in {@code files} (every certificate of each PEM file), {@code fingerprints}
   * (SHA-256 of a certificate's DER, hex, colons and case ignored) and every {@code *.pem} file of
   * the directory {@code store} (null for none).
   *
   * @param storeName how to name the store in a message, e.g. {@code $CUSTOS_TRUST}
   * @throws UsageException if a file cannot be read or holds no certificate, a fingerprint is not
   *     64 hex digits, or the store is not a directory or holds no PEM file
   */
  public static TrustAnchors load(List<Path> files, List<String> fingerprints, Path store, String storeName)
      throws UsageException {
    Map<String, Anchor> anchors = new LinkedHashMap<>();
    for (Path file : files) {
      add(file, file.toString(), anchors);
    }
    if (store != null) {
      if (!Files.isDirectory(store)) {
        throw new UsageException(storeName + " names " + store + ", which is not a directory of PEM files (the lab's trust store)");
      }
      List<Path> pems;
      try (Stream<Path> entries = Files.list(store)) {
        pems = entries.filter(path -> path.getFileName().toString().endsWith(".pem")).sorted().toList();
      } catch (IOException e) {
        throw new UsageException("cannot list the trust store " + store + " (" + storeName + "): " + e.getMessage(), e);
      }
      if (pems.isEmpty()) {
        throw new UsageException("the trust store " + store + " (" + storeName + ") holds no .pem file: nothing could be trusted");
      }
      for (Path pem : pems) {
        add(pem, pem + " (" + storeName + ")", anchors);
      }
    }
    Set<String> pinned = new LinkedHashSet<>();
    for (String fingerprint : fingerprints) {
      String hex = fingerprint.replace(":", "").toLowerCase(Locale.ROOT);
      if (!SHA256.matcher(hex).matches()) {
        throw new UsageException("--trust-fingerprint " + fingerprint + " is not a SHA-256 (64 hex digits, colons allowed)");
      }
      pinned.add(hex);
    }
    return new TrustAnchors(anchors, pinned);
  }

  private static void add(Path file, String source, Map<String, Anchor> anchors) throws UsageException {
    List<X509Certificate> read;
    try {
      read = Certificates.readPem(file);
    } catch (IOException e) {
      throw new UsageException("cannot read the trust anchor " + file + ": " + e.getMessage(), e);
    } catch (CertificateException e) {
      throw new UsageException("the trust anchor " + file + " does not hold a readable PEM certificate: " + e.getMessage(), e);
    }
    for (X509Certificate certificate : read) {
      anchors.putIfAbsent(Certificates.sha256(certificate), new Anchor(certificate, source));
    }
  }

  /** Whether any anchor is given: then anything not {@link Trust.Level#TRUSTED} fails verification. */
  public boolean configured() {
    return !certificates.isEmpty() || !fingerprints.isEmpty();
  }

  /** The anchors, one line each: subject, SHA-256 and where it came from; fingerprints as given. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, Anchor> anchor : certificates.entrySet()) {
      lines.add(anchor.getValue().certificate().getSubjectX500Principal().getName() + " (certificate SHA-256 " + anchor.getKey()
          + ", from " + anchor.getValue().source() + ")");
    }
    for (String fingerprint : fingerprints) {
      lines.add("the certificate with SHA-256 " + fingerprint + " (--trust-fingerprint)");
    }
    return lines;
  }

  /**
   * The verdict on a signature made at {@code at} by the first certificate of {@code chain} (then
   * its issuers, as the evidence supplies them). The caller has checked the signature itself.
   *
   * @param chain the signer's certificate first; not empty
   * @param at the signing time: the chain must hold then
   */
  public Trust assess(List<X509Certificate> chain, Instant at) {
    if (chain.isEmpty()) {
      return Trust.notTrusted("no certificate to check the signature with");
    }
    if (!configured()) {
      List<String> problems = CertificateChains.problems(chain, at);
      if (!problems.isEmpty()) {
        return Trust.notTrusted("its certificate chain does not hold at the signing time: " + problems.get(0));
      }
      X509Certificate root = chain.get(chain.size() - 1);
      return new Trust(Trust.Level.SELF_ASSERTED, "chains to " + root.getSubjectX500Principal().getName() + " (certificate SHA-256 "
          + Certificates.sha256(root) + "), a root only the evidence directory supplies: no trust anchor was given", null);
    }
    Map<String, X509Certificate> anchors = new LinkedHashMap<>();
    certificates.forEach((sha256, anchor) -> anchors.put(sha256, anchor.certificate()));
    for (X509Certificate certificate : chain) {
      String sha256 = Certificates.sha256(certificate);
      if (fingerprints.contains(sha256)) {
        anchors.putIfAbsent(sha256, certificate);
      }
    }
    // The path runs from the signer up to, not including, the first certificate that is itself an
    // anchor; a self-signed root the directory supplies is never part of it: PKIX must find the
    // signer's issuer among the anchors, not in the directory.
    List<X509Certificate> path = new ArrayList<>();
    X509Certificate anchorInChain = null;
    for (X509Certificate certificate : chain) {
      if (anchors.containsKey(Certificates.sha256(certificate))) {
        anchorInChain = certificate;
        break;
      }
      if (certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal()) && !path.isEmpty()) {
        break;
      }
      path.add(certificate);
    }
    if (path.isEmpty() && anchorInChain != null) {
      return validAt(anchorInChain, at, "is itself a trust anchor");
    }
    List<String> links = CertificateChains.linkProblems(path, at);
    if (!links.isEmpty()) {
      return Trust.notTrusted("its certificate chain does not hold at the signing time: " + links.get(0));
    }
    if (anchors.isEmpty()) {
      X509Certificate root = chain.get(chain.size() - 1);
      return Trust.notTrusted("does not chain to any trust anchor given; its root " + root.getSubjectX500Principal().getName()
          + " (certificate SHA-256 " + Certificates.sha256(root) + ") is only what the evidence directory supplies");
    }
    Set<TrustAnchor> pkixAnchors = new HashSet<>();
    anchors.values().forEach(anchor -> pkixAnchors.add(new TrustAnchor(anchor, null)));
    try {
      CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
      PKIXParameters parameters = new PKIXParameters(pkixAnchors);
      parameters.setRevocationEnabled(false);
      parameters.setDate(Date.from(at));
      PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
      return validAt(result.getTrustAnchor().getTrustedCert(), at, "chains to the trust anchor");
    } catch (CertPathValidatorException e) {
      X509Certificate root = chain.get(chain.size() - 1);
      String why = e.getReason() == PKIXReason.NO_TRUST_ANCHOR ? "does not chain to any trust anchor given"
          : "does not chain to a trust anchor given (" + e.getMessage() + ")";
      return Trust.notTrusted(why + "; its root " + root.getSubjectX500Principal().getName() + " (certificate SHA-256 "
          + Certificates.sha256(root) + ") is only what the evidence directory supplies");
    } catch (InvalidAlgorithmParameterException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK provides PKIX validation with a non-empty anchor set", e);
    } catch (CertificateException e) {
      return Trust.notTrusted("its certificate chain cannot be read as a path: " + e.getMessage());
    }
  }

  /** TRUSTED when the anchor itself is valid at {@code at}: a lab CA that had expired vouches for nothing. */
  private static Trust validAt(X509Certificate anchor, Instant at, String how) {
    try {
      anchor.checkValidity(Date.from(at));
    } catch (GeneralSecurityException e) {
      return Trust.notTrusted("the trust anchor " + anchor.getSubjectX500Principal().getName() + " is not valid at the signing time "
          + at + " (valid " + anchor.getNotBefore().toInstant() + " to " + anchor.getNotAfter().toInstant() + ")");
    }
    return new Trust(Trust.Level.TRUSTED, how + " " + anchor.getSubjectX500Principal().getName() + " (certificate SHA-256 "
        + Certificates.sha256(anchor) + ")", Certificates.sha256(anchor));
  }
}
