package dev.custos.crypto;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Who signs a record, and the act of signing: the seam between the records Custos keeps and the
 * examiner's key. Implementations are immutable and thread-safe.
 */
public interface Signer {
  /** The signer's name, as the certificate's subject common name gives it. */
  String name();

  /** Lowercase hex SHA-256 of the signer's certificate (DER): how records name the key. */
  String certificateSha256();

  /** The signer's certificate first, then its issuers up to the root. */
  List<X509Certificate> certificateChain();

  /**
   * Signs {@code data}: SHA256withECDSA, the signature DER-encoded, as {@code openssl dgst -sha256
   * -sign} makes it.
   */
  byte[] sign(byte[] data);
}
