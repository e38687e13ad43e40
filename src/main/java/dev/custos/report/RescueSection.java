package dev.custos.report;

import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.Manifest;
import dev.custos.rescue.Area;
import dev.custos.rescue.PhaseRecord;
import java.time.Duration;
import java.util.List;

/**
 * The "Rescue" section: how the reads that failed were rescued, phase by phase with their times,
 * and every area not read with its state and the error its last read gave, at sector precision.
 * Present only when a read failed.
 */
final class RescueSection {
  private RescueSection() {}

  /** The unread areas, for the "Bad sectors" section: first LBA, sectors, state, error. */
  static void unreadTable(PageWriter page, Manifest.Rescue rescue, long sectorSize) {
    float quarter = page.width() / 4;
    Table table = new Table(page, List.of(
        new Table.Column("First LBA", quarter, page.mono),
        new Table.Column("Sectors", quarter, page.mono),
        new Table.Column("State", quarter, page.mono),
        new Table.Column("Error", quarter, page.mono)));
    for (Area area : rescue.unread()) {
      table.row(Long.toString(area.position() / sectorSize), Long.toString((area.size() + sectorSize - 1) / sectorSize),
          area.state().id(), area.error().map(error -> error.name() + " (" + error.text() + ")").orElse("never read"));
    }
    table.end();
  }

  static void write(PageWriter page, Manifest.Rescue rescue, dev.custos.evidence.TimeDisplay times) {
    page.heading("Rescue");
    page.paragraph("A read of the source failed, so the rest was read as GNU ddrescue reads a failing drive, taking what "
        + "reads well first: the first pass read each block once and, after a failed read, skipped ahead (further while "
        + "reads kept failing), leaving the failed and skipped areas for later. Later passes read the skipped areas, "
        + "backwards and then forwards; trimming read each failed area sector by sector from both edges inwards until a "
        + "sector failed; scraping read what lay between, sector by sector; then " + Formats.plural(rescue.options().retries(),
            "retry pass", "retry passes") + " tried each sector still unread again. Every sector read was written into the "
        + "image at its place. "
        + (rescue.phases().stream().anyMatch(phase -> phase.phase().equals("digest-catch-up"))
            ? "The whole-image digests and the piece digests were computed over the image once the rescue was over "
                + "(digest-catch-up), so they are of the image as it ends; each byte of it was first checked against a SHA-256 "
                + "of what the rescue read and wrote there."
            : "The rescue did not end (see the outcome): no digest covers the image after the first failed block.")
        + rescue.options().timeLimit().map(limit -> " The rescue was given at most " + Formats.duration(limit.toMillis()) + " after the first pass"
            + (rescue.timeLimitReached() ? ", and that ended it: areas not in state bad-sector were not tried to the end." : "."))
            .orElse("")
        + (rescue.options().reverse() ? " Failed areas were trimmed and scraped from their end (reverse)." : "")
        + (times.showsLocal() ? " Below each UTC time, the same instant in local time in " + times.zoneName() + "." : ""), page.body);
    page.down(3);
    float fifth = page.width() / 5;
    Table table = new Table(page, List.of(
        new Table.Column("Phase", fifth, page.mono),
        new Table.Column("Started (UTC)", fifth * 1.4f, page.mono),
        new Table.Column("Duration", fifth * 0.8f, page.mono),
        new Table.Column("Bytes read", fifth, page.mono),
        new Table.Column("Failed reads", fifth * 0.8f, page.mono)));
    for (PhaseRecord phase : rescue.phases()) {
      Duration took = Duration.between(phase.started(), phase.ended());
      table.row(phase.phase(), EvidenceClock.format(phase.started()) + times.local(phase.started()).map(local -> "\n" + local).orElse(""), Formats.duration(took.toMillis()), Long.toString(phase.bytesRead()),
          Long.toString(phase.failedReads()));
    }
    table.end();
  }
}
