package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.Identities;
import dev.custos.testing.Trees;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile things under the names Custos reads in an evidence directory — a FIFO, a character device
 * ({@code /dev/null}- and {@code /dev/zero}-like), a file with a second name outside the directory,
 * a 20 MiB custody line, JSON nested 900 deep — cost one line and the documented exit code, never a
 * hang, a JVM error or a trace, and nothing is written outside the directory. Every test is bounded
 * by a timeout on its own thread: a FIFO opened for reading blocks in {@code open(2)}, which no
 * interrupt ends (each FIFO is opened from the other end afterwards to free such a thread).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileContentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path shared;
  static Path signedEvidence;
  static Identities.KeyFile key;
  static String laterSignerCertificate;

  @TempDir Path temp;
  private final List<Path> fifos = new ArrayList<>();

  @BeforeAll
  static void acquireOnce() throws IOException {
    key = Identities.keygen(Files.createDirectories(shared.resolve("keys")), "jane", "Jane Doe");
    Identities.KeyFile other = Identities.keygen(shared.resolve("keys"), "john", "John Roe");
    signedEvidence = shared.resolve("evidence");
    Cli.Run run = Evidence.acquireFloppy(signedEvidence, key.options());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Cli.Run note = Cli.run(Cli.join(new String[] {"report", "note", signedEvidence.toString(), "checked"}, other.options()));
    assertThat(note.exitCode()).as(note.err()).isZero();
    try (Stream<Path> certificates = Files.list(signedEvidence.resolve("certificates"))) {
      laterSignerCertificate = "certificates/" + certificates.findFirst().orElseThrow().getFileName();
    }
  }

  /** A FIFO blocked on stays blocked after the test: open its other ends, so no thread is left waiting. */
  @AfterEach
  void releaseFifos() {
    for (Path fifo : fifos) {
      for (StandardOpenOption end : List.of(StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        Thread opener = new Thread(() -> {
          try {
            FileChannel.open(fifo, end).close(); // opened: the other end's open has returned
          } catch (IOException e) {
            // Gone with the temporary directory: nothing waits on it.
          }
        });
        opener.setDaemon(true);
        opener.start();
      }
    }
  }

  /** The commands that read or append to an evidence directory. */
  enum Command {
    VERIFY("report verify"), VERIFY_AND_RECORD("report verify"), CUSTODY("report custody"), NOTE("report note"),
    TRANSFER("report transfer"), RENDER("report render"), RESUME("acquire resume");

    final String name;

    Command(String name) {
      this.name = name;
    }

    String[] args(Path dir) {
      return switch (this) {
        case VERIFY -> new String[] {"report", "verify", dir.toString(), "--no-record"};
        case VERIFY_AND_RECORD -> Cli.join(new String[] {"report", "verify", dir.toString()}, key.options());
        case CUSTODY -> new String[] {"report", "custody", dir.toString()};
        case NOTE -> Cli.join(new String[] {"report", "note", dir.toString(), "a note"}, key.options());
        case TRANSFER -> Cli.join(new String[] {"report", "transfer", dir.toString(), "--to", "John Roe"}, key.options());
        case RENDER -> Cli.join(new String[] {"report", "render", dir.toString()}, key.options());
        case RESUME -> Cli.join(new String[] {"acquire", "resume", dir.toString()}, key.options());
      };
    }
  }

  /** What a test plants in place of a file. */
  enum Hostile {
    FIFO("a FIFO (named pipe)"), NULL_DEVICE("a character device"), ZERO_DEVICE("a character device");

    final String described;

    Hostile(String described) {
      this.described = described;
    }

    void plant(Path file) {
      switch (this) {
        case FIFO -> ExternalTool.ok("mkfifo", file.toString());
        case NULL_DEVICE -> mknod(file, "3");
        case ZERO_DEVICE -> mknod(file, "5");
      }
    }

    private static void mknod(Path file, String minor) {
      ExternalTool.assumeRoot();
      ExternalTool.Result made = ExternalTool.run(List.of("mknod", file.toString(), "c", "1", minor));
      assumeTrue(made.exitCode() == 0, () -> "mknod is not permitted here: " + made.output());
    }
  }

  static Stream<Arguments> filesAndHostileThings() {
    List<String> files = List.of("examiner.pem", "custody.jsonl", "acquisition.json", "CERTIFICATE", ".custody.lock", "report.pdf",
        "acquisition-progress.jsonl", ".acquisition.lock", "image.ima", "acquisition-interrupted-1.json", "custody.jsonl.torn-1");
    return files.stream().flatMap(file -> Stream.of(Hostile.values()).map(hostile -> Arguments.of(file, hostile)));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("filesAndHostileThings")
  void aFifoOrDeviceUnderAnEvidenceName_everyCommandRefusesInOneLine_nothingChanged(String name, Hostile hostile)
      throws IOException {
    Path dir = copyOfEvidence();
    String file = name.equals("CERTIFICATE") ? laterSignerCertificate : name;
    Path planted = dir.resolve(file);
    ExternalTool.ok("rm", "-f", planted.toString());
    hostile.plant(planted);
    if (hostile == Hostile.FIFO) {
      fifos.add(planted);
    }
    List<String> before = Trees.snapshot(temp);

    for (Command command : Command.values()) {
      Cli.Run run = Cli.run(command.args(dir));

      assertThat(run.exitCode()).as("%s: %s%s", command, run.out(), run.err()).isEqualTo(2);
      assertThat(run.out()).as("%s", command).isEmpty();
      assertThat(run.err()).as("%s", command).isEqualTo(command.name + ": " + planted + " is " + hostile.described
          + ", not a regular file; Custos reads and writes evidence only as regular files: nothing was read or written\n");
      assertThat(Trees.snapshot(temp)).as("after %s", command).isEqualTo(before);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"custody.jsonl", ".custody.lock"})
  void aFileWithASecondNameOutsideTheDirectory_noCommandAppends_theOutsideFileUntouched(String name) throws IOException {
    Path dir = copyOfEvidence();
    Path outside = Files.createDirectories(temp.resolve("outside")).resolve(name);
    Files.createLink(outside, dir.resolve(name));
    byte[] bytes = Files.readAllBytes(outside);
    List<String> before = Trees.snapshot(temp.resolve("outside"));
    String refusal = dir.resolve(name) + " has 2 names (hard links): writing to it would change the file under its other"
        + " names too, which may lie outside the evidence directory; Custos writes only to a file with one name: nothing was"
        + " written";

    for (Command command : List.of(Command.NOTE, Command.TRANSFER, Command.RENDER, Command.RESUME)) {
      Cli.Run run = Cli.run(command.args(dir));

      assertThat(run.exitCode()).as("%s: %s%s", command, run.out(), run.err()).isEqualTo(2);
      assertThat(run.err()).as("%s", command).isEqualTo(command.name + ": " + refusal + "\n");
    }
    Cli.Run verify = Cli.run(Command.VERIFY_AND_RECORD.args(dir));
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains("VERIFIED: everything is as recorded")
        .contains("Not recorded: cannot append to the custody log: " + refusal);
    assertNoTrace(verify);

    assertThat(Files.readAllBytes(outside)).as("the outside file, byte for byte").isEqualTo(bytes);
    assertThat(Trees.snapshot(temp.resolve("outside"))).as("its mode and time too").isEqualTo(before);
    assertThat(ExternalTool.identical(outside, dir.resolve(name))).isTrue();
  }

  @Test
  void aTwentyMebibyteCustodyLine_everyCommandRefusesTheLogInOneLine() throws IOException {
    Path dir = copyOfEvidence();
    appendLine(dir, "{\"a\":\"" + "x".repeat(20 << 20) + "\"}");
    long size = Files.size(dir.resolve("custody.jsonl"));
    // acquire resume takes the directory's lock (and writes its holder line) before it reads the log.
    List<String> before = Trees.snapshot(temp, "evidence/.acquisition.lock");

    for (Command command : Command.values()) {
      Cli.Run run = Cli.run(command.args(dir));

      assertThat(run.exitCode()).as("%s: %s", command, run.err()).isEqualTo(2);
      assertThat(run.err()).as("%s", command).isEqualTo(command.name + ": " + dir.resolve("custody.jsonl") + " holds " + size
          + " bytes, but a custody log may hold at most 16 MiB (16777216 bytes): not read (not a file Custos wrote)\n");
      assertThat(Trees.snapshot(temp, "evidence/.acquisition.lock")).isEqualTo(before);
    }
  }

  @Test
  void aTwentyMebibyteCustodyLine_inAJvmWithTheLaunchersHeap_oneLineNoJvmError() throws Exception {
    Path dir = copyOfEvidence();
    appendLine(dir, "{\"a\":\"" + "x".repeat(20 << 20) + "\"}");

    for (String command : List.of("verify", "custody")) {
      dev.custos.testing.CustosProcess process = dev.custos.testing.CustosProcess.start(temp, command, "report", command,
          dir.toString());
      int exit = process.exitCode();

      assertThat(exit).as(process.stderr()).isEqualTo(2);
      assertThat(process.stderr()).startsWith("report " + command + ": " + dir.resolve("custody.jsonl") + " holds ")
          .contains("a custody log may hold at most 16 MiB").hasLineCount(1).doesNotContain("Error");
    }
  }

  static Stream<Arguments> hostileLines() {
    return Stream.of(
        Arguments.of("2 MiB", "{\"a\":\"" + "x".repeat(2 << 20) + "\"}",
            "not a custody event: it holds 2097160 bytes, but a custody line may hold at most 1 MiB (1048576 bytes)"),
        Arguments.of("900 deep", "[".repeat(900) + "]".repeat(900),
            "not one JSON object (edited or damaged): Document nesting depth (65) exceeds the maximum allowed (64"),
        Arguments.of("900 deep in an object", "{\"data\":" + "{\"a\":".repeat(899) + "1" + "}".repeat(900),
            "not one JSON object (edited or damaged): Document nesting depth (65) exceeds the maximum allowed (64"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileLines")
  void aHostileCustodyLine_isAFindingOfItsLine_everyCommandSaysSoWithoutATrace(String what, String line, String finding)
      throws IOException {
    Path dir = copyOfEvidence();
    int number = appendLine(dir, line);
    String named = "line " + number + ": " + finding;

    for (Command command : Command.values()) {
      Cli.Run run = Cli.run(command.args(dir));

      assertThat(run.exitCode()).as("%s: %s%s", command, run.out(), run.err()).isEqualTo(1);
      assertThat(run.out() + run.err()).as("%s", command).contains(named);
      assertNoTrace(run);
    }
  }

  @Test
  void aManifestNested900Deep_verifyNamesIt_renderRefusesInOneLine() throws IOException {
    Path dir = copyOfEvidence();
    Path manifest = dir.resolve("acquisition.json");
    Files.delete(manifest);
    Files.writeString(manifest, "{\"a\":" + "[".repeat(900) + "]".repeat(900) + "}", StandardCharsets.UTF_8);
    String finding = "acquisition.json is not JSON: Document nesting depth (65) exceeds the maximum allowed (64";

    Cli.Run verify = Cli.run(Command.VERIFY.args(dir));
    Cli.Run render = Cli.run(Command.RENDER.args(dir));

    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isEqualTo(1);
    assertThat(verify.out()).contains("manifest       FAIL     unusable").contains("- " + finding);
    assertNoTrace(verify);
    assertThat(render.exitCode()).as(render.err()).isEqualTo(2);
    assertThat(render.err()).startsWith("report render: " + finding).hasLineCount(1);
  }

  @Test
  void filesBeyondTheirLimit_verifyNamesTheLimit() throws IOException {
    Path dir = copyOfEvidence();
    Path pem = dir.resolve("examiner.pem");
    String certificate = Files.readString(pem, StandardCharsets.US_ASCII);
    Files.delete(pem);
    Files.writeString(pem, certificate.repeat((64 << 10) / certificate.length() + 1), StandardCharsets.US_ASCII);
    Path report = dir.resolve("report.pdf");
    Files.delete(report);
    ExternalTool.ok("truncate", "-s", "65M", report.toString());

    Cli.Run run = Cli.run(Command.VERIFY.args(dir));

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).contains("cannot read examiner.pem: " + pem + " holds " + Files.size(pem)
            + " bytes, but a certificate file may hold at most 64 KiB (65536 bytes)")
        .contains("report.pdf: " + report + " holds 68157440 bytes, but a report may hold at most 64 MiB (67108864 bytes)");
    assertNoTrace(run);

    Path manifest = dir.resolve("acquisition.json");
    Files.delete(manifest);
    ExternalTool.ok("truncate", "-s", "17M", manifest.toString());
    Cli.Run big = Cli.run(Command.VERIFY.args(dir));
    assertThat(big.exitCode()).isEqualTo(2);
    assertThat(big.err()).isEqualTo("report verify: " + manifest + " holds 17825792 bytes, but a manifest may hold at most 16 MiB"
        + " (16777216 bytes): not read (not a file Custos wrote)\n");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"FIFO", "ZERO_DEVICE", "NULL_DEVICE"})
  void acquireFrom_aFifoOrCharacterDevice_refusedInOneLine_nothingWritten(String kind) {
    Hostile hostile = Hostile.valueOf(kind);
    Path source = temp.resolve("source");
    hostile.plant(source);
    if (hostile == Hostile.FIFO) {
      fifos.add(source);
    }
    Path out = temp.resolve("out");

    Cli.Run run = Cli.run("acquire", "image", source.toString(), "--out", out.toString(), "--case", "2026-0142", "--evidence",
        "FLOPPY-01", "--examiner", "Jane Doe", "--unsigned");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("acquire image: source " + source + " is " + hostile.described + ": Custos acquires a block"
        + " device, a partition or a regular file, whose every sector can be read again; nothing was read\n");
    assertThat(out).doesNotExist();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"FIFO", "ZERO_DEVICE", "NULL_DEVICE"})
  void verifyAnImage_thatIsAFifoOrCharacterDevice_refusedInOneLine_neverVerified(String kind) {
    Hostile hostile = Hostile.valueOf(kind);
    Path image = temp.resolve("image.dd");
    hostile.plant(image);
    if (hostile == Hostile.FIFO) {
      fifos.add(image);
    }

    // d41d8cd9…: the MD5 of no bytes, which a pipe or /dev/null read as an empty image would "match".
    Cli.Run run = Cli.run("report", "verify", image.toString(), "--md5", "d41d8cd98f00b204e9800998ecf8427e");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.out()).doesNotContain("VERIFIED");
    assertThat(run.err()).isEqualTo("report verify: " + image + " is " + hostile.described + ", not a regular file: Custos"
        + " verifies an image held in regular files; nothing was read\n");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {".acquisition.lock", ".custody.lock", ".custos-reserve"})
  void acquireInto_aDirectoryWithAFifoUnderALockName_refusedInOneLine(String name) {
    Path out = temp.resolve("out");
    ExternalTool.ok("mkdir", out.toString());
    Path planted = out.resolve(name);
    Hostile.FIFO.plant(planted);
    fifos.add(planted);
    List<String> before = Trees.snapshot(temp);

    Cli.Run run = Evidence.acquireFloppy(out, "--unsigned");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("acquire image: " + planted + " is a FIFO (named pipe), not a regular file; Custos reads and"
        + " writes evidence only as regular files: nothing was read or written\n");
    assertThat(Trees.snapshot(temp)).isEqualTo(before);
  }

  @Test
  void plantedFiles_verifyListsThemAsWarnings_theVerdictUnchanged() throws IOException {
    Path dir = copyOfEvidence();
    Cli.Run clean = Cli.run("report", "verify", dir.toString(), "--no-record", "--json");
    assertThat(clean.exitCode()).as(clean.err()).isZero();
    assertThat(JSON.readTree(clean.out()).get("warnings")).as("a directory as Custos left it").isEmpty();
    Files.copy(dir.resolve("image.ima"), dir.resolve("image.ima.bak"));
    Files.writeString(dir.resolve("custody.jsonl.torn-1"), "{\"seq\":9", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(".acquisition.json.partial"), "{", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("image.ima.sha1"), "", StandardCharsets.UTF_8);
    // A readable certificate: one that is not would be a finding of the custody check.
    Files.copy(dir.resolve("examiner.pem"), dir.resolve("certificates").resolve("planted.pem"));
    ExternalTool.ok("mkfifo", dir.resolve("notes").toString());
    fifos.add(dir.resolve("notes"));

    Cli.Run table = Cli.run(Command.VERIFY.args(dir));
    Cli.Run json = Cli.run("report", "verify", dir.toString(), "--no-record", "--json");

    assertThat(table.exitCode()).as(table.out() + table.err()).isZero();
    assertThat(ExternalTool.lines(table.out()).stream().filter(line -> line.startsWith("  WARNING: ")).toList()).containsExactly(
        "  WARNING: .acquisition.json.partial: not part of the evidence: a file of 1 bytes, named like the temporary file of a"
            + " write Custos did not finish, that neither the manifest nor the custody log names (not read; it does not change"
            + " the verdict)",
        "  WARNING: custody.jsonl.torn-1: not part of the evidence: a file of 8 bytes that neither the manifest nor the custody"
            + " log names (not read; it does not change the verdict)",
        "  WARNING: image.ima.bak: not part of the evidence: a file of 1474560 bytes that neither the manifest nor the custody"
            + " log names (not read; it does not change the verdict)",
        "  WARNING: image.ima.sha1: not part of the evidence: a file of 0 bytes that neither the manifest nor the custody log"
            + " names (not read; it does not change the verdict)",
        "  WARNING: notes: not part of the evidence: a FIFO (named pipe) that neither the manifest nor the custody log names"
            + " (not read; it does not change the verdict)",
        "  WARNING: certificates/planted.pem: not a certificate Custos recorded: a file of " + Files.size(dir.resolve("examiner.pem"))
            + " bytes not named <certificate SHA-256>.pem (it does not change the verdict)");
    assertThat(table.out()).contains("VERIFIED: everything is as recorded");
    assertThat(json.exitCode()).isZero();
    JsonNode warnings = JSON.readTree(json.out()).get("warnings");
    assertThat(warnings).extracting(warning -> warning.get("file").asText()).containsExactly(".acquisition.json.partial",
        "custody.jsonl.torn-1", "image.ima.bak", "image.ima.sha1", "notes", "certificates/planted.pem");
    Path document = Files.writeString(temp.resolve("verification.json"), json.out(), StandardCharsets.UTF_8);
    dev.custos.testing.PythonJsonSchema.Result valid = dev.custos.testing.PythonJsonSchema.validate(
        Path.of("evidence-schema/verification.schema.json"), document);
    assertThat(valid.valid()).as(valid.output()).isTrue();
  }

  /** Appends {@code line} and a line end to the custody log; returns its line number. */
  private static int appendLine(Path dir, String line) throws IOException {
    Path log = dir.resolve("custody.jsonl");
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    log.toFile().setWritable(true, true);
    Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    return lines.size() + 1;
  }

  private static void assertNoTrace(Cli.Run run) {
    assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("Error").doesNotContain("\tat ");
  }

  private Path copyOfEvidence() {
    Path copy = temp.resolve("evidence");
    ExternalTool.ok("cp", "-a", signedEvidence.toString(), copy.toString());
    return copy;
  }
}
