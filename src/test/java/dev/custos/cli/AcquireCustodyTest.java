package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.Identities;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an acquisition records in the chain of custody: signed by the examiner's key, the events
 * in order with the facts a court asks for, the certificate beside them, all checkable offline.
 */
class AcquireCustodyTest {
  private static final Path FLOPPY = Evidence.FLOPPY;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path keys;
  private static Identities.KeyFile jane;

  @TempDir Path temp;

  @BeforeAll
  static void makeKey() {
    jane = Identities.keygen(keys, "jane", "Jane Doe");
  }

  private Cli.Run acquire(Path out, String... extra) {
    return Evidence.acquireFloppy(out, extra);
  }

  private static List<JsonNode> events(Path out) {
    return Evidence.custodyEvents(out);
  }

  @Test
  void image_withKey_startedAndCompletedSignedWithTheDigestsMd5sumComputes() throws Exception {
    Path out = temp.resolve("evidence");

    Cli.Run run = acquire(out, jane.options());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> events = events(out);
    assertThat(events).extracting(event -> event.get("type").asText())
        .containsExactly("acquisition-started", "acquisition-completed", "report-rendered");
    assertThat(events).allSatisfy(event -> {
      assertThat(event.get("actor").get("name").asText()).isEqualTo("Jane Doe");
      assertThat(event.has("sig")).isTrue();
    });
    JsonNode started = events.get(0).get("data");
    assertThat(started.get("source").get("sizeBytes").asLong()).isEqualTo(Files.size(FLOPPY));
    assertThat(started.get("writeBlock").get("method").asText()).isNotBlank();
    assertThat(started.get("case").get("caseId").asText()).isEqualTo("2026-0142");
    JsonNode completed = events.get(1).get("data");
    assertThat(completed.get("digests").get("md5").asText()).isEqualTo(ExternalTool.digestOf("md5sum", FLOPPY));
    assertThat(completed.get("digests").get("sha256").asText()).isEqualTo(ExternalTool.digestOf("sha256sum", FLOPPY));
    assertThat(completed.get("manifest").get("sha256").asText())
        .isEqualTo(ExternalTool.digestOf("sha256sum", out.resolve("acquisition.json")));
    assertThat(run.out()).contains("signed by Jane Doe");
  }

  @Test
  void image_withKey_examinerPemVerifiesAgainstTheLabCaWithOpenssl() {
    Path out = temp.resolve("evidence");
    assertThat(acquire(out, jane.options()).exitCode()).isZero();

    String verified = ExternalTool.ok("openssl", "verify", "-CAfile", keys.resolve("lab-ca.pem").toString(),
        out.resolve("examiner.pem").toString());

    assertThat(verified).contains(": OK");
  }

  @Test
  void image_thenReportCustody_intactWithTheTimeline() {
    Path out = temp.resolve("evidence");
    assertThat(acquire(out, jane.options()).exitCode()).isZero();

    Cli.Run custody = Cli.run("report", "custody", out.toString());

    assertThat(custody.exitCode()).as(custody.err()).isZero();
    assertThat(custody.out()).contains("acquisition-started", "acquisition-completed", "Jane Doe",
        "Verdict: INTACT", "every signature verifies", "md5 " + ExternalTool.digestOf("md5sum", FLOPPY));
  }

  @Test
  void image_withoutKeyOrUnsigned_refusedSayingHowToMakeAKey() {
    Path out = temp.resolve("evidence");

    Cli.Run run = acquire(out);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("--key", "report keygen", "--unsigned");
    assertThat(out).doesNotExist();
  }

  @Test
  void image_unsigned_logHasNoSignaturesAndEveryOutputSaysSo() throws Exception {
    Path out = temp.resolve("evidence");

    Cli.Run run = acquire(out, "--unsigned");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("UNSIGNED");
    assertThat(events(out)).allSatisfy(event -> assertThat(event.has("sig")).isFalse());
    assertThat(out.resolve("examiner.pem")).doesNotExist();
    Cli.Run custody = Cli.run("report", "custody", out.toString());
    assertThat(custody.exitCode()).isZero();
    assertThat(custody.out()).contains("UNSIGNED");
  }

