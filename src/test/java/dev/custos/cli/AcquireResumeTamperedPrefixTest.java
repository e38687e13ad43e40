package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.testing.Cli;
import dev.custos.testing.CustosProcess;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.LoopDevice;
import dev.custos.testing.Tamper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code acquire resume DIR} of an image whose prefix was changed after the interruption, in ways a
 * CRC does not see: the image signed at the end is the source's, byte for byte ({@code cmp},
 * {@code md5sum}), whichever piece digest was recorded. A CRC piece that re-hashes to its record
 * proves nothing; only a SHA-256 piece, or the source itself, says the prefix is the source's.
 */
class AcquireResumeTamperedPrefixTest {
  private static final long SOURCE_BYTES = 192L << 20;
  private static final long PIECE = 4L << 20;

  @TempDir Path temp;

  /**
   * The hostile reviewer's case, rebuilt: a copy of the same ext4 file system, mounted read-write
   * once, has another superblock; ext4 checksums its superblock with CRC-32C, so the two differ by a
   * CRC codeword and piece 0's CRC-32C does not change when one replaces the other in the image.
   */
  @ParameterizedTest(name = "pieces: {0}")
  @ValueSource(strings = {"default", "crc32c"})
  void resume_ext4SuperblockOfAMountedCopyPutInTheImage_isNotKeptAndTheImageIsTheSource(String pieceHash) throws Exception {
    ExternalTool.assumeInstalled("mkfs.ext4");
    LoopDevice.assumeLoopDevices();
    Path original = Evidence.randomFile(temp.resolve("drive.bin"), SOURCE_BYTES, 31);
    ExternalTool.ok("mkfs.ext4", "-F", "-q", "-E", "nodiscard", original.toString(), "64M");
    Path copy = Files.copy(original, temp.resolve("copy.bin"));
    mountWriteAndUnmount(copy);
    byte[] superblock = Tamper.read(copy, 1024, 1024);
    assertThat(superblock).as("the mounted copy's superblock differs").isNotEqualTo(Tamper.read(original, 1024, 1024));
    String md5 = ExternalTool.digestOf("md5sum", original);

    try (LoopDevice loop = LoopDevice.readOnly(original)) {
      Path out = temp.resolve("evidence");
      List<String> args = new ArrayList<>(List.of("acquire", "image", loop.path().toString(), "--out", out.toString(),
          "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned", "--piece-size", "4MiB"));
      if (!pieceHash.equals("default")) {
        args.addAll(List.of("--piece-hash", pieceHash));
      }
      CustosProcess acquisition = CustosProcess.start(temp, "acquire", args.toArray(String[]::new));
      assertThat(acquisition.signalAt(out.resolve("image.ima"), 64L << 20, "TERM")).as("interrupted").isEqualTo(143);
      Path image = out.resolve("image.ima");
      long crcBefore = Tamper.crc32c(Tamper.read(image, 0, (int) PIECE));
      Tamper.write(image, 1024, superblock);
      assertThat(Tamper.crc32c(Tamper.read(image, 0, (int) PIECE))).as("the premise: piece 0's CRC-32C is unchanged")
          .isEqualTo(crcBefore);

      Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");

      assertThat(resumed.exitCode()).as(resumed.err()).isZero();
      assertThat(ExternalTool.identical(original, image)).as("cmp: the image is the source, the superblock too").isTrue();
      assertThat(ExternalTool.digestOf("md5sum", image)).isEqualTo(md5);
      assertThat(Evidence.manifest(out).path("digests").path("md5").asText()).as("md5 as md5sum of the source").isEqualTo(md5);
      JsonNode reread = lastResumption(out);
      assertThat(reread.path("data").path("rereadPiece").asLong()).as("piece 0 is read again from the source").isZero();
      assertThat(reread.path("data").path("fromByte").asLong()).isZero();
      List<String> resumedLines = resumed.out().lines().filter(line -> line.strip().startsWith("resumed")).toList();
      assertThat(resumedLines).hasSize(2);
      assertThat(resumedLines.get(0)).as("the abandoned pass does not claim its pieces matched").contains("to check; piece 0")
          .doesNotContain("matched;").doesNotContain("equal");
      assertThat(resumedLines.get(1)).contains("piece 0 did not and was read again");
      String report = ExternalTool.ok("pdftotext", out.resolve("report-2.pdf").toString(), "-").replaceAll("\\s+", " ");
      assertThat(report).as("the signed report of the completed acquisition (pdftotext)")
          .contains("recorded pieces to check; piece 0").doesNotContainPattern("[1-9][0-9]* recorded pieces of the image were re-hashed");
      Cli.Run verified = Cli.run("report", "verify", out.toString(), "--no-record");
      assertThat(verified.exitCode()).as(verified.out()).isZero();
    }
  }

