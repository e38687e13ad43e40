package dev.custos.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Offline checks of a certificate chain, as evidence directories carry it: no network, no trust
 * store, no revocation. A checker that collects every problem and leaves the verdict to the caller.
 * Stateless.
 */
public final class CertificateChains {
  private CertificateChains() {}

  /**
   * Every problem with {@code chain} (the signer's certificate first, the root last) at {@code at}:
   * a certificate not valid then, one not signed by the next (or whose issuer name is not the
   * next's subject), an issuer that is not a CA, and a last certificate that is not self-signed.
   * Each problem is one line naming the certificate by position (1 = the signer's) and subject.
   *
   * @return the problems, in chain order; empty when the chain is good
   */
  public static List<String> problems(List<X509Certificate> chain, Instant at) {
    List<String> problems = linkProblems(chain, at);
    if (!chain.isEmpty()) {
      X509Certificate root = chain.get(chain.size() - 1);
      if (!root.getIssuerX500Principal().equals(root.getSubjectX500Principal()) || !signedBy(root, root.getPublicKey())) {
        problems.add(describe(chain.size(), root) + " is not self-signed: the chain stops short of its root");
      }
    }
    return problems;
  }

  /** As {@link #problems}, but without requiring the chain to end in a root. */
  static List<String> linkProblems(List<X509Certificate> chain, Instant at) {
    List<String> problems = new ArrayList<>();
    if (chain.isEmpty()) {
      problems.add("the certificate chain is empty");
      return problems;
    }
    Date when = Date.from(at);
    for (int i = 0; i < chain.size(); i++) {
      X509Certificate certificate = chain.get(i);
      if (when.before(certificate.getNotBefore())) {
        problems.add(describe(i + 1, certificate) + " is not valid until " + certificate.getNotBefore().toInstant() + " (checked at " + at + ")");
      } else if (when.after(certificate.getNotAfter())) {
        problems.add(describe(i + 1, certificate) + " expired on " + certificate.getNotAfter().toInstant() + " (checked at " + at + ")");
      }
      if (i + 1 < chain.size()) {
        X509Certificate issuer = chain.get(i + 1);
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
            || !signedBy(certificate, issuer.getPublicKey())) {
          problems.add(describe(i + 1, certificate) + " is not signed by " + describe(i + 2, issuer));
        } else if (issuer.getBasicConstraints() < 0) {
          problems.add(describe(i + 2, issuer) + " issued " + describe(i + 1, certificate) + " but is not a CA certificate");
        }
      }
    }
    return problems;
  }

  private static boolean signedBy(X509Certificate certificate, PublicKey key) {
    try {
      certificate.verify(key);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String describe(int position, X509Certificate certificate) {
    return "certificate " + position + " (" + certificate.getSubjectX500Principal().getName() + ")";
  }
}
