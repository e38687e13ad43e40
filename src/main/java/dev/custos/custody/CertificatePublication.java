package dev.custos.custody;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.crypto.Certificates;
import dev.custos.crypto.Signer;
import dev.custos.crypto.SignerFingerprints;
import dev.custos.error.EvidenceWriteException;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.io.WriteOnce;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.List;

/**
 * Puts a signer's certificate chain into an evidence directory before anything it signed, and
 * announces it in the event whose append stored it: no certificate enters the directory unannounced.
 */
final class CertificatePublication {
  private CertificatePublication() {
  }

  /**
   * Makes sure {@code signer}'s certificate chain is in {@code directory}: as {@code examiner.pem}
   * when there is none yet, else as {@code certificates/<sha256>.pem} unless {@code examiner.pem}
   * is the signer's already.
   *
   * @return the file it was stored in now, relative to the directory, or null when it was there already
   * @throws EvidenceWriteException if a place is a symbolic link or the certificate cannot be written
   */
  static String publish(Signer signer, Path directory) throws EvidenceWriteException {
    byte[] pem = Certificates.toPem(signer.certificateChain()).getBytes(StandardCharsets.US_ASCII);
    Path examiner = directory.resolve(EvidenceDirectory.CERTIFICATE);
    Path others = directory.resolve(SignerCertificates.DIRECTORY);
    for (Path place : List.of(examiner, others)) {
      if (Files.isSymbolicLink(place)) {
        throw new EvidenceWriteException("cannot record the signer's certificate: " + place + " is a symbolic link, not followed");
      }
    }
    try {
      if (!Files.exists(examiner, LinkOption.NOFOLLOW_LINKS)) {
        WriteOnce.writeNew(examiner, pem);
        return EvidenceDirectory.CERTIFICATE;
      }
      if (Certificates.sha256(Certificates.readPem(examiner).get(0)).equals(signer.certificateSha256())) {
        return null;
      }
      Path other = others.resolve(signer.certificateSha256() + ".pem");
      if (!Files.exists(other, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(other.getParent());
        WriteOnce.writeNew(other, pem);
        return SignerCertificates.DIRECTORY + "/" + other.getFileName();
      }
      return null;
    } catch (IOException | CertificateException e) {
      throw new EvidenceWriteException("cannot record the signer's certificate in " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code data} with {@code signerCertificate}: whose certificate this event's append stored, as
   * {@code storedAs}, and under which root, by fingerprint.
   */
  static ObjectNode announced(Signer signer, ObjectNode data, String storedAs) {
    return SignerCertificateJson.announced(data, storedAs, SignerFingerprints.of(signer.certificateChain()));
  }
}
