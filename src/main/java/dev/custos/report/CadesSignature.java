package dev.custos.report;

import dev.custos.crypto.Signer;
import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.crypto.TimestampAuthority;
import dev.custos.error.SigningException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The detached CMS signature a PAdES baseline signature ({@code /SubFilter /ETSI.CAdES.detached},
 * ETSI EN 319 142-1) carries: DER, SHA-256, the signer's ECDSA signature over exactly the signed
 * attributes content-type, message-digest and signing-certificate-v2 — no signing-time, which
 * PAdES puts in the signature dictionary's {@code /M} instead — and the signer's certificate chain.
 * Stateless.
 */
final class CadesSignature {
  private static final AlgorithmIdentifier ECDSA_SHA256 = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);

  private CadesSignature() {}

  /**
   * The DER CMS SignedData over {@code signedContent} (not included: detached), signed by {@code
   * signer}; with {@code authority} not null, the signature value is timestamped (RFC 3161) and the
   * token added as the unsigned attribute signature-time-stamp (PAdES-BASELINE-T).
   *
   * @throws SigningException if the timestamp authority fails
   */
  static byte[] sign(byte[] signedContent, Signer signer, TimestampAuthority authority) throws SigningException {
    try {
      X509Certificate certificate = signer.certificateChain().get(0);
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
          .setSignedAttributeGenerator(signedAttributes(certificate))
          .build(new SignerContentSigner(signer), new JcaX509CertificateHolder(certificate)));
      generator.addCertificates(new JcaCertStore(signer.certificateChain()));
      CMSSignedData signed = generator.generate(new CMSProcessableByteArray(signedContent), false);
      if (authority != null) {
        signed = withTimestamp(signed, authority);
      }
      return signed.getEncoded("DER");
    } catch (OperatorCreationException | CMSException | CertificateEncodingException | IOException e) {
      throw new IllegalStateException("cannot build the report's CMS signature: " + e.getMessage(), e);
    }
  }

  private static CMSSignedData withTimestamp(CMSSignedData signed, TimestampAuthority authority)
      throws SigningException, IOException {
    SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
    byte[] token = authority.timestamp(signer.getSignature());
    ASN1EncodableVector unsigned = new ASN1EncodableVector();
    unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, new DERSet(ASN1Primitive.fromByteArray(token))));
    SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(unsigned));
    return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
  }

  /** content-type and message-digest (which the generator computes), and signing-certificate-v2; nothing else. */
  private static CMSAttributeTableGenerator signedAttributes(X509Certificate certificate)
      throws CertificateEncodingException, IOException {
    byte[] certificateHash = Digest.compute(HashAlgorithm.SHA_256, certificate.getEncoded()).bytes();
    JcaX509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
    ESSCertIDv2 id = new ESSCertIDv2(certificateHash,
        new IssuerSerial(new GeneralNames(new GeneralName(holder.getIssuer())), holder.getSerialNumber()));
    Attribute signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
        new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
    return parameters -> {
      ASN1EncodableVector attributes = new ASN1EncodableVector();
      attributes.add(new Attribute(CMSAttributes.contentType,
          new DERSet((org.bouncycastle.asn1.ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
      attributes.add(new Attribute(CMSAttributes.messageDigest,
          new DERSet(new org.bouncycastle.asn1.DEROctetString((byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST)))));
      attributes.add(signingCertificate);
      return new AttributeTable(attributes);
    };
  }

  /** Bouncy Castle's view of a {@link Signer}: buffers what is to be signed, signs it on request. */
  private static final class SignerContentSigner implements ContentSigner {
    private final Signer signer;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    SignerContentSigner(Signer signer) {
      this.signer = signer;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
      return ECDSA_SHA256;
    }

    @Override
    public OutputStream getOutputStream() {
      return buffer;
    }

    @Override
    public byte[] getSignature() {
      return signer.sign(buffer.toByteArray());
    }
  }

}
