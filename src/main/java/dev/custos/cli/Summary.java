package dev.custos.cli;

import dev.custos.digest.Digest;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.Manifest;
import dev.custos.image.ImageFile;
import dev.custos.source.SectorRange;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/** The end-of-acquisition summary: size, time, rate, every digest, bad ranges. */
final class Summary {
  private static final int MAX_RANGES_SHOWN = 20;

  private Summary() {}

  /** Prints the summary; {@code custody} says who signed the custody log, or that nobody did. */
  static void print(Manifest manifest, Path directory, String custody, PrintWriter out) {
    int sectorSize = manifest.source().logicalSectorSize();
    Manifest.Outcome outcome = manifest.outcome();
    out.println("Acquisition " + outcome.status().id() + ": " + TerminalText.escape(manifest.source().path().toString()) + " -> "
        + TerminalText.escape(directory.toString()));
    if (outcome.reason() != null) {
      out.println(line("reason", TerminalText.escape(outcome.reason())));
    }
    out.println(line("size", manifest.source().sizeBytes() + " bytes (" + Sizes.human(manifest.source().sizeBytes()) + "), "
        + manifest.source().sectorCount() + " sectors of " + sectorSize + " bytes"));
    out.println(line("acquired", outcome.bytesAcquired() + " bytes"));
    out.println(line("write block", manifest.writeBlock().method().id() + ": " + manifest.writeBlock().proof()));
    out.println(line("started", EvidenceClock.format(manifest.timing().started())));
    for (Manifest.Resumption resumption : manifest.resumptions()) {
      out.println(line("resumed", EvidenceClock.format(resumption.time()) + " from byte " + resumption.fromByte() + " ("
          + resumption.piecesChecked() + (manifest.pieces().algorithm().proves()
              ? " recorded " + manifest.pieces().algorithm().id() + " pieces of the image re-hashed and matched"
              : " pieces of the image compared with the source byte for byte and equal (" + manifest.pieces().algorithm().id()
                  + " pieces prove nothing)")
          + (resumption.rereadPiece() >= 0 ? "; piece " + resumption.rereadPiece() + " did not and was read again" : "")
          + (resumption.interruptionRecorded() ? "" : "; the interruption had not been recorded") + ")"));
    }
    out.println(line("ended", EvidenceClock.format(manifest.timing().ended())));
    out.println(line("duration", String.format(Locale.ROOT, "%.3f s, average %s",
        manifest.timing().duration().toMillis() / 1000.0, Sizes.rate(manifest.averageBytesPerSecond()))));
    for (ImageFile file : manifest.imageFiles()) {
      out.println(line("image", file.name() + " (" + file.sizeBytes() + " bytes)"));
    }
    for (Digest digest : manifest.digests()) {
      out.println(line(digest.algorithm().id(), digest.hex()));
    }
    Manifest.Pieces pieces = manifest.pieces();
    out.println(line("pieces", pieces.digests().size() + " " + pieces.algorithm().id()
        + (pieces.digests().size() == 1 ? " digest" : " digests") + " of "
        + pieces.size() + " bytes each (listed in " + EvidenceDirectory.MANIFEST + ")"));
    out.println(line("bad sectors", describeBad(manifest.badSectors(), sectorSize)));
    out.println(line("manifest", TerminalText.escape(directory.resolve(EvidenceDirectory.MANIFEST).toString())));
    out.println(line("custody", TerminalText.escape(directory.resolve(EvidenceDirectory.CUSTODY_LOG).toString()) + ", "
        + TerminalText.escape(custody)));
    out.flush();
  }

  private static String describeBad(Manifest.BadSectors bad, int sectorSize) {
    if (bad.ranges().isEmpty()) {
      return "none" + (bad.recoveredReadErrors() > 0 ? " (" + bad.recoveredReadErrors() + " read errors recovered on retry)" : "");
    }
    String shown = bad.ranges().stream().limit(MAX_RANGES_SHOWN).map(SectorRange::toString).collect(Collectors.joining("; "));
    String more = bad.ranges().size() > MAX_RANGES_SHOWN ? "; … " + (bad.ranges().size() - MAX_RANGES_SHOWN) + " more in the manifest" : "";
    return bad.sectorCount() + " sectors (" + bad.sectorCount() * sectorSize + " bytes, zero-filled) in "
        + bad.ranges().size() + " ranges: " + shown + more;
  }

  private static String line(String label, String value) {
    return String.format(Locale.ROOT, "  %-12s %s", label, value);
  }
}
