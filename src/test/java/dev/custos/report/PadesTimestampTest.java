package dev.custos.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.crypto.TimestampAuthority;
import dev.custos.error.SigningException;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.LocalTimestampAuthority;
import dev.custos.testing.TestSigner;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PAdES-BASELINE-T: the signature stamped by an RFC 3161 authority (a Bouncy Castle TSA on 127.0.0.1). */
class PadesTimestampTest {
  @TempDir Path temp;

  private static byte[] blankPdf() throws Exception {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.addPage(new PDPage());
      document.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    }
  }

  @Test
  void sign_withTsa_cmsCarriesTheTimestampTokenAndPdfsigStillValidates() throws Exception {
    byte[] signed;
    try (LocalTimestampAuthority tsa = LocalTimestampAuthority.start()) {
      signed = PadesSigner.sign(blankPdf(), TestSigner.named("Jane Doe"), "r", "l", Instant.now(),
          new TimestampAuthority(URI.create(tsa.url())));
    }
    Path pdf = Files.write(temp.resolve("stamped.pdf"), signed);

    String pdfsig = ExternalTool.run(List.of("pdfsig", "-nocert", pdf.toString())).stdout();
    assertThat(pdfsig).contains("Signature is Valid", "ETSI.CAdES.detached");
    Path cms = Files.write(temp.resolve("cms.der"), PdfSignatures.contents(signed));
    String printed = ExternalTool.ok("openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", cms.toString());
    assertThat(printed).contains("unsignedAttrs").contains("id-smime-aa-timeStampToken").contains("Custos test TSA");
  }

  @Test
  void sign_tsaNotAnswering_clearErrorAndNothingSigned() throws Exception {
    String closedPort;
    try (LocalTimestampAuthority tsa = LocalTimestampAuthority.start()) {
      closedPort = tsa.url();
    }
    byte[] pdf = blankPdf();

    assertThatThrownBy(() -> PadesSigner.sign(pdf, TestSigner.named("Jane Doe"), "r", "l", Instant.now(),
        new TimestampAuthority(URI.create(closedPort))))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("did not answer").hasMessageContaining("nothing was signed");
  }
}
