package dev.custos.acquire;

import dev.custos.digest.PieceDigest;
import dev.custos.image.ImageLayout;
import dev.custos.image.ImageReader;
import dev.custos.source.SectorRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a resumption may begin reading the source: after the pieces that the progress record
 * names and the image files on disk hold in full. Whether those bytes still match is found while
 * they are re-hashed ({@link ReadRun}): against their recorded SHA-256, or, for CRC pieces, which
 * an adversary can satisfy, against the source itself, byte for byte; this only counts what is
 * there. With CRC pieces the prefix ends before the first piece with unreadable sectors, since a
 * zero-filled sector cannot be compared with the source. Immutable.
 *
 * @param pieces the recorded pieces to re-hash and compare, from piece 0
 * @param offset the byte after them, where reading the source begins
 * @param note why fewer pieces than recorded are used; empty when all of them are
 * @param onDisk bytes of the image on disk from byte 0: written over or kept, they need no new space
 */
record ResumePoint(List<ProgressRecordFormat.Piece> pieces, long offset, Optional<String> note, long onDisk) {
  ResumePoint {
    pieces = List.copyOf(pieces);
    Objects.requireNonNull(note, "note");
  }

  /**
   * Counts the usable prefix of {@code directory}'s image.
   *
   * @throws IOException if the progress record or an image file cannot be read
   */
  static ResumePoint find(Path directory, AcquisitionRequest request, long sourceSize, int sectorSize) throws IOException {
    long onDisk = bytesOnDisk(directory, request.layout(), sourceSize);
    ProgressRecordFormat.Reading reading = ProgressRecord.read(directory);
    if (reading instanceof ProgressRecordFormat.Unreadable unreadable) {
      return new ResumePoint(List.of(), 0, Optional.of(unreadable.reason() + ": everything is read again"), onDisk);
    }
    if (!(reading instanceof ProgressRecordFormat.Recorded recorded)) {
      return new ResumePoint(List.of(), 0, Optional.of("no progress was recorded"), onDisk);
    }
    ProgressRecordFormat.Header header = recorded.header();
    if (header.algorithm() != request.pieceAlgorithm() || header.pieceSize() != request.pieceSize()
        || header.sourceSize() != sourceSize || header.sectorSize() != sectorSize) {
      return new ResumePoint(List.of(), 0, Optional.of(ProgressRecord.FILE + " does not describe this acquisition"), onDisk);
    }
    long pieceSize = request.pieceSize();
    long whole = onDisk == sourceSize ? (sourceSize + pieceSize - 1) / pieceSize : onDisk / pieceSize;
    int usable = (int) Math.min(recorded.pieces().size(), whole);
    Optional<String> note = usable < recorded.pieces().size()
        ? Optional.of("the image holds " + onDisk + " bytes, fewer than the " + recorded.pieces().size() + " pieces recorded")
        : Optional.empty();
    int zeroFilled = firstWithUnfilledBadSectors(directory, request.layout(), recorded.pieces().subList(0, usable), sectorSize,
        Math.min(usable * pieceSize, sourceSize));
    if (zeroFilled < usable) {
      usable = zeroFilled;
      note = Optional.of("piece " + zeroFilled + " is recorded with unreadable sectors the image does not hold as zeros");
    }
    if (!request.pieceAlgorithm().proves()) {
      int unreadable = firstWithBadSectors(recorded.pieces().subList(0, usable));
      if (unreadable < usable) {
        usable = unreadable;
        note = Optional.of("piece " + unreadable + " holds unreadable sectors: " + request.pieceAlgorithm().id()
            + " pieces prove nothing, so the image is compared with the source, and a zero-filled sector cannot be");
      }
    }
    return new ResumePoint(recorded.pieces().subList(0, usable), Math.min(usable * pieceSize, sourceSize), note, onDisk);
  }

  private static int firstWithBadSectors(List<ProgressRecordFormat.Piece> pieces) {
    for (int i = 0; i < pieces.size(); i++) {
      if (!pieces.get(i).badSectors().isEmpty()) {
        return i;
      }
    }
    return pieces.size();
  }

  /**
   * The first piece whose recorded unreadable sectors are not all zeros in the image, or {@code
   * pieces.size()}. Unreadable sectors are written as zeros; a record that says otherwise (damaged,
   * or edited) must not put bad ranges in the manifest that the image contradicts.
   */
  private static int firstWithUnfilledBadSectors(Path directory, ImageLayout layout, List<ProgressRecordFormat.Piece> pieces,
      int sectorSize, long prefix) throws IOException {
    if (pieces.stream().allMatch(piece -> piece.badSectors().isEmpty())) {
      return pieces.size();
    }
    ResumePoint all = new ResumePoint(pieces, prefix, Optional.empty(), prefix);
    try (ImageReader image = ImageReader.open(all.prefixParts(directory, layout))) {
      byte[] sector = new byte[sectorSize];
      for (int i = 0; i < pieces.size(); i++) {
        for (SectorRange range : pieces.get(i).badSectors()) {
          for (long lba = range.firstLba(); lba < range.endLba(); lba++) {
            long position = lba * sectorSize;
            if (position + sectorSize > prefix) {
              return i;
            }
            image.read(position, sector, sectorSize);
            for (byte b : sector) {
              if (b != 0) {
                return i;
              }
            }
          }
        }
      }
    }
    return pieces.size();
  }

