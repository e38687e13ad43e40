package dev.custos.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateChainsTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private final List<X509Certificate> good = ExaminerIdentity.demo(NOW).certificateChain();

  @Test
  void problems_goodChain_none() {
    assertThat(CertificateChains.problems(good, NOW.plusSeconds(60))).isEmpty();
  }

  @Test
  void problems_afterTheExaminerCertificateExpires_namesIt() {
    assertThat(CertificateChains.problems(good, NOW.plus(Duration.ofDays(2))))
        .singleElement().asString().startsWith("certificate 1 (CN=DEMO").contains("expired on 2026-11-26T10:00:00Z");
  }

  @Test
  void problems_beforeItIsValid_namesIt() {
    assertThat(CertificateChains.problems(good, NOW.minusSeconds(1)))
        .hasSize(2).allMatch(problem -> problem.contains("is not valid until 2026-11-25T10:00:00Z"));
  }

  @Test
  void problems_issuerFromAnotherCa_notSignedBy() {
    X509Certificate otherCa = ExaminerIdentity.demo(NOW).certificateChain().get(1);

    assertThat(CertificateChains.problems(List.of(good.get(0), otherCa), NOW))
        .singleElement().asString().startsWith("certificate 1 (CN=DEMO").contains("is not signed by certificate 2");
  }

  @Test
  void problems_chainWithoutItsRoot_stopsShort() {
    assertThat(CertificateChains.problems(good.subList(0, 1), NOW))
        .singleElement().asString().contains("is not self-signed");
  }

  @Test
  void problems_reversedChain_everyLinkNamed() {
    assertThat(CertificateChains.problems(List.of(good.get(1), good.get(0)), NOW)).hasSize(2);
  }

  @Test
  void problems_emptyChain_saysSo() {
    assertThat(CertificateChains.problems(List.of(), NOW)).containsExactly("the certificate chain is empty");
  }
}
