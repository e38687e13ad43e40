package dev.custos.crypto;

import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.io.EvidenceFile;
import dev.custos.io.ReadLimit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Certificates as evidence directories keep them: PEM files ({@code examiner.pem}), named by the
 * SHA-256 of their DER encoding. Uses the JDK's X.509 parser so that reading a log needs no
 * provider set-up. Stateless.
 */
public final class Certificates {
  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final String END = "-----END CERTIFICATE-----";

  private Certificates() {}

  /** Lowercase hex SHA-256 of {@code certificate}'s DER encoding, as {@code openssl x509 -fingerprint -sha256} shows it (without colons). */
  public static String sha256(X509Certificate certificate) {
    try {
      return Digest.compute(HashAlgorithm.SHA_256, certificate.getEncoded()).hex();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a parsed certificate always encodes", e);
    }
  }

  /**
   * The subject's common name, exactly as {@link Signer#name()} gives it for the certificate's
   * own signer, or the whole subject when it has none.
   */
  public static String commonName(X509Certificate certificate) {
    return Names.commonName(certificate);
  }

  /** {@code chain} as PEM text, one {@code CERTIFICATE} block each, in order, 64 characters a line. */
  public static String toPem(List<X509Certificate> chain) {
    Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    StringBuilder pem = new StringBuilder();
    for (X509Certificate certificate : chain) {
      try {
        pem.append(BEGIN).append('\n').append(encoder.encodeToString(certificate.getEncoded())).append('\n').append(END).append('\n');
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException("a parsed certificate always encodes", e);
      }
    }
    return pem.toString();
  }

  /**
   * Every certificate in PEM {@code text}, in order.
   *
   * @throws CertificateException if the text holds no certificate or one that does not parse
   */
  public static List<X509Certificate> fromPem(String text) throws CertificateException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<X509Certificate> chain = new ArrayList<>();
    int from = 0;
    while (true) {
      int begin = text.indexOf(BEGIN, from);
      if (begin < 0) {
        break;
      }
      int end = text.indexOf(END, begin);
      if (end < 0) {
        throw new CertificateException("a certificate block is not closed");
      }
      byte[] der;
      try {
        der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
      } catch (IllegalArgumentException e) {
        throw new CertificateException("a certificate block is not valid base64", e);
      }
      chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
      from = end + END.length();
    }
    if (chain.isEmpty()) {
      throw new CertificateException("no certificate found");
    }
    return List.copyOf(chain);
  }

  /**
   * Every certificate in the PEM file {@code file}, a regular file of at most {@link
   * ReadLimit#CERTIFICATE} read without following a link ({@link EvidenceFile}).
   *
   * @throws java.nio.file.NoSuchFileException if it does not exist
   * @throws dev.custos.io.NotEvidenceFileException if it is a link, a FIFO, a device, or too large
   * @throws IOException if the file cannot be read
   * @throws CertificateException if it holds no certificate or one that does not parse
   */
  public static List<X509Certificate> readPem(Path file) throws IOException, CertificateException {
    return fromPem(new String(EvidenceFile.read(file, ReadLimit.CERTIFICATE), StandardCharsets.US_ASCII));
  }

  /**
   * Whether {@code signature} (DER, SHA256withECDSA) is {@code certificate}'s key's signature over
   * {@code data}. A malformed signature is simply not valid.
   */
  public static boolean verifies(X509Certificate certificate, byte[] data, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(data);
      return verifier.verify(signature);
    } catch (InvalidKeyException | SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK provides SHA256withECDSA", e);
    }
  }
}
