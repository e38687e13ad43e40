package dev.custos.crypto;

import dev.custos.error.UsageException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The identities that sign evidence: an examiner's PKCS#12 key file, or a throw-away demo identity.
 * Stateless; the {@link Signer}s it returns are immutable and thread-safe.
 */
public final class ExaminerIdentity {
  /** The subject common name of the demo identity, so that nothing it signs passes for casework. */
  public static final String DEMO_NAME = "DEMO \u2014 not for casework";
  static final String DEMO_CA_NAME = "Custos demo CA \u2014 not for casework";

  private ExaminerIdentity() {}

  /**
   * Loads the signing identity in {@code p12}: its EC P-256 private key and certificate chain. The
   * password is only read, never kept; the caller zeroes it.
   *
   * @param now the instant at which the certificate must be valid
   * @throws UsageException one line naming the file when it is missing, not PKCS#12, the password
   *     is wrong, it holds no private key, the key is not EC P-256 or does not match the
   *     certificate, the certificate is a {@code report keygen --csr} placeholder, does not allow
   *     digital signatures, or is not valid at {@code now} (expired, or not yet valid)
   */
  public static Signer load(Path p12, char[] password, Instant now) throws UsageException {
    Pkcs12.KeyEntry entry = Pkcs12.read(p12, password);
    X509Certificate certificate = entry.certificate();
    if (Names.isPlaceholder(certificate)) {
      throw new UsageException(p12 + " holds a certificate request's placeholder, not an issued certificate;"
          + " complete it with report keygen --import CERT --key-from " + p12 + " --out …");
    }
    requireSigningKey(p12, entry);
    requireValid(p12, certificate, now);
    return new KeySigner(entry.key(), entry.chain());
  }

  /**
   * A throw-away identity for {@code acquire demo}: a fresh in-memory demo CA ({@code Custos demo CA
   * — not for casework}) and an examiner certificate whose subject CN is exactly {@link #DEMO_NAME},
   * valid for one day from {@code now}. Nothing is written to disk.
   */
  public static Signer demo(Instant now) {
    SecureRandom random = new SecureRandom();
    KeyPair caKeys = P256.generate(random);
    X509Certificate ca = CertificateMaker.certificateAuthority(Names.of(DEMO_CA_NAME, null), caKeys, now, random);
    KeyPair keys = P256.generate(random);
    X509Certificate examiner = CertificateMaker.examiner(Names.of(DEMO_NAME, null), keys.getPublic(), null,
        ca, caKeys.getPrivate(), now, Duration.ofDays(1), random);
    return new KeySigner(keys.getPrivate(), List.of(examiner, ca));
  }

  /** Refuses a key that is not P-256, does not belong to the certificate, or may not sign. */
  static void requireSigningKey(Path p12, Pkcs12.KeyEntry entry) throws UsageException {
    PrivateKey key = entry.key();
    if (!P256.isP256(key)) {
      throw new UsageException("the key in " + p12 + " is " + key.getAlgorithm()
          + ", not EC P-256; Custos signs with ECDSA P-256 only (make one with report keygen)");
    }
    X509Certificate certificate = entry.certificate();
    byte[] probe = "custos key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    if (!Certificates.verifies(certificate, probe, new KeySigner(key, entry.chain()).sign(probe))) {
      throw new UsageException("the certificate in " + p12 + " is not for the key in it");
    }
    boolean[] usage = certificate.getKeyUsage();
    if (usage != null && !usage[0]) {
      throw new UsageException("the certificate in " + p12 + " does not allow digital signatures (keyUsage)");
    }
  }

  /** Refuses a certificate that is not valid at {@code now}. */
  static void requireValid(Path p12, X509Certificate certificate, Instant now) throws UsageException {
    Instant notAfter = certificate.getNotAfter().toInstant();
    Instant notBefore = certificate.getNotBefore().toInstant();
    if (now.isAfter(notAfter)) {
      throw new UsageException("the certificate in " + p12 + " expired on " + notAfter.truncatedTo(ChronoUnit.SECONDS)
          + "; make a new identity with report keygen");
    }
    if (now.isBefore(notBefore)) {
      throw new UsageException("the certificate in " + p12 + " is not valid until " + notBefore.truncatedTo(ChronoUnit.SECONDS)
          + "; check this computer's clock, or make a new identity with report keygen");
    }
  }
}
