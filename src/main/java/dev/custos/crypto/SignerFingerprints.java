package dev.custos.crypto;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;

/**
 * What tells one signer's certificate from any other named alike: its SHA-256, and the SHA-256 and
 * serial of its issuer's certificate and of the chain's root. Two lab CAs with the same name never
 * share a fingerprint. Immutable.
 *
 * @param subject the signer certificate's subject (RFC 2253)
 * @param sha256 lowercase hex SHA-256 of the signer's certificate (DER)
 * @param serial the signer certificate's serial, lowercase hex
 * @param issuer the issuer's subject (RFC 2253), as the signer's certificate names it
 * @param issuerSha256 SHA-256 of the issuer's certificate, or null when the chain does not carry it
 * @param issuerSerial the issuer certificate's serial, lowercase hex, or null as above
 * @param root the subject of the chain's last certificate
 * @param rootSha256 SHA-256 of the chain's last certificate
 */
public record SignerFingerprints(String subject, String sha256, String serial, String issuer, String issuerSha256,
    String issuerSerial, String root, String rootSha256) {

  /**
   * The fingerprints of {@code chain} (the signer's certificate first).
   *
   * @throws IllegalArgumentException if the chain is empty
   */
  public static SignerFingerprints of(List<X509Certificate> chain) {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("an empty chain has no signer");
    }
    X509Certificate signer = chain.get(0);
    X509Certificate issuer = chain.size() > 1 ? chain.get(1)
        : signer.getIssuerX500Principal().equals(signer.getSubjectX500Principal()) ? signer : null;
    X509Certificate root = chain.get(chain.size() - 1);
    return new SignerFingerprints(signer.getSubjectX500Principal().getName(), Certificates.sha256(signer),
        serial(signer), signer.getIssuerX500Principal().getName(),
        issuer == null ? null : Certificates.sha256(issuer), issuer == null ? null : serial(issuer),
        root.getSubjectX500Principal().getName(), Certificates.sha256(root));
  }

  private static String serial(X509Certificate certificate) {
    return certificate.getSerialNumber().toString(16).toLowerCase(Locale.ROOT);
  }

  /**
   * One line: {@code certificate SHA-256 …; issued by CN=… (certificate SHA-256 …, serial …)}.
   */
  public String describe() {
    return "certificate SHA-256 " + sha256 + "; issued by " + issuer
        + (issuerSha256 == null ? " (its certificate is not in the chain)" : " (certificate SHA-256 " + issuerSha256 + ", serial " + issuerSerial + ")");
  }
}
