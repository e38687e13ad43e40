package dev.custos.cli;

import dev.custos.digest.Digest;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.evidence.Invocation;
import dev.custos.evidence.TimeDisplay;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.Manifest;
import dev.custos.image.ImageFile;
import dev.custos.rescue.Area;
import dev.custos.source.SectorRange;
import dev.custos.verify.AcquisitionVerification;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import dev.custos.digest.HashAlgorithm;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The end-of-acquisition summary: size, time, rate, every digest, bad ranges. */
final class Summary {
  private static final int MAX_RANGES_SHOWN = 20;

  private Summary() {}

  /**
   * Prints the summary; {@code typed} is this run's command line, {@code custody} says who signed
   * the custody log, or that nobody did.
   */
  static void print(Manifest manifest, Path directory, Invocation typed, String custody, PrintWriter out) {
    int sectorSize = manifest.source().logicalSectorSize();
    Manifest.Outcome outcome = manifest.outcome();
    out.println("Acquisition " + outcome.status().id() + ": " + TerminalText.escape(manifest.source().path().toString()) + " -> "
        + TerminalText.escape(directory.toString()));
    if (outcome.reason() != null) {
      out.println(line("reason", TerminalText.escape(outcome.reason())));
    }
    // As recorded: the manifest's, or for a resumption its own (the last); a pasteable line, control characters shown escaped.
    Invocation recorded = manifest.resumptions().isEmpty() ? manifest.invocation().orElse(typed)
        : manifest.resumptions().get(manifest.resumptions().size() - 1).invocation().orElse(typed);
    out.println(line("command", TerminalText.escape(recorded.shellQuoted())));
    out.println(line("working dir", TerminalText.escape(recorded.workingDirectory())));
    if (recorded.destination() != null) {
      out.println(line("destination", TerminalText.escape(recorded.destination())));
    }
    out.println(line("size", sizeInSectors(manifest.source().sizeBytes(), sectorSize)));
    out.println(line("acquired", outcome.bytesAcquired() + " bytes"));
    long size = manifest.source().sizeBytes();
    if (outcome.bytesAcquired() < size) {
      out.println(line("NOT acquired", "bytes " + outcome.bytesAcquired() + "–" + (size - 1) + " (LBAs "
          + outcome.bytesAcquired() / sectorSize + "–" + (size - 1) / sectorSize + "): not in the image"));
    }
    out.println(line("write block", manifest.writeBlock().method().id() + ": " + manifest.writeBlock().proof()));
    DriveIdentityLines.print(manifest, directory, out);
    // The acquiring workstation is this one: its zone, as the manifest records it.
    TimeDisplay times = manifest.host().times();
    out.println(line("started", times.of(manifest.timing().started())));
    java.util.List<Manifest.Resumption> resumptions = manifest.resumptions();
    for (int i = 0; i < resumptions.size(); i++) {
      Manifest.Resumption resumption = resumptions.get(i);
      Manifest.Resumption next = i + 1 < resumptions.size() ? resumptions.get(i + 1) : null;
      out.println(line("resumed", times.of(resumption.time()) + ", from byte " + resumption.fromByte() + " ("
          + checked(resumption, next, manifest.pieces().algorithm())
          + (resumption.rereadPiece().isPresent() ? "; piece " + resumption.rereadPiece().getAsLong() + " did not and was read again" : "")
          + (resumption.interruptionRecorded() ? "" : "; the interruption had not been recorded") + ")"));
    }
    out.println(line("ended", times.of(manifest.timing().ended())));
    out.println(line("duration", Sizes.seconds(manifest.timing().duration()) + runs(manifest.timing()) + ", average "
        + Sizes.rate(manifest.averageBytesPerSecond())));
    if (!manifest.timing().runs().isEmpty()) {
      out.println(line("span", Sizes.seconds(manifest.timing().span()) + " from the first start to the end, stopped time included"));
    }
    for (ImageFile file : manifest.imageFiles()) {
      out.println(line("image", file.name() + " (" + file.sizeBytes() + " bytes)"));
    }
    manifest.e01().ifPresent(e01 -> out.println(line("e01", e01Line(manifest, e01))));
    manifest.provenance().ifPresent(provenance -> out.println(line("converted", provenanceLine(provenance))));
    manifest.partitions().ifPresent(partitions -> {
      out.println(line("structure", partitions.table().headline() + (partitions.table().diskId().isEmpty() ? ""
          : ", disk " + partitions.table().diskId())));
      partitions.table().partitions().forEach(partition -> out.println(line("partition", partition.line())));
      partitions.table().findings().stream().skip(partitions.table().scheme() == dev.custos.partition.PartitionScheme.NONE ? 1 : 0)
          .forEach(finding -> out.println(line("structure", "FINDING: " + finding)));
    });
    if (manifest.parameters().layout().isE01() && manifest.e01().isEmpty()) {
      out.println(line("e01", "the set was not finished: no reader reads it; an E01 acquisition cannot be resumed, acquire"
          + " again into a new directory"));
    }
    for (Digest digest : manifest.digests()) {
      out.println(line(digest.algorithm().id(), digest.hex() + " (of the image, as read from the source)"));
    }
    Manifest.Pieces pieces = manifest.pieces();
    out.println(line("pieces", pieces.digests().size() + " " + pieces.algorithm().id()
        + (pieces.digests().size() == 1 ? " digest" : " digests") + " of "
        + pieces.size() + " bytes each of the image (listed in " + EvidenceDirectory.MANIFEST + ")"
        + (pieces.algorithm().proves() ? "" : "; CRC pieces only locate accidental damage, they prove nothing")));
    out.println(line("bad sectors", describeBad(manifest.badSectors(), sectorSize)));
    manifest.rescue().ifPresent(rescue -> out.println(line("rescue", describeRescue(rescue, sectorSize))));
    out.println(line("manifest", TerminalText.escape(directory.resolve(EvidenceDirectory.MANIFEST).toString())));
    out.println(line("custody", TerminalText.escape(directory.resolve(EvidenceDirectory.CUSTODY_LOG).toString()) + ", "
        + TerminalText.escape(custody)));
    out.flush();
  }

