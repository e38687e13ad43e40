package dev.custos.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.crypto.Certificates;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.TestSigner;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's signature, checked by tools nobody here wrote: poppler's {@code pdfsig} validates it
 * and names its type; {@code openssl cms} verifies the CMS over the byte range and shows exactly
 * the signed attributes PAdES asks for; {@code qpdf --check} accepts the file.
 */
class PadesSignerTest {
  private static final TestSigner JANE = TestSigner.named("Jane Doe");
  private static final Instant SIGNED_AT = Instant.parse("2026-11-25T10:15:30.123Z");

  @TempDir static Path temp;
  private static Path signed;
  private static byte[] unsigned;
  private static byte[] signedBytes;

  @BeforeAll
  static void signABlankPage() throws Exception {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.addPage(new PDPage(PDRectangle.A4));
      // As the report is saved: a classic cross-reference table, whose /Size qpdf checks exactly.
      document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
      unsigned = out.toByteArray();
    }
    signedBytes = PadesSigner.sign(unsigned, JANE, "Acquisition report", "lab-ws-01", SIGNED_AT, null);
    signed = Files.write(temp.resolve("signed.pdf"), signedBytes);
  }

  @Test
  void sign_appendsAnIncrementalUpdate_originalBytesUntouched() {
    assertThat(Arrays.copyOf(signedBytes, unsigned.length)).isEqualTo(unsigned);
  }

  @Test
  void sign_pdfsigValidatesItAsEtsiCadesDetached() {
    ExternalTool.Result result = ExternalTool.run(java.util.List.of("pdfsig", "-nocert", signed.toString()));

    assertThat(result.stdout()).as(result.stderr())
        .contains("Signature Type: ETSI.CAdES.detached")
        .contains("Signature Validation: Signature is Valid.")
        .contains("Signer Certificate Common Name: Jane Doe")
        .contains("Total document signed");
  }

  @Test
  void sign_opensslVerifiesTheCmsOverTheByteRange_withOnlyThePadesSignedAttributes() throws Exception {
    int[] range = PdfSignatures.byteRange(signedBytes);
    assertThat(range[2] + range[3]).as("the byte range covers the whole file").isEqualTo(signedBytes.length);
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.write(signedBytes, range[0], range[1]);
    content.write(signedBytes, range[2], range[3]);
    Path cms = Files.write(temp.resolve("cms.der"), PdfSignatures.contents(signedBytes));
    Path data = Files.write(temp.resolve("signed-range.bin"), content.toByteArray());
    Path ca = Files.writeString(temp.resolve("jane.pem"), Certificates.toPem(JANE.certificateChain()));

    ExternalTool.Result verified = ExternalTool.run(java.util.List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER",
        "-in", cms.toString(), "-content", data.toString(), "-CAfile", ca.toString(), "-purpose", "any", "-out", "/dev/null"));
    assertThat(verified.stderr()).contains("Verification successful");

    String printed = ExternalTool.ok("openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", cms.toString());
    assertThat(printed).contains("contentType", "messageDigest", "id-smime-aa-signingCertificateV2")
        .doesNotContain("signingTime").contains("ecdsa-with-SHA256");
    assertThat(printed.split("object: ", -1).length - 1).as("signed attributes only: " + printed).isEqualTo(3);
  }

  @Test
  void sign_signingTimeInTheDictionary_qpdfChecksTheFile() {
    assertThat(new String(signedBytes, StandardCharsets.ISO_8859_1)).contains("/M (D:20261125101530");
    ExternalTool.Result check = ExternalTool.run(java.util.List.of("qpdf", "--check", signed.toString()));
    assertThat(check.exitCode()).as(check.stdout() + check.stderr()).isZero();
  }
}