  /**
   * A change given back its CRC-32C by four compensating bytes (the standard CRC forgery): with
   * CRC pieces, the prefix is compared with the source and the forged piece is read again.
   */
  @Test
  void resume_crcPieceChangedAndGivenBackItsCrc_isNotKeptAndTheImageIsTheSource() throws Exception {
    Path source = Evidence.randomFile(temp.resolve("source.bin"), SOURCE_BYTES, 32);
    String md5 = ExternalTool.digestOf("md5sum", source);
    Path out = temp.resolve("evidence");
    CustosProcess acquisition = CustosProcess.start(temp, "acquire", "acquire", "image", source.toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned", "--piece-size", "4MiB",
        "--piece-hash", "crc32c");
    assertThat(acquisition.signalAt(out.resolve("image.ima"), 64L << 20, "TERM")).as("interrupted").isEqualTo(143);
    Path image = out.resolve("image.ima");
    long pieceStart = 3 * PIECE;
    byte[] piece = Tamper.read(image, pieceStart, (int) PIECE);
    long recordedCrc = Tamper.crc32c(piece);
    byte[] forged = piece.clone();
    System.arraycopy("the suspect was elsewhere".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, forged, 1000, 25);
    byte[] patch = Tamper.crc32cCompensation(forged, 2000, recordedCrc);
    System.arraycopy(patch, 0, forged, 2000, 4);
    assertThat(Tamper.crc32c(forged)).as("the forged piece has the recorded CRC-32C").isEqualTo(recordedCrc);
    assertThat(Arrays.equals(forged, piece)).isFalse();
    Tamper.write(image, pieceStart, forged);

    Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(ExternalTool.identical(source, image)).as("cmp: the forged piece is the source's again").isTrue();
    assertThat(ExternalTool.digestOf("md5sum", image)).isEqualTo(md5);
    assertThat(Evidence.manifest(out).path("digests").path("md5").asText()).isEqualTo(md5);
    JsonNode reread = lastResumption(out);
    assertThat(reread.path("data").path("rereadPiece").asLong()).isEqualTo(3);
    assertThat(reread.path("data").path("prefixCheckedBy").asText()).isEqualTo("comparison-with-source");
    assertThat(reread.path("data").path("note").asText()).contains("piece 3 of the image differs from the source at byte "
        + (pieceStart + 1000));
    assertThat(resumed.out()).contains("piece 3 differed from the source").contains("compared with the source byte for byte")
        .doesNotContain("re-hashed and matched");
  }

