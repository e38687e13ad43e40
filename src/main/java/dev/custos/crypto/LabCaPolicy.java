package dev.custos.crypto;

import dev.custos.error.EvidenceWriteException;
import dev.custos.error.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/**
 * Which lab CA issues an examiner's certificate: the one named, else {@value #FILE} beside the
 * examiner's new key file, made there once (with its certificate {@value #PEM}, for {@code openssl
 * verify -CAfile} and {@code --trust}) and reused by every later identity made beside it. Stateless.
 */
public final class LabCaPolicy {
  /** The lab CA's key file beside the examiner's, when none is named. */
  public static final String FILE = "lab-ca.p12";
  /** The lab CA's certificate, written beside its key file when the CA is made. */
  public static final String PEM = "lab-ca.pem";

  private LabCaPolicy() {}

  /** The password of a lab CA's key file. */
  @FunctionalInterface
  public interface Password {
    /**
     * The password of {@code file}: the one it has, or ({@code fresh}) the one a new file gets. The
     * caller zeroes it once used.
     *
     * @throws UsageException if there is none to be had
     */
    char[] of(Path file, boolean fresh) throws UsageException;
  }

  /**
   * The lab CA chosen, and where it is.
   *
   * @param ca the lab CA
   * @param file its key file
   * @param createdCertificate the certificate file written with it when it was made now; null when
   *     it was loaded
   */
  public record Chosen(LabCa ca, Path file, Path createdCertificate) {
    /** Whether the CA was made now. */
    public boolean created() {
      return createdCertificate != null;
    }
  }

  /**
   * The lab CA in {@code named}; without it, the one in {@value #FILE} beside {@code examinerFile},
   * made there now (an EC P-256 CA whose subject O is {@code organisation}, see {@link
   * LabCa#create}) with {@value #PEM} when the file is not there. The password is zeroed once used.
   *
   * @throws UsageException if the CA's file is refused (see {@link LabCa#load}), {@value #PEM} is
   *     there already when the CA is to be made (nothing is written then), or there is no password
   * @throws EvidenceWriteException if a new CA's files cannot be written
   */
  public static Chosen choose(Path named, Path examinerFile, String organisation, Instant now, Password password)
      throws UsageException, EvidenceWriteException {
    Path file = named != null ? named : examinerFile.resolveSibling(FILE);
    if (named != null || Files.exists(file)) {
      char[] secret = password.of(file, false);
      try {
        return new Chosen(LabCa.load(file, secret, now), file, null);
      } finally {
        Arrays.fill(secret, '\0');
      }
    }
    Path pem = examinerFile.resolveSibling(PEM);
    IdentityFiles.requireAbsent(pem);
    char[] secret = password.of(file, true);
    try {
      LabCa ca = LabCa.create(organisation, now);
      ca.writeNew(file, pem, secret);
      return new Chosen(ca, file, pem);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }
}
