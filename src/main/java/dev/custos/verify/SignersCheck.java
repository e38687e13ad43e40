package dev.custos.verify;

import dev.custos.crypto.Trust;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code signers} check: whether each signature of the directory proves who signed. With a
 * trust anchor given, every signature must be {@link Trust.Level#TRUSTED} (an unsigned event or
 * report fails it too); without one the check cannot run: it is skipped and says plainly that the
 * signers are only SELF-ASSERTED. Stateless.
 */
final class SignersCheck {
  private SignersCheck() {}

  /**
   * @param anchored whether any trust anchor was given or configured
   */
  static CheckResult check(List<SignatureTrust> signatures, boolean anchored) {
    List<Problem> problems = new ArrayList<>();
    java.util.Map<String, Set<String>> certificatesByName = new java.util.LinkedHashMap<>();
    Set<String> anchors = new LinkedHashSet<>();
    int signed = 0;
    int selfAsserted = 0;
    for (SignatureTrust signature : signatures) {
      Trust trust = signature.trust();
      if (trust.level() != Trust.Level.UNSIGNED) {
        signed++;
        // A certificate is told apart by its fingerprint; without one, only by the name it carries.
        certificatesByName.computeIfAbsent(signature.signer(), name -> new LinkedHashSet<>())
            .add(signature.fingerprints() == null ? "name:" + signature.signer() : signature.fingerprints().sha256());
      }
      if (trust.level() == Trust.Level.SELF_ASSERTED) {
        selfAsserted++;
      }
      if (trust.trusted()) {
        anchors.add(trust.anchorSha256());
      } else if (anchored) {
        problems.add(new Problem(signature.file(), signature.place() + ": " + signature.signer()
            + (signature.fingerprints() == null ? "" : " (certificate SHA-256 " + signature.fingerprints().sha256() + ")")
            + " is " + trust.level().label() + ": " + trust.reason()));
      }
    }
    String counted = signed + (signed == 1 ? " signature" : " signatures") + " by " + signers(certificatesByName);
    if (!anchored) {
      if (signed == 0) {
        return CheckResult.skipped(Check.SIGNERS, "UNSIGNED: nothing is signed, so nothing says who recorded it");
      }
      return CheckResult.skipped(Check.SIGNERS, "SELF-ASSERTED: " + counted + (selfAsserted == signed ? ", each" : ", " + selfAsserted)
          + " valid but chaining only to a root the evidence directory itself supplies; no trust anchor given"
          + " (--trust LAB-CA.pem, --trust-fingerprint, $CUSTOS_TRUST): the signatures name keys, not who holds them");
    }
    if (!problems.isEmpty()) {
      return CheckResult.of(Check.SIGNERS, "NOT TRUSTED: " + problems.size() + " of " + signatures.size()
          + " signatures and unsigned records do not chain to a trust anchor", problems);
    }
    if (signatures.isEmpty()) {
      return CheckResult.of(Check.SIGNERS, "no signature to judge", List.of(new Problem(null,
          "nothing in the directory is signed: nothing chains to a trust anchor")));
    }
    return CheckResult.pass(Check.SIGNERS, "TRUSTED: " + counted + ", each chaining at its signing time to a trust anchor (certificate SHA-256 "
        + String.join(", ", anchors) + ")");
  }

  /**
   * "Jane Doe, Max Mustermann" when each name is one certificate; otherwise the certificates are
   * counted, so that two keys under one name never read as one signer: "2 certificates, both
   * named Jane Doe", "3 certificates: 2 named Jane Doe, 1 named Max Mustermann".
   */
  static String signers(java.util.Map<String, Set<String>> certificatesByName) {
    int certificates = certificatesByName.values().stream().mapToInt(Set::size).sum();
    if (certificates == certificatesByName.size()) {
      return String.join(", ", certificatesByName.keySet());
    }
    if (certificatesByName.size() == 1) {
      return certificates + " certificates, " + (certificates == 2 ? "both" : "all") + " named "
          + certificatesByName.keySet().iterator().next();
    }
    List<String> parts = new ArrayList<>();
    certificatesByName.forEach((name, keys) -> parts.add(keys.size() + " named " + name));
    return certificates + " certificates: " + String.join(", ", parts);
  }
}
