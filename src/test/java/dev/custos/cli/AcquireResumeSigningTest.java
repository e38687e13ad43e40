package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.testing.Cli;
import dev.custos.testing.CustosProcess;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.Identities;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code acquire resume} records the rest of an acquisition as its start was recorded: an unsigned
 * one goes on unsigned without being told, a signed one only with the key that signed its start.
 * A refusal is one line, exit 2, and leaves the custody log byte for byte as it was ({@code
 * sha256sum}). Every interruption is a real signal to a real process.
 */
class AcquireResumeSigningTest {
  private static final long SOURCE_BYTES = 96L << 20;

  @TempDir static Path shared;
  private static Path source;
  private static Identities.KeyFile jane;
  private static Identities.KeyFile john;
  /** A signed acquisition stopped by SIGTERM, which the refusals must leave as it is. */
  private static Path signedInterrupted;

  @TempDir Path temp;

  @BeforeAll
  static void interruptSignedAcquisition() throws Exception {
    source = Evidence.randomFile(shared.resolve("source.bin"), SOURCE_BYTES, 11);
    jane = Identities.keygen(shared, "jane", "Jane Doe");
    john = Identities.keygen(shared, "john", "John Roe");
    signedInterrupted = interrupted(shared, "signed", "TERM", jane.options());
  }

  @Test
  void resume_unsignedAcquisitionWithoutOptions_continuesUnsignedAndSaysSo() throws Exception {
    Path out = interrupted(temp, "unsigned", "KILL", "--unsigned");

    Cli.Run resumed = Cli.runWith(Map.of(), "acquire", "resume", out.toString());

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out().lines().findFirst()).hasValue("The interrupted acquisition was recorded unsigned: continuing unsigned.");
    assertThat(resumed.out()).contains("UNSIGNED");
    assertThat(ExternalTool.identical(source, out.resolve("image.ima"))).as("cmp: the image is the source").isTrue();
    assertThat(Evidence.custodyEvents(out)).as("no event signed").allSatisfy(event -> assertThat(event.has("sig")).isFalse());
  }

  @Test
  void resume_unsignedAcquisitionWithAKey_refusedAndNothingAppended() throws Exception {
    Path out = interrupted(temp, "unsigned", "KILL", "--unsigned");
    String log = ExternalTool.digestOf("sha256sum", out.resolve("custody.jsonl"));

    Cli.Run resumed = Cli.runWith(Map.of(), Cli.join(new String[] {"acquire", "resume", out.toString()}, jane.options()));

    assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(2);
    assertThat(resumed.err().strip().lines()).containsExactly("acquire resume: the interrupted acquisition in " + out
        + " was recorded unsigned (custody event seq 0): it goes on unsigned, so that no part of it reads as signed by a key"
        + " that did not record its start; leave out --key");
    assertThat(ExternalTool.digestOf("sha256sum", out.resolve("custody.jsonl"))).as("sha256sum of the log").isEqualTo(log);
  }

  @Test
  void resume_signedAcquisitionWithoutKey_refusedNamingTheSignerAndNothingWritten() {
    List<String> before = listing(signedInterrupted);

    Cli.Run resumed = Cli.runWith(Map.of(), "acquire", "resume", signedInterrupted.toString());

    assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(2);
    assertThat(resumed.err().strip().lines()).hasSize(1);
    assertThat(resumed.err()).startsWith("acquire resume: the interrupted acquisition in " + signedInterrupted + " was signed by ")
        .contains("CN=Jane Doe").contains("(certificate SHA-256 " + opensslFingerprint(jane) + ")")
        .contains("give it with --key FILE or $CUSTOS_KEY");
    assertThat(resumed.out()).isEmpty();
    assertThat(listing(signedInterrupted)).as("every file of the directory, by sha256sum, as before").isEqualTo(before);
  }

  @Test
  void resume_signedAcquisitionUnsigned_refusedAndNothingWritten() {
    List<String> before = listing(signedInterrupted);

    Cli.Run resumed = Cli.runWith(Map.of(), "acquire", "resume", signedInterrupted.toString(), "--unsigned");

    assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(2);
    assertThat(resumed.err().strip().lines()).hasSize(1);
    assertThat(resumed.err()).contains("was signed by").contains(opensslFingerprint(jane))
        .contains("resuming it unsigned would leave its log partly unsigned");
    assertThat(listing(signedInterrupted)).isEqualTo(before);
  }

  @Test
  void resume_signedAcquisitionWithAnotherExaminersKey_refusedNamingBothAndNothingWritten() {
    List<String> before = listing(signedInterrupted);

    Cli.Run resumed = Cli.runWith(Map.of(), Cli.join(new String[] {"acquire", "resume", signedInterrupted.toString()},
        john.options()));

    assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(2);
    assertThat(resumed.err().strip().lines()).hasSize(1);
    assertThat(resumed.err()).contains("CN=Jane Doe").contains(opensslFingerprint(jane))
        .contains("CN=John Roe").contains(opensslFingerprint(john)).contains("resume it with the key that began it");
    assertThat(listing(signedInterrupted)).isEqualTo(before);
  }

  @Test
  void resume_signedAcquisitionWithItsKey_everyEventSignedByThatKey() throws Exception {
    Path out = interrupted(temp, "signed", "KILL", jane.options());

    Cli.Run resumed = Cli.runWith(Map.of(), Cli.join(new String[] {"acquire", "resume", out.toString()}, jane.options()));

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).doesNotContain("continuing unsigned").doesNotContain("UNSIGNED");
    assertThat(ExternalTool.identical(source, out.resolve("image.ima"))).as("cmp: the image is the source").isTrue();
    List<JsonNode> events = Evidence.custodyEvents(out);
    assertThat(events).extracting(event -> event.path("actor").path("certificateSha256").asText()).as("one signer throughout")
        .containsOnly(opensslFingerprint(jane));
    assertThat(Cli.run("report", "verify", out.toString(), "--no-record").exitCode()).isZero();
  }

  /** An acquisition of the source into {@code parent/name}, stopped by {@code signal} a third of the way. */
  private static Path interrupted(Path parent, String name, String signal, String... signing) throws InterruptedException {
    Path out = parent.resolve(name);
    CustosProcess acquisition = CustosProcess.start(parent, name, Cli.join(new String[] {"acquire", "image", source.toString(),
        "--out", out.toString(), "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--piece-size", "4MiB"},
        signing));
    acquisition.signalAt(out.resolve("image.ima"), SOURCE_BYTES / 3, signal);
    return out;
  }

  /** The SHA-256 of the key's certificate as openssl computes it, lowercase hex without colons. */
  private static String opensslFingerprint(Identities.KeyFile key) {
    String pem = ExternalTool.ok("openssl", "pkcs12", "-in", key.p12().toString(), "-nokeys", "-clcerts", "-passin",
        "file:" + key.passwordFile());
    Path file = shared.resolve(key.p12().getFileName() + ".pem");
    try {
      java.nio.file.Files.writeString(file, pem);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String fingerprint = ExternalTool.ok("openssl", "x509", "-in", file.toString(), "-noout", "-fingerprint", "-sha256");
    return fingerprint.substring(fingerprint.indexOf('=') + 1).strip().replace(":", "").toLowerCase(Locale.ROOT);
  }

  /** {@code sha256sum} of every file in {@code directory}: what a refusal must leave as it is. */
  private static List<String> listing(Path directory) {
    return ExternalTool.lines(ExternalTool.ok("sh", "-c", "cd '" + directory + "' && find . -type f | sort | xargs sha256sum"));
  }
}
