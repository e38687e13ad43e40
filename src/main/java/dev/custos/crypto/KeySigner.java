package dev.custos.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

/** A {@link Signer} over a P-256 private key held in memory and its chain. Immutable, thread-safe. */
final class KeySigner implements Signer {
  private final PrivateKey key;
  private final List<X509Certificate> chain;
  private final String name;
  private final String certificateSha256;

  /** @param chain the key's certificate first, then its issuers */
  KeySigner(PrivateKey key, List<X509Certificate> chain) {
    if (!P256.isP256(key)) {
      throw new IllegalArgumentException("not an EC P-256 key: " + key.getAlgorithm());
    }
    this.key = key;
    this.chain = List.copyOf(chain);
    this.name = Names.commonName(this.chain.get(0));
    this.certificateSha256 = Certificates.sha256(this.chain.get(0));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String certificateSha256() {
    return certificateSha256;
  }

  @Override
  public List<X509Certificate> certificateChain() {
    return chain;
  }

  @Override
  public byte[] sign(byte[] data) {
    try {
      // A Signature is not thread-safe; one per call keeps the signer shareable.
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(key);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK signs SHA256withECDSA with a P-256 key", e);
    }
  }

  @Override
  public String toString() {
    return "Signer[" + name + ", certificate SHA-256 " + certificateSha256 + "]";
  }
}
