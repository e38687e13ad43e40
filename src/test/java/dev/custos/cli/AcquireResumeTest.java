package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.testing.Cli;
import dev.custos.testing.CustosProcess;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.PythonJsonSchema;
import dev.custos.testing.Tamper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code acquire resume DIR}: whatever stopped an acquisition — {@code kill -9} at any point, a
 * signal, a crash during the resumption itself — resuming ends with the image and digests of an
 * uninterrupted run, checked against {@code md5sum}, {@code sha256sum} and {@code cmp}, and a
 * custody log and report that verify. Every stop is real: a real child process, a real signal.
 */
class AcquireResumeTest {
  private static final long SOURCE_BYTES = 192L << 20;
  private static final String PIECE = "4MiB";

  @TempDir static Path shared;
  private static Path source;
  private static String md5;
  private static String sha256;

  @TempDir Path temp;

  @BeforeAll
  static void makeSource() {
    source = Evidence.randomFile(shared.resolve("source.bin"), SOURCE_BYTES, 7);
    md5 = ExternalTool.digestOf("md5sum", source);
    sha256 = ExternalTool.digestOf("sha256sum", source);
  }

  @Test
  void resume_afterKill9AtRandomPoints_endsWithTheSourcesImageAndDigests() throws Exception {
    Random random = new Random(20261125);
    for (int round = 0; round < 5; round++) {
      Path out = temp.resolve("evidence-" + round);
      long killAt = (8L << 20) + (long) (random.nextDouble() * (SOURCE_BYTES - (16L << 20)));
      CustosProcess acquisition = start(out, "acquire-" + round);
      assertThat(acquisition.signalAt(out.resolve("image.ima"), killAt, "KILL")).as("round %d: killed at %d bytes", round, killAt)
          .isEqualTo(137);
      long onDisk = Files.size(out.resolve("image.ima"));

      Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");

      assertThat(resumed.exitCode()).as("round %d, killed at byte %d: %s", round, killAt, resumed.err()).isZero();
      assertImageOfTheSource(out);
      JsonNode resumption = Evidence.manifest(out).path("resumptions").get(0);
      assertThat(resumption.path("interruptionRecorded").asBoolean()).isFalse();
      // What is re-read: at most the piece being written, and the blocks in flight (16 MiB) whose piece
      // digest was not recorded yet when the process died.
      assertThat(onDisk - resumption.path("fromByte").asLong()).as("round %d: bytes read again after a kill at %d", round, onDisk)
          .isBetween(0L, (4L << 20) + (16L << 20));
      assertThat(resumed.out()).contains("resumed").contains("from byte " + resumption.path("fromByte").asLong());
      assertEverythingVerifies(out);
    }
  }

