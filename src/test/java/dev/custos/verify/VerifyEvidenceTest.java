package dev.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.Identities;
import dev.custos.testing.PythonJsonSchema;
import dev.custos.testing.Tamper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code report verify DIR}: an untouched evidence directory verifies; every change is named. */
class VerifyEvidenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCHEMA = Path.of("evidence-schema/verification.schema.json").toAbsolutePath();

  @TempDir Path temp;

  @Test
  void untouchedSignedDirectory_verifies_andTheSignedVerificationEventKeepsTheChainIntact() {
    Identities.KeyFile key = Identities.keygen(temp, "jane", "Jane Doe");
    Path dir = temp.resolve("evidence");
    assertThat(Evidence.acquireFloppy(dir, key.options()).exitCode()).isZero();

    Cli.Run run = verify(dir, key.options());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("VERIFIED: everything is as recorded").contains("signed by Jane Doe");
    List<JsonNode> events = Evidence.custodyEvents(dir);
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.path("type").asText()).isEqualTo("verification");
    assertThat(last.path("data").path("outcome").asText()).isEqualTo("verified");
    assertThat(last.path("data").path("checks").path("image-digests").asText()).isEqualTo("pass");
    assertThat(last.has("sig")).isTrue();
    Cli.Run custody = Cli.run("report", "custody", dir.toString());
    assertThat(custody.exitCode()).isZero();
    assertThat(custody.out()).containsPattern("verification +Evidence re-verified: everything as recorded \\(VERIFIED\\); md5 a849b99b9c1b133ebcff3e20c7834f94");
  }

  @Test
  void withoutAKey_nothingIsRecorded_butWithRecordUnsignedTheEventIsRecordedUnsigned_andSaysSo() {
    Path dir = acquireFloppyUnsigned();
    int events = Evidence.custodyEvents(dir).size();

    Cli.Run plain = verify(dir);
    Cli.Run run = verify(dir, "--record-unsigned");

    assertThat(plain.exitCode()).isZero();
    assertThat(plain.out()).contains("Not recorded: no --key");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("UNSIGNED");
    assertThat(Evidence.custodyEvents(dir)).hasSize(events + 1);
    JsonNode last = lastEvent(dir);
    assertThat(last.path("type").asText()).isEqualTo("verification");
    assertThat(last.has("sig")).isFalse();
  }

  @Test
  void directoryCopiedElsewhere_stillVerifies() {
    Path dir = acquireFloppyUnsigned();
    Path copy = temp.resolve("elsewhere/copy");
    ExternalTool.ok("mkdir", "-p", copy.getParent().toString());
    ExternalTool.ok("cp", "-a", dir.toString(), copy.toString());

    Cli.Run run = verify(copy, "--no-record");

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("Verifying " + copy);
  }

  @Test
  void json_isValidAgainstItsSchema_andTheDigestsAreThoseMd5sumAndSha256sumCompute() throws IOException {
    Path dir = acquireFloppyUnsigned();

    Cli.Run run = verify(dir, "--json", "--no-record");

    assertThat(run.exitCode()).isZero();
    Path json = Files.writeString(temp.resolve("verification.json"), run.out());
    PythonJsonSchema.Result valid = PythonJsonSchema.validate(SCHEMA, json);
    assertThat(valid.valid()).as(valid.output()).isTrue();
    JsonNode tree = JSON.readTree(run.out());
    assertThat(tree.path("verified").asBoolean()).isTrue();
    assertThat(computed(tree, "md5")).isEqualTo(ExternalTool.digestOf("md5sum", dir.resolve("image.ima")));
    assertThat(computed(tree, "sha256")).isEqualTo(ExternalTool.digestOf("sha256sum", dir.resolve("image.ima")));
  }

  @Test
  void splitImage_isReadInOrderAsOneImage_asCatPipedIntoMd5sumReadsIt() throws IOException {
    Path dir = temp.resolve("split");
    assertThat(Evidence.acquireFloppy(dir, "--unsigned", "--format", "split", "--segment-size", "512KiB").exitCode()).isZero();

    Cli.Run run = verify(dir, "--json", "--no-record");

    assertThat(run.exitCode()).as(run.out()).isZero();
    String catInDir = ExternalTool.run(List.of("bash", "-c", "cd '" + dir + "' && cat image.0* | md5sum")).stdout().split(" ")[0];
    assertThat(computed(JSON.readTree(run.out()), "md5")).isEqualTo(catInDir);
  }

  @Test
  void flippedByteInASegment_namesThePieceItsBytesItsLbasAndTheSegmentOffset() throws IOException {
    Path dir = temp.resolve("split");
    assertThat(Evidence.acquireFloppy(dir, "--unsigned", "--format", "split", "--segment-size", "512KiB",
        "--piece-size", "64KiB").exitCode()).isZero();
    long position = 600_000;  // image.002, offset 600000 - 524288 = 75712; piece 9 = bytes 589824–655359
    Tamper.flip(dir.resolve("image.002"), position - 524_288);

    Cli.Run run = verify(dir, "--json", "--no-record");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode damaged = JSON.readTree(run.out()).path("image").path("pieces").path("damaged");
    assertThat(damaged).hasSize(1);
    JsonNode piece = damaged.get(0);
    assertThat(piece.path("index").asInt()).isEqualTo(9);
    assertThat(piece.path("firstByte").asLong()).isEqualTo(589_824);
    assertThat(piece.path("lastByte").asLong()).isEqualTo(655_359);
    assertThat(piece.path("firstLba").asLong()).isEqualTo(1152);
    assertThat(piece.path("lastLba").asLong()).isEqualTo(1279);
    assertThat(piece.path("files").get(0).path("file").asText()).isEqualTo("image.002");
    assertThat(piece.path("files").get(0).path("firstByte").asLong()).isEqualTo(65_536);
    Cli.Run table = verify(dir, "--no-record");
    assertThat(table.out()).contains("piece 9 differs: bytes 589824–655359, LBA 1152–1279, image.002 bytes 65536–131071")
        .contains("NOT VERIFIED");
  }

  @Test
  void truncatedGrownMissingAndExtraSegments_areEachNamed() throws IOException {
    Path dir = temp.resolve("split");
    assertThat(Evidence.acquireFloppy(dir, "--unsigned", "--format", "split", "--segment-size", "512KiB").exitCode()).isZero();
    Tamper.setLength(dir.resolve("image.001"), 524_288 - 1000);
    Tamper.setLength(dir.resolve("image.002"), 524_288 + 512);
    Files.delete(dir.resolve("image.003"));
    Files.copy(dir.resolve("image.002"), dir.resolve("image.004"));

    Cli.Run run = verify(dir, "--no-record");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("image.001 is truncated: 523288 of its recorded 524288 bytes (1000 missing)")
        .contains("image.002 has grown: 524800 bytes, recorded 524288 (512 added at its end)")
        .contains("image.003 is missing (recorded 425984 bytes)")
        .contains("image.004 is not in the manifest")
        .contains("missing from the image files");
  }

  @Test
  void swappedSegments_areNamedAsSwapped() throws IOException {
    Path source = Evidence.randomFile(temp.resolve("source.bin"), 3 * 262_144, 7);
    Path dir = temp.resolve("split");
    Cli.Run acquired = Cli.run("acquire", "image", source.toString(), "--out", dir.toString(), "--case", "C", "--evidence", "E",
        "--examiner", "Jane Doe", "--unsigned", "--format", "split", "--segment-size", "256KiB", "--piece-size", "64KiB");
    assertThat(acquired.exitCode()).as(acquired.err()).isZero();
    Files.move(dir.resolve("image.002"), temp.resolve("held"));
    Files.move(dir.resolve("image.003"), dir.resolve("image.002"));
    Files.move(temp.resolve("held"), dir.resolve("image.003"), StandardCopyOption.ATOMIC_MOVE);

    Cli.Run run = verify(dir, "--no-record");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("image.002 holds exactly the bytes recorded for image.003: segments swapped or renamed")
        .contains("image.003 holds exactly the bytes recorded for image.002: segments swapped or renamed")
        .contains("pieces 4–11 differ");
  }

  @Test
  void schemaValidEditOfTheManifest_isCaughtByTheSha256TheCustodyLogRecorded() throws IOException {
    Path dir = acquireFloppyUnsigned();
    editManifest(dir, "2026-0142", "2026-0143");

    Cli.Run run = verify(dir, "--no-record");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("acquisition.json has SHA-256 [0-9a-f]{64}, but custody event seq \\d+ "
        + "\\(acquisition-completed\\) recorded [0-9a-f]{64}: it changed after the acquisition");
  }

  @Test
  void aManifestWhosePiecesDoNotFitItsImage_isNamed_andNoPiecesAreComputedForIt() throws IOException {
    Path dir = acquireFloppyUnsigned();
    editManifest(dir, "\"size\": 67108864", "\"size\": 512");

    Cli.Run run = verify(dir, "--no-record");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("the manifest records 1 piece digests, but an image of 1474560 bytes in pieces of 512 bytes "
        + "has 2880: pieces not compared").contains("0 of 0 sha256 pieces").doesNotContain("Exception");
  }

  @Test
  @Timeout(120)
  void aManifestRecordingSizesNoDiskHolds_isNamed_withoutReadingExabytesOfZeros() throws IOException {
    Path dir = acquireFloppyUnsigned();
    editManifest(dir, "\"sizeBytes\": 1474560", "\"sizeBytes\": 9223372036854775000");

    Cli.Run run = verify(dir, "--no-record");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("image.ima is truncated: 1474560 of its recorded 9223372036854775000 bytes")
        .contains("the image was re-hashed only up to byte 1474560, where the first gap begins")
        .contains("whole digests not compared");
    assertThat(run.err()).doesNotContain("Exception");
  }

  @Test
  void editedCustodyLine_isNamedByLine_andNoEventIsAppendedToTheBrokenLog() throws IOException {
    Path dir = acquireFloppyUnsigned();
    Path log = dir.resolve("custody.jsonl");
    log.toFile().setWritable(true);
    Files.writeString(log, Files.readString(log).replaceFirst("Jane Doe", "John Doe"));
    long before = Files.size(log);

    Cli.Run run = verify(dir, "--record-unsigned");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("custody.jsonl line 1:").contains("Not recorded: the custody log is broken");
    assertThat(Files.size(log)).isEqualTo(before);
  }

  @Test
  void readOnlyCopy_verifies_andSaysTheVerificationCouldNotBeRecorded() {
    ExternalTool.assumeRoot();
    Path dir = acquireFloppyUnsigned();
    Path mount = temp.resolve("read-only");
    ExternalTool.ok("mkdir", "-p", mount.toString());
    ExternalTool.ok("mount", "--bind", dir.toString(), mount.toString());
    try {
      ExternalTool.ok("mount", "-o", "remount,ro,bind", mount.toString());

      Cli.Run run = verify(mount, "--record-unsigned");

      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      assertThat(run.out()).contains("VERIFIED").contains("Not recorded: cannot append to the custody log");
      assertThat(run.err()).contains("the verification is not recorded");
    } finally {
      ExternalTool.ok("umount", mount.toString());
    }
  }

  @Test
  void aManifestOrLogReplacedByASymbolicLink_isRefused_notFollowed() throws IOException {
    Path dir = acquireFloppyUnsigned();
    Path elsewhere = Files.copy(dir.resolve("acquisition.json"), temp.resolve("elsewhere.json"));
    Files.delete(dir.resolve("acquisition.json"));
    Files.createSymbolicLink(dir.resolve("acquisition.json"), elsewhere);

    Cli.Run run = verify(dir, "--no-record");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("acquisition.json is a symbolic link").doesNotContain("Exception");
  }

  @Test
  void notAnEvidenceDirectory_orNothingAtAll_isBadInput() throws IOException {
    Path empty = Files.createDirectories(temp.resolve("empty"));

    Cli.Run notEvidence = verify(empty);
    Cli.Run missing = verify(temp.resolve("nowhere"));

    assertThat(notEvidence.exitCode()).isEqualTo(2);
    assertThat(notEvidence.err()).contains("is not an evidence directory").doesNotContain("Exception");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist");
  }

  private Path acquireFloppyUnsigned() {
    Path dir = temp.resolve("evidence");
    Cli.Run run = Evidence.acquireFloppy(dir, "--unsigned");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return dir;
  }

  /** Replaces {@code from} by {@code to} in the manifest, as an editor would. */
  private static void editManifest(Path dir, String from, String to) throws IOException {
    Path manifest = dir.resolve("acquisition.json");
    manifest.toFile().setWritable(true);
    String text = Files.readString(manifest);
    assertThat(text).as("the manifest to edit").contains(from);
    Files.writeString(manifest, text.replace(from, to));
  }

  private static Cli.Run verify(Path dir, String... extra) {
    List<String> args = new ArrayList<>(List.of("report", "verify", dir.toString()));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  private static JsonNode lastEvent(Path dir) {
    List<JsonNode> events = Evidence.custodyEvents(dir);
    return events.get(events.size() - 1);
  }

  private static String computed(JsonNode verification, String algorithm) {
    for (JsonNode digest : verification.path("image").path("digests")) {
      if (digest.path("algorithm").asText().equals(algorithm)) {
        return digest.path("computed").asText();
      }
    }
    throw new AssertionError("no " + algorithm + " digest in " + verification);
  }

}