  /**
   * How a resumed acquisition's duration is made up: " over 2 runs; stopped 74.052 s between them
   * (not counted)", and which run died without recording its end; nothing for one run.
   */
  private static String runs(Manifest.Timing timing) {
    List<dev.custos.evidence.AcquisitionRun> runs = timing.runs();
    if (runs.isEmpty()) {
      return "";
    }
    return " over " + runs.size() + " runs; stopped " + Sizes.seconds(timing.stopped()) + " between them (not counted)"
        + dev.custos.evidence.AcquisitionRun.unrecordedEnds(runs) + timing.clockNote();
  }

  /**
   * What the pass of {@code resumption} found of the image before its first byte. A pass that a
   * re-read follows ({@code next} names a piece read again) did not find them all as they should
   * be: it says so rather than that they matched.
   */
  private static String checked(Manifest.Resumption resumption, Manifest.Resumption next, PieceAlgorithm algorithm) {
    // Digests prove the prefix only as the interruption's manifest records them (its SHA-256 is in
    // the signed log); after an unrecorded interruption only the unsigned progress record holds them.
    boolean compared = !algorithm.proves() || !resumption.interruptionRecorded();
    if (next != null && next.rereadPiece().isPresent()) {
      return resumption.piecesChecked() + " recorded pieces to check; piece " + next.rereadPiece().getAsLong()
          + (compared ? " differed from the source" : " no longer matched its " + algorithm.id() + " digest")
          + ", so the source was read again from there";
    }
    return !compared
        ? resumption.piecesChecked() + " recorded " + algorithm.id()
            + " pieces of the image re-hashed and matched the interruption's manifest"
        : resumption.piecesChecked() + " pieces of the image compared with the source byte for byte and equal ("
            + (algorithm.proves() ? "the interruption was not recorded: only the unsigned progress record held their "
                + algorithm.id() + " digests" : algorithm.id() + " pieces prove nothing") + ")";
  }

  private static String describeBad(Manifest.BadSectors bad, int sectorSize) {
    if (bad.ranges().isEmpty()) {
      return "none" + (bad.recoveredReadErrors() > 0 ? " (" + bad.recoveredReadErrors() + " read errors recovered on retry)" : "");
    }
    String shown = bad.ranges().stream().limit(MAX_RANGES_SHOWN).map(SectorRange::toString).collect(Collectors.joining("; "));
    String more = bad.ranges().size() > MAX_RANGES_SHOWN ? "; … " + (bad.ranges().size() - MAX_RANGES_SHOWN) + " more in the manifest" : "";
    return plural(bad.sectorCount(), "sector", "sectors") + " (" + bad.sectorCount() * sectorSize + " bytes, zero-filled) in "
        + plural(bad.ranges().size(), "range", "ranges") + ": " + shown + more;
  }

  /**
   * The phases a rescue ran, each with its time and failed reads, and what stayed unread by state
   * and error: "copy 0.090 s (3 failed reads), trim 0.701 s (4 failed reads), …; unread: 4
   * sectors bad-sector (EIO)".
   */
  private static String describeRescue(Manifest.Rescue rescue, int sectorSize) {
    String phases = rescue.phases().stream().map(phase -> phase.phase() + " " + Sizes.seconds(Duration.between(phase.started(),
        phase.ended())) + (phase.failedReads() > 0 ? " (" + plural(phase.failedReads(), "failed read", "failed reads") + ")" : ""))
        .collect(Collectors.joining(", "));
    Map<String, Long> unread = new TreeMap<>();
    for (Area area : rescue.unread()) {
      String key = area.state().id() + area.error().map(error -> " (" + error.name() + ")").orElse("");
      unread.merge(key, (area.size() + sectorSize - 1) / sectorSize, Long::sum);
    }
    String left = unread.isEmpty() ? "every sector read" : "unread: " + unread.entrySet().stream()
        .map(entry -> plural(entry.getValue(), "sector", "sectors") + " " + entry.getKey()).collect(Collectors.joining(", "));
    return phases + "; " + left + (rescue.timeLimitReached() ? "; the time limit (" + rescue.options().timeLimit().map(Sizes::seconds)
        .orElse("") + ") ended the rescue: sectors not in state bad-sector were not tried to the end" : "");
  }

