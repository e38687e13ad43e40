package dev.custos.acquire;

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

/**
 * Where a resumption may begin reading the source: after the pieces that the progress record
 * names and the image files on disk hold in full. Whether those bytes still match is found while
 * they are re-hashed ({@link ReadRun}); this only counts what is there. Immutable.
 *
 * @param pieces the recorded pieces to re-hash and compare, from piece 0
 * @param offset the byte after them, where reading the source begins
 * @param note why fewer pieces than recorded are used, or {@code null}
 * @param onDisk bytes of the image on disk from byte 0: written over or kept, they need no new space
 */
record ResumePoint(List<ProgressRecord.Piece> pieces, long offset, String note, long onDisk) {
  ResumePoint {
    pieces = List.copyOf(pieces);
  }

  /**
   * Counts the usable prefix of {@code directory}'s image.
   *
   * @throws IOException if the progress record or an image file cannot be read
   */
  static ResumePoint find(Path directory, AcquisitionRequest request, long sourceSize, int sectorSize) throws IOException {
    long onDisk = bytesOnDisk(directory, request.layout(), sourceSize);
    ProgressRecord.Recorded recorded = ProgressRecord.read(directory);
    if (recorded == null) {
      return new ResumePoint(List.of(), 0, "no progress was recorded", onDisk);
    }
    if (recorded.algorithm() != request.pieceAlgorithm() || recorded.pieceSize() != request.pieceSize()
        || recorded.sourceSize() != sourceSize || recorded.sectorSize() != sectorSize) {
      return new ResumePoint(List.of(), 0, ProgressRecord.FILE + " does not describe this acquisition", onDisk);
    }
    long pieceSize = request.pieceSize();
    long whole = onDisk == sourceSize ? (sourceSize + pieceSize - 1) / pieceSize : onDisk / pieceSize;
    int usable = (int) Math.min(recorded.pieces().size(), whole);
    String note = usable < recorded.pieces().size()
        ? "the image holds " + onDisk + " bytes, fewer than the " + recorded.pieces().size() + " pieces recorded" : null;
    return new ResumePoint(recorded.pieces().subList(0, usable), Math.min(usable * pieceSize, sourceSize), note, onDisk);
  }

  /** The same point with only the pieces before {@code piece}: that one re-hashed to another digest. */
  ResumePoint before(long piece, long pieceSize, long sourceSize) {
    return new ResumePoint(pieces.subList(0, (int) piece), Math.min(piece * pieceSize, sourceSize),
        "piece " + piece + " of the image no longer matched its recorded digest", onDisk);
  }

  /** The recorded digests of the pieces. */
  List<String> digests() {
    return pieces.stream().map(ProgressRecord.Piece::digest).toList();
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
