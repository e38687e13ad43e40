package dev.custos.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** The PDF Association's veraPDF validates rendered reports as PDF/A-3b: no rule may fail. */
class PdfaValidationTest {
  @BeforeAll
  static void initialiseVeraPdf() {
    VeraGreenfieldFoundryProvider.initialise();
  }

  @Test
  void render_demo_isPdfA3b(@TempDir Path temp) throws Exception {
    ReportInput input = ReportInputs.of(ReportInputs.demoDirectory(temp.resolve("demo")), ReportInputs.SIGNED);

    assertThat(failures(ReportRenderer.render(input))).isEmpty();
  }

  @Test
  void signedReport_asAnAcquisitionWritesIt_isStillPdfA3b(@TempDir Path temp) throws Exception {
    ReportInput input = ReportInputs.of(ReportInputs.demoDirectory(temp.resolve("demo")), ReportInputs.SIGNED);
    byte[] signed = PadesSigner.sign(ReportRenderer.render(input), dev.custos.testing.TestSigner.named("Jane Doe"),
        "Acquisition report", "lab-ws-01", input.renderedAt(), null);

    assertThat(failures(signed)).isEmpty();
  }

  @Test
  void render_longUnsignedInput_isPdfA3b(@TempDir Path temp) throws Exception {
    ReportInput demo = ReportInputs.of(ReportInputs.demoDirectory(temp.resolve("demo")), ReportInputs.UNSIGNED);

    assertThat(failures(ReportRenderer.render(ReportInputs.stretched(demo, 500, 300)))).isEmpty();
  }

  @Test
  void validator_pdfWithoutPdfaMetadata_fails() throws Exception {
    byte[] plain;
    try (var document = new org.apache.pdfbox.pdmodel.PDDocument()) {
      document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
      var out = new java.io.ByteArrayOutputStream();
      document.save(out);
      plain = out.toByteArray();
    }

    assertThat(failures(plain)).isNotEmpty();
  }

  /** Every failed rule veraPDF reports, with its clause and message. */
  static List<String> failures(byte[] pdf) throws Exception {
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
      ValidationResult result = validator.validate(parser);
      return result.getTestAssertions().stream()
          .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
          .map(assertion -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + ": "
              + assertion.getMessage())
          .distinct()
          .toList();
    }
  }
}
