package dev.custos.custody;

import java.util.Objects;

/**
 * Who recorded an event: the signer's name and the SHA-256 of the certificate whose key signed it,
 * or a name alone for an unsigned event.
 *
 * @param name the signer's name (the certificate's common name), or the examiner's name as typed
 *     when unsigned
 * @param certificateSha256 lowercase hex SHA-256 of the signer's certificate; null when unsigned
 */
public record Actor(String name, String certificateSha256) {
  /** @throws IllegalArgumentException if the name is blank or the fingerprint is not 64 lowercase hex digits */
  public Actor {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("the actor's name is blank");
    }
    if (certificateSha256 != null && !certificateSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("certificate SHA-256 must be 64 lowercase hex digits, got '" + certificateSha256 + "'");
    }
  }

  /** Whether the actor signs (has a certificate). */
  public boolean signs() {
    return certificateSha256 != null;
  }
}
