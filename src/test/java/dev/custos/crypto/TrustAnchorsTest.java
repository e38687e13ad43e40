package dev.custos.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.error.UsageException;
import dev.custos.testing.ExternalTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trust anchors: a chain is TRUSTED only when it holds up to an anchor at the signing time. Each
 * verdict is cross-checked with {@code openssl verify -CAfile … -attime …}, an implementation
 * nobody here wrote.
 */
class TrustAnchorsTest {
  private static final Instant ISSUED = Instant.parse("2026-06-01T12:00:00Z");
  private static final Instant INSIDE = ISSUED.plus(Duration.ofDays(30));

  @TempDir static Path temp;
  private static LabCa genuine;
  private static LabCa forger;
  private static List<X509Certificate> jane;
  private static List<X509Certificate> forgedJane;
  private static Path genuinePem;
  private static Path janePem;
  private static Path forgedJanePem;

  @BeforeAll
  static void makeTwoLabsWithTheSameNames() throws Exception {
    genuine = LabCa.create("State Forensic Lab", ISSUED);
    forger = LabCa.create("State Forensic Lab", ISSUED);
    IdentityRequest request = new IdentityRequest("Jane Doe", null, "State Forensic Lab", Duration.ofDays(365));
    jane = genuine.issue(request, P256.generate(new SecureRandom()), ISSUED);
    forgedJane = forger.issue(request, P256.generate(new SecureRandom()), ISSUED);
    genuinePem = write("lab-ca.pem", List.of(genuine.certificate()));
    janePem = write("jane.pem", jane);
    forgedJanePem = write("forged-jane.pem", forgedJane);
  }

  private static Path write(String name, List<X509Certificate> chain) throws Exception {
    return Files.writeString(temp.resolve(name), Certificates.toPem(chain), StandardCharsets.US_ASCII);
  }

  private static TrustAnchors trusting(Path... files) throws UsageException {
    return TrustAnchors.load(List.of(files), List.of(), null, "$CUSTOS_TRUST");
  }

  /** Whether {@code openssl verify} accepts the first certificate of {@code pem} against {@code ca} at {@code at}. */
  private static boolean opensslVerifies(Path ca, Path pem, Instant at) {
    ExternalTool.assumeInstalled("openssl");
    return ExternalTool.run(List.of("openssl", "verify", "-CAfile", ca.toString(), "-attime", Long.toString(at.getEpochSecond()),
        pem.toString())).exitCode() == 0;
  }

  @Test
  void keygenLabCa_twoLabsWithTheSameOrganisation_namesDiffer() {
    String one = genuine.certificate().getSubjectX500Principal().getName();
    String two = forger.certificate().getSubjectX500Principal().getName();

    assertThat(one).matches("CN=Custos lab CA [0-9a-f]{8},O=State Forensic Lab");
    assertThat(two).matches("CN=Custos lab CA [0-9a-f]{8},O=State Forensic Lab").isNotEqualTo(one);
  }

  @Test
  void assess_chainToTheAnchorInsideItsValidity_trusted_opensslAgrees() throws Exception {
    Trust trust = trusting(genuinePem).assess(jane, INSIDE);

    assertThat(trust.level()).isEqualTo(Trust.Level.TRUSTED);
    assertThat(trust.anchorSha256()).isEqualTo(Certificates.sha256(genuine.certificate()));
    assertThat(opensslVerifies(genuinePem, janePem, INSIDE)).isTrue();
  }

  @Test
  void assess_sameNamesUnderAnotherLabCa_notTrusted_opensslAgrees() throws Exception {
    Trust trust = trusting(genuinePem).assess(forgedJane, INSIDE);

    assertThat(trust.level()).isEqualTo(Trust.Level.NOT_TRUSTED);
    assertThat(trust.reason()).contains("does not chain to any trust anchor given", Certificates.sha256(forger.certificate()));
    assertThat(opensslVerifies(genuinePem, forgedJanePem, INSIDE)).isFalse();
  }

