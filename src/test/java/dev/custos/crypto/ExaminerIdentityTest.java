package dev.custos.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExaminerIdentityTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");

  @TempDir Path temp;

  @Test
  void demo_subjectIsExactlyTheDemoName_asUtf8String() throws IOException {
    Signer demo = ExaminerIdentity.demo(NOW);
    Path pem = Files.writeString(temp.resolve("demo.pem"), Certificates.toPem(demo.certificateChain().subList(0, 1)),
        StandardCharsets.US_ASCII);

    assertThat(demo.name()).isEqualTo("DEMO \u2014 not for casework");
    assertThat(ExternalTool.ok("openssl", "x509", "-in", pem.toString(), "-noout", "-subject", "-nameopt", "utf8,show_type,sep_comma_plus"))
        .contains("CN=UTF8STRING:DEMO \u2014 not for casework");
  }

  @Test
  void demo_validOneDay_chainedToAnInMemoryDemoCa() {
    Signer demo = ExaminerIdentity.demo(NOW);
    X509Certificate certificate = demo.certificateChain().get(0);

    assertThat(Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant())).isEqualTo(Duration.ofDays(1));
    assertThat(CertificateChains.problems(demo.certificateChain(), NOW.plusSeconds(3600))).isEmpty();
    assertThat(Names.commonName(demo.certificateChain().get(1))).isEqualTo("Custos demo CA \u2014 not for casework");
    assertThat(temp.toFile().list()).isEmpty();
  }

  @Test
  void sign_signatureVerifiesWithTheCertificate_andNotOverOtherData() {
    Signer demo = ExaminerIdentity.demo(NOW);
    byte[] data = "event".getBytes(StandardCharsets.US_ASCII);

    byte[] signature = demo.sign(data);

    assertThat(Certificates.verifies(demo.certificateChain().get(0), data, signature)).isTrue();
    assertThat(Certificates.verifies(demo.certificateChain().get(0), "Event".getBytes(StandardCharsets.US_ASCII), signature)).isFalse();
  }

  @Test
  void certificateSha256_isTheFingerprintOpensslShows() throws IOException {
    Signer demo = ExaminerIdentity.demo(NOW);
    Path pem = Files.writeString(temp.resolve("demo.pem"), Certificates.toPem(List.of(demo.certificateChain().get(0))),
        StandardCharsets.US_ASCII);

    String fingerprint = ExternalTool.ok("openssl", "x509", "-in", pem.toString(), "-noout", "-fingerprint", "-sha256");

    assertThat(fingerprint.strip()).endsWith("=" + demo.certificateSha256().toUpperCase(java.util.Locale.ROOT)
        .replaceAll("(..)(?!$)", "$1:"));
  }
}
