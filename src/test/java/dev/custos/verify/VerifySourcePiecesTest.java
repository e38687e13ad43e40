package dev.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.LoopDevice;
import dev.custos.testing.PythonJsonSchema;
import dev.custos.testing.Tamper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report verify DIR --verify-source DEVICE} of a source changed so that its CRC pieces
 * still match: one verdict, the whole digests', and no line saying that every piece matches; every
 * digest named by what it is of. The change is made with the standard CRC forgery (four bytes).
 */
class VerifySourcePiecesTest {
  private static final int SIZE = 2 << 20;
  private static final int PIECE = 256 << 10;

  @TempDir Path temp;

  @Test
  void verifySource_changeThatKeepsEveryCrcPiece_failsOnTheWholeDigestsAndClaimsNoPieceMatch() throws Exception {
    Path backing = Evidence.randomFile(temp.resolve("drive.bin"), SIZE, 21);
    Path dir = temp.resolve("evidence");
    try (LoopDevice loop = LoopDevice.readOnly(backing)) {
      Cli.Run acquired = Cli.run("acquire", "image", loop.path().toString(), "--out", dir.toString(), "--case", "C", "--evidence",
          "E", "--examiner", "Jane Doe", "--unsigned", "--piece-size", "256KiB", "--piece-hash", "crc32c",
          "--hash", "md5,sha1,sha256,sha512");
      assertThat(acquired.exitCode()).as(acquired.err()).isZero();
      forgeKeepingTheCrc(backing, 5L * PIECE);
      ExternalTool.ok("blockdev", "--flushbufs", loop.path().toString());
      assertThat(ExternalTool.digestOf("md5sum", backing)).as("the source changed")
          .isNotEqualTo(Evidence.manifest(dir).path("digests").path("md5").asText());

      Cli.Run table = Cli.run("report", "verify", dir.toString(), "--verify-source", loop.path().toString(), "--no-record");
      Cli.Run json = Cli.run("report", "verify", dir.toString(), "--verify-source", loop.path().toString(), "--no-record", "--json");

      assertThat(table.exitCode()).as(table.out() + table.err()).isEqualTo(1);
      String sourceRows = table.out().substring(table.out().indexOf("  source "));
      assertThat(sourceRows)
          .containsPattern("source +FAIL +" + loop.path() + ": 0 of 4 digests of the source match the recorded")
          .contains("none of the 8 crc32c pieces of 262144 bytes located the difference — CRC pieces only locate accidental damage;"
              + " the whole-image digests decide")
          .doesNotContainPattern("(\\d+) of \\1 crc32c pieces[^;]* match")
          .contains("MD5 of the source now is " + ExternalTool.digestOf("md5sum", backing))
          .doesNotContain("of the image is");
      assertThat(table.out()).containsPattern("image-digests +PASS +4 of 4 digests of the image match the recorded");

      assertThat(json.exitCode()).isEqualTo(1);
      JsonNode root = new ObjectMapper().readTree(json.out());
      JsonNode source = root.path("source");
      assertThat(source.path("of").asText()).isEqualTo("source");
      assertThat(source.path("wholeDigestsMatch").asBoolean()).isFalse();
      assertThat(source.path("digests")).hasSize(4).allSatisfy(digest -> {
        assertThat(digest.path("computedOf").asText()).isEqualTo("source");
        assertThat(digest.path("recordedFrom").asText()).isEqualTo("manifest");
        assertThat(digest.path("matches").asBoolean()).isFalse();
      });
      assertThat(source.path("pieces").path("proves").asBoolean()).isFalse();
      assertThat(source.path("pieces").path("damaged")).isEmpty();
      assertThat(source.path("pieces").path("summary").asText()).startsWith("none of the 8 crc32c pieces");
      assertThat(root.path("image").path("of").asText()).isEqualTo("image");
      assertThat(root.path("image").path("digests").get(0).path("computedOf").asText()).isEqualTo("image");
      Path document = Files.writeString(temp.resolve("verification.json"), json.out());
      PythonJsonSchema.Result valid = PythonJsonSchema.validate(Path.of("evidence-schema/verification.schema.json"), document);
      assertThat(valid.valid()).as(valid.output()).isTrue();
    }
  }

  /** Changes bytes of the piece at {@code pieceStart} and gives it back its CRC-32C with four more. */
  private static void forgeKeepingTheCrc(Path file, long pieceStart) throws Exception {
    byte[] piece = Tamper.read(file, pieceStart, PIECE);
    long crc = Tamper.crc32c(piece);
    byte[] text = "wiped by the suspect".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, piece, 4096, text.length);
    byte[] patch = Tamper.crc32cCompensation(piece, 8192, crc);
    System.arraycopy(patch, 0, piece, 8192, 4);
    assertThat(Tamper.crc32c(piece)).as("the forged piece keeps its CRC-32C").isEqualTo(crc);
    Tamper.write(file, pieceStart, piece);
  }
}