  @Test
  void resume_splitImageKilledMidSegment_segmentsTogetherAreTheSource() throws Exception {
    Path out = temp.resolve("evidence");
    CustosProcess acquisition = CustosProcess.start(temp, "acquire", "acquire", "image", source.toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned", "--piece-size", PIECE,
        "--format", "split", "--segment-size", "40MiB");
    acquisition.signalAt(out.resolve("image.003"), 20L << 20, "KILL"); // segments 1 and 2 sealed, 3 half written

    Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    String joined = ExternalTool.ok("sh", "-c", "cat " + out + "/image.0* | md5sum").split(" ")[0];
    assertThat(joined).as("cat image.0* | md5sum").isEqualTo(md5);
    JsonNode files = Evidence.manifest(out).path("image").path("files");
    assertThat(files).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(files.get(i).path("sizeBytes").asLong()).isEqualTo(i < 4 ? 40L << 20 : SOURCE_BYTES - (160L << 20));
      assertThat(Files.size(out.resolve(files.get(i).path("path").asText()))).isEqualTo(files.get(i).path("sizeBytes").asLong());
    }
    assertEverythingVerifies(out);
  }

  @Test
  void resume_killedWhileResuming_resumesAgain() throws Exception {
    Path out = temp.resolve("evidence");
    CustosProcess first = start(out, "first");
    first.signalAt(out.resolve("image.ima"), 40L << 20, "KILL");
    CustosProcess second = CustosProcess.start(temp, "second", "acquire", "resume", out.toString(), "--unsigned");
    second.signalAt(out.resolve("image.ima"), 120L << 20, "KILL");

    Cli.Run third = Cli.run("acquire", "resume", out.toString(), "--unsigned");

    assertThat(third.exitCode()).as(third.err()).isZero();
    assertImageOfTheSource(out);
    assertThat(Evidence.manifest(out).path("resumptions")).as("one entry per resumption").hasSize(2);
    assertEverythingVerifies(out);
  }

  @Test
  void resume_afterSigterm_setsTheInterruptedManifestAsideAndEverythingVerifies() throws Exception {
    Path out = temp.resolve("evidence");
    CustosProcess acquisition = start(out, "acquire");
    assertThat(acquisition.signalAt(out.resolve("image.ima"), 64L << 20, "TERM")).isEqualTo(143);
    String interruptedSha256 = ExternalTool.digestOf("sha256sum", out.resolve("acquisition.json"));
    long interruptedAt = Evidence.manifest(out).path("outcome").path("bytesAcquired").asLong();

    Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertImageOfTheSource(out);
    assertThat(ExternalTool.digestOf("sha256sum", out.resolve("acquisition-interrupted-1.json")))
        .as("the interruption's manifest is kept byte for byte").isEqualTo(interruptedSha256);
    JsonNode event = Evidence.custodyEvents(out).stream().filter(e -> e.path("type").asText().equals("acquisition-resumed"))
        .findFirst().orElseThrow();
    assertThat(event.path("data").path("previousManifest").path("sha256").asText()).isEqualTo(interruptedSha256);
    assertThat(event.path("data").path("interruptionRecorded").asBoolean()).isTrue();
    assertThat(event.path("data").path("fromByte").asLong()).isEqualTo(interruptedAt / (4L << 20) * (4L << 20));
    assertThat(out.resolve("report.pdf")).as("the interruption's report").exists();
    assertThat(out.resolve("report-2.pdf")).as("the completed acquisition's report").exists();
    assertThat(ExternalTool.ok("pdftotext", out.resolve("report-2.pdf").toString(), "-").replaceAll("\\s+", " "))
        .as("the report says it was resumed, and from where").contains("Resumed")
        .contains("from byte " + interruptedAt / (4L << 20) * (4L << 20));
    assertEverythingVerifies(out);
  }

  @Test
  void resume_imagePieceDamagedSinceTheInterruption_isReadAgainFromTheSourceAndRecorded() throws Exception {
    Path out = temp.resolve("evidence");
    CustosProcess acquisition = start(out, "acquire");
    acquisition.signalAt(out.resolve("image.ima"), 100L << 20, "TERM");
    Files.setPosixFilePermissions(out.resolve("image.ima"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    Tamper.xor(out.resolve("image.ima"), (10L << 20) + 12345, 0x5a); // in piece 2

    Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertImageOfTheSource(out);
    List<JsonNode> resumptions = Evidence.custodyEvents(out).stream()
        .filter(e -> e.path("type").asText().equals("acquisition-resumed")).toList();
    assertThat(resumptions).as("the resumption, then the re-read from the damaged piece").hasSize(2);
    assertThat(resumptions.get(1).path("data").path("rereadPiece").asLong()).isEqualTo(2);
    assertThat(resumptions.get(1).path("data").path("fromByte").asLong()).isEqualTo(8L << 20);
    assertEverythingVerifies(out);
  }

  /** No progress record left (killed before its first line, or lost in a power cut): everything is read again, not exit 3. */
  @Test
  void resume_progressRecordMissing_readsEverythingAgain() throws Exception {
    Path out = temp.resolve("evidence");
    CustosProcess acquisition = start(out, "acquire");
    acquisition.signalAt(out.resolve("image.ima"), 40L << 20, "KILL");
    Files.delete(out.resolve("acquisition-progress.jsonl"));

    Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertImageOfTheSource(out);
    assertThat(Evidence.manifest(out).path("resumptions").get(0).path("fromByte").asLong()).isZero();
    assertEverythingVerifies(out);
  }

  /** The manifest the interruption recorded (by its SHA-256) is gone: evidence is missing, so nothing is resumed. */
  @Test
  void resume_interruptedManifestMissing_refusedAndNothingRecorded() throws Exception {
    Path out = temp.resolve("evidence");
    CustosProcess acquisition = start(out, "acquire");
    assertThat(acquisition.signalAt(out.resolve("image.ima"), 64L << 20, "TERM")).isEqualTo(143);
    Files.delete(out.resolve("acquisition.json"));
    byte[] log = Files.readAllBytes(out.resolve("custody.jsonl"));

    Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");

    assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(2);
    assertThat(resumed.err()).contains("is missing");
    assertThat(Files.readAllBytes(out.resolve("custody.jsonl"))).isEqualTo(log);
  }

  /** A resumption killed between setting the interruption's manifest aside and recording it: the next one records it. */
  @Test
  void resume_interruptedManifestSetAsideButNotRecorded_theNextResumptionRecordsIt() throws Exception {
    Path out = temp.resolve("evidence");
    CustosProcess acquisition = start(out, "acquire");
    assertThat(acquisition.signalAt(out.resolve("image.ima"), 64L << 20, "TERM")).isEqualTo(143);
    String interruptedSha256 = ExternalTool.digestOf("sha256sum", out.resolve("acquisition.json"));
    Files.move(out.resolve("acquisition.json"), out.resolve("acquisition-interrupted-1.json"));

    Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertImageOfTheSource(out);
    JsonNode event = Evidence.custodyEvents(out).stream().filter(e -> e.path("type").asText().equals("acquisition-resumed"))
        .findFirst().orElseThrow();
    assertThat(event.path("data").path("previousManifest").path("file").asText()).isEqualTo("acquisition-interrupted-1.json");
    assertThat(event.path("data").path("previousManifest").path("sha256").asText()).isEqualTo(interruptedSha256);
    assertEverythingVerifies(out);
  }

  @Test
  void image_progressRecord_oneLinePerPieceAsTheManifestAndTheRunsRateSamples_validAsPythonJsonschemaReadsIt() throws IOException {
    Path out = temp.resolve("evidence");
    Cli.Run acquired = Cli.run("acquire", "image", source.toString(), "--out", out.toString(), "--case", "C-1", "--evidence", "E-1",
        "--examiner", "Jane Doe", "--unsigned", "--piece-size", PIECE);
    assertThat(acquired.exitCode()).as(acquired.err()).isZero();

    List<String> lines = Files.readAllLines(out.resolve("acquisition-progress.jsonl"));
    JsonNode pieces = Evidence.manifest(out).path("pieces").path("digests");
    List<String> pieceLines = lines.stream().filter(line -> line.startsWith("{\"piece\":")).toList();
    assertThat(lines.get(0)).startsWith("{\"formatVersion\":1,");
    assertThat(pieceLines).as("one a piece").hasSize(pieces.size());
    for (int i = 0; i < pieces.size(); i++) {
      assertThat(pieceLines.get(i)).isEqualTo("{\"piece\":" + i + ",\"digest\":\"" + pieces.get(i).asText() + "\",\"badSectors\":[]}");
    }
    String started = Evidence.custodyEvents(out).get(0).path("time").asText();
    assertThat(lines).as("the run's first rate sample, named by the run's start")
        .contains("{\"run\":\"" + started + "\",\"elapsedMs\":0,\"bytes\":0}");
    assertThat(lines.size()).as("the rest are the run's rate samples")
        .isEqualTo(1 + pieces.size() + (int) lines.stream().filter(line -> line.startsWith("{\"run\":")).count());
    // Every line against the schema, by a validator nobody here wrote: the lines as one array.
    ObjectMapper json = new ObjectMapper();
    ObjectNode arraySchema = json.createObjectNode().put("$schema", "https://json-schema.org/draft/2020-12/schema").put("type", "array");
    arraySchema.set("items", json.readTree(Path.of("evidence-schema/acquisition-progress.schema.json").toFile()));
    Path schema = Files.writeString(temp.resolve("lines.schema.json"), arraySchema.toString());
    Path document = Files.writeString(temp.resolve("lines.json"), "[" + String.join(",", lines) + "]");
    PythonJsonSchema.Result valid = PythonJsonSchema.validate(schema, document);
    assertThat(valid.valid()).as(valid.output()).isTrue();
    assertThat(Files.getPosixFilePermissions(out.resolve("acquisition-progress.jsonl")))
        .as("read-only once the acquisition completed").isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
  }

  @Test
  void resume_anotherSourceOfTheSameSize_refusedAndNothingRecorded() throws Exception {
    Path out = interruptedAcquisition();
    Path other = Evidence.randomFile(temp.resolve("other.bin"), SOURCE_BYTES, 8);
    byte[] log = Files.readAllBytes(out.resolve("custody.jsonl"));

    Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned", "--source", other.toString());

    assertThat(resumed.exitCode()).isEqualTo(2);
    assertThat(resumed.err()).contains("refusing to resume from " + other).contains("it is not the source the acquisition began on")
        .hasLineCount(1);
    assertThat(Files.readAllBytes(out.resolve("custody.jsonl"))).as("nothing appended").isEqualTo(log);
  }

  @Test
  void resume_aSourceOfAnotherSize_refusedNamingTheSizes() throws Exception {
    Path out = interruptedAcquisition();
    Path other = Evidence.randomFile(temp.resolve("other.bin"), SOURCE_BYTES + 512, 7);

    Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned", "--source", other.toString());

    assertThat(resumed.exitCode()).isEqualTo(2);
    assertThat(resumed.err()).contains("it is not the drive the acquisition began on (size " + (SOURCE_BYTES + 512)
        + " bytes, recorded " + SOURCE_BYTES + ")");
  }

  @Test
  void resume_completedAcquisition_refused() {
    Path out = temp.resolve("evidence");
    assertThat(Evidence.acquireFloppy(out, "--unsigned").exitCode()).isZero();

    Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");

    assertThat(resumed.exitCode()).isEqualTo(2);
    assertThat(resumed.err()).contains("completed").contains("there is nothing to resume");
  }

  @Test
  void resume_directoryWithoutAcquisition_refused() throws IOException {
    Path empty = Files.createDirectory(temp.resolve("empty"));

    Cli.Run resumed = Cli.run("acquire", "resume", empty.toString(), "--unsigned");

    assertThat(resumed.exitCode()).isEqualTo(2);
    assertThat(resumed.err()).contains("no custody log").hasLineCount(1);
  }

  private Path interruptedAcquisition() throws InterruptedException {
    Path out = temp.resolve("evidence");
    CustosProcess acquisition = start(out, "acquire");
    acquisition.signalAt(out.resolve("image.ima"), 64L << 20, "KILL");
    return out;
  }

  private CustosProcess start(Path out, String name) {
    return CustosProcess.start(temp, name, "acquire", "image", source.toString(), "--out", out.toString(), "--case", "C-1",
        "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned", "--piece-size", PIECE);
  }

  private static void assertImageOfTheSource(Path out) {
    Path image = out.resolve("image.ima");
    assertThat(ExternalTool.identical(source, image)).as("image equals the source (cmp)").isTrue();
    JsonNode manifest = Evidence.manifest(out);
    assertThat(EvidenceSchema.MANIFEST.violations(manifest)).isEmpty();
    assertThat(manifest.path("outcome").path("status").asText()).isEqualTo("completed");
    assertThat(manifest.path("digests").path("md5").asText()).as("md5 as md5sum").isEqualTo(md5);
    assertThat(manifest.path("digests").path("sha256").asText()).as("sha256 as sha256sum").isEqualTo(sha256);
    assertThat(manifest.path("pieces").path("count").asLong()).isEqualTo(SOURCE_BYTES / (4L << 20));
  }

  private static void assertEverythingVerifies(Path out) {
    Cli.Run custody = Cli.run("report", "custody", out.toString());
    assertThat(custody.exitCode()).as("custody log intact: %s", custody.out()).isZero();
    Cli.Run verified = Cli.run("report", "verify", out.toString(), "--no-record");
    assertThat(verified.exitCode()).as("verifies: %s", verified.out()).isZero();
  }
}
