package dev.custos.testing;

import dev.custos.crypto.Certificates;
import dev.custos.crypto.Signer;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away ECDSA P-256 signer with a self-signed certificate, for tests of what signs. Not an
 * examiner identity (those come from {@code report keygen}); just enough for a signature to check.
 */
public final class TestSigner implements Signer {
  private final String name;
  private final KeyPair keys;
  private final X509Certificate certificate;

  private TestSigner(String name, KeyPair keys, X509Certificate certificate) {
    this.name = name;
    this.keys = keys;
    this.certificate = certificate;
  }

  /** A new key and a certificate for {@code name}, valid from an hour ago for a day. */
  public static TestSigner named(String name) {
    Instant now = Instant.now();
    return named(name, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
  }

  /** A new key and a certificate for {@code name}, valid from {@code notBefore} to {@code notAfter}. */
  public static TestSigner named(String name, Instant notBefore, Instant notAfter) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = generator.generateKeyPair();
      X500Name subject = new X500Name("CN=" + name + ",O=Custos tests");
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now()),
          Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
      X509Certificate certificate = new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
      return new TestSigner(name, keys, certificate);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new AssertionError("cannot make a test signer: " + e, e);
    }
  }

  private static long now() {
    return System.nanoTime() & Long.MAX_VALUE;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String certificateSha256() {
    return Certificates.sha256(certificate);
  }

  @Override
  public List<X509Certificate> certificateChain() {
    return List.of(certificate);
  }

  @Override
  public byte[] sign(byte[] data) {
    try {
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(keys.getPrivate());
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
