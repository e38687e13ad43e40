package dev.custos.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.LocalTimestampAuthority;
import dev.custos.testing.TestSigner;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's signature as the EU's reference validator (DSS, eu.europa.ec.joinup.sd-dss) rates
 * it: PAdES-BASELINE-B, and PAdES-BASELINE-T with a timestamp authority.
 */
class DssValidationTest {
  @TempDir Path temp;

  private SimpleReport validate(byte[] pdf, TestSigner signer) {
    SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
    CommonCertificateVerifier verifier = new CommonCertificateVerifier();
    CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
    trusted.addCertificate(new CertificateToken(signer.certificateChain().get(signer.certificateChain().size() - 1)));
    verifier.setTrustedCertSources(trusted);
    verifier.setAIASource(null);
    verifier.setOcspSource(null);
    verifier.setCrlSource(null);
    validator.setCertificateVerifier(verifier);
    return validator.validateDocument().getSimpleReport();
  }

  @Test
  void signedReport_dssRatesItPadesBaselineB() {
    TestSigner jane = TestSigner.named("Jane Doe");
    ReportInput input = ReportInputs.of(ReportInputs.demoDirectory(temp.resolve("demo")), ReportInputs.SIGNED);
    byte[] pdf;
    try {
      pdf = PadesSigner.sign(ReportRenderer.render(input), jane, "Acquisition report", "lab", Instant.now(), null);
    } catch (dev.custos.error.SigningException e) {
      throw new AssertionError(e);
    }

    SimpleReport report = validate(pdf, jane);
    String id = report.getFirstSignatureId();

    assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_B);
    assertThat(report.getIndication(id)).as("with the signer's root trusted").isEqualTo(Indication.TOTAL_PASSED);
  }

  @Test
  void timestampedReport_dssRatesItPadesBaselineT() throws Exception {
    TestSigner jane = TestSigner.named("Jane Doe");
    ReportInput input = ReportInputs.of(ReportInputs.demoDirectory(temp.resolve("demo")), ReportInputs.SIGNED);
    byte[] pdf;
    try (LocalTimestampAuthority tsa = LocalTimestampAuthority.start()) {
      pdf = PadesSigner.sign(ReportRenderer.render(input), jane, "Acquisition report", "lab", Instant.now(),
          new dev.custos.crypto.TimestampAuthority(URI.create(tsa.url())));
    }

    SimpleReport report = validate(pdf, jane);

    assertThat(report.getSignatureFormat(report.getFirstSignatureId())).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
  }
}
