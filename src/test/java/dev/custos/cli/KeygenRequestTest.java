package dev.custos.cli;

import static dev.custos.cli.KeygenCommandTest.PASSWORD;
import static dev.custos.cli.KeygenCommandTest.WITH_PASSWORD;
import static dev.custos.cli.KeygenCommandTest.assertRefused;
import static dev.custos.cli.KeygenCommandTest.keygen;
import static dev.custos.testing.ExternalTool.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.crypto.CertificateChains;
import dev.custos.crypto.ExaminerIdentity;
import dev.custos.crypto.Signer;
import dev.custos.error.UsageException;
import dev.custos.testing.Cli;
import dev.custos.testing.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report keygen --csr} and {@code --import}, with openssl as the lab's real CA: the request
 * verifies, the certificate openssl issues for it completes the identity, and a certificate for
 * another key is refused.
 */
class KeygenRequestTest {
  private static final String CA_CONFIG = String.join("\n",
      "[req]", "distinguished_name = dn", "[dn]",
      "[ca]", "basicConstraints = critical, CA:TRUE", "keyUsage = critical, keyCertSign, cRLSign",
      "subjectKeyIdentifier = hash",
      "[examiner]", "basicConstraints = critical, CA:FALSE", "keyUsage = critical, digitalSignature, nonRepudiation",
      "subjectKeyIdentifier = hash", "authorityKeyIdentifier = keyid", "");

  @TempDir Path temp;
  private Path config;
  private Path caKey;
  private Path caPem;

  @BeforeEach
  void realLabCa() throws IOException {
    ExternalTool.assumeInstalled("openssl");
    config = Files.writeString(temp.resolve("openssl.cnf"), CA_CONFIG, StandardCharsets.US_ASCII);
    caKey = temp.resolve("real-ca.key");
    caPem = temp.resolve("real-ca.pem");
    ok("openssl", "req", "-x509", "-config", config.toString(), "-extensions", "ca", "-newkey", "ec",
        "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", caKey.toString(), "-out", caPem.toString(),
        "-subj", "/O=Real Lab/CN=Real Lab CA", "-days", "30");
  }

  /** What the real lab CA (openssl) issues for {@code csr}. */
  private Path issue(Path csr, Path certificate) {
    ok("openssl", "x509", "-req", "-in", csr.toString(), "-CA", caPem.toString(), "-CAkey", caKey.toString(),
        "-CAcreateserial", "-days", "10", "-extfile", config.toString(), "-extensions", "examiner", "-out", certificate.toString());
    return certificate;
  }

  private Path request(String name, String file) {
    Path p12 = temp.resolve(file);
    Cli.Run run = keygen(WITH_PASSWORD, "--csr", "--name", name, "--email", "x@lab.example", "--out", p12.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return p12;
  }

  @Test
  void csr_requestVerifiesWithOpenssl_andKeyFileIsAPlaceholder() {
    Path p12 = request("Jane Doe", "jane.p12");
    Path csr = temp.resolve("jane.csr");

    assertThat(ExternalTool.run(java.util.List.of("openssl", "req", "-verify", "-in", csr.toString(), "-noout")).output())
        .contains("verify OK");
    assertThat(ok("openssl", "req", "-in", csr.toString(), "-noout", "-text"))
        .contains("CN = Jane Doe", "Digital Signature, Non Repudiation", "email:x@lab.example");
    assertThat(temp.resolve("lab-ca.p12")).doesNotExist();
    assertThatThrownBy(() -> ExaminerIdentity.load(p12, PASSWORD.toCharArray(), Instant.now()))
        .isInstanceOf(UsageException.class)
        .hasMessage(p12 + " holds a certificate request's placeholder, not an issued certificate;"
            + " complete it with report keygen --import CERT --key-from " + p12 + " --out …");
  }

  @Test
  void import_certificateFromTheLabCa_completesASigningIdentity() throws Exception {
    Path p12 = request("Jane Doe", "jane.p12");
    Path issued = issue(temp.resolve("jane.csr"), temp.resolve("jane-cert.pem"));
    Path chain = Files.writeString(temp.resolve("jane-chain.pem"),
        Files.readString(issued, StandardCharsets.US_ASCII) + Files.readString(caPem, StandardCharsets.US_ASCII),
        StandardCharsets.US_ASCII);
    Path completed = temp.resolve("jane-final.p12");

    Cli.Run run = keygen(WITH_PASSWORD, "--import", chain.toString(), "--key-from", p12.toString(), "--out", completed.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Signer signer = ExaminerIdentity.load(completed, PASSWORD.toCharArray(), Instant.now());
    assertThat(signer.name()).isEqualTo("Jane Doe");
    assertThat(signer.certificateChain()).hasSize(2);
    assertThat(CertificateChains.problems(signer.certificateChain(), Instant.now())).isEmpty();
    Path exported = KeygenCommandTest.exportCertificate(completed, PASSWORD, temp.resolve("final.pem"));
    assertThat(ok("openssl", "verify", "-CAfile", caPem.toString(), exported.toString())).contains(": OK");
  }

  @Test
  void import_certificateForAnotherKey_refused() {
    Path jane = request("Jane Doe", "jane.p12");
    request("John Roe", "john.p12");
    Path johns = issue(temp.resolve("john.csr"), temp.resolve("john-cert.pem"));
    Path completed = temp.resolve("jane-final.p12");

    Cli.Run run = keygen(WITH_PASSWORD, "--import", johns.toString(), "--key-from", jane.toString(), "--out", completed.toString());

    assertRefused(run, "is for a different key than the one in " + jane);
    assertThat(completed).doesNotExist();
  }

  @Test
  void import_withoutKeyFrom_refused() {
    assertRefused(keygen(WITH_PASSWORD, "--import", caPem.toString(), "--out", temp.resolve("x.p12").toString()),
        "--import CERT and --key-from FILE go together");
  }
}
