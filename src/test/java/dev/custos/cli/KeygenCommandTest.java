package dev.custos.cli;

import static dev.custos.testing.ExternalTool.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import dev.custos.testing.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report keygen}, checked with openssl: the identity verifies against the lab CA, the
 * extensions are what a signing certificate needs, and the key file opens with the password.
 */
class KeygenCommandTest {
  static final String PASSWORD = "correct horse battery staple";
  static final Map<String, String> WITH_PASSWORD = Map.of("CUSTOS_KEY_PASSWORD", PASSWORD);

  @TempDir Path temp;

  @BeforeEach
  void needsOpenssl() {
    ExternalTool.assumeInstalled("openssl");
  }

  static Cli.Run keygen(Map<String, String> variables, String... args) {
    List<String> all = ExternalTool.command("report", "keygen");
    all.addAll(List.of(args));
    return Cli.runWith(variables, all.toArray(String[]::new));
  }

  /** The examiner certificate in {@code p12}, as openssl exports it, in {@code pem}. */
  static Path exportCertificate(Path p12, String password, Path pem) throws IOException {
    Path passwordFile = Files.writeString(pem.resolveSibling(pem.getFileName() + ".pass"), password, StandardCharsets.UTF_8);
    Files.writeString(pem, ok("openssl", "pkcs12", "-in", p12.toString(), "-nokeys", "-clcerts",
        "-passin", "file:" + passwordFile), StandardCharsets.US_ASCII);
    return pem;
  }

