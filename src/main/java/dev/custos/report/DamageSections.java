package dev.custos.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The sections about what was read and how: sector map, bad sectors, read rate, piece digests. */
final class DamageSections {
  private DamageSections() {}

  /** What the image lacks: the bytes and LBAs of the source never acquired, and why. */
  private static void notAcquired(PageWriter page, JsonNode manifest, long sourceBytes, long acquiredBytes, long sectorSize) {
    JsonNode outcome = manifest.path("outcome");
    page.heading("Not acquired");
    long lastByte = Math.max(0, sourceBytes - 1);
    String reason = outcome.hasNonNull("reason") ? " (" + Formats.text(outcome.path("reason")) + ")" : "";
    String status = Formats.text(outcome.path("status"));
    String ended = switch (status) {
      case "interrupted" -> "was interrupted";
      case "failed" -> "failed";
      default -> "ended " + status;
    };
    page.paragraph("The acquisition " + ended + reason + " before it had read the whole source: bytes "
        + acquiredBytes + " to " + lastByte + " (LBAs " + acquiredBytes / sectorSize + " to " + lastByte / sectorSize + "), "
        + Formats.bytes(sourceBytes - acquiredBytes) + ", were NOT ACQUIRED and are not in the image. The image holds bytes 0 to "
        + Math.max(0, acquiredBytes - 1) + " of " + Formats.bytes(sourceBytes) + " only, and has no whole-image digest; "
        + "its piece digests cover what was acquired.", page.bold.colored(Style.ALERT));
  }

  static void write(PageWriter page, JsonNode manifest) {
    JsonNode source = manifest.path("source");
    long sectorCount = source.path("sectorCount").asLong();
    long sectorSize = Math.max(1, source.path("logicalSectorSize").asLong(512));
    long acquiredSectors = manifest.path("outcome").path("bytesAcquired").asLong() / sectorSize;
    List<SectorMap.Range> bad = new ArrayList<>();
    JsonNode badSectors = manifest.path("badSectors");
    badSectors.path("ranges").forEach(range ->
        bad.add(new SectorMap.Range(range.path("firstLba").asLong(), range.path("count").asLong())));

    page.heading("Sector map");
    page.paragraph("The bar is the whole source, from its first sector (LBA 0) on the left to its last on the right.",
        page.body);
    page.down(2);
    long sectorsPerPiece = manifest.path("pieces").path("size").asLong() / sectorSize;
    SectorMap.draw(page, sectorCount, acquiredSectors, bad, sectorsPerPiece);

    long sourceBytes = source.path("sizeBytes").asLong();
    long acquiredBytes = manifest.path("outcome").path("bytesAcquired").asLong();
    boolean whole = "completed".equals(manifest.path("outcome").path("status").asText()) && acquiredBytes == sourceBytes;
    if (!whole) {
      notAcquired(page, manifest, sourceBytes, acquiredBytes, sectorSize);
    }

    page.heading("Bad sectors");
    long badCount = badSectors.path("sectorCount").asLong();
    String recovered = Formats.plural(badSectors.path("recoveredReadErrors").asLong(), "read", "reads")
        + " failed at first and succeeded on a retry.";
    if (bad.isEmpty()) {
      page.paragraph((whole ? "None: every sector was read. "
          : acquiredBytes == 0 ? "None found: no sector was read. "
          : "None among the sectors read (LBAs 0 to " + ((acquiredBytes - 1) / sectorSize) + "); the sectors not acquired "
              + "were never read. ") + recovered, page.body);
    } else {
      page.paragraph(Formats.plural(badCount, "sector", "sectors") + " in " + Formats.plural(bad.size(), "range", "ranges")
          + " could not be read after every retry; the image holds zeros there, so it stays sector-exact in size "
          + "and position. " + recovered, page.body);
      page.down(3);
      float third = page.width() / 3;
      Table table = new Table(page, List.of(
          new Table.Column("First LBA", third, page.mono),
          new Table.Column("Sectors", third, page.mono),
          new Table.Column("Bytes", third, page.mono)));
      badSectors.path("ranges").forEach(range -> table.row(Formats.text(range.path("firstLba")),
          Formats.text(range.path("count")), Formats.text(range.path("bytes"))));
      table.end();
    }

    page.heading("Read rate");
    List<RateGraph.Sample> samples = new ArrayList<>();
    manifest.path("rateSamples").forEach(sample ->
        samples.add(new RateGraph.Sample(sample.path("elapsedMs").asLong(), sample.path("bytes").asLong())));
    RateGraph.draw(page, samples);

    page.heading("Piece digests");
    JsonNode pieces = manifest.path("pieces");
    page.paragraph("The image is also cut into " + Formats.plural(pieces.path("count").asLong(), "piece", "pieces")
        + " of " + Formats.bytes(pieces.path("size").asLong()) + " each (the last may be shorter), and each piece has its own "
        + Formats.text(pieces.path("algorithm")).toUpperCase(java.util.Locale.ROOT) + " digest, so a later check can name "
        + "exactly which part of the image changed. The full list is in the embedded acquisition.json.", page.body);
  }
}
