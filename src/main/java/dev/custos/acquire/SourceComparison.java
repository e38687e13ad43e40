package dev.custos.acquire;

import dev.custos.source.BlockSource;
import dev.custos.source.ReadOutcome;
import dev.custos.source.SectorRange;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The check of a resumed image's prefix when its piece digests prove nothing: each block of the
 * prefix, as the image holds it, must equal what the source gives now, byte for byte. A CRC that
 * re-hashes to its record proves nothing (CRC-32C is linear: four chosen bytes give any change any
 * CRC, and ext4 metadata blocks that carry their own CRC-32C can be swapped without changing a
 * piece's CRC); nor does a SHA-256 that only the unsigned progress record holds (after a crash no
 * interruption manifest, whose SHA-256 the signed custody log holds, vouches for it): whoever
 * changes the image can rewrite that record too. Only the source can then say whether the prefix is
 * the source's.
 *
 * <p>A unit the source cannot be read at is consistent only where the record names it unreadable
 * (its zeros in the image are checked by {@link ResumePoint}): unreadable then, unreadable now. A
 * recorded bad sector that reads now differs from its zeros, and is read again.
 *
 * <p>Where they differ, or the source cannot be read to compare, the resumption begins again at
 * that piece: the source is read from there and its bytes replace the image's. The source is the
 * evidence; an unfinished image is only what Custos has copied of it so far, and a copy that
 * disagrees with its original is not kept.
 *
 * <p>Threading: the reading thread only (it shares the source's staging buffer).
 */
final class SourceComparison {
  private final BlockSource source;
  private final byte[] fromSource;
  private final long pieceSize;
  private final List<SectorRange> recordedBad;
  private final String why;

  /**
   * The comparison a pass starting at {@code start} needs, if any. A CRC piece that re-hashes to
   * its record proves nothing (CRC is linear: a change can be given any CRC), nor does a digest only
   * the unsigned progress record holds (rewritten with the image): the prefix is then kept only
   * where it equals what the source gives now, byte for byte.
   */
  static Optional<SourceComparison> forPrefix(PassStart start, BlockSource source, AcquisitionRequest request) {
    if (!start.comparedWithSource() || start.offset() == 0) {
      return Optional.empty();
    }
    return Optional.of(new SourceComparison(source, request.blockSize(), request.pieceSize(), start.badSectors(),
        request.pieceAlgorithm().proves()
            ? "its " + request.pieceAlgorithm().id() + " digest is recorded only in the unsigned " + ProgressRecord.FILE
                + " (the interruption recorded no manifest)"
            : request.pieceAlgorithm().id() + " pieces prove nothing"));
  }

  /**
   * @param recordedBad the unreadable sectors recorded in the prefix
   * @param why why the image is compared with the source, for the message of a difference
   */
  SourceComparison(BlockSource source, int blockSize, long pieceSize, List<SectorRange> recordedBad, String why) {
    this.source = source;
    this.fromSource = new byte[blockSize];
    this.pieceSize = pieceSize;
    this.recordedBad = List.copyOf(recordedBad);
    this.why = why;
  }

  /**
   * Compares the image's bytes {@code [position, position + length)}, held in {@code image}, with the source's.
   *
   * @return why the piece holding the first difference must be read again, or empty when they are equal
   */
  Optional<PassOutcome.PieceMismatch> compare(long position, byte[] image, int length) {
    int done = 0;
    while (done < length) {
      ReadOutcome outcome = source.read(position + done, fromSource, done, length - done);
      if (outcome instanceof ReadOutcome.Failed failed) {
        return compareUnitByUnit(position, image, length, failed);
      }
      if (outcome.bytes() <= 0) {
        return mismatch(position + done, "could not be compared with the source at byte " + (position + done)
            + " (the source ended there)");
      }
      done += outcome.bytes();
    }
    int differs = Arrays.mismatch(image, 0, length, fromSource, 0, length);
    return differs < 0 ? Optional.empty() : mismatch(position + differs, "differs from the source at byte " + (position + differs));
  }

  /** After a failed block read: unit by unit, a unit that cannot be read must be recorded unreadable. */
  private Optional<PassOutcome.PieceMismatch> compareUnitByUnit(long position, byte[] image, int length,
      ReadOutcome.Failed blockFailure) {
    int unit = source.errorUnit();
    for (int done = 0; done < length; ) {
      long at = position + done;
      int want = Math.min(unit, length - done);
      ReadOutcome outcome = source.readUnit(at, fromSource, 0);
      if (outcome instanceof ReadOutcome.Failed failed) {
        if (recordedUnreadable(at, want)) {
          done += want;
          continue;
        }
        return mismatch(at, "could not be compared with the source at byte " + at + " (" + failed.message() + ")");
      }
      int read = outcome.bytes();
      if (read < want) {
        return mismatch(at + Math.max(read, 0), "could not be compared with the source at byte " + (at + Math.max(read, 0))
            + " (the source ended there; " + blockFailure.message() + ")");
      }
      int differs = Arrays.mismatch(image, done, done + want, fromSource, 0, want);
      if (differs >= 0) {
        return mismatch(at + differs, "differs from the source at byte " + (at + differs));
      }
      done += want;
    }
    return Optional.empty();
  }

  /** Whether every sector of {@code [at, at + length)} is recorded unreadable. */
  private boolean recordedUnreadable(long at, int length) {
    int sector = source.sectorSize();
    for (long lba = at / sector; lba * sector < at + length; lba++) {
      long current = lba;
      if (recordedBad.stream().noneMatch(range -> range.firstLba() <= current && current < range.endLba())) {
        return false;
      }
    }
    return true;
  }

  private Optional<PassOutcome.PieceMismatch> mismatch(long at, String what) {
    long piece = at / pieceSize;
    return Optional.of(new PassOutcome.PieceMismatch(piece, "piece " + piece + " of the image " + what
        + ": " + why + ", so the image is kept only where it equals the source; the source is read again from byte "
        + piece * pieceSize + " and its bytes replace the image's"));
  }
}
