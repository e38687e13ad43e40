package dev.custos.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.custos.testing.ExternalTool;
import dev.custos.testing.TestBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PieceDigestConsumerTest {
  /** Prints the SHA-256 of every {@code piece}-byte slice of a file, one a line: an independent cut. */
  private static final String PYTHON_PIECES = String.join("\n",
      "import hashlib, sys",
      "data = open(sys.argv[1], 'rb').read()",
      "piece = int(sys.argv[2])",
      "for start in range(0, len(data), piece):",
      "    print(hashlib.sha256(data[start:start + piece]).hexdigest())");

  @ParameterizedTest(name = "in blocks of {0}")
  @ValueSource(ints = {1, 2, 4, 9, 4096})
  void crc32c_checkString123456789_isE3069283(int blockSize) throws Exception {
    PieceDigestConsumer pieces = new PieceDigestConsumer(PieceAlgorithm.CRC32C, 1 << 20);

    PipelineFeeder.drive(pieces, "123456789".getBytes(StandardCharsets.US_ASCII), blockSize);
    pieces.finish();

    assertThat(hex(pieces.result())).containsExactly("e3069283");
  }

  /** The CRC-32C test vectors of RFC 3720 (iSCSI), appendix B.4. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "32 bytes of zeros, 8a9136aa",
      "32 bytes of ones, 62a8ab43",
      "32 incrementing bytes, 46dd794e",
      "32 decrementing bytes, 113fdb5c",
  })
  void crc32c_rfc3720Vectors_match(String vector, String expected) throws Exception {
    byte[] data = new byte[32];
    for (int i = 0; i < 32; i++) {
      data[i] = switch (vector) {
        case "32 bytes of zeros" -> 0;
        case "32 bytes of ones" -> (byte) 0xff;
        case "32 incrementing bytes" -> (byte) i;
        default -> (byte) (31 - i);
      };
    }
    PieceDigestConsumer pieces = new PieceDigestConsumer(PieceAlgorithm.CRC32C, 32);

    PipelineFeeder.drive(pieces, data, 7);
    pieces.finish();

    assertThat(hex(pieces.result())).containsExactly(expected);
  }

  static Stream<Arguments> sizesBlocksAndPieces() {
    int[][] geometries = {
        {4096, 1000},          // pieces smaller than blocks, not dividing them
        {1000, 4096},          // pieces larger than blocks, not a multiple of them
        {4096, 4096},          // aligned
        {512, 3 * 4096 + 5},   // a piece spans many blocks and ends mid-block
    };
    return TestBytes.awkwardSizes().boxed().flatMap(size -> Stream.of(geometries)
        .map(g -> Arguments.of(size, g[0], g[1])));
  }

  @ParameterizedTest(name = "{0} bytes, blocks of {1}, pieces of {2}")
  @MethodSource("sizesBlocksAndPieces")
  void result_sha256Pieces_matchPythonHashlibOfEachSlice(int size, int blockSize, int pieceSize, @TempDir Path dir)
      throws Exception {
    Path source = TestBytes.file(dir, "source", size, size * 31L + pieceSize);
    PieceDigestConsumer pieces = new PieceDigestConsumer(PieceAlgorithm.SHA_256, pieceSize);

    PipelineFeeder.drive(pieces, Files.readAllBytes(source), blockSize);
    pieces.finish();

    List<String> expected = ExternalTool.lines(
        ExternalTool.ok(ExternalTool.python3(), "-c", PYTHON_PIECES, source.toString(), String.valueOf(pieceSize)));
    assertThat(hex(pieces.result()))
        .hasSize((size + pieceSize - 1) / pieceSize)
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} bytes, blocks of {1}, pieces of {2}")
  @MethodSource("sizesBlocksAndPieces")
  void result_crc32cPieces_matchTheCrcOfEachSlice(int size, int blockSize, int pieceSize) throws Exception {
    byte[] data = TestBytes.random(size, size);
    PieceDigestConsumer pieces = new PieceDigestConsumer(PieceAlgorithm.CRC32C, pieceSize);

    PipelineFeeder.drive(pieces, data, blockSize);
    pieces.finish();

    List<String> expected = new ArrayList<>();
    for (int start = 0; start < size; start += pieceSize) {
      CRC32C crc = new CRC32C();
      crc.update(data, start, Math.min(pieceSize, size - start));
      expected.add(HexFormat.of().toHexDigits((int) crc.getValue()));
    }
    assertThat(hex(pieces.result())).isEqualTo(expected);
  }

  @Test
  void result_lastPieceShort_everyPieceMatchesSha256sumOfTheSliceCutWithDd(@TempDir Path dir) throws Exception {
    int pieceSize = 4096;
    Path source = TestBytes.file(dir, "source", 2 * pieceSize + 1808, 7);
    PieceDigestConsumer pieces = new PieceDigestConsumer(PieceAlgorithm.SHA_256, pieceSize);

    PipelineFeeder.drive(pieces, Files.readAllBytes(source), 1000);
    pieces.finish();

    List<String> expected = new ArrayList<>();
    for (int piece = 0; piece < 3; piece++) {
      Path slice = dir.resolve("piece-" + piece);
      ExternalTool.ok("dd", "if=" + source, "of=" + slice, "bs=" + pieceSize, "skip=" + piece, "count=1",
          "status=none");
      expected.add(ExternalTool.digestOf("sha256sum", slice));
    }
    assertThat(Files.size(dir.resolve("piece-2"))).as("the last slice dd cut").isEqualTo(1808);
    assertThat(hex(pieces.result())).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} bytes in blocks of 1000, pieces of 4096")
  @ValueSource(ints = {0, 1, 4095, 4096, 4097, 10_000, 3 * 4096})
  void completedPieces_asBlocksArrive_neverIncludesAPartialPiece(int size) throws Exception {
    byte[] data = TestBytes.random(size, 3);
    PieceDigestConsumer pieces = new PieceDigestConsumer(PieceAlgorithm.SHA_256, 4096);
    Block block = new Block(new byte[1000], null);

    for (int offset = 0; offset < size; offset += 1000) {
      int length = Math.min(1000, size - offset);
      System.arraycopy(data, offset, block.data(), 0, length);
      block.fill(offset, length);
      pieces.accept(block);

      assertThat(pieces.completedPieces()).as("after %d bytes", offset + length)
          .hasSize((offset + length) / 4096);
    }
    List<PieceDigest> beforeFinish = pieces.completedPieces();
    pieces.finish();

    assertThat(beforeFinish).hasSize(size / 4096);
    assertThat(pieces.result()).hasSize((size + 4095) / 4096);
    assertThat(pieces.result().subList(0, beforeFinish.size())).isEqualTo(beforeFinish);
  }

  @Test
  void completedPieces_isACopy_laterPiecesDoNotChangeIt() throws Exception {
    PieceDigestConsumer pieces = new PieceDigestConsumer(PieceAlgorithm.CRC32C, 4);
    PipelineFeeder.drive(pieces, new byte[8], 8);
    List<PieceDigest> snapshot = pieces.completedPieces();

    PipelineFeeder.drive(pieces, new byte[8], 8);

    assertThat(snapshot).hasSize(2);
    assertThat(pieces.completedPieces()).hasSize(4);
  }

  @Test
  void result_beforeFinish_throws() throws Exception {
    PieceDigestConsumer pieces = new PieceDigestConsumer(PieceAlgorithm.SHA_256, 4);
    PipelineFeeder.drive(pieces, new byte[8], 8);

    assertThatIllegalStateException().isThrownBy(pieces::result);
  }

  @Test
  void result_throughPipeline_sameAsDrivenDirectly() throws Exception {
    byte[] data = TestBytes.random((2 << 18) + 23, 11);
    PieceDigestConsumer direct = new PieceDigestConsumer(PieceAlgorithm.SHA_256, 10_000);
    PieceDigestConsumer piped = new PieceDigestConsumer(PieceAlgorithm.SHA_256, 10_000);
    PipelineFeeder.drive(direct, data, 777);
    direct.finish();

    PipelineFeeder.feed(data, new BlockPipeline(List.of(piped, new DigestConsumer(HashAlgorithm.MD5)), 4096, 2));

    assertThat(piped.result()).hasSize(53).isEqualTo(direct.result());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void constructor_nonPositivePieceSize_rejectedWithTheValue(long pieceSize) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PieceDigestConsumer(PieceAlgorithm.CRC32C, pieceSize))
        .withMessageContaining(String.valueOf(pieceSize));
  }

  @Test
  void name_saysPiecesAndTheAlgorithm() {
    assertThat(new PieceDigestConsumer(PieceAlgorithm.CRC32C, 512).name()).isEqualTo("pieces-crc32c");
    assertThat(new PieceDigestConsumer(PieceAlgorithm.SHA_256, 512).name()).isEqualTo("pieces-sha256");
  }

  /** The digests as lowercase hex, as md5sum-style tools print them. */
  private static List<String> hex(List<PieceDigest> digests) {
    return digests.stream().map(PieceDigest::hex).toList();
  }
}
