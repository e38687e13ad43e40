package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.Identities;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A head the parties keep: {@code report transfer} and {@code report receive} print the log head
 * after their event, and {@code report verify --head SEQ:HASH} finds a log cut back before it, or
 * rewritten at it, even when the reports made after it were removed with it.
 */
class KeptHeadTest {
  private static final Pattern HEAD = Pattern.compile("Log head: ([0-9]+:[0-9a-f]{64})");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path keys;
  private static Identities.KeyFile jane;
  private static Identities.KeyFile dana;

  @TempDir Path temp;
  private Path evidence;
  private Path log;

  @BeforeAll
  static void makeKeys() {
    jane = Identities.keygen(keys, "jane", "Jane Doe");
    dana = Identities.keygen(keys, "dana", "Dana Roe");
  }

  @BeforeEach
  void acquire() {
    evidence = temp.resolve("evidence");
    log = evidence.resolve("custody.jsonl");
    assertThat(Evidence.acquireFloppy(evidence, jane.options()).exitCode()).isZero();
  }

  private Cli.Run run(Identities.KeyFile key, String... args) {
    Cli.Run run = Cli.run(Cli.join(args, key.options()));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  private static String head(Cli.Run run) {
    Matcher matcher = HEAD.matcher(run.out());
    assertThat(matcher.find()).as(run.out()).isTrue();
    return matcher.group(1);
  }

  private Cli.Run verify(String... heads) {
    String[] args = {"report", "verify", evidence.toString(), "--no-record"};
    for (String head : heads) {
      args = Cli.join(args, "--head", head);
    }
    return Cli.run(args);
  }

  /** The log as the first {@code lines} lines of it. */
  private void cutBack(int lines) throws IOException {
    List<String> kept = Files.readAllLines(log, StandardCharsets.UTF_8).subList(0, lines);
    log.toFile().setWritable(true);
    Files.writeString(log, String.join("\n", kept) + "\n", StandardCharsets.UTF_8);
    log.toFile().setReadOnly();
  }

  /**
   * The end of the log cut off into its last event (a signed receipt, say): a torn line, which
   * looks exactly like a crash. Nothing may call it harmless: custody does not print a bare INTACT
   * and exits 1, and after the next append sets the bytes aside, verify warns of it by seq and file,
   * and says the bytes begin the next event.
   */
  @Test
  void cutIntoTheLastEvent_neverCalledNotTampering_custodyNotBareIntact_verifyWarnsAfterRepair() throws IOException {
    run(jane, "report", "note", evidence.toString(), "receipt of the hand-over");
    byte[] whole = Files.readAllBytes(log);
    int cut = whole.length - 40;
    log.toFile().setWritable(true);
    Files.write(log, java.util.Arrays.copyOf(whole, cut));
    log.toFile().setReadOnly();
    long lines = new String(whole, StandardCharsets.UTF_8).lines().count();
    int tornBytes = cut - (new String(whole, 0, cut, StandardCharsets.UTF_8).lastIndexOf('\n') + 1);

    Cli.Run verifyTorn = verify();
    Cli.Run custody = Cli.run("report", "custody", evidence.toString());

    assertThat(verifyTorn.exitCode()).isEqualTo(1);
    assertThat(verifyTorn.out()).contains("custody.jsonl line " + lines + ": torn: " + tornBytes + " bytes")
        .contains("so does cutting the end of the log", "report verify --head SEQ:HASH").doesNotContain("not tampering");
    assertThat(custody.exitCode()).as(custody.out()).isEqualTo(1);
    assertThat(custody.out()).contains("Verdict: INTACT up to seq " + (lines - 2), "then a torn last line")
        .doesNotContain("Verdict: INTACT:").doesNotContain("not tampering");

    run(jane, "report", "note", evidence.toString(), "an ordinary note");
    Cli.Run verifyRepaired = verify();

    assertThat(Files.readAllBytes(evidence.resolve("custody.jsonl.torn-1")))
        .isEqualTo(java.util.Arrays.copyOfRange(whole, cut - tornBytes, cut));
    assertThat(verifyRepaired.out()).contains("WARNING: custody.jsonl: seq " + (lines - 1) + " (log-repaired): " + tornBytes
        + " bytes of a torn last line after seq " + (lines - 2) + " were set aside as custody.jsonl.torn-1",
        "they begin the next event (prev = the hash of seq " + (lines - 2) + ", seq " + (lines - 1) + ")",
        "so does cutting the end of the log");
  }

  @Test
  void verify_intactLog_reachesEveryKeptHead_exit0() {
    String transferred = head(run(jane, "report", "transfer", evidence.toString(), "--to", "Dana Roe"));
    String received = head(run(dana, "report", "receive", evidence.toString()));
    run(dana, "report", "note", evidence.toString(), "in locker 4");

    Cli.Run run = verify(transferred, received);

    assertThat(transferred).startsWith("3:");
    assertThat(received).startsWith("4:").isEqualTo("4:" + Evidence.custodyEvents(evidence).get(4).path("hash").asText());
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("2 of 2 kept heads reached");
  }

  @Test
  void verify_logCutBackBeforeTheKeptHead_withTheLaterReport_exit1_withoutTheHeadNotDetected() throws IOException {
    run(jane, "report", "transfer", evidence.toString(), "--to", "Dana Roe");
    String received = head(run(dana, "report", "receive", evidence.toString()));
    run(dana, "report", "render", evidence.toString());
    assertThat(evidence.resolve("report-2.pdf")).exists();
    // The holder removes the hand-over and the report made after it: what is left is a whole, older log.
    cutBack(3);
    Files.delete(evidence.resolve("report-2.pdf"));

    Cli.Run withoutHead = verify();
    Cli.Run withHead = verify(received);
    Cli.Run json = Cli.run("report", "verify", evidence.toString(), "--no-record", "--json", "--head", received);

    assertThat(withoutHead.exitCode()).as("what the log alone cannot show: " + withoutHead.out()).isZero();
    assertThat(withHead.exitCode()).isEqualTo(1);
    assertThat(withHead.out()).contains("custody.jsonl: the log does not reach the kept head " + received
        + ": it ends at seq 2, so events up to seq 4 were cut off since that head was kept");
    assertThat(json.exitCode()).isEqualTo(1);
    JsonNode result = JSON.readTree(json.out());
    assertThat(result.toString()).contains("does not reach the kept head " + received);
  }

  @Test
  void verify_logRewrittenAtTheKeptHead_signedAndIntact_exit1() throws IOException {
    String transferred = head(run(jane, "report", "transfer", evidence.toString(), "--to", "Dana Roe"));
    // The holder rebuilds the log from before the hand-over, every event signed, the chain intact.
    cutBack(3);
    run(jane, "report", "note", evidence.toString(), "nothing happened");
    Cli.Run custody = Cli.run("report", "custody", evidence.toString());
    assertThat(custody.out()).contains("Verdict: INTACT");

    Cli.Run run = verify(transferred);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("the log diverges from the kept head " + transferred + ": its event seq 3 has hash "
        + Evidence.custodyEvents(evidence).get(3).path("hash").asText());
  }

  @Test
  void verify_headAsTheReportGroupsIt_accepted() {
    run(jane, "report", "transfer", evidence.toString(), "--to", "Dana Roe");
    String hash = Evidence.custodyEvents(evidence).get(3).path("hash").asText();

    Cli.Run run = verify("3:" + hash.replaceAll("(.{8})(?!$)", "$1 "));

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("1 of 1 kept head reached");
  }

  @Test
  void verify_malformedHead_exit2OneLine() {
    Cli.Run run = verify("3:abc");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).startsWith("report verify: --head: a log head is SEQ:HASH");
  }
}
