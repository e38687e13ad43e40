/**
 * Examiner identities: ECDSA P-256 keys, their X.509 certificates issued by a lab CA, PKCS#12
 * files, certificate requests, and the signatures custody events and reports carry.
 *
 * <p>Entry points:
 *
 * <ul>
 *   <li>{@link dev.custos.crypto.Signer}: who signs, and signing.
 *   <li>{@link dev.custos.crypto.ExaminerIdentity}: loading a signing identity from a PKCS#12 key
 *       file, with every refusal as one line; a throw-away demo identity.
 *   <li>{@link dev.custos.crypto.IdentityFiles} with {@link dev.custos.crypto.IdentityRequest} and
 *       {@link dev.custos.crypto.LabCa}: making key files ({@code report keygen}): issued by a lab
 *       CA, or a certificate request completed later with the certificate a lab's CA issues.
 *   <li>{@link dev.custos.crypto.Certificates}: PEM, fingerprints, checking a signature.
 *   <li>{@link dev.custos.crypto.CertificateChains}: checking a chain offline.
 *   <li>{@link dev.custos.crypto.TrustAnchors} with {@link dev.custos.crypto.Trust}: whether a
 *       signature proves who signed: its chain validated (PKIX, at the signing time) up to an
 *       anchor the verifier gives, or only self-asserted; {@link
 *       dev.custos.crypto.SignerFingerprints}: what tells two signers named alike apart.
 * </ul>
 *
 * <p>Certificates are built with Bouncy Castle; keys, signatures and PKCS#12 use the JDK's own
 * providers, so no provider is registered anywhere.
 */
package dev.custos.crypto;