  /** The same point with only the pieces before {@code piece}: that one is not what it should be, as {@code why} says. */
  ResumePoint before(long piece, long pieceSize, long sourceSize, String why) {
    return new ResumePoint(pieces.subList(0, (int) piece), Math.min(piece * pieceSize, sourceSize), Optional.of(why), onDisk);
  }

  /**
   * The same point with only the pieces, from piece 0, that the manifest of the recorded
   * interruption lists with the same digest: that manifest's SHA-256 is in the signed custody log,
   * the progress record is not signed, so a piece the two disagree on (the record rewritten with
   * the image) is read again from the source.
   *
   * <p>Without such a manifest the pieces are kept to be compared with the source ({@link
   * SourceComparison}), except when an interruption was recorded without one: the manifest, not
   * the source, is what a resumption after a recorded interruption is said to be checked by, so
   * nothing is kept ({@link dev.custos.evidence.Manifest.Resumption#interruptionRecorded}).
   *
   * @param vouched the interruption manifest's piece digests; empty when there is none
   * @param interruptionRecorded whether the custody log records the interruption
   */
  ResumePoint agreeingWith(Optional<List<PieceDigest>> vouched, boolean interruptionRecorded, long pieceSize, long sourceSize) {
    if (vouched.isEmpty()) {
      return !interruptionRecorded || pieces.isEmpty() ? this
          : new ResumePoint(List.of(), 0, Optional.of("the recorded interruption wrote no manifest to vouch for the pieces:"
              + " everything is read again" + andNote()), onDisk);
    }
    List<PieceDigest> recorded = vouched.get();
    int usable = 0;
    while (usable < pieces.size() && usable < recorded.size() && pieces.get(usable).digest().equals(recorded.get(usable))) {
      usable++;
    }
    if (usable == pieces.size()) {
      return this;
    }
    String why = usable < recorded.size()
        ? "piece " + usable + " has another digest in " + ProgressRecord.FILE + " than in the manifest the interruption recorded"
        : "the manifest the interruption recorded lists " + recorded.size() + " pieces, " + ProgressRecord.FILE + " "
            + pieces.size();
    return new ResumePoint(pieces.subList(0, usable), Math.min(usable * pieceSize, sourceSize), Optional.of(why + andNote()), onDisk);
  }

  /**
   * The same point with as few pieces fewer as it takes for reading the source to begin at a
   * multiple of {@code unit} (the larger of the source's error unit and its direct-I/O unit), or at
   * its end: a block device's large reads bypass the page cache only on the direct-I/O grid (4096
   * bytes), so a resumption begun at a piece boundary off it (a piece size that is a multiple of
   * 512 but not of 4096) would read the rest of the drive through the page cache.
   */
  ResumePoint alignedTo(int unit, long pieceSize, long sourceSize) {
    int usable = pieces.size();
    while (usable > 0 && usable * pieceSize < sourceSize && usable * pieceSize % unit != 0) {
      usable--;
    }
    if (usable == pieces.size()) {
      return this;
    }
    return new ResumePoint(pieces.subList(0, usable), usable * pieceSize, Optional.of("the source is read from piece " + usable
        + ", the last piece boundary on its " + unit + "-byte read unit" + andNote()), onDisk);
  }

  /** {@code "; "} and the note, if there is one: what follows a reason given first. */
  private String andNote() {
    return note.map(text -> "; " + text).orElse("");
  }

  /** The recorded digests of the pieces: what ReadRun compares the re-hashed pieces with. */
  List<PieceDigest> digests() {
    return pieces.stream().map(ProgressRecordFormat.Piece::digest).toList();
  }

  /** The unreadable sectors recorded in the pieces. */
  List<SectorRange> badSectors() {
    List<SectorRange> ranges = new ArrayList<>();
    pieces.forEach(piece -> ranges.addAll(piece.badSectors()));
    return ranges;
  }

  /** The image files that hold bytes {@code [0, offset)}, each with the bytes it holds of them. */
  List<ImageReader.Part> prefixParts(Path directory, ImageLayout layout) {
    List<ImageReader.Part> parts = new ArrayList<>();
    if (!layout.isSplit()) {
      String name = layout.fileName(0);
      parts.add(new ImageReader.Part(name, directory.resolve(name), offset));
      return parts;
    }
    for (int i = 0; (long) i * layout.segmentSize() < offset; i++) {
      String name = layout.fileName(i);
      parts.add(new ImageReader.Part(name, directory.resolve(name), Math.min(layout.segmentSize(), offset - i * layout.segmentSize())));
    }
    return parts;
  }

  /** Bytes of the image on disk from byte 0 without a gap: every split segment but the last must be whole. */
  private static long bytesOnDisk(Path directory, ImageLayout layout, long sourceSize) throws IOException {
    if (!layout.isSplit()) {
      return Math.min(sizeOf(directory.resolve(layout.fileName(0))), sourceSize);
    }
    long total = 0;
    for (int i = 0; total < sourceSize; i++) {
      long size = sizeOf(directory.resolve(layout.fileName(i)));
      total += Math.min(size, layout.segmentSize());
      if (size < layout.segmentSize()) {
        break;
      }
    }
    return Math.min(total, sourceSize);
  }

  private static long sizeOf(Path file) throws IOException {
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
          throw new IOException(file + " is not a regular file; refusing to resume into it");
        }
        return 0;
      }
      return Files.size(file);
    } catch (NoSuchFileException e) {
      return 0;
    }
  }
}
