package dev.custos.verify;

import dev.custos.digest.PieceDigest;
import dev.custos.image.ImageFile;
import dev.custos.image.ImageReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares an image as re-hashed now with what its manifest recorded: each whole digest, each
 * piece (a piece with missing bytes is named missing, not merely different), and, for a split
 * image, whether a damaged segment holds exactly the bytes recorded for another one (segments
 * swapped or renamed).
 */
final class ImageComparison {
  private ImageComparison() {}

  /** The findings and the check's verdict. */
  record Outcome(ImageFindings findings, CheckResult result) {}

  /**
   * @param check the check this comparison decides: the image's, or the source's
   * @param recorded what the manifest records
   * @param gaps bytes the image files do not hold
   * @param computed the digests of the bytes as read now
   * @param bytesRead how far the image was read: its size, or less (the first gap) when more bytes
   *     are missing than present; whole digests are compared only for a whole read
   */
  static Outcome compare(Check check, RecordedAcquisition recorded, List<ImageReader.Gap> gaps, Rehash.Result computed,
      long bytesRead) {
    ImageMap map = new ImageMap(recorded.mediaFiles(), recorded.sectorSize());
    List<Problem> problems = new ArrayList<>();
    boolean whole = bytesRead == recorded.imageSize();
    ImageFindings.Subject of = check == Check.SOURCE ? ImageFindings.Subject.SOURCE : ImageFindings.Subject.IMAGE;
    List<DigestComparison> digests = whole ? compareDigests(of, recorded, computed, gaps, problems) : List.of();
    if (!whole) {
      long missing = gaps.stream().mapToLong(gap -> gap.end() - gap.start()).sum();
      problems.add(new Problem(null, "more bytes are missing from the image files (" + missing + ") than present ("
          + (recorded.imageSize() - missing) + "): the image was re-hashed only up to byte " + bytesRead
          + ", where the first gap begins"));
    }
    long pieceSize = recorded.pieces().size();
    long imageSize = recorded.imageSize();
    long expectedPieces = recorded.expectedPieceCount();
    if (recorded.pieceDigests().size() != expectedPieces) {
      problems.add(new Problem("acquisition.json", "the manifest records " + recorded.pieceDigests().size()
          + " piece digests, but an image of " + imageSize + " bytes in pieces of " + pieceSize + " bytes has " + expectedPieces
          + ": pieces not compared"));
    }
    int compared = Math.min(recorded.pieceDigests().size(), computed.pieces().size());
    List<DamagedPiece> damaged = new ArrayList<>();
    for (int index = 0; index < compared; index++) {
      long start = index * pieceSize;
      long end = Math.min(start + pieceSize, imageSize);
      boolean missing = gaps.stream().anyMatch(gap -> gap.start() < end && gap.end() > start);
      if (missing || !recorded.pieceDigests().get(index).equals(computed.pieces().get(index))) {
        damaged.add(new DamagedPiece(index, missing, map.span(start, end)));
      }
    }
    describeDamage(damaged, map, problems);
    if (!damaged.isEmpty() && recorded.split()) {
      problems.addAll(SwappedSegments.find(recorded, computed.pieces(), damaged));
    }
    ImageFindings findings = new ImageFindings(of, ImageFindings.RecordedFrom.MANIFEST, bytesRead, computed.elapsedMillis(), digests,
        recorded.pieces().algorithm(), pieceSize, compared, damaged);
    return new Outcome(findings, CheckResult.of(check, summary(recorded, findings), problems));
  }

  private static List<DigestComparison> compareDigests(ImageFindings.Subject of, RecordedAcquisition recorded, Rehash.Result computed,
      List<ImageReader.Gap> gaps, List<Problem> problems) {
    List<DigestComparison> comparisons = DigestComparison.of(recorded.digests(), computed.digests());
    for (DigestComparison comparison : comparisons) {
      if (!comparison.matches()) {
        problems.add(new Problem(null, comparison.algorithm().displayName() + " of the " + of.id() + " now is " + comparison.computed()
            + "; recorded at acquisition (of the image as acquired): " + comparison.recorded()
            + (gaps.isEmpty() ? "" : " (bytes missing from the image files were read as zeros)")));
      }
    }
    return comparisons;
  }

