package dev.custos.custody;

import static dev.custos.custody.CustodyFixtures.appendNotes;
import static dev.custos.custody.CustodyFixtures.note;
import static dev.custos.custody.CustodyFixtures.recorder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.error.CustodyBrokenException;
import dev.custos.error.EvidenceWriteException;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.io.SourceFileKey;
import dev.custos.testing.TestSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appending to the custody log: chained, signed, whole lines, read-only between appends. */
class CustodyRecorderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TestSigner JANE = TestSigner.named("Jane Doe");

  @TempDir Path directory;

  private Path log() {
    return directory.resolve(EvidenceDirectory.CUSTODY_LOG);
  }

  private List<JsonNode> events() throws Exception {
    return Files.readAllLines(log(), StandardCharsets.UTF_8).stream().map(line -> {
      try {
        return JSON.readTree(line);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).toList();
  }

  @Test
  void append_newLog_firstEventHasSeqZeroAndZeroPrev() throws Exception {
    CustodyEvent event = recorder(JANE).append(directory, "note", note("first"));

    assertThat(event.seq()).isZero();
    assertThat(event.prev()).isEqualTo("0".repeat(64));
    JsonNode line = events().get(0);
    assertThat(line.get("seq").asLong()).isZero();
    assertThat(line.get("prev").asText()).isEqualTo("0".repeat(64));
    assertThat(line.get("hash").asText()).isEqualTo(event.hash()).matches("[0-9a-f]{64}");
  }

  @Test
  void append_eachEvent_chainsToThePreviousHash() throws Exception {
    appendNotes(recorder(JANE), directory, 4);

    List<JsonNode> events = events();
    assertThat(events).hasSize(4);
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).get("seq").asLong()).isEqualTo(i);
      assertThat(events.get(i).get("prev").asText()).isEqualTo(events.get(i - 1).get("hash").asText());
    }
  }

  @Test
  void append_everyEvent_hasExactlyTheMembersOfTheFormat() throws Exception {
    appendNotes(recorder(JANE), directory, 1);
    CustodyFixtures.unsignedRecorder("John Roe").append(directory, "note", note("unsigned"));

    List<JsonNode> events = events();
    assertThat(events.get(0).properties()).extracting(java.util.Map.Entry::getKey)
        .containsExactlyInAnyOrder("seq", "time", "type", "actor", "host", "tool", "data", "prev", "hash", "sig");
    assertThat(events.get(1).properties()).extracting(java.util.Map.Entry::getKey)
        .containsExactlyInAnyOrder("seq", "time", "type", "actor", "host", "tool", "data", "prev", "hash");
    assertThat(events.get(0).get("actor").get("certificateSha256").asText()).isEqualTo(JANE.certificateSha256());
    assertThat(events.get(1).get("actor").has("certificateSha256")).isFalse();
    assertThat(events.get(0).get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(events.get(0).get("host").get("hostname").asText()).isEqualTo("lab-ws-01");
    assertThat(events.get(0).get("tool").get("name").asText()).isEqualTo("custos");
  }

  @Test
  void append_log_isUtf8LinesEachEndedByNewline() throws Exception {
    recorder(JANE).append(directory, "note", note("Überprüfung — naïve café ✓"));

    byte[] bytes = Files.readAllBytes(log());
    assertThat(bytes[bytes.length - 1]).isEqualTo((byte) '\n');
    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Überprüfung — naïve café ✓");
  }

  @Test
  void append_betweenAppends_logIsReadOnly() throws Exception {
    appendNotes(recorder(JANE), directory, 2);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log()))).isEqualTo("r--r--r--");
  }

  @Test
  void append_firstSignedEvent_publishesTheCertificateAsExaminerPem() throws Exception {
    appendNotes(recorder(JANE), directory, 1);

    String pem = Files.readString(directory.resolve(EvidenceDirectory.CERTIFICATE), StandardCharsets.US_ASCII);
    assertThat(dev.custos.crypto.Certificates.sha256(dev.custos.crypto.Certificates.fromPem(pem).get(0)))
        .isEqualTo(JANE.certificateSha256());
  }

  @Test
  void append_laterSignerWithAnotherCertificate_publishedUnderCertificates() throws Exception {
    TestSigner holder = TestSigner.named("Sam Holder");
    appendNotes(recorder(JANE), directory, 1);
    recorder(holder).append(directory, "note", note("received"));

    assertThat(directory.resolve("certificates").resolve(holder.certificateSha256() + ".pem")).isRegularFile();
    assertThat(CustodyLog.check(directory).intact()).isTrue();
  }

  @Test
  void check_eventSignedOutsideTheCertificatesValidity_namedOnItsLine() throws Exception {
    java.time.Instant now = java.time.Instant.now();
    TestSigner expired = TestSigner.named("Old Key", now.minus(java.time.Duration.ofDays(30)), now.minus(java.time.Duration.ofDays(1)));
    appendNotes(recorder(JANE), directory, 1);
    recorder(expired).append(directory, "note", note("signed with an expired certificate"));

    CustodyVerdict verdict = CustodyLog.check(directory);

    assertThat(verdict.breaks()).singleElement().satisfies(finding -> {
      assertThat(finding.line()).isEqualTo(2);
      assertThat(finding.kind()).isEqualTo(Finding.Kind.CERTIFICATE_MISMATCH);
      assertThat(finding.message()).contains("expired on");
    });
  }

  @Test
  void check_certificateReplacedInTheDirectory_everySignedLineNamed() throws Exception {
    appendNotes(recorder(JANE), directory, 2);
    Path pem = directory.resolve(EvidenceDirectory.CERTIFICATE);
    pem.toFile().setWritable(true);
    Files.writeString(pem, dev.custos.crypto.Certificates.toPem(TestSigner.named("Jane Doe").certificateChain()));

    CustodyVerdict verdict = CustodyLog.check(directory);

    assertThat(verdict.breaks()).extracting(Finding::line, Finding::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Finding.Kind.UNKNOWN_CERTIFICATE),
            org.assertj.core.groups.Tuple.tuple(2, Finding.Kind.UNKNOWN_CERTIFICATE));
  }

  @Test
  void append_dataWithAFraction_isRefusedAsADefect() {
    assertThatThrownBy(() -> recorder(JANE).append(directory, "note", note("x").put("ratio", 0.5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("would not be valid");
  }

  @Test
  void append_tornLastLine_setAsideAndRecordedThenChainGoesOn() throws Exception {
    appendNotes(recorder(JANE), directory, 2);
    byte[] whole = Files.readAllBytes(log());
    byte[] torn = "{\"actor\":{\"name\":\"Jane D".getBytes(StandardCharsets.UTF_8);
    tear(torn);

    CustodyVerdict before = CustodyLog.check(directory);
    assertThat(before.intact()).as("a torn append does not break the chain of the whole events before it").isTrue();
    assertThat(before.findings()).singleElement().satisfies(finding -> {
      assertThat(finding.kind()).isEqualTo(Finding.Kind.TORN_LAST_LINE);
      assertThat(finding.line()).isEqualTo(3);
    });

    recorder(JANE).append(directory, "note", note("after the crash"));

    assertThat(Files.readAllBytes(directory.resolve("custody.jsonl.torn-1"))).isEqualTo(torn);
    byte[] now = Files.readAllBytes(log());
    assertThat(java.util.Arrays.copyOf(now, whole.length)).as("nothing whole is lost").isEqualTo(whole);
    List<JsonNode> events = events();
    assertThat(events).extracting(event -> event.get("type").asText()).containsExactly("note", "note", "log-repaired", "note");
    JsonNode repaired = events.get(2).get("data");
    assertThat(repaired.get("tornBytes").asLong()).isEqualTo(torn.length);
    assertThat(repaired.get("setAsideAs").asText()).isEqualTo("custody.jsonl.torn-1");
    assertThat(repaired.get("afterSeq").asLong()).isEqualTo(1);
    assertThat(CustodyLog.check(directory).findings()).isEmpty();
  }

  @Test
  void append_lastLineEditedNotTorn_refusedAndLogUnchanged() throws Exception {
    appendNotes(recorder(JANE), directory, 2);
    tear("garbage that is not JSON".getBytes(StandardCharsets.UTF_8));
    byte[] before = Files.readAllBytes(log());

    assertThatThrownBy(() -> recorder(JANE).append(directory, "note", note("x")))
        .isInstanceOf(CustodyBrokenException.class).hasMessageContaining("line 3");
    assertThat(Files.readAllBytes(log())).isEqualTo(before);
  }

  private void tear(byte[] tail) throws Exception {
    Files.setPosixFilePermissions(log(), PosixFilePermissions.fromString("rw-r--r--"));
    Files.write(log(), tail, StandardOpenOption.APPEND);
  }

  @Test
  void append_acquiringASourceThatIsTheLog_refusedNamingIt_logUnchanged() throws Exception {
    CustodyFixtures.unsignedRecorder("Jane Doe").append(directory, "note", note("first"));
    byte[] before = Files.readAllBytes(log());
    CustodyRecorder recorder = CustodyFixtures.unsignedRecorder("Jane Doe").notWritingTo(SourceFileKey.of(log()));

    assertThatThrownBy(() -> recorder.append(directory, "note", note("second")))
        .isInstanceOf(EvidenceWriteException.class)
        .hasMessageContaining("refusing to write to " + log() + ": it is the source " + log() + " itself");
    assertThat(Files.readAllBytes(log())).isEqualTo(before);
    assertThat(Files.getPosixFilePermissions(log())).isEqualTo(PosixFilePermissions.fromString("r--r--r--"));
  }

  @Test
  void append_acquiringASourceRenamedIntoTheDirectoryAsTheLock_refusedNothingWritten(@TempDir Path elsewhere) throws Exception {
    Path source = Files.write(elsewhere.resolve("source.bin"), new byte[] {1, 2, 3});
    SourceFileKey notSource = SourceFileKey.of(source);
    Path lock = Files.move(source, directory.resolve(EvidenceDirectory.LOCK));
    CustodyRecorder recorder = CustodyFixtures.unsignedRecorder("Jane Doe").notWritingTo(notSource);

    assertThatThrownBy(() -> recorder.append(directory, "note", note("first")))
        .isInstanceOf(EvidenceWriteException.class)
        .hasMessageContaining("refusing to write to " + lock + ": it is the source " + source + " itself");
    assertThat(lock).hasBinaryContent(new byte[] {1, 2, 3});
    assertThat(log()).doesNotExist();
  }
}
