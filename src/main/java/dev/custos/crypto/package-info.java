/**
 * Examiner identities: ECDSA P-256 keys, their X.509 certificates issued by a lab CA, PKCS#12
 * files, certificate requests, and the signatures custody events and reports carry.
 *
 * <p>Entry points: {@link dev.custos.crypto.Signer} (who signs, and signing), {@link
 * dev.custos.crypto.Certificates} (PEM, fingerprints, checking a signature).
 */
package dev.custos.crypto;
