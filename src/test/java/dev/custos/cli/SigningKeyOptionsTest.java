package dev.custos.cli;

import static dev.custos.cli.KeygenCommandTest.PASSWORD;
import static dev.custos.cli.KeygenCommandTest.WITH_PASSWORD;
import static dev.custos.cli.KeygenCommandTest.assertRefused;
import static dev.custos.cli.KeygenCommandTest.keygen;
import static dev.custos.testing.ExternalTool.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.crypto.IdentityFiles;
import dev.custos.crypto.IdentityRequest;
import dev.custos.crypto.LabCa;
import dev.custos.crypto.Signer;
import dev.custos.testing.Cli;
import dev.custos.testing.ExternalTool;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code --key} mixin as a signing command sees it: the identity loads, signs what openssl
 * verifies, and every bad key file is one line and exit 2.
 */
class SigningKeyOptionsTest {
  @TempDir Path temp;

  /** A command that loads the signing identity and signs its argument, as a real command would. */
  @Command(name = "probe")
  static final class SigningProbe implements Callable<Integer> {
    @Mixin DebugOption debug;
    @Mixin SigningKeyOptions signing;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Parameters(arity = "0..1") Path sign;
    @CommandLine.Option(names = "--signature") Path signature;

    @Override
    public Integer call() throws Exception {
      Signer signer = signing.signer();
      spec.commandLine().getOut().println(signer == null ? "no key" : "signer: " + signer.name());
      if (signer != null && sign != null) {
        Files.write(signature, signer.sign(Files.readAllBytes(sign)));
      }
      return 0;
    }
  }

