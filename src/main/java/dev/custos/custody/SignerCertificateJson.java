package dev.custos.custody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.crypto.SignerFingerprints;

/**
 * A signer's certificate as Custos writes it wherever it names one: in the event whose append
 * stored the certificate ({@code data.signerCertificate}), and in {@code report verify --json} and
 * {@code report custody --json}. The only code that knows its member names. Stateless.
 */
public final class SignerCertificateJson {
  private static final String ANNOUNCEMENT = "signerCertificate";

  private SignerCertificateJson() {}

  /**
   * The certificate an event announces it stored, as written (a member absent reads as empty).
   *
   * @param sha256 the certificate's SHA-256
   * @param rootSha256 the SHA-256 of its chain's root
   */
  record Announcement(String sha256, String rootSha256) {}

  /** The certificate's names and fingerprints, or null when {@code fingerprints} is null. */
  public static ObjectNode tree(SignerFingerprints fingerprints) {
    if (fingerprints == null) {
      return null;
    }
    return JsonNodeFactory.instance.objectNode()
        .put("subject", fingerprints.subject())
        .put("sha256", fingerprints.sha256())
        .put("serial", fingerprints.serial())
        .put("issuer", fingerprints.issuer())
        .put("issuerSha256", fingerprints.issuerSha256())
        .put("issuerSerial", fingerprints.issuerSerial())
        .put("root", fingerprints.root())
        .put("rootSha256", fingerprints.rootSha256());
  }

  /** A copy of {@code data} announcing the certificate its append stored, as {@code storedAs}. */
  static ObjectNode announced(ObjectNode data, String storedAs, SignerFingerprints fingerprints) {
    ObjectNode copy = data.deepCopy();
    ObjectNode node = copy.putObject(ANNOUNCEMENT);
    node.put("storedAs", storedAs);
    node.setAll(tree(fingerprints));
    return copy;
  }

  /** The certificate {@code data} announces its append stored, or null when it announces none. */
  static Announcement readAnnouncement(JsonNode data) {
    JsonNode stored = data.path(ANNOUNCEMENT);
    return stored.isObject() ? new Announcement(stored.path("sha256").asText(), stored.path("rootSha256").asText()) : null;
  }
}