  @Test
  void assess_signingTimeBeforeTheCertificateWasIssued_notTrusted_opensslAgrees() throws Exception {
    Instant backdated = ISSUED.minus(Duration.ofDays(90));

    Trust trust = trusting(genuinePem).assess(jane, backdated);

    assertThat(trust.level()).isEqualTo(Trust.Level.NOT_TRUSTED);
    assertThat(trust.reason()).contains("not valid until");
    assertThat(opensslVerifies(genuinePem, janePem, backdated)).isFalse();
  }

  @Test
  void assess_signingTimeAfterTheCertificateExpired_notTrusted_opensslAgrees() throws Exception {
    Instant late = ISSUED.plus(Duration.ofDays(400));

    Trust trust = trusting(genuinePem).assess(jane, late);

    assertThat(trust.level()).isEqualTo(Trust.Level.NOT_TRUSTED);
    assertThat(trust.reason()).contains("expired");
    assertThat(opensslVerifies(genuinePem, janePem, late)).isFalse();
  }

  @Test
  void assess_noAnchor_validChainIsOnlySelfAsserted_andABackdatedOneIsNot() {
    Trust valid = TrustAnchors.none().assess(forgedJane, INSIDE);
    Trust backdated = TrustAnchors.none().assess(forgedJane, ISSUED.minus(Duration.ofDays(1)));

    assertThat(valid.level()).isEqualTo(Trust.Level.SELF_ASSERTED);
    assertThat(valid.reason()).contains("only the evidence directory supplies");
    assertThat(backdated.level()).isEqualTo(Trust.Level.NOT_TRUSTED);
  }

  @Test
  void assess_examinerCertificateAsAnchor_trustedOnlyForThatCertificate() throws Exception {
    Path janeOnly = write("jane-only.pem", jane.subList(0, 1));

    assertThat(trusting(janeOnly).assess(jane, INSIDE).level()).isEqualTo(Trust.Level.TRUSTED);
    assertThat(trusting(janeOnly).assess(forgedJane, INSIDE).level()).isEqualTo(Trust.Level.NOT_TRUSTED);
  }

  @Test
  void assess_fingerprintOfTheLabCa_pinsTheRootTheDirectorySupplies() throws Exception {
    String colons = Certificates.sha256(genuine.certificate()).toUpperCase(java.util.Locale.ROOT).replaceAll("(..)(?!$)", "$1:");
    TrustAnchors pinned = TrustAnchors.load(List.of(), List.of(colons), null, "$CUSTOS_TRUST");

    assertThat(pinned.assess(jane, INSIDE).level()).isEqualTo(Trust.Level.TRUSTED);
    assertThat(pinned.assess(forgedJane, INSIDE).level()).isEqualTo(Trust.Level.NOT_TRUSTED);
  }

  @Test
  void load_trustStoreDirectory_everyPemFileAnAnchor() throws Exception {
    Path store = Files.createDirectories(temp.resolve("store"));
    Files.copy(genuinePem, store.resolve("state-lab.pem"));

    TrustAnchors anchors = TrustAnchors.load(List.of(), List.of(), store, "$CUSTOS_TRUST");

    assertThat(anchors.configured()).isTrue();
    assertThat(anchors.assess(jane, INSIDE).trusted()).isTrue();
  }

  @Test
  void load_badInput_oneLineUsageErrors() throws Exception {
    Path empty = Files.createDirectories(temp.resolve("empty-store"));
    Path notPem = Files.writeString(temp.resolve("not.pem"), "hello", StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> TrustAnchors.load(List.of(), List.of("abc"), null, "$CUSTOS_TRUST"))
        .isInstanceOf(UsageException.class).hasMessageContaining("is not a SHA-256");
    assertThatThrownBy(() -> TrustAnchors.load(List.of(), List.of(), empty, "$CUSTOS_TRUST"))
        .isInstanceOf(UsageException.class).hasMessageContaining("holds no .pem file");
    assertThatThrownBy(() -> trusting(notPem)).isInstanceOf(UsageException.class).hasMessageContaining("not.pem");
    assertThatThrownBy(() -> trusting(temp.resolve("missing.pem"))).isInstanceOf(UsageException.class)
        .hasMessageContaining("missing.pem");
  }
}