  private static Cli.Run probe(Environment environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = CustosCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), environment);
    commandLine.addSubcommand("probe", new SigningProbe());
    // picocli applies these settings to the subcommands present when they are set: set them again.
    commandLine.setOut(commandLine.getOut());
    commandLine.setErr(commandLine.getErr());
    commandLine.setExecutionExceptionHandler(ExitCodes::handleExecutionException);
    commandLine.setExitCodeExceptionMapper(ExitCodes::exitCodeOf);
    List<String> all = ExternalTool.command("probe");
    all.addAll(List.of(args));
    int code = commandLine.execute(all.toArray(String[]::new));
    return new Cli.Run(code, out.toString(), err.toString());
  }

  private static Environment environment(Map<String, String> variables, Instant now) {
    return new Environment(variables, Environment.noTerminal(), Clock.fixed(now, ZoneOffset.UTC));
  }

  private static Environment now(Map<String, String> variables) {
    return environment(variables, Instant.now());
  }

  private Path janeKey() {
    Path p12 = temp.resolve("jane.p12");
    Cli.Run run = keygen(WITH_PASSWORD, "--name", "Jane Doe", "--out", p12.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return p12;
  }

  @Test
  void signer_loadedIdentity_signsWhatOpensslVerifies() throws IOException {
    ExternalTool.assumeInstalled("openssl");
    Path p12 = janeKey();
    Path data = Files.write(temp.resolve("data"), "custody event 1\n".getBytes(StandardCharsets.UTF_8));
    Path signature = temp.resolve("sig.der");

    Cli.Run run = probe(now(WITH_PASSWORD), "--key", p12.toString(), data.toString(), "--signature", signature.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("signer: Jane Doe");
    Path pem = KeygenCommandTest.exportCertificate(p12, PASSWORD, temp.resolve("jane.pem"));
    Path publicKey = temp.resolve("pub.pem");
    Files.writeString(publicKey, ok("openssl", "x509", "-in", pem.toString(), "-pubkey", "-noout"), StandardCharsets.US_ASCII);
    assertThat(ok("openssl", "dgst", "-sha256", "-verify", publicKey.toString(), "-signature", signature.toString(),
        data.toString())).contains("Verified OK");
    Path tampered = Files.write(temp.resolve("tampered"), "custody event 2\n".getBytes(StandardCharsets.UTF_8));
    assertThat(ExternalTool.run(List.of("openssl", "dgst", "-sha256", "-verify", publicKey.toString(), "-signature",
        signature.toString(), tampered.toString())).exitCode()).isNotZero();
  }

  @Test
  void signer_keyFromVariable_andPasswordFromFile() throws IOException {
    Path p12 = janeKey();
    Path passwordFile = Files.writeString(temp.resolve("pw"), PASSWORD + "\n", StandardCharsets.UTF_8);

    Cli.Run run = probe(now(Map.of("CUSTOS_KEY", p12.toString())), "--password-file", passwordFile.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("signer: Jane Doe");
  }

  @Test
  void signer_noKeyAtAll_isNull() {
    Cli.Run run = probe(now(WITH_PASSWORD));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("no key");
  }

  @Test
  void signer_wrongPassword_refused() {
    Path p12 = janeKey();

    assertRefused(probe(now(Map.of("CUSTOS_KEY_PASSWORD", "wrong")), "--key", p12.toString()), "wrong password for " + p12);
  }

  @Test
  void signer_missingKeyFile_refused() {
    Path missing = temp.resolve("jane.p12");

    assertRefused(probe(now(WITH_PASSWORD), "--key", missing.toString()), "key file " + missing + " not found");
  }

  @Test
  void signer_textFile_refusedAsNotPkcs12() throws IOException {
    Path text = Files.writeString(temp.resolve("jane.p12"), "just some notes\n", StandardCharsets.US_ASCII);

    assertRefused(probe(now(WITH_PASSWORD), "--key", text.toString()), text + " is not a PKCS#12 key file");
  }

  @Test
  void signer_noPassword_refusedSayingHowToGiveOne() {
    Path p12 = janeKey();

    Cli.Run run = probe(now(Map.of()), "--key", p12.toString());

    assertRefused(run, "no password for " + p12);
    assertThat(run.err()).contains("--password-file", "CUSTOS_KEY_PASSWORD");
  }

  @Test
  void signer_certificateExpiredByTheClock_refusedWithTheDate() {
    Path p12 = janeKey();

    Cli.Run run = probe(environment(WITH_PASSWORD, Instant.now().plus(Duration.ofDays(4 * 365))), "--key", p12.toString());

    assertRefused(run, "the certificate in " + p12 + " expired on ");
    assertThat(run.err()).contains("Z; make a new identity with report keygen");
  }

  @Test
  void signer_certificateIssuedInThePast_refusedAsExpired() throws Exception {
    Instant past = Instant.parse("2020-03-01T10:00:00Z");
    Path p12 = temp.resolve("old.p12");
    IdentityFiles.issue(new IdentityRequest("Old Examiner", null, null, Duration.ofDays(1)), LabCa.create(null, past),
        p12, PASSWORD.toCharArray(), past);

    assertRefused(probe(now(WITH_PASSWORD), "--key", p12.toString()),
        "the certificate in " + p12 + " expired on 2020-03-02T10:00:00Z; make a new identity with report keygen");
  }

  @Test
  void signer_certificateNotYetValid_refused() {
    Path p12 = janeKey();

    assertRefused(probe(environment(WITH_PASSWORD, Instant.now().minus(Duration.ofDays(2))), "--key", p12.toString()),
        "is not valid until");
  }

  @Test
  void signer_rsaKeyFromOpenssl_refusedAsNotP256() throws IOException {
    ExternalTool.assumeInstalled("openssl");
    Path key = temp.resolve("rsa.key");
    Path cert = temp.resolve("rsa.pem");
    Path p12 = temp.resolve("rsa.p12");
    ok("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
        "-subj", "/CN=RSA Examiner", "-days", "2");
    ok("openssl", "pkcs12", "-export", "-inkey", key.toString(), "-in", cert.toString(), "-out", p12.toString(),
        "-passout", "pass:" + PASSWORD);

    assertRefused(probe(now(WITH_PASSWORD), "--key", p12.toString()), "not EC P-256");
  }

  @Test
  void keygen_onTerminal_asksTwice_andRefusesTwoDifferentPasswords() {
    Deque<String> typed = new ArrayDeque<>(List.of("one password", "another password"));
    Environment terminal = new Environment(new HashMap<>(), prompt -> typed.pop().toCharArray(), Clock.systemUTC());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path p12 = temp.resolve("jane.p12");

    int code = CustosCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), terminal)
        .execute("report", "keygen", "--name", "Jane Doe", "--out", p12.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("the two passwords typed for " + p12 + " differ");
    assertThat(p12).doesNotExist();
  }

  @Test
  void keygen_onTerminal_samePasswordTwice_makesTheKeyFileWithIt() {
    ExternalTool.assumeInstalled("openssl");
    Deque<String> typed = new ArrayDeque<>(List.of("typed twice", "typed twice", "lab password", "lab password"));
    Environment terminal = new Environment(new HashMap<>(), prompt -> typed.pop().toCharArray(), Clock.systemUTC());
    Path p12 = temp.resolve("jane.p12");

    int code = CustosCommand.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true),
        terminal).execute("report", "keygen", "--name", "Jane Doe", "--out", p12.toString());

    assertThat(code).isZero();
    assertThat(typed).isEmpty();
    assertThat(ExternalTool.run(List.of("openssl", "pkcs12", "-info", "-noout", "-in", p12.toString(),
        "-passin", "pass:typed twice")).exitCode()).isZero();
    assertThat(ExternalTool.run(List.of("openssl", "pkcs12", "-info", "-noout", "-in", temp.resolve("lab-ca.p12").toString(),
        "-passin", "pass:lab password")).exitCode()).isZero();
  }
}