  @Test
  void image_wrongPassword_oneLineExit2NothingWritten() throws Exception {
    Path out = temp.resolve("evidence");
    Path wrong = Files.writeString(temp.resolve("wrong"), "not the password\n");

    Cli.Run run = acquire(out, "--key", jane.p12().toString(), "--password-file", wrong.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("password").doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void noteAndTransfer_appendSignedEventsAndChainStaysIntact() throws Exception {
    Path out = temp.resolve("evidence");
    assertThat(acquire(out, jane.options()).exitCode()).isZero();
    Identities.KeyFile sam = Identities.keygen(keys, "sam", "Sam Holder");

    Cli.Run note = Cli.run(concat(List.of("report", "note", out.toString(), "Sealed in bag 42; stored in locker 3."), jane.options()));
    Cli.Run transfer = Cli.run(concat(List.of("report", "transfer", out.toString(), "--to", "Sam Holder",
        "--reason", "analysis", "--location", "Lab 2"), jane.options()));
    Cli.Run received = Cli.run(concat(List.of("report", "note", out.toString(), "Received intact."), sam.options()));

    assertThat(List.of(note, transfer, received)).allSatisfy(run -> assertThat(run.exitCode()).as(run.err()).isZero());
    List<JsonNode> events = events(out);
    assertThat(events).extracting(event -> event.get("type").asText())
        .containsExactly("acquisition-started", "acquisition-completed", "report-rendered", "note", "transfer", "note");
    assertThat(events.get(4).get("data").get("from").asText()).isEqualTo("Jane Doe");
    assertThat(events.get(4).get("data").get("to").asText()).isEqualTo("Sam Holder");
    assertThat(events.get(5).get("actor").get("name").asText()).isEqualTo("Sam Holder");
    Cli.Run custody = Cli.run("report", "custody", out.toString());
    assertThat(custody.exitCode()).as(custody.out()).isZero();
    assertThat(custody.out()).contains("Evidence handed over from Jane Doe to Sam Holder", "Received intact.");
  }

  @Test
  void reportCustody_editedLog_exit1NamingTheLine() throws Exception {
    Path out = temp.resolve("evidence");
    assertThat(acquire(out, jane.options()).exitCode()).isZero();
    Path log = out.resolve("custody.jsonl");
    String text = Files.readString(log, StandardCharsets.UTF_8);
    log.toFile().setWritable(true);
    Files.writeString(log, text.replace("\"bytesAcquired\":1474560", "\"bytesAcquired\":1474561"), StandardCharsets.UTF_8);

    Cli.Run custody = Cli.run("report", "custody", out.toString());

    assertThat(custody.exitCode()).isEqualTo(1);
    assertThat(custody.out()).contains("Verdict: BROKEN", "line 2:", "edited");
    Cli.Run json = Cli.run("report", "custody", out.toString(), "--json");
    assertThat(json.exitCode()).isEqualTo(1);
    JsonNode verdict = JSON.readTree(json.out());
    assertThat(verdict.get("intact").asBoolean()).isFalse();
    assertThat(verdict.get("findings").get(0).get("line").asInt()).isEqualTo(2);
    assertThat(verdict.get("findings").get(0).get("kind").asText()).isEqualTo("edited");
  }

  @Test
  void reportNote_onBrokenLog_refusedExit1NothingAppended() throws Exception {
    Path out = temp.resolve("evidence");
    assertThat(acquire(out, jane.options()).exitCode()).isZero();
    Path log = out.resolve("custody.jsonl");
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    log.toFile().setWritable(true);
    Files.write(log, List.of(lines.get(1), lines.get(0), lines.get(2)), StandardCharsets.UTF_8);
    byte[] before = Files.readAllBytes(log);

    Cli.Run note = Cli.run(concat(List.of("report", "note", out.toString(), "hello"), jane.options()));

    assertThat(note.exitCode()).isEqualTo(1);
    assertThat(note.err()).contains("line 1");
    assertThat(Files.readAllBytes(log)).isEqualTo(before);
  }

  @Test
  void reportCustody_directoryWithoutALog_oneLineExit2() {
    Cli.Run custody = Cli.run("report", "custody", temp.toString());

    assertThat(custody.exitCode()).isEqualTo(2);
    assertThat(custody.err().strip().lines()).hasSize(1);
    assertThat(custody.err()).contains("no custody log");
  }

  @Test
  void demo_signedByAThrowAwayIdentityThatSaysSo() throws Exception {
    Path out = temp.resolve("demo");

    Cli.Run run = Cli.run("acquire", "demo", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(ExternalTool.ok("openssl", "x509", "-noout", "-subject", "-nameopt", "utf8",
        "-in", out.resolve("examiner.pem").toString())).contains("DEMO — not for casework");
    assertThat(ExternalTool.digestOf("md5sum", out.resolve("image.ima"))).isEqualTo(ExternalTool.digestOf("md5sum", FLOPPY));
    assertThat(Cli.run("report", "custody", out.toString()).exitCode()).isZero();
  }

  private static String[] concat(List<String> first, String[] second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(second));
    return all.toArray(String[]::new);
  }
}
