package dev.custos.crypto;

import dev.custos.evidence.TextField;
import java.time.Duration;

/**
 * Who an examiner identity is for: the certificate subject's common name, an optional e-mail
 * address (the certificate's subjectAltName rfc822Name) and organisation, and how long the
 * certificate is valid. Validated at construction.
 *
 * @param name the examiner's name, the subject's CN: 1 to 64 characters, no control, bidirectional
 *     or invisible format characters ({@link TextField}, as for an examiner's name in a manifest)
 * @param email an ASCII address {@code local@domain}, or null
 * @param organisation the subject's O, 1 to 64 characters, or null
 * @param validity how long the certificate is valid from its issue: 1 day to 10 years
 */
public record IdentityRequest(String name, String email, String organisation, Duration validity) {
  /** The default validity of an examiner certificate: three years. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(3 * 365);
  static final Duration LONGEST_VALIDITY = Duration.ofDays(3653);

  /**
   * @throws IllegalArgumentException naming the field and the bad value, if one is not valid
   */
  public IdentityRequest {
    checkName("name", name);
    if (organisation != null) {
      checkName("organisation", organisation);
    }
    if (email != null && !email.matches("[\\x21-\\x3f\\x41-\\x7e]+@[A-Za-z0-9.-]+")) {
      throw new IllegalArgumentException("e-mail address '" + email + "' is not of the form name@domain (ASCII)");
    }
    if (validity == null || validity.compareTo(Duration.ofDays(1)) < 0 || validity.compareTo(LONGEST_VALIDITY) > 0) {
      throw new IllegalArgumentException("validity " + (validity == null ? null : validity.toDays() + " days")
          + " is outside 1 day to 10 years");
    }
  }

  private static void checkName(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the " + field + " must not be empty");
    }
    if (value.codePointCount(0, value.length()) > 64) {
      throw new IllegalArgumentException("the " + field + " '" + value + "' is longer than 64 characters (X.509 ub-name)");
    }
    if (value.codePoints().anyMatch(Character::isISOControl) || !value.equals(value.strip())) {
      throw new IllegalArgumentException("the " + field + " '" + value.strip()
          + "' has control characters or leading/trailing spaces");
    }
    // A subject that displays like another examiner's name would sign as someone it is not.
    TextField.require("the " + field, value, value.length(), false);
  }
}
