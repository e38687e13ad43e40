package dev.custos.cli;

import dev.custos.crypto.SignerFingerprints;
import dev.custos.verify.SignatureTrust;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who signed, as {@code report verify} and {@code report custody} print it: one block per signer
 * certificate (and one for the unsigned records), with the certificate's SHA-256, its issuer's
 * SHA-256 and serial, the verdict and where it signed. Two signers named alike are told apart by
 * their fingerprints.
 */
final class SignerList {
  /** What a verified result adds to its headline when no signer was checked against an anchor. */
  static final String SELF_ASSERTED_HEADLINE = "; but the signers are only SELF-ASSERTED: no trust anchor was given"
      + " (--trust LAB-CA.pem, --trust-fingerprint or $" + TrustOptions.STORE_VARIABLE + "), so nothing shows whose keys signed";
  private static final int PLACES_SHOWN = 6;

  private SignerList() {}

  static void print(List<SignatureTrust> signatures, PrintWriter out) {
    if (signatures.isEmpty()) {
      return;
    }
    Map<String, List<SignatureTrust>> groups = new LinkedHashMap<>();
    for (SignatureTrust signature : signatures) {
      SignerFingerprints fingerprints = signature.fingerprints();
      String key = signature.trust().level().label() + "|" + signature.signer() + "|" + (fingerprints == null ? "" : fingerprints.sha256())
          + "|" + signature.trust().reason();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(signature);
    }
    // Certificates per name: two keys under one name are said to be two, not left to the fingerprints alone.
    Map<String, java.util.Set<String>> certificatesByName = new LinkedHashMap<>();
    for (SignatureTrust signature : signatures) {
      if (signature.fingerprints() != null) {
        certificatesByName.computeIfAbsent(signature.signer(), name -> new java.util.LinkedHashSet<>())
            .add(signature.fingerprints().sha256());
      }
    }
    out.println("Signers:");
    for (List<SignatureTrust> group : groups.values()) {
      SignatureTrust first = group.get(0);
      java.util.Set<String> namesakes = certificatesByName.getOrDefault(first.signer(), java.util.Set.of());
      out.println("  " + first.trust().level().label() + "  " + TerminalText.escape(first.signer())
          + (namesakes.size() > 1 && first.fingerprints() != null
              ? "  (certificate " + (new ArrayList<>(namesakes).indexOf(first.fingerprints().sha256()) + 1) + " of "
                  + namesakes.size() + " different certificates named " + TerminalText.escape(first.signer()) + ")"
              : ""));
      if (first.fingerprints() != null) {
        SignerFingerprints fingerprints = first.fingerprints();
        out.println("      certificate SHA-256 " + fingerprints.sha256() + " (" + TerminalText.escape(fingerprints.subject()) + ")");
        out.println("      issuer " + TerminalText.escape(fingerprints.issuer()) + (fingerprints.issuerSha256() == null
            ? ": its certificate is not in the chain"
            : ", certificate SHA-256 " + fingerprints.issuerSha256() + ", serial " + fingerprints.issuerSerial()));
      }
      out.println("      " + TerminalText.escape(first.trust().reason()));
      List<String> places = new ArrayList<>();
      for (SignatureTrust signature : group.subList(0, Math.min(PLACES_SHOWN, group.size()))) {
        places.add(signature.place());
      }
      out.println("      in: " + TerminalText.escape(String.join("; ", places))
          + (group.size() > PLACES_SHOWN ? "; and " + (group.size() - PLACES_SHOWN) + " more" : ""));
    }
  }
}
