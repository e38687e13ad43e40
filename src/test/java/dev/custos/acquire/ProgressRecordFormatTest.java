package dev.custos.acquire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.digest.PieceAlgorithm;
import dev.custos.digest.PieceDigest;
import dev.custos.source.BadSectorMap;
import dev.custos.source.SectorRange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress record's format, both ways: the bytes written are pinned by hand-written lines,
 * and hand-written records are read into the records the writer takes.
 */
class ProgressRecordFormatTest {
  /** sha256sum of "abc" (FIPS 180-2 example). */
  private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  /** sha256sum of the empty input. */
  private static final String SHA256_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  /** CRC-32C of "123456789" (RFC 3720, B.4). */
  private static final String CRC32C_CHECK = "e3069283";

  private static final String HEADER =
      "{\"formatVersion\":1,\"pieceAlgorithm\":\"sha256\",\"pieceSize\":4096,\"sourceSizeBytes\":10000,\"sectorSize\":512}";

  @Test
  void read_handWrittenRecord_givesItsHeaderAndEachPieceWithItsBadSectors() throws Exception {
    String text = HEADER + "\n"
        + "{\"piece\":0,\"digest\":\"" + SHA256_ABC + "\",\"badSectors\":[]}\n"
        + "{\"piece\":1,\"digest\":\"" + SHA256_EMPTY + "\",\"badSectors\":[{\"firstLba\":8,\"count\":1},{\"firstLba\":10,\"count\":6}]}\n";

    ProgressRecordFormat.Recorded recorded = recorded(text);

    assertThat(recorded.header()).isEqualTo(new ProgressRecordFormat.Header(PieceAlgorithm.SHA_256, 4096, 10000, 512));
    assertThat(recorded.pieces()).hasSize(2);
    assertThat(recorded.pieces().get(0).digest()).isEqualTo(PieceDigest.fromHex(PieceAlgorithm.SHA_256, SHA256_ABC));
    assertThat(recorded.pieces().get(0).badSectors()).isEmpty();
    assertThat(recorded.pieces().get(1).digest().hex()).isEqualTo(SHA256_EMPTY);
    // LBA 8 is the first sector of piece 1 (4096 / 512 = 8 a piece), LBA 15 its last.
    assertThat(recorded.pieces().get(1).badSectors()).containsExactly(new SectorRange(8, 1), new SectorRange(10, 6));
  }

  @Test
  void read_tornLastLine_endsAtTheLastCompleteLine() throws Exception {
    String text = HEADER + "\n"
        + "{\"piece\":0,\"digest\":\"" + SHA256_ABC + "\",\"badSectors\":[]}\n"
        + "{\"piece\":1,\"digest\":\"" + SHA256_EMPTY + "\",\"badSectors\":[]}"; // killed before its newline

    assertThat(recorded(text).pieces()).extracting(piece -> piece.digest().hex()).containsExactly(SHA256_ABC);
  }

  @Test
  void read_onlyATornFirstLine_holdsNothing() throws Exception {
    assertThat(read(HEADER.substring(0, 30))).isEqualTo(new ProgressRecordFormat.Absent());
    assertThat(read("")).isEqualTo(new ProgressRecordFormat.Absent());
  }

  @Test
  void read_unknownFormatVersion_isRefused() {
    String text = HEADER.replace("\"formatVersion\":1", "\"formatVersion\":2") + "\n";

    assertThat(read(text))
        .isEqualTo(new ProgressRecordFormat.Unreadable("acquisition-progress.jsonl does not begin as a progress record of format 1"));
  }

  @Test
  void read_firstLineAPieceLine_isRefused() {
    String text = "{\"piece\":0,\"digest\":\"" + SHA256_ABC + "\",\"badSectors\":[]}\n";

    assertThat(read(text)).isInstanceOf(ProgressRecordFormat.Unreadable.class);
  }

  @Test
  void read_pieceDigestNotHex_endsTheRecordBeforeIt() throws Exception {
    String notHex = "zz" + SHA256_ABC.substring(2);
    String text = HEADER + "\n"
        + "{\"piece\":0,\"digest\":\"" + SHA256_ABC + "\",\"badSectors\":[]}\n"
        + "{\"piece\":1,\"digest\":\"" + notHex + "\",\"badSectors\":[]}\n"
        + "{\"piece\":2,\"digest\":\"" + SHA256_EMPTY + "\",\"badSectors\":[]}\n";

    assertThat(recorded(text).pieces()).hasSize(1);
  }

  @Test
  void read_crcDigestUnderASha256Header_endsTheRecordBeforeIt() throws Exception {
    // The schema allows 8 or 64 hex digits on any line; only the header says which a piece must have.
    String text = HEADER + "\n"
        + "{\"piece\":0,\"digest\":\"" + CRC32C_CHECK + "\",\"badSectors\":[]}\n";

    assertThat(recorded(text).pieces()).isEmpty();
  }

