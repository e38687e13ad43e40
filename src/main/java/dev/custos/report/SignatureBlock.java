package dev.custos.report;

import java.util.Objects;

/**
 * Who signs a report, as the report prints it. Immutable.
 *
 * @param signerName the signer's name as the certificate gives it (or the examiner's, when unsigned)
 * @param certificateSha256 lowercase hex SHA-256 of the signer's certificate, or null when the report
 *     is not signed
 * @param issuer the certificate issuer's distinguished name, or null
 * @param timestampAuthority the time-stamp authority's name or URL, or null when there is none
 * @param issuerSha256 SHA-256 of the issuer's certificate, or null when unknown
 * @param issuerSerial the issuer certificate's serial, hex, or null when unknown
 */
public record SignatureBlock(String signerName, String certificateSha256, String issuer, String timestampAuthority,
    String issuerSha256, String issuerSerial) {
  /** @throws NullPointerException when {@code signerName} is null */
  public SignatureBlock {
    Objects.requireNonNull(signerName, "signerName");
  }

  /** A block without the issuer's fingerprint. */
  public SignatureBlock(String signerName, String certificateSha256, String issuer, String timestampAuthority) {
    this(signerName, certificateSha256, issuer, timestampAuthority, null, null);
  }

  /** Whether the report carries a signature: a certificate fingerprint is given. */
  public boolean signed() {
    return certificateSha256 != null;
  }
}