  /** One problem per run of consecutive damaged pieces of the same kind, so a long run stays one line. */
  private static void describeDamage(List<DamagedPiece> damaged, ImageMap map, List<Problem> problems) {
    int run = 0;
    while (run < damaged.size()) {
      int last = run;
      while (last + 1 < damaged.size() && damaged.get(last + 1).index() == damaged.get(last).index() + 1
          && damaged.get(last + 1).missing() == damaged.get(run).missing()) {
        last++;
      }
      DamagedPiece first = damaged.get(run);
      DamagedPiece end = damaged.get(last);
      ImageMap.Span span = map.span(first.span().firstByte(), end.span().lastByte() + 1);
      String pieces = run == last ? "piece " + first.index() : "pieces " + first.index() + "–" + end.index();
      String what = first.missing() ? " missing from the image files" : (run == last ? " differs" : " differ");
      problems.add(new Problem(span.files().get(0).file(), pieces + what + ": " + map.describe(span)));
      run = last + 1;
    }
  }

  private static String summary(RecordedAcquisition recorded, ImageFindings findings) {
    StringBuilder text = new StringBuilder();
    String of = findings.of().id();
    if (findings.sizeBytes() < recorded.imageSize()) {
      text.append("whole digests not compared (the ").append(of).append(" was read only to byte ").append(findings.sizeBytes())
          .append(")");
    } else if (findings.digests().isEmpty()) {
      text.append("no whole-image digest recorded (acquisition ").append(recorded.completed() ? "completed" : "not completed")
          .append(" at byte ").append(recorded.bytesAcquired()).append(")");
    } else {
      long matching = findings.digests().stream().filter(DigestComparison::matches).count();
      text.append(matching).append(" of ").append(findings.digests().size()).append(" digests of the ").append(of)
          .append(" match the recorded (").append(String.join(", ", findings.digests().stream().map(d -> d.algorithm().id()).toList()))
          .append(")");
    }
    text.append("; pieces: ").append(findings.piecesSummary()).append("; ").append(findings.sizeBytes()).append(" bytes read at ")
        .append(String.format(Locale.ROOT, "%.0f MB/s", findings.bytesPerSecond() / 1e6));
    return text.toString();
  }

  /** Finds segments that hold the bytes recorded for another segment. */
  static final class SwappedSegments {
    private SwappedSegments() {}

    static List<Problem> find(RecordedAcquisition recorded, List<PieceDigest> computed, List<DamagedPiece> damaged) {
      long pieceSize = recorded.pieces().size();
      List<ImageFile> files = recorded.files();
      long[] starts = new long[files.size()];
      for (int i = 1; i < files.size(); i++) {
        starts[i] = starts[i - 1] + files.get(i - 1).sizeBytes();
      }
      List<Problem> problems = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        if (!aligned(starts[i], files.get(i).sizeBytes(), pieceSize) || !hasDamage(starts[i], files.get(i).sizeBytes(), damaged)) {
          continue;
        }
        List<PieceDigest> holds = slice(computed, starts[i], files.get(i).sizeBytes(), pieceSize);
        for (int j = 0; j < files.size(); j++) {
          if (j != i && files.get(j).sizeBytes() == files.get(i).sizeBytes() && aligned(starts[j], files.get(j).sizeBytes(), pieceSize)
              && holds.equals(slice(recorded.pieceDigests(), starts[j], files.get(j).sizeBytes(), pieceSize))) {
            problems.add(new Problem(files.get(i).name(), files.get(i).name() + " holds exactly the bytes recorded for "
                + files.get(j).name() + ": segments swapped or renamed"));
          }
        }
      }
      return problems;
    }

    private static boolean aligned(long start, long size, long pieceSize) {
      return size > 0 && start % pieceSize == 0 && size % pieceSize == 0;
    }

    private static boolean hasDamage(long start, long size, List<DamagedPiece> damaged) {
      return damaged.stream().anyMatch(piece -> piece.span().firstByte() >= start && piece.span().firstByte() < start + size);
    }

    private static List<PieceDigest> slice(List<PieceDigest> pieces, long start, long size, long pieceSize) {
      int from = (int) (start / pieceSize);
      int to = (int) ((start + size) / pieceSize);
      return to <= pieces.size() ? pieces.subList(from, to) : List.of();
    }
  }
}
