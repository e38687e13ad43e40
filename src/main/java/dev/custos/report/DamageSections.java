package dev.custos.report;

import dev.custos.evidence.AcquisitionRun;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.Manifest;
import dev.custos.evidence.RecordedManifest;
import java.util.ArrayList;
import java.util.List;

/** The sections about what was read and how: sector map, bad sectors, read rate, piece digests. */
final class DamageSections {
  /** The heading, the paragraph on the runs and the graph of a resumed acquisition, in points. */
  private static final float RUNS_GRAPH_HEIGHT = 260;

  private DamageSections() {}

  /** What the image lacks: the bytes and LBAs of the source never acquired, and why. */
  private static void notAcquired(PageWriter page, Manifest.Outcome outcome, long sourceBytes, long acquiredBytes, long sectorSize,
      boolean rescueUnfinished) {
    page.heading("Not acquired");
    long lastByte = Math.max(0, sourceBytes - 1);
    String reason = outcome.reason() != null ? " (" + outcome.reason() + ")" : "";
    String status = outcome.status().id();
    String ended = switch (status) {
      case "interrupted" -> "was interrupted";
      case "failed" -> "failed";
      default -> "ended " + status;
    };
    page.paragraph("The acquisition " + ended + reason + " before it had read the whole source: bytes "
        + acquiredBytes + " to " + lastByte + " (LBAs " + acquiredBytes / sectorSize + " to " + lastByte / sectorSize + "), "
        + Formats.bytes(sourceBytes - acquiredBytes) + ", were NOT ACQUIRED"
        + (rescueUnfinished
            ? ": the rescue of a failed read had not ended, so the image files hold what it had read of them and zeros, which no "
                + "digest covers. Only bytes 0 to " + Math.max(0, acquiredBytes - 1) + " are acquired; "
            : " and are not in the image. The image holds bytes 0 to " + Math.max(0, acquiredBytes - 1) + " of "
                + Formats.bytes(sourceBytes) + " only, and ")
        + "has no whole-image digest; its piece digests cover what was acquired.", page.bold.colored(Style.ALERT));
  }

  static void write(PageWriter page, RecordedManifest manifest) {
    RecordedManifest.Source source = manifest.source();
    long sectorCount = source.sectorCount();
    long sectorSize = source.logicalSectorSize();
    Manifest.Outcome outcome = manifest.outcome();
    long acquiredSectors = outcome.bytesAcquired() / sectorSize;
    List<SectorMap.Range> bad = new ArrayList<>();
    RecordedManifest.BadSectors badSectors = manifest.badSectors();
    badSectors.ranges().forEach(range -> bad.add(new SectorMap.Range(range.range().firstLba(), range.range().count())));

    page.heading("Sector map");
    page.paragraph("The bar is the whole source, from its first sector (LBA 0) on the left to its last on the right.",
        page.body);
    page.down(2);
    long sectorsPerPiece = manifest.pieces().size() / sectorSize;
    SectorMap.draw(page, sectorCount, acquiredSectors, bad, sectorsPerPiece);

    long sourceBytes = source.sizeBytes();
    long acquiredBytes = outcome.bytesAcquired();
    boolean whole = outcome.status() == Manifest.Status.COMPLETED && acquiredBytes == sourceBytes;
    if (!whole) {
      notAcquired(page, outcome, sourceBytes, acquiredBytes, sectorSize, manifest.rescue().isPresent());
    }

    page.heading("Bad sectors");
    long badCount = badSectors.sectorCount();
    String recovered = manifest.rescue().isPresent()
        ? Formats.plural(badSectors.recoveredReadErrors(), "read error", "read errors") + " the drive recovered from (a failed "
            + "read whose sectors all read later, or a sector read on a retry pass)."
        : Formats.plural(badSectors.recoveredReadErrors(), "read", "reads") + " failed at first and succeeded on a retry.";
    if (bad.isEmpty()) {
      page.paragraph((whole ? "None: every sector was read. "
          : acquiredBytes == 0 ? "None found: no sector was read. "
          : "None among the sectors acquired (LBAs 0 to " + ((acquiredBytes - 1) / sectorSize) + ")"
              + (manifest.rescue().isPresent() ? "; the rescue's unread areas are listed below. " : "; the sectors not acquired "
              + "were never read. ")) + recovered, page.body);
    } else {
      page.paragraph(Formats.plural(badCount, "sector", "sectors") + " in " + Formats.plural(bad.size(), "range", "ranges")
          + (manifest.rescue().filter(Manifest.Rescue::timeLimitReached).isPresent()
              ? " were not read: some failed every try, the others were not tried to the end when the rescue's time limit "
                  + "ended it (their state says which)"
              : " could not be read after every retry")
          + "; the image holds zeros there, so it stays sector-exact in size and position. " + recovered, page.body);
      page.down(3);
      if (manifest.rescue().isPresent()) {
        RescueSection.unreadTable(page, manifest.rescue().get(), sectorSize);
      } else {
        float third = page.width() / 3;
        Table table = new Table(page, List.of(
            new Table.Column("First LBA", third, page.mono),
            new Table.Column("Sectors", third, page.mono),
            new Table.Column("Bytes", third, page.mono)));
        badSectors.ranges().forEach(range -> table.row(Long.toString(range.range().firstLba()),
            Long.toString(range.range().count()), Long.toString(range.bytes())));
        table.end();
      }
    }
    manifest.rescue().ifPresent(rescue -> RescueSection.write(page, rescue, manifest.host().times()));

    List<AcquisitionRun> runs = manifest.timing().runs();
    if (!runs.isEmpty()) {
      page.ensure(RUNS_GRAPH_HEIGHT); // the paragraph that explains the runs stays on the graph's page
    }
    page.heading("Read rate");
    if (runs.isEmpty()) {
      RateGraph.draw(page, graphSamples(manifest.rateSamples()));
    } else {
      page.paragraph("The acquisition ran " + Formats.plural(runs.size(), "time", "times") + ": the runs follow each other on one"
          + " axis of the time it ran, the time it was stopped between them cut out; a line marks where each resumed run began."
          + " A resumed run first reads again, from the image, what the runs before it acquired, so that the whole-image"
          + " digests cover every byte: that is counted in its rate too.",
          page.body);
      List<RateGraph.Run> graphRuns = new ArrayList<>();
      long offset = 0;
      for (int i = 0; i < runs.size(); i++) {
        AcquisitionRun run = runs.get(i);
        graphRuns.add(new RateGraph.Run(offset, run.duration().toMillis(),
            i == 0 ? null : "run " + (i + 1) + ", resumed " + EvidenceClock.format(run.started()), graphSamples(run.rateSamples())));
        offset += run.duration().toMillis();
      }
      RateGraph.drawRuns(page, graphRuns);
    }

    page.heading("Piece digests");
    RecordedManifest.Pieces pieces = manifest.pieces();
    page.paragraph("The image is also cut into " + Formats.plural(pieces.count(), "piece", "pieces")
        + " of " + Formats.bytes(pieces.size()) + " each (the last may be shorter), and each piece has its own "
        + pieces.algorithm().id().toUpperCase(java.util.Locale.ROOT) + " digest, so a later check can name "
        + "exactly which part of the image changed. The full list is in the embedded acquisition.json.", page.body);
  }

  private static List<RateGraph.Sample> graphSamples(List<Manifest.RateSample> samples) {
    return samples.stream().map(sample -> new RateGraph.Sample(sample.elapsedMillis(), sample.bytes())).toList();
  }
}
