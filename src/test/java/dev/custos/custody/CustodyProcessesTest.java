package dev.custos.custody;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.evidence.EvidenceDirectory;
import dev.custos.testing.ExternalTool;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real processes on one log: two appending at once, and one killed with SIGKILL in the middle of an append. */
class CustodyProcessesTest {
  @TempDir Path directory;

  @Test
  @Timeout(120)
  void twoProcessesAppendingAtOnce_everyEventPresentAndChainIntact() throws Exception {
    int each = 40;
    Process first = AnotherProcess.start("append", directory.toString(), "Alice", Integer.toString(each));
    Process second = AnotherProcess.start("append", directory.toString(), "Bob", Integer.toString(each));
    String firstOutput = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String secondOutput = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(first.waitFor()).as(firstOutput).isZero();
    assertThat(second.waitFor()).as(secondOutput).isZero();

    CustodyVerdict verdict = CustodyLog.check(directory);
    assertThat(verdict.findings()).isEmpty();
    assertThat(verdict.events()).hasSize(2 * each);
    assertThat(verdict.events()).filteredOn(event -> event.actor().name().equals("Alice")).hasSize(each);
    assertThat(verdict.events()).filteredOn(event -> event.actor().name().equals("Bob")).hasSize(each);
  }

  @Test
  @Timeout(120)
  void killedMidAppend_tornLineReportedSetAsideAndNextAppendWorks() throws Exception {
    CustodyRecorder recorder = CustodyFixtures.unsignedRecorder("Jane Doe");
    CustodyFixtures.appendNotes(recorder, directory, 3);
    Path log = directory.resolve(EvidenceDirectory.CUSTODY_LOG);
    byte[] whole = Files.readAllBytes(log);

    Process tearing = AnotherProcess.start("tear", directory.toString());
    try (BufferedReader out = new BufferedReader(new InputStreamReader(tearing.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("torn");
    }
    ExternalTool.ok("kill", "-KILL", Long.toString(tearing.pid()));
    assertThat(tearing.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(tearing.exitValue()).isEqualTo(128 + 9);

    CustodyVerdict torn = CustodyLog.check(directory);
    assertThat(torn.intact()).isTrue();
    assertThat(torn.findings()).singleElement().extracting(Finding::kind, Finding::line)
        .containsExactly(Finding.Kind.TORN_LAST_LINE, 4);
    byte[] tornBytes = java.util.Arrays.copyOfRange(Files.readAllBytes(log), whole.length, (int) Files.size(log));

    recorder.append(directory, "note", CustodyFixtures.note("after the crash"));

    CustodyVerdict after = CustodyLog.check(directory);
    assertThat(after.findings()).isEmpty();
    assertThat(after.events()).extracting(CustodyEvent::type).containsExactly("note", "note", "note", "log-repaired", "note");
    assertThat(java.util.Arrays.copyOf(Files.readAllBytes(log), whole.length)).as("nothing whole is lost").isEqualTo(whole);
    assertThat(Files.readAllBytes(directory.resolve("custody.jsonl.torn-1"))).isEqualTo(tornBytes);
    assertThat(after.events().get(3).data().get("tornSha256").asText())
        .isEqualTo(ExternalTool.digestOf("sha256sum", directory.resolve("custody.jsonl.torn-1")));
  }
}
