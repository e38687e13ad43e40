package dev.custos.crypto;

import dev.custos.error.EvidenceWriteException;
import dev.custos.error.UsageException;
import dev.custos.io.WriteOnce;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A lab's certificate authority: the key and certificate that issue examiner certificates. Either
 * one Custos makes ({@link #create}) or one the lab already has, in a PKCS#12 file ({@link #load};
 * EC or RSA, possibly an intermediate with its chain). Immutable; holds a private key, so it is
 * never logged or printed.
 */
public final class LabCa {
  /**
   * The common name of a lab CA Custos makes, before the short fingerprint of its key that tells
   * two labs' CAs apart: {@code Custos lab CA 3f2a9c1e}.
   */
  public static final String NAME = "Custos lab CA";

  private final Pkcs12.KeyEntry entry;

  private LabCa(Pkcs12.KeyEntry entry) {
    this.entry = entry;
  }

  /**
   * A new lab CA: an EC P-256 key and a self-signed certificate {@code CN=Custos lab CA
   * <key>[, O=organisation]}, where {@code <key>} is the first 8 hex digits of the SHA-256 of its
   * public key (SubjectPublicKeyInfo), so that no two labs' CAs look alike, valid ten years from {@code now}, with basicConstraints CA:TRUE and keyUsage
   * keyCertSign, cRLSign (both critical) and a subjectKeyIdentifier. Nothing is written.
   *
   * @param organisation the subject's O, or null
   */
  public static LabCa create(String organisation, Instant now) {
    SecureRandom random = new SecureRandom();
    KeyPair keys = P256.generate(random);
    X509Certificate certificate = CertificateMaker.certificateAuthority(Names.of(NAME + " " + shortFingerprint(keys), organisation), keys, now, random);
    return new LabCa(new Pkcs12.KeyEntry(keys.getPrivate(), List.of(certificate)));
  }

  private static String shortFingerprint(KeyPair keys) {
    return dev.custos.digest.Digest.compute(dev.custos.digest.HashAlgorithm.SHA_256, keys.getPublic().getEncoded()).hex().substring(0, 8);
  }

  /**
   * The lab CA in {@code p12}.
   *
   * @throws UsageException if the file cannot be read as a key file (see {@link
   *     ExaminerIdentity#load}), its certificate is not a CA's (basicConstraints CA:TRUE, keyUsage
   *     keyCertSign when present), or it is not valid at {@code now}
   */
  public static LabCa load(Path p12, char[] password, Instant now) throws UsageException {
    Pkcs12.KeyEntry entry = Pkcs12.read(p12, password);
    X509Certificate certificate = entry.certificate();
    boolean[] usage = certificate.getKeyUsage();
    if (certificate.getBasicConstraints() < 0 || (usage != null && !usage[5])) {
      throw new UsageException("the certificate in " + p12 + " is not a CA certificate (basicConstraints CA:TRUE, keyCertSign)");
    }
    try {
      CertificateMaker.signatureAlgorithm(entry.key());
    } catch (IllegalArgumentException e) {
      throw new UsageException("the lab CA key in " + p12 + ": " + e.getMessage(), e);
    }
    ExaminerIdentity.requireValid(p12, certificate, now);
    return new LabCa(entry);
  }

  /** The CA's certificate. */
  public X509Certificate certificate() {
    return entry.certificate();
  }

  /** The CA's certificate, then its issuers, as its key file holds them. */
  public List<X509Certificate> chain() {
    return entry.chain();
  }

  /**
   * Writes the CA to two new files: {@code p12} (key and certificate, 0600) and {@code pem} (the
   * certificate, for {@code openssl verify -CAfile}; 0444). Neither may exist.
   *
   * @throws UsageException if either file exists; nothing is written then
   * @throws EvidenceWriteException if a file cannot be written
   */
  public void writeNew(Path p12, Path pem, char[] password) throws UsageException, EvidenceWriteException {
    IdentityFiles.requireAbsent(p12);
    IdentityFiles.requireAbsent(pem);
    Pkcs12.writeNew(p12, entry, password);
    writeCertificate(pem);
  }

  /**
   * Writes the CA's certificate to the new file {@code pem} (0444).
   *
   * @throws UsageException if {@code pem} exists
   * @throws EvidenceWriteException if it cannot be written
   */
  public void writeCertificate(Path pem) throws UsageException, EvidenceWriteException {
    try {
      WriteOnce.writeNew(pem, Certificates.toPem(List.of(certificate())).getBytes(StandardCharsets.US_ASCII));
    } catch (FileAlreadyExistsException e) {
      throw new UsageException(pem + " already exists; Custos never overwrites it", e);
    } catch (IOException e) {
      throw new EvidenceWriteException("cannot write " + pem + ": " + e.getMessage(), e);
    }
  }

  /**
   * Issues an examiner certificate for {@code keys} (see {@code CertificateMaker#examiner}),
   * valid from {@code now} for the request's validity.
   *
   * @return the examiner's certificate followed by this CA's chain
   * @throws UsageException if this CA's certificate expires before the examiner's would
   */
  List<X509Certificate> issue(IdentityRequest request, KeyPair keys, Instant now) throws UsageException {
    Instant notAfter = now.truncatedTo(ChronoUnit.SECONDS).plus(request.validity());
    Instant caNotAfter = certificate().getNotAfter().toInstant();
    if (notAfter.isAfter(caNotAfter)) {
      throw new UsageException("the lab CA certificate expires on " + caNotAfter + ", before the " + request.validity().toDays()
          + " days asked for; ask for fewer --validity-days or use a newer lab CA");
    }
    X509Certificate examiner = CertificateMaker.examiner(Names.subject(request), keys.getPublic(), request.email(),
        certificate(), entry.key(), now, request.validity(), new SecureRandom());
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(examiner);
    chain.addAll(chain());
    return chain;
  }

  @Override
  public String toString() {
    return "LabCa[" + certificate().getSubjectX500Principal().getName() + "]";
  }
}
