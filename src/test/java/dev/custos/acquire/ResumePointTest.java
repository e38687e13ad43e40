package dev.custos.acquire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.digest.PieceDigest;
import dev.custos.evidence.CaseInfo;
import dev.custos.image.ImageLayout;
import dev.custos.source.SectorRange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumePointTest {
  private static final long PIECE = 4096;
  /** sha256sum of "abc" (FIPS 180-2 example). */
  private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  /** sha256sum of the empty input. */
  private static final String SHA256_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void agreeingWith_pieceTheManifestRecordsOtherwise_keepsOnlyThePiecesBeforeIt() {
    ResumePoint point = point(SHA256_ABC, SHA256_ABC, SHA256_ABC);

    ResumePoint agreed = point.agreeingWith(Optional.of(List.of(digest(SHA256_ABC), digest(SHA256_EMPTY), digest(SHA256_ABC))), true, PIECE,
        10 * PIECE);

    assertThat(agreed.pieces()).hasSize(1);
    assertThat(agreed.offset()).isEqualTo(PIECE);
    assertThat(agreed.note())
        .contains("piece 1 has another digest in acquisition-progress.jsonl than in the manifest the interruption recorded");
  }

  @Test
  void agreeingWith_manifestListingFewerPieces_keepsThoseItLists() {
    ResumePoint agreed = point(SHA256_ABC, SHA256_ABC).agreeingWith(Optional.of(List.of(digest(SHA256_ABC))), true, PIECE, 10 * PIECE);

    assertThat(agreed.pieces()).hasSize(1);
    assertThat(agreed.note()).contains("the manifest the interruption recorded lists 1 pieces, acquisition-progress.jsonl 2");
  }

  @Test
  void agreeingWith_sameHexOfACrc_isNotTheSamePiece() {
    // Typed values: eight hex digits of a CRC never stand for a SHA-256 piece.
    ResumePoint point = point(SHA256_ABC);

    ResumePoint agreed = point.agreeingWith(Optional.of(List.of(PieceDigest.fromHex(PieceAlgorithm.CRC32C, SHA256_ABC.substring(0, 8)))), true,
        PIECE, 10 * PIECE);

    assertThat(agreed.pieces()).isEmpty();
  }

  @Test
  void agreeingWith_noManifestAfterARecordedInterruption_keepsNothing() {
    ResumePoint agreed = point(SHA256_ABC).agreeingWith(Optional.empty(), true, PIECE, 10 * PIECE);

    assertThat(agreed.pieces()).isEmpty();
    assertThat(agreed.offset()).isZero();
    assertThat(agreed.note())
        .hasValueSatisfying(note -> assertThat(note).startsWith("the recorded interruption wrote no manifest to vouch for the pieces"));
  }

  @Test
  void agreeingWith_noManifestAndNoRecordedInterruption_keepsThePiecesToCompareWithTheSource() {
    ResumePoint point = point(SHA256_ABC, SHA256_EMPTY);

    assertThat(point.agreeingWith(Optional.empty(), false, PIECE, 10 * PIECE)).isSameAs(point);
  }

  @Test
  void alignedTo_pieceBoundaryOffTheReadUnit_goesBackToTheLastBoundaryOnIt() {
    long piece = 1536; // three 512-byte sectors: on a 4096-byte unit every eighth boundary
    List<String> hex = IntStream.range(0, 9).mapToObj(i -> SHA256_ABC).toList();
    ResumePoint point = new ResumePoint(pieces(hex.toArray(String[]::new)), 9 * piece, Optional.empty(), 9 * piece);

    ResumePoint aligned = point.alignedTo(4096, piece, 100 * piece);

    assertThat(aligned.pieces()).hasSize(8);
    assertThat(aligned.offset()).isEqualTo(12288);
    assertThat(aligned.note()).contains("the source is read from piece 8, the last piece boundary on its 4096-byte read unit");
  }

  @Test
  void find_unreadableSectorsTheImageDoesNotHoldAsZeros_keepsThePiecesBeforeIt(@TempDir Path dir) throws Exception {
    byte[] image = new byte[(int) (3 * PIECE)];
    image[(int) PIECE + 512] = 1; // LBA 9, recorded below as unreadable, is not zeros
    Files.write(dir.resolve("image.ima"), image);
    Files.writeString(dir.resolve(ProgressRecord.FILE),
        "{\"formatVersion\":1,\"pieceAlgorithm\":\"sha256\",\"pieceSize\":4096,\"sourceSizeBytes\":12288,\"sectorSize\":512}\n"
            + "{\"piece\":0,\"digest\":\"" + SHA256_ABC + "\",\"badSectors\":[]}\n"
            + "{\"piece\":1,\"digest\":\"" + SHA256_ABC + "\",\"badSectors\":[{\"firstLba\":9,\"count\":1}]}\n"
            + "{\"piece\":2,\"digest\":\"" + SHA256_ABC + "\",\"badSectors\":[]}\n", StandardCharsets.UTF_8);

    ResumePoint point = ResumePoint.find(dir, request(dir), 3 * PIECE, 512);

    assertThat(point.pieces()).hasSize(1);
    assertThat(point.offset()).isEqualTo(PIECE);
    assertThat(point.onDisk()).isEqualTo(3 * PIECE);
    assertThat(point.note()).contains("piece 1 is recorded with unreadable sectors the image does not hold as zeros");
  }

  @Test
  void find_recordOfAnotherPieceSize_keepsNothing(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("image.ima"), new byte[(int) (3 * PIECE)]);
    Files.writeString(dir.resolve(ProgressRecord.FILE),
        "{\"formatVersion\":1,\"pieceAlgorithm\":\"sha256\",\"pieceSize\":8192,\"sourceSizeBytes\":12288,\"sectorSize\":512}\n"
            + "{\"piece\":0,\"digest\":\"" + SHA256_ABC + "\",\"badSectors\":[]}\n", StandardCharsets.UTF_8);

    ResumePoint point = ResumePoint.find(dir, request(dir), 3 * PIECE, 512);

    assertThat(point.pieces()).isEmpty();
    assertThat(point.note()).contains("acquisition-progress.jsonl does not describe this acquisition");
  }

  @Test
  void find_recordWithZeroFilledBadSectors_keepsThemAsRecorded(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("image.ima"), new byte[(int) (2 * PIECE)]);
    Files.writeString(dir.resolve(ProgressRecord.FILE),
        "{\"formatVersion\":1,\"pieceAlgorithm\":\"sha256\",\"pieceSize\":4096,\"sourceSizeBytes\":12288,\"sectorSize\":512}\n"
            + "{\"piece\":0,\"digest\":\"" + SHA256_ABC + "\",\"badSectors\":[{\"firstLba\":0,\"count\":2}]}\n"
            + "{\"piece\":1,\"digest\":\"" + SHA256_EMPTY + "\",\"badSectors\":[{\"firstLba\":15,\"count\":1}]}\n",
        StandardCharsets.UTF_8);

    ResumePoint point = ResumePoint.find(dir, request(dir), 3 * PIECE, 512);

    assertThat(point.pieces()).hasSize(2);
    assertThat(point.note()).isEmpty();
    assertThat(point.digests()).containsExactly(digest(SHA256_ABC), digest(SHA256_EMPTY));
    assertThat(point.badSectors()).containsExactly(new SectorRange(0, 2), new SectorRange(15, 1));
  }

  private static AcquisitionRequest request(Path dir) {
    return new AcquisitionRequest(dir.resolve("source.img"), dir, new CaseInfo("C-1", "E-1", "A. Examiner", null, null),
        ImageLayout.raw("ima"), List.of(HashAlgorithm.SHA_256), PieceAlgorithm.SHA_256, PIECE, 1 << 20, AcquisitionRequest.DEFAULT_RESCUE, false, null);
  }

  private static ResumePoint point(String... hex) {
    return new ResumePoint(pieces(hex), hex.length * PIECE, Optional.empty(), hex.length * PIECE);
  }

  private static List<ProgressRecordFormat.Piece> pieces(String... hex) {
    return java.util.Arrays.stream(hex).map(h -> new ProgressRecordFormat.Piece(digest(h), List.of())).toList();
  }

  private static PieceDigest digest(String hex) {
    return PieceDigest.fromHex(PieceAlgorithm.SHA_256, hex);
  }
}