  static void assertRefused(Cli.Run run, String expectedMessagePart) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip().lines()).as("one line, no trace: " + run.err()).hasSize(1);
    assertThat(run.err()).contains(expectedMessagePart).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void keygen_newIdentity_verifiesAgainstNewLabCaWithOpenssl() throws IOException {
    Path p12 = temp.resolve("jane.p12");

    Cli.Run run = keygen(WITH_PASSWORD, "--name", "Jane Doe", "--email", "jane@lab.example", "--org", "Lab X",
        "--out", p12.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Created lab CA", "lab-ca.pem");
    Path labCaPem = temp.resolve("lab-ca.pem");
    Path examinerPem = exportCertificate(p12, PASSWORD, temp.resolve("examiner.pem"));
    assertThat(ok("openssl", "verify", "-CAfile", labCaPem.toString(), examinerPem.toString())).contains(": OK");
    String examiner = ok("openssl", "x509", "-in", examinerPem.toString(), "-noout", "-text");
    assertThat(examiner).contains("Digital Signature, Non Repudiation", "CA:FALSE", "email:jane@lab.example",
        "CN = Jane Doe", "O = Lab X", "X509v3 Authority Key Identifier", "X509v3 Subject Key Identifier", "NIST CURVE: P-256");
    String labCa = ok("openssl", "x509", "-in", labCaPem.toString(), "-noout", "-text");
    assertThat(labCa).contains("CA:TRUE", "Certificate Sign, CRL Sign", "X509v3 Subject Key Identifier");
    assertThat(Files.getPosixFilePermissions(p12)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(temp.resolve("lab-ca.p12"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void keygen_keyFile_opensslReadsItWithThePasswordAsPbes2Aes256() throws IOException {
    Path p12 = temp.resolve("jane.p12");
    Files.writeString(temp.resolve("pass"), PASSWORD, StandardCharsets.UTF_8);
    assertThat(keygen(WITH_PASSWORD, "--name", "Jane Doe", "--out", p12.toString()).exitCode()).isZero();

    ExternalTool.Result info = ExternalTool.run(List.of("openssl", "pkcs12", "-info", "-noout", "-in", p12.toString(),
        "-passin", "file:" + temp.resolve("pass")));
    ExternalTool.Result wrong = ExternalTool.run(List.of("openssl", "pkcs12", "-info", "-noout", "-in", p12.toString(),
        "-passin", "pass:not the password"));

    assertThat(info.exitCode()).as(info.output()).isZero();
    assertThat(info.output()).contains("MAC: sha256", "PBES2, PBKDF2, AES-256-CBC");
    assertThat(wrong.exitCode()).isNotZero();
  }

  @Test
  void keygen_secondIdentity_reusesTheLabCa() throws IOException {
    assertThat(keygen(WITH_PASSWORD, "--name", "Jane Doe", "--out", temp.resolve("jane.p12").toString()).exitCode()).isZero();
    byte[] labCa = Files.readAllBytes(temp.resolve("lab-ca.p12"));

    Cli.Run second = keygen(WITH_PASSWORD, "--name", "John Roe", "--out", temp.resolve("john.p12").toString());

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains("Using lab CA").doesNotContain("Created lab CA");
    assertThat(Files.readAllBytes(temp.resolve("lab-ca.p12"))).isEqualTo(labCa);
    for (String name : List.of("jane", "john")) {
      Path pem = exportCertificate(temp.resolve(name + ".p12"), PASSWORD, temp.resolve(name + ".pem"));
      assertThat(ok("openssl", "verify", "-CAfile", temp.resolve("lab-ca.pem").toString(), pem.toString())).contains(": OK");
    }
  }

  @Test
  void keygen_existingOutput_refusedAndUnchanged() throws IOException {
    Path p12 = Files.writeString(temp.resolve("jane.p12"), "precious", StandardCharsets.US_ASCII);

    Cli.Run run = keygen(WITH_PASSWORD, "--name", "Jane Doe", "--out", p12.toString());

    assertRefused(run, "already exists");
    assertThat(Files.readString(p12, StandardCharsets.US_ASCII)).isEqualTo("precious");
    assertThat(temp.resolve("lab-ca.p12")).doesNotExist();
  }

  @Test
  void keygen_passwordFile_firstLineIsThePassword() throws IOException {
    Path passwordFile = Files.writeString(temp.resolve("password.txt"), "from the file\nsecond line\n", StandardCharsets.UTF_8);
    Path p12 = temp.resolve("jane.p12");

    Cli.Run run = keygen(Map.of(), "--name", "Jane Doe", "--out", p12.toString(), "--password-file", passwordFile.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(ExternalTool.run(List.of("openssl", "pkcs12", "-info", "-noout", "-in", p12.toString(),
        "-passin", "pass:from the file")).exitCode()).isZero();
  }

  @Test
  void keygen_passwordFileWins_overTheVariable() throws IOException {
    Path passwordFile = Files.writeString(temp.resolve("password.txt"), "from the file\r\n", StandardCharsets.UTF_8);
    Path p12 = temp.resolve("jane.p12");

    keygen(WITH_PASSWORD, "--name", "Jane Doe", "--out", p12.toString(), "--password-file", passwordFile.toString());

    assertThat(ExternalTool.run(List.of("openssl", "pkcs12", "-info", "-noout", "-in", p12.toString(),
        "-passin", "pass:from the file")).exitCode()).isZero();
  }

  @Test
  void keygen_noPassword_refusedSayingHowToGiveOne() {
    Path p12 = temp.resolve("jane.p12");

    Cli.Run run = keygen(Map.of(), "--name", "Jane Doe", "--out", p12.toString());

    assertRefused(run, "no password for");
    assertThat(run.err()).contains("--password-file", "CUSTOS_KEY_PASSWORD");
    assertThat(p12).doesNotExist();
    assertThat(temp.resolve("lab-ca.p12")).doesNotExist();
  }

  @Test
  void keygen_passwordAsArgument_isNoOption() {
    Cli.Run run = keygen(Map.of(), "--name", "Jane Doe", "--out", temp.resolve("jane.p12").toString(), "--password", "secret");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown option '--password'");
    assertThat(temp.resolve("jane.p12")).doesNotExist();
  }

  @Test
  void keygen_badEmail_refused() {
    assertRefused(keygen(WITH_PASSWORD, "--name", "Jane Doe", "--email", "not an address", "--out",
        temp.resolve("jane.p12").toString()), "e-mail address 'not an address'");
  }

  @Test
  void keygen_labCaOption_issuesFromThatCaWithItsOwnPassword() throws IOException {
    Path lab = Files.createDirectory(temp.resolve("lab"));
    Path desk = Files.createDirectory(temp.resolve("desk"));
    Map<String, String> passwords = Map.of("CUSTOS_KEY_PASSWORD", PASSWORD, "CUSTOS_LAB_CA_PASSWORD", "lab secret");
    assertThat(keygen(passwords, "--name", "First", "--out", lab.resolve("first.p12").toString()).exitCode()).isZero();

    Cli.Run run = keygen(passwords, "--name", "Jane Doe", "--out", desk.resolve("jane.p12").toString(),
        "--lab-ca", lab.resolve("lab-ca.p12").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(desk.resolve("lab-ca.p12")).doesNotExist();
    Path pem = exportCertificate(desk.resolve("jane.p12"), PASSWORD, temp.resolve("jane.pem"));
    assertThat(ok("openssl", "verify", "-CAfile", lab.resolve("lab-ca.pem").toString(), pem.toString())).contains(": OK");
  }

  @Test
  void keygen_labCaWrongPassword_refusedAndNothingWritten() {
    Path lab = temp.resolve("lab-ca.p12");
    Map<String, String> first = Map.of("CUSTOS_KEY_PASSWORD", PASSWORD, "CUSTOS_LAB_CA_PASSWORD", "lab secret");
    assertThat(keygen(first, "--name", "First", "--out", temp.resolve("first.p12").toString()).exitCode()).isZero();

    Cli.Run run = keygen(WITH_PASSWORD, "--name", "Jane Doe", "--out", temp.resolve("jane.p12").toString());

    assertRefused(run, "wrong password for " + lab);
    assertThat(temp.resolve("jane.p12")).doesNotExist();
  }
}