  @Test
  void read_badSectorsOutsideThePiece_endsTheRecordBeforeIt() throws Exception {
    String text = HEADER + "\n"
        + "{\"piece\":0,\"digest\":\"" + SHA256_ABC + "\",\"badSectors\":[{\"firstLba\":7,\"count\":1}]}\n"
        + "{\"piece\":1,\"digest\":\"" + SHA256_ABC + "\",\"badSectors\":[{\"firstLba\":15,\"count\":2}]}\n";

    assertThat(recorded(text).pieces()).hasSize(1);
  }

  @Test
  void read_adjacentBadRanges_endTheRecordBeforeThem() throws Exception {
    // Merged ranges are never adjacent: two that touch were not written by Custos.
    String text = HEADER + "\n"
        + "{\"piece\":0,\"digest\":\"" + SHA256_ABC + "\",\"badSectors\":[{\"firstLba\":1,\"count\":1},{\"firstLba\":2,\"count\":1}]}\n";

    assertThat(recorded(text).pieces()).isEmpty();
  }

  @Test
  void read_laterLineForAnEarlierPiece_replacesItAndThePiecesAfterIt() throws Exception {
    String text = HEADER + "\n"
        + "{\"piece\":0,\"digest\":\"" + SHA256_ABC + "\",\"badSectors\":[]}\n"
        + "{\"piece\":1,\"digest\":\"" + SHA256_ABC + "\",\"badSectors\":[]}\n"
        + "{\"piece\":2,\"digest\":\"" + SHA256_ABC + "\",\"badSectors\":[]}\n"
        + "{\"piece\":1,\"digest\":\"" + SHA256_EMPTY + "\",\"badSectors\":[]}\n";

    assertThat(recorded(text).pieces()).extracting(piece -> piece.digest().hex())
        .containsExactly(SHA256_ABC, SHA256_EMPTY);
  }

  @Test
  void read_pieceAfterAGap_endsTheRecordBeforeIt() throws Exception {
    String text = HEADER + "\n"
        + "{\"piece\":0,\"digest\":\"" + SHA256_ABC + "\",\"badSectors\":[]}\n"
        + "{\"piece\":2,\"digest\":\"" + SHA256_ABC + "\",\"badSectors\":[]}\n";

    assertThat(recorded(text).pieces()).hasSize(1);
  }

  @Test
  void read_memberTheSchemaDoesNotKnow_endsTheRecordBeforeIt() throws Exception {
    String text = HEADER + "\n"
        + "{\"piece\":0,\"digest\":\"" + SHA256_ABC + "\",\"badSectors\":[],\"trusted\":true}\n";

    assertThat(recorded(text).pieces()).isEmpty();
  }

  @Test
  void write_headerAndPieces_areTheseBytesAndReadBackAsTheRecordsWritten(@TempDir Path dir) throws Exception {
    BadSectorMap badSectors = new BadSectorMap();
    badSectors.addRange(new SectorRange(9, 2));
    ProgressRecord record = ProgressRecord.start(dir, PieceAlgorithm.CRC32C, 4096, 10000, 512, badSectors);
    record.pieceCompleted(0, PieceDigest.fromHex(PieceAlgorithm.CRC32C, CRC32C_CHECK));
    record.pieceCompleted(1, PieceDigest.fromHex(PieceAlgorithm.CRC32C, "00000000"));
    record.close(false);

    assertThat(Files.readString(dir.resolve(ProgressRecord.FILE), StandardCharsets.UTF_8)).isEqualTo(
        "{\"formatVersion\":1,\"pieceAlgorithm\":\"crc32c\",\"pieceSize\":4096,\"sourceSizeBytes\":10000,\"sectorSize\":512}\n"
            + "{\"piece\":0,\"digest\":\"e3069283\",\"badSectors\":[]}\n"
            + "{\"piece\":1,\"digest\":\"00000000\",\"badSectors\":[{\"firstLba\":9,\"count\":2}]}\n");
    ProgressRecordFormat.Recorded recorded = (ProgressRecordFormat.Recorded) ProgressRecord.read(dir);
    assertThat(recorded.header()).isEqualTo(new ProgressRecordFormat.Header(PieceAlgorithm.CRC32C, 4096, 10000, 512));
    assertThat(recorded.pieces()).containsExactly(
        new ProgressRecordFormat.Piece(PieceDigest.fromHex(PieceAlgorithm.CRC32C, CRC32C_CHECK), List.of()),
        new ProgressRecordFormat.Piece(PieceDigest.fromHex(PieceAlgorithm.CRC32C, "00000000"), List.of(new SectorRange(9, 2))));
  }

  @Test
  void read_noFile_holdsNothing(@TempDir Path dir) throws Exception {
    assertThat(ProgressRecord.read(dir)).isEqualTo(new ProgressRecordFormat.Absent());
  }

  private static ProgressRecordFormat.Reading read(String text) {
    return ProgressRecordFormat.read(ProgressRecord.FILE, text.getBytes(StandardCharsets.UTF_8));
  }

  /** What {@code text} records; fails the test when it records nothing or is unreadable. */
  private static ProgressRecordFormat.Recorded recorded(String text) {
    ProgressRecordFormat.Reading reading = read(text);
    assertThat(reading).isInstanceOf(ProgressRecordFormat.Recorded.class);
    return (ProgressRecordFormat.Recorded) reading;
  }
}
