package dev.custos.crypto;

import dev.custos.error.EvidenceWriteException;
import dev.custos.error.UsageException;
import dev.custos.io.WriteOnce;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Making examiner key files, as {@code report keygen} does: issued by a lab CA at once, or a key
 * with a certificate request for a lab's own CA, completed later with the certificate it issues.
 * Key files are PKCS#12, owner-only (0600), and never overwrite an existing file. Stateless.
 */
public final class IdentityFiles {
  private IdentityFiles() {}

  /**
   * Makes a new EC P-256 key, has {@code ca} issue its certificate, and writes both (with the CA's
   * chain) to the new key file {@code out}, protected by {@code password}.
   *
   * @return the new identity
   * @throws UsageException if {@code out} exists or its directory does not, or the CA expires
   *     before the certificate would
   * @throws EvidenceWriteException if the file cannot be written
   */
  public static Signer issue(IdentityRequest request, LabCa ca, Path out, char[] password, Instant now)
      throws UsageException, EvidenceWriteException {
    requireAbsent(out);
    KeyPair keys = P256.generate(new SecureRandom());
    List<X509Certificate> chain = ca.issue(request, keys, now);
    Pkcs12.writeNew(out, new Pkcs12.KeyEntry(keys.getPrivate(), chain), password);
    return new KeySigner(keys.getPrivate(), chain);
  }

  /**
   * Makes a new EC P-256 key for a lab with its own CA: writes the key file {@code out}, holding the
   * key and a self-signed placeholder certificate that {@link ExaminerIdentity#load} refuses, and
   * the PKCS#10 request {@link #requestFileFor requestFileFor(out)} (PEM) to send to the CA.
   *
   * @return the request file written
   * @throws UsageException if either file exists or the directory does not
   * @throws EvidenceWriteException if a file cannot be written
   */
  public static Path request(IdentityRequest request, Path out, char[] password, Instant now)
      throws UsageException, EvidenceWriteException {
    Path csr = requestFileFor(out);
    requireAbsent(out);
    requireAbsent(csr);
    SecureRandom random = new SecureRandom();
    KeyPair keys = P256.generate(random);
    X509Certificate placeholder = CertificateMaker.placeholder(request, keys, now, random);
    byte[] pem = pem(CertificateMaker.request(request, keys));
    Pkcs12.writeNew(out, new Pkcs12.KeyEntry(keys.getPrivate(), List.of(placeholder)), password);
    try {
      WriteOnce.writeNew(csr, pem);
    } catch (FileAlreadyExistsException e) {
      throw new UsageException(csr + " already exists; Custos never overwrites it", e);
    } catch (IOException e) {
      throw new EvidenceWriteException("cannot write " + csr + ": " + e.getMessage(), e);
    }
    return csr;
  }

  /**
   * Completes a {@link #request}: writes the new key file {@code out} holding the key from {@code
   * keyFrom} and the certificate chain in {@code certificatePem} (the issued certificate first, then
   * any issuers), protected by {@code password}.
   *
   * @return the completed identity
   * @throws UsageException if a file is missing or unreadable, the certificate is for a different
   *     key, its chain does not link up, it is not valid at {@code now} or may not sign, or {@code
   *     out} exists
   * @throws EvidenceWriteException if the file cannot be written
   */
  public static Signer complete(Path keyFrom, char[] keyPassword, Path certificatePem, Path out, char[] password,
      Instant now) throws UsageException, EvidenceWriteException {
    requireAbsent(out);
    Pkcs12.KeyEntry requested = Pkcs12.read(keyFrom, keyPassword);
    List<X509Certificate> chain = readChain(certificatePem);
    if (!MessageDigest.isEqual(chain.get(0).getPublicKey().getEncoded(), requested.certificate().getPublicKey().getEncoded())) {
      throw new UsageException("the certificate in " + certificatePem + " is for a different key than the one in " + keyFrom);
    }
    List<String> problems = CertificateChains.linkProblems(chain, now);
    if (!problems.isEmpty()) {
      throw new UsageException(certificatePem + ": " + problems.get(0));
    }
    Pkcs12.KeyEntry completed = new Pkcs12.KeyEntry(requested.key(), chain);
    ExaminerIdentity.requireSigningKey(certificatePem, completed);
    Pkcs12.writeNew(out, completed, password);
    return new KeySigner(completed.key(), chain);
  }

  /** The request file beside a key file: {@code jane.p12} → {@code jane.csr}; other names get {@code .csr} added. */
  public static Path requestFileFor(Path out) {
    String name = out.getFileName().toString();
    String base = name.endsWith(".p12") ? name.substring(0, name.length() - 4) : name;
    return out.resolveSibling(base + ".csr");
  }

  /**
   * Refuses to write {@code file}: Custos makes key, certificate and request files new, never
   * over an existing one. Commands call it before asking for passwords.
   *
   * @throws UsageException if {@code file} exists (even as a dangling link), or its directory does not
   */
  public static void requireAbsent(Path file) throws UsageException {
    if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new UsageException(file + " already exists; Custos never overwrites it");
    }
    Path directory = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(directory)) {
      throw new UsageException("the directory of " + file + " does not exist");
    }
  }

  private static List<X509Certificate> readChain(Path pem) throws UsageException {
    try {
      return Certificates.readPem(pem);
    } catch (NoSuchFileException e) {
      throw new UsageException("certificate file " + pem + " not found", e);
    } catch (IOException e) {
      throw new UsageException("certificate file " + pem + " cannot be read: " + e.getMessage(), e);
    } catch (CertificateException e) {
      throw new UsageException(pem + " holds no usable PEM certificate: " + e.getMessage(), e);
    }
  }

  private static byte[] pem(PKCS10CertificationRequest request) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(request);
    } catch (IOException e) {
      throw new IllegalStateException("writing PEM to memory", e);
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