  /** A conversion: the evidence directory whose image was read, and whether it is the image that directory records. */
  static String provenanceLine(Manifest.Provenance provenance) {
    String from = "from " + TerminalText.escape(provenance.directory()) + "/" + TerminalText.escape(provenance.imageFile()) + " ("
        + EvidenceDirectory.MANIFEST + " SHA-256 " + provenance.manifestSha256() + ", acquisition " + provenance.status() + ")";
    String digests = String.join(" and ", provenance.recorded().stream().map(d -> d.algorithm().displayName()).toList());
    return from + provenance.digestsEqual().map(equal -> equal
        ? ": the image's " + digests + " equal the ones that manifest records (report verify of that directory proves the"
            + " manifest is the one its custody log holds)"
        : ": the image's digests differ from the ones that manifest records: it is not the image recorded there")
        .orElse(provenance.recorded().isEmpty() ? ": that acquisition records no digest to compare with" : ": not compared");
  }

  /** An E01 set: EnCase 6, its compression, what it takes against the media, its chunks. */
  static String e01Line(Manifest manifest, Manifest.E01Content e01) {
    long stored = manifest.imageFiles().stream().mapToLong(ImageFile::sizeBytes).sum();
    String compression = manifest.parameters().layout().compression().map(c -> c.cliName()).orElse("?");
    List<String> inSet = new ArrayList<>();
    List<String> onlyInManifest = new ArrayList<>();
    for (Digest digest : manifest.digests()) {
      boolean held = digest.algorithm() == HashAlgorithm.MD5 || digest.algorithm() == HashAlgorithm.SHA_1;
      (held ? inSet : onlyInManifest).add(digest.algorithm().displayName());
    }
    return String.format(Locale.ROOT, "EnCase 6, %s compression: %d bytes of segment files hold %d bytes of media (%.1f%%); %d chunks"
        + " of %d bytes, %d stored compressed; %s stored in the set%s", compression, stored,
        e01.mediaSizeBytes(), e01.mediaSizeBytes() == 0 ? 100.0 : 100.0 * stored / e01.mediaSizeBytes(), e01.chunks(), e01.chunkSize(),
        e01.compressedChunks(), String.join(" and ", inSet),
        onlyInManifest.isEmpty() ? "" : ", " + String.join(" and ", onlyInManifest) + " only in " + EvidenceDirectory.MANIFEST
            + " (an EnCase 6 set holds MD5 and SHA-1 only)");
  }

  /**
   * "1474560 bytes (1.47 MB), 2880 sectors of 512 bytes"; a size that is not a whole number of
   * sectors says so: "1000 bytes (1.00 kB): 1 whole sector of 512 bytes and 488 bytes".
   */
  static String sizeInSectors(long bytes, int sectorSize) {
    String exact = plural(bytes, "byte", "bytes") + " (" + Sizes.human(bytes) + ")";
    long whole = bytes / sectorSize;
    long rest = bytes % sectorSize;
    return rest == 0 ? exact + ", " + plural(whole, "sector", "sectors") + " of " + sectorSize + " bytes"
        : exact + ": " + plural(whole, "whole sector", "whole sectors") + " of " + sectorSize + " bytes and "
            + plural(rest, "byte", "bytes");
  }

  private static String plural(long count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }

  /** Prints the outcome of one --verify-image or --verify-source check. */
  static void printCheck(AcquisitionVerification.Result result, TimeDisplay times, PrintWriter out) {
    String digests = result.findings() == null ? ""
        : result.findings().digests().stream().map(d -> d.algorithm().id() + " " + d.computed()).collect(Collectors.joining(", "));
    out.println(line(result.kind().id() + " check", (result.matched() ? "matched" : "DOES NOT MATCH") + " ("
        + times.of(result.started()) + " to " + times.of(result.ended()) + "): "
        + TerminalText.escape(result.check().summary())));
    if (!digests.isEmpty()) {
      out.println(line("", "re-computed " + digests));
    }
    out.println(line("", TerminalText.escape(result.readPath())));
    result.check().problems().forEach(problem -> out.println(line("", TerminalText.escape(problem.line()))));
  }

  static String line(String label, String value) {
    return String.format(Locale.ROOT, "  %-12s %s", label, value);
  }
}
