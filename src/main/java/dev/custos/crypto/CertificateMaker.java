package dev.custos.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Makes the certificates and requests of examiner identities with Bouncy Castle's builders. The
 * signing itself runs on the JDK's providers (no Bouncy Castle provider is registered), so the
 * shaded, unsigned jar needs no JCE provider set-up. Stateless.
 */
final class CertificateMaker {
  private static final Duration CA_VALIDITY = Duration.ofDays(3653);
  private static final Duration PLACEHOLDER_VALIDITY = Duration.ofDays(365);

  private CertificateMaker() {}

  /**
   * A self-signed CA certificate valid ten years from {@code now}: basicConstraints CA:TRUE and
   * keyUsage keyCertSign, cRLSign, both critical; a subjectKeyIdentifier.
   */
  static X509Certificate certificateAuthority(X500Name subject, KeyPair keys, Instant now, SecureRandom random) {
    JcaX509ExtensionUtils utilities = extensionUtilities();
    return build(subject, keys.getPublic(), subject, keys.getPrivate(), now, CA_VALIDITY, random, extensions -> {
      extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      extensions.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      extensions.addExtension(Extension.subjectKeyIdentifier, false, utilities.createSubjectKeyIdentifier(keys.getPublic()));
    });
  }

  /**
   * An examiner's certificate for {@code key}, issued by {@code issuer}: keyUsage digitalSignature
   * and nonRepudiation (critical), basicConstraints CA:FALSE, authority and subject key
   * identifiers, and {@code email} as a subjectAltName rfc822Name when not null.
   */
  static X509Certificate examiner(X500Name subject, PublicKey key, String email, X509Certificate issuer,
      PrivateKey issuerKey, Instant now, Duration validity, SecureRandom random) {
    JcaX509ExtensionUtils utilities = extensionUtilities();
    X500Name issuerName = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
    return build(subject, key, issuerName, issuerKey, now, validity, random, extensions -> {
      addEndEntityExtensions(extensions, email);
      extensions.addExtension(Extension.subjectKeyIdentifier, false, utilities.createSubjectKeyIdentifier(key));
      extensions.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier(issuer, utilities));
    });
  }

  /** A self-signed stand-in for the certificate a request asks for, valid a year; see {@link Names#PLACEHOLDER_UNIT}. */
  static X509Certificate placeholder(IdentityRequest request, KeyPair keys, Instant now, SecureRandom random) {
    X500Name subject = Names.placeholder(request);
    return build(subject, keys.getPublic(), subject, keys.getPrivate(), now, PLACEHOLDER_VALIDITY, random,
        extensions -> extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(false)));
  }

  /**
   * A PKCS#10 request for {@code request}'s subject and {@code keys}, asking (extensionRequest) for
   * the extensions {@link #examiner} gives.
   */
  static PKCS10CertificationRequest request(IdentityRequest request, KeyPair keys) {
    try {
      ExtensionsGenerator extensions = new ExtensionsGenerator();
      addEndEntityExtensions(extensions::addExtension, request.email());
      return new JcaPKCS10CertificationRequestBuilder(Names.subject(request), keys.getPublic())
          .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
          .build(signer(keys.getPrivate()));
    } catch (IOException e) {
      throw new IllegalStateException("fixed extensions always encode", e);
    }
  }

  /** The JCA name of the signature {@code key} makes over certificates: ECDSA or RSA, with SHA-256. */
  static String signatureAlgorithm(PrivateKey key) {
    switch (key.getAlgorithm()) {
      case "EC":
        return "SHA256withECDSA";
      case "RSA":
        return "SHA256withRSA";
      default:
        throw new IllegalArgumentException("a " + key.getAlgorithm() + " key cannot issue certificates here (EC or RSA only)");
    }
  }

  /** Where extensions go: a certificate builder or a request's extension list. */
  @FunctionalInterface
  private interface ExtensionSink {
    void addExtension(ASN1ObjectIdentifier type, boolean critical, ASN1Encodable value) throws IOException;
  }

  /** Adds a certificate's extensions. */
  @FunctionalInterface
  private interface ExtensionWriter {
    void write(ExtensionSink extensions) throws IOException;
  }

  private static void addEndEntityExtensions(ExtensionSink extensions, String email) throws IOException {
    extensions.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    if (email != null) {
      extensions.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)));
    }
  }

  private static X509Certificate build(X500Name subject, PublicKey key, X500Name issuer, PrivateKey issuerKey,
      Instant now, Duration validity, SecureRandom random, ExtensionWriter extensions) {
    Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS);
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial(random),
        Date.from(notBefore), Date.from(notBefore.plus(validity)), subject, key);
    try {
      extensions.write(builder::addExtension);
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerKey)));
    } catch (CertificateException | IOException e) {
      throw new IllegalStateException("a certificate Custos builds always encodes", e);
    }
  }

  /** The issuer's own subjectKeyIdentifier when it has one (a lab's CA may not use SHA-1 for it), else one made from its key. */
  private static AuthorityKeyIdentifier authorityKeyIdentifier(X509Certificate issuer, JcaX509ExtensionUtils utilities) {
    byte[] extension = issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    if (extension == null) {
      return utilities.createAuthorityKeyIdentifier(issuer.getPublicKey());
    }
    byte[] keyIdentifier = SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getKeyIdentifier();
    return new AuthorityKeyIdentifier(keyIdentifier);
  }

  /** A positive serial of 127 random bits with the top bit set, so it always encodes in 16 bytes. */
  private static BigInteger serial(SecureRandom random) {
    return new BigInteger(127, random).setBit(126);
  }

  private static ContentSigner signer(PrivateKey key) {
    try {
      return new JcaContentSignerBuilder(signatureAlgorithm(key)).build(key);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("the JDK signs with " + signatureAlgorithm(key), e);
    }
  }

  private static JcaX509ExtensionUtils extensionUtilities() {
    try {
      return new JcaX509ExtensionUtils();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK provides SHA-1 for key identifiers", e);
    }
  }
}
