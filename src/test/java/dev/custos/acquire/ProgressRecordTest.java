package dev.custos.acquire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.digest.PieceAlgorithm;
import dev.custos.digest.PieceDigest;
import dev.custos.io.SourceFileKey;
import dev.custos.io.SourceWriteRefusedException;
import dev.custos.source.BadSectorMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressRecordTest {
  private static final long PIECE = 4096;

  /**
   * A resumption stopped (SIGTERM) while re-hashing its prefix in the middle of a piece: the
   * pipeline finishes that piece short. Compared with the whole piece's record it "mismatched",
   * and the resumption started again before it, recording a damaged piece that was not damaged
   * and cutting the checked image back to it.
   */
  @Test
  void resume_stoppedMidPiece_thePieceCutShortIsNeitherAMismatchNorRecorded(@TempDir Path dir) throws Exception {
    byte[] data = new byte[(int) (3 * PIECE)];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31 + 7);
    }
    List<PieceDigest> recorded = digests(data, data.length);
    ProgressRecord start = ProgressRecord.start(dir, PieceAlgorithm.CRC32C, PIECE, data.length, 512, new BadSectorMap());
    start.close(false);
    long lines = Files.readAllLines(dir.resolve(ProgressRecord.FILE)).size();

    ProgressRecord record = ProgressRecord.resume(dir, PieceAlgorithm.CRC32C, PIECE, data.length, 512, new BadSectorMap(), recorded);
    int stoppedAt = (int) (PIECE + 1024);
    record.streamEndsAt(stoppedAt);
    List<PieceDigest> hashed = digests(data, stoppedAt); // what the pipeline's finish() reports: piece 1 short
    for (int i = 0; i < hashed.size(); i++) {
      record.pieceCompleted(i, hashed.get(i));
    }
    record.close(false);

    assertThat(hashed).hasSize(2);
    assertThat(record.mismatch()).isEmpty();
    assertThat(Files.readAllLines(dir.resolve(ProgressRecord.FILE))).hasSize((int) lines);
  }

  @Test
  void resume_recordedPieceRehashesOtherwise_isTheMismatchAndNothingIsWritten(@TempDir Path dir) throws Exception {
    byte[] data = new byte[(int) (3 * PIECE)];
    List<PieceDigest> recorded = digests(data, data.length);
    ProgressRecord.start(dir, PieceAlgorithm.CRC32C, PIECE, data.length, 512, new BadSectorMap()).close(false);
    byte[] before = Files.readAllBytes(dir.resolve(ProgressRecord.FILE));
    data[(int) PIECE + 7] = 1; // piece 1 changed since it was recorded
    List<PieceDigest> hashed = digests(data, data.length);

    ProgressRecord record = ProgressRecord.resume(dir, PieceAlgorithm.CRC32C, PIECE, data.length, 512, new BadSectorMap(), recorded);
    for (int i = 0; i < hashed.size(); i++) {
      record.pieceCompleted(i, hashed.get(i));
    }
    record.close(false);

    assertThat(hashed.get(1)).isNotEqualTo(recorded.get(1));
    assertThat(record.mismatch()).contains(new ProgressRecord.Mismatch(1, hashed.get(1)));
    assertThat(Files.readAllBytes(dir.resolve(ProgressRecord.FILE))).isEqualTo(before);
  }

  /** Piece digests of {@code data[0, length)}, the last one short where {@code length} ends mid-piece. */
  private static List<PieceDigest> digests(byte[] data, int length) {
    PieceAlgorithm.Running running = PieceAlgorithm.CRC32C.newRunning();
    List<PieceDigest> out = new ArrayList<>();
    for (int at = 0; at < length; at += (int) PIECE) {
      running.update(data, at, (int) Math.min(PIECE, length - at));
      out.add(running.finish());
    }
    return out;
  }

  /** The progress record hard-linked (here: renamed) from the source: resuming refuses it before a byte is appended. */
  @Test
  void resume_recordIsTheSource_refusedNamingBoth_nothingAppended(@TempDir Path dir) throws Exception {
    byte[] data = new byte[(int) (2 * PIECE)];
    ProgressRecord.start(dir, PieceAlgorithm.CRC32C, PIECE, data.length, 512, new BadSectorMap()).close(false);
    Path record = dir.resolve(ProgressRecord.FILE);
    byte[] before = Files.readAllBytes(record);
    SourceFileKey notSource = SourceFileKey.of(record); // as if the source had been renamed into the directory

    assertThatThrownBy(() -> ProgressRecord.resume(dir, PieceAlgorithm.CRC32C, PIECE, data.length, 512, new BadSectorMap(),
        digests(data, data.length), notSource))
        .isInstanceOf(SourceWriteRefusedException.class)
        .hasMessageStartingWith("refusing to write to " + record + ": it is the source " + record + " itself");
    assertThat(Files.readAllBytes(record)).isEqualTo(before);
  }
}