  /**
   * The progress record is not signed: a piece changed in the image and its SHA-256 rewritten in
   * the record to match is caught by the manifest of the interruption, whose SHA-256 the signed
   * custody log holds.
   */
  @Test
  void resume_sha256PieceChangedAndItsProgressLineRewritten_theRecordedInterruptionDecides() throws Exception {
    Path source = Evidence.randomFile(temp.resolve("source.bin"), SOURCE_BYTES, 33);
    Path out = temp.resolve("evidence");
    CustosProcess acquisition = CustosProcess.start(temp, "acquire", "acquire", "image", source.toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned", "--piece-size", "4MiB");
    assertThat(acquisition.signalAt(out.resolve("image.ima"), 64L << 20, "TERM")).as("interrupted").isEqualTo(143);
    Path image = out.resolve("image.ima");
    Tamper.xor(image, 2 * PIECE + 100, 0x20);
    String forged = ExternalTool.ok("sh", "-c", "dd if=" + image + " bs=4194304 skip=2 count=1 status=none | sha256sum")
        .substring(0, 64);
    Path record = out.resolve("acquisition-progress.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(record));
    int piece2 = pieceLine(lines, 2);
    lines.set(piece2, lines.get(piece2).replaceFirst("\"digest\":\"[0-9a-f]{64}\"", "\"digest\":\"" + forged + "\""));
    Files.write(record, lines);

    Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(ExternalTool.identical(source, image)).as("cmp: piece 2 is the source's again").isTrue();
    assertThat(Evidence.manifest(out).path("digests").path("md5").asText()).isEqualTo(ExternalTool.digestOf("md5sum", source));
    JsonNode resumption = Evidence.custodyEvents(out).stream()
        .filter(event -> event.path("type").asText().equals("acquisition-resumed")).findFirst().orElseThrow();
    assertThat(resumption.path("data").path("fromByte").asLong()).isEqualTo(2 * PIECE);
    assertThat(resumption.path("data").path("note").asText())
        .contains("piece 2 has another digest in acquisition-progress.jsonl than in the manifest the interruption recorded");
  }

  /**
   * After kill -9 no interruption is recorded, so no manifest the signed custody log vouches for
   * holds the pieces' SHA-256: only the unsigned progress record does. A piece changed in the image
   * with its SHA-256 rewritten in that record to match is found by comparing the image with the
   * source, and read again: the image signed at the end is the source's ({@code cmp}, {@code md5sum}).
   */
  @Test
  void resume_afterKill9Sha256PieceChangedAndItsProgressLineRewritten_isComparedWithTheSourceAndReadAgain() throws Exception {
    Path source = Evidence.randomFile(temp.resolve("source.bin"), SOURCE_BYTES, 34);
    String md5 = ExternalTool.digestOf("md5sum", source);
    Path out = temp.resolve("evidence");
    CustosProcess acquisition = CustosProcess.start(temp, "acquire", "acquire", "image", source.toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned", "--piece-size", "4MiB");
    assertThat(acquisition.signalAt(out.resolve("image.ima"), 64L << 20, "KILL")).as("killed").isEqualTo(137);
    Path image = out.resolve("image.ima");
    Tamper.write(image, 1000, "DOCTORED".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    String forged = ExternalTool.ok("sh", "-c", "head -c 4194304 " + image + " | sha256sum").substring(0, 64);
    Path record = out.resolve("acquisition-progress.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(record));
    int piece0 = pieceLine(lines, 0);
    lines.set(piece0, lines.get(piece0).replaceFirst("\"digest\":\"[0-9a-f]{64}\"", "\"digest\":\"" + forged + "\""));
    Files.write(record, lines);

    Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(ExternalTool.identical(source, image)).as("cmp: the doctored piece is the source's again").isTrue();
    assertThat(ExternalTool.digestOf("md5sum", image)).isEqualTo(md5);
    assertThat(Evidence.manifest(out).path("digests").path("md5").asText()).isEqualTo(md5);
    JsonNode first = Evidence.custodyEvents(out).stream()
        .filter(event -> event.path("type").asText().equals("acquisition-resumed")).findFirst().orElseThrow();
    assertThat(first.path("data").path("prefixCheckedBy").asText()).isEqualTo("comparison-with-source");
    JsonNode reread = lastResumption(out);
    assertThat(reread.path("data").path("rereadPiece").asLong()).isZero();
    assertThat(reread.path("data").path("note").asText()).contains("piece 0 of the image differs from the source at byte 1000")
        .contains("only in the unsigned acquisition-progress.jsonl");
    assertThat(resumed.out()).contains("piece 0 differed from the source").doesNotContain("re-hashed and matched");
    String report = ExternalTool.ok("pdftotext", out.resolve("report.pdf").toString(), "-").replaceAll("\\s+", " ");
    assertThat(report).doesNotContain("re-hashed and matched");
    Cli.Run verified = Cli.run("report", "verify", out.toString(), "--no-record");
    assertThat(verified.exitCode()).as(verified.out()).isZero();
  }

  private static JsonNode lastResumption(Path out) {
    List<JsonNode> resumptions = Evidence.custodyEvents(out).stream()
        .filter(event -> event.path("type").asText().equals("acquisition-resumed")).toList();
    assertThat(resumptions).as("the resumption, then the re-read from the changed piece").hasSize(2);
    return resumptions.get(1);
  }

  /** Mounts {@code file} read-write through a loop device, writes a file, unmounts: its superblock changes. */
  private void mountWriteAndUnmount(Path file) throws Exception {
    Path mountPoint = Files.createDirectory(temp.resolve("mnt"));
    ExternalTool.Result mounted = ExternalTool.run(List.of("mount", "-o", "loop", file.toString(), mountPoint.toString()));
    assumeTrue(mounted.exitCode() == 0, "cannot mount an ext4 image here: " + mounted.output().strip());
    try {
      Files.writeString(mountPoint.resolve("written-after.txt"), "written after the acquisition began\n");
    } finally {
      ExternalTool.ok("umount", mountPoint.toString());
    }
  }

  /** Where piece {@code piece}'s line is among the progress record's (rate samples come between them). */
  private static int pieceLine(List<String> lines, int piece) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("{\"piece\":" + piece + ",")) {
        return i;
      }
    }
    throw new AssertionError("no line of piece " + piece + " in " + lines);
  }
}
