package dev.custos.crypto;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * X.500 names of examiners and CAs. Every attribute is a UTF8String, added as a value rather than
 * parsed from text, so a name such as {@code #1 Lab} or {@code DEMO — not for casework} is kept
 * exactly as given. Stateless.
 */
final class Names {
  /**
   * The organisational unit that marks a certificate request's self-signed placeholder: the
   * certificate a {@code --csr} key file holds until the lab's CA issues the real one.
   */
  static final String PLACEHOLDER_UNIT = "Custos placeholder for a certificate request; cannot sign evidence";

  private Names() {}

  /** {@code CN=name[, O=organisation]}. */
  static X500Name subject(IdentityRequest request) {
    return build(request.name(), request.organisation(), null);
  }

  /** The subject of a request's placeholder: the request's subject and {@link #PLACEHOLDER_UNIT}. */
  static X500Name placeholder(IdentityRequest request) {
    return build(request.name(), request.organisation(), PLACEHOLDER_UNIT);
  }

  /** {@code CN=commonName[, O=organisation]}. */
  static X500Name of(String commonName, String organisation) {
    return build(commonName, organisation, null);
  }

  private static X500Name build(String commonName, String organisation, String unit) {
    // Most significant first, as in DER; RFC 4514 text (and the JDK) print it reversed: CN=…, O=….
    X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
    if (organisation != null) {
      builder.addRDN(BCStyle.O, new DERUTF8String(organisation));
    }
    if (unit != null) {
      builder.addRDN(BCStyle.OU, new DERUTF8String(unit));
    }
    builder.addRDN(BCStyle.CN, new DERUTF8String(commonName));
    return builder.build();
  }

  /** The subject's common name, or its whole RFC 4514 text when it has none. */
  static String commonName(X509Certificate certificate) {
    String value = attribute(certificate, BCStyle.CN);
    return value != null ? value : certificate.getSubjectX500Principal().getName();
  }

  /** Whether {@code certificate} is a certificate request's placeholder (see {@link #PLACEHOLDER_UNIT}). */
  static boolean isPlaceholder(X509Certificate certificate) {
    return PLACEHOLDER_UNIT.equals(attribute(certificate, BCStyle.OU));
  }

  private static String attribute(X509Certificate certificate, ASN1ObjectIdentifier type) {
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    for (RDN rdn : subject.getRDNs(type)) {
      ASN1Encodable value = rdn.getFirst().getValue();
      return value instanceof ASN1String ? ((ASN1String) value).getString() : value.toString();
    }
    return null;
  }
}
