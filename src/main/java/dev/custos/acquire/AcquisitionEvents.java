package dev.custos.acquire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.custody.CustodyRecorder;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.error.CustodyBrokenException;
import dev.custos.error.EvidenceWriteException;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.Manifest;
import dev.custos.evidence.ManifestJson;
import dev.custos.source.BadSectorMap;
import dev.custos.source.SectorRange;
import dev.custos.source.SourceIdentity;
import dev.custos.source.SourceState;
import dev.custos.source.WriteBlock;
import java.nio.file.Path;
import java.util.List;

/**
 * The custody events of one acquisition: {@code acquisition-started} before the first read,
 * {@code read-errors} in batches while reading, and {@code acquisition-completed} or {@code
 * acquisition-interrupted} with the digests once the manifest is written. Called from the reading
 * thread only.
 */
final class AcquisitionEvents {
  /** How often, at most, newly found bad sectors are recorded while reading. */
  static final long READ_ERROR_BATCH_NANOS = 30_000_000_000L;

  private final CustodyRecorder recorder;
  private final Path directory;
  private final int sectorSize;
  private long reportedEndLba;
  private long reportedSectors;
  private long lastBatchNanos;

  AcquisitionEvents(CustodyRecorder recorder, EvidenceDirectory directory, int sectorSize, long nowNanos) {
    this.recorder = recorder;
    this.directory = directory.root();
    this.sectorSize = sectorSize;
    this.lastBatchNanos = nowNanos;
  }

  void started(AcquisitionRequest request, SourceIdentity source, WriteBlock writeBlock, int errorGranularity, SourceState state)
      throws EvidenceWriteException, CustodyBrokenException {
    ObjectNode data = CustodyRecorder.newData();
    data.set("case", ManifestJson.caseTree(request.caseInfo()));
    data.set("source", ManifestJson.sourceTree(source));
    data.set("sourceState", ManifestJson.sourceStateTree(state));
    data.set("writeBlock", ManifestJson.writeBlockTree(writeBlock));
    data.set("parameters", ManifestJson.parametersTree(
        new Manifest.Parameters(request.layout(), request.algorithms(), request.blockSize(), request.retries(), errorGranularity),
        request.pieceAlgorithm(), request.pieceSize()));
    recorder.append(directory, "acquisition-started", data);
  }

  /** Takes the bad sectors already in {@code badSectors} (a resumption's, recorded earlier) as recorded. */
  void alreadyRecorded(BadSectorMap badSectors) {
    List<SectorRange> ranges = badSectors.ranges();
    reportedSectors = badSectors.sectorCount();
    reportedEndLba = ranges.isEmpty() ? 0 : ranges.get(ranges.size() - 1).endLba();
  }

  /**
   * Records that an interrupted acquisition goes on: where reading the source begins again, how
   * many recorded pieces of the image matched, the manifest of the interruption set aside, and
   * the source and write block as they are now.
   */
  void resumed(Manifest.Resumption resumption, PieceAlgorithm pieces, boolean comparedWithSource, String note,
      String previousManifestFile, String previousManifestSha256, SourceIdentity source, WriteBlock writeBlock, SourceState state)
      throws EvidenceWriteException, CustodyBrokenException {
    ObjectNode data = ManifestJson.resumptionTree(resumption);
    data.remove("time");
    // How the kept prefix is checked: a CRC piece that matches its record proves nothing, nor does a
    // digest only the unsigned progress record holds; "sha256-pieces" are those of the interruption's
    // manifest, whose SHA-256 the signed log holds.
    data.put("prefixCheckedBy", comparedWithSource ? "comparison-with-source" : pieces.id() + "-pieces");
    data.put("note", note);
    if (previousManifestFile == null) {
      data.putNull("previousManifest");
    } else {
      data.putObject("previousManifest").put("file", previousManifestFile).put("sha256", previousManifestSha256);
    }
    data.set("source", ManifestJson.sourceTree(source));
    data.set("sourceState", ManifestJson.sourceStateTree(state));
    data.set("writeBlock", ManifestJson.writeBlockTree(writeBlock));
    recorder.append(directory, "acquisition-resumed", data);
  }

  /** Records the bad sectors found since the last batch, if there are any and a batch is due (or {@code force}). */
  void readErrors(BadSectorMap badSectors, long nowNanos, boolean force) throws EvidenceWriteException, CustodyBrokenException {
    if (badSectors.sectorCount() == reportedSectors || (!force && nowNanos - lastBatchNanos < READ_ERROR_BATCH_NANOS)) {
      return;
    }
    List<SectorRange> fresh = badSectors.ranges().stream()
        .filter(range -> range.endLba() > reportedEndLba)
        .map(range -> range.firstLba() >= reportedEndLba ? range
            : new SectorRange(reportedEndLba, range.endLba() - reportedEndLba))
        .toList();
    long count = fresh.stream().mapToLong(SectorRange::count).sum();
    ObjectNode data = CustodyRecorder.newData();
    data.set("ranges", ManifestJson.rangesTree(fresh, sectorSize));
    data.put("sectorCount", count);
    data.put("bytes", Math.multiplyExact(count, (long) sectorSize));
    data.put("totalSectorCount", badSectors.sectorCount());
    data.put("note", "unreadable after retries; zero-filled in the image");
    recorder.append(directory, "read-errors", data);
    reportedSectors = badSectors.sectorCount();
    reportedEndLba = fresh.get(fresh.size() - 1).endLba();
    lastBatchNanos = nowNanos;
  }

  /**
   * Records how the acquisition ended, with the SHA-256 of the manifest staged for it ({@link
   * dev.custos.evidence.ManifestPlacement}), or null when it could not be written.
   */
  void ended(Manifest manifest, String manifestSha256) throws EvidenceWriteException, CustodyBrokenException {
    ObjectNode data = CustodyRecorder.newData();
    boolean completed = manifest.outcome().status() == Manifest.Status.COMPLETED;
    if (!completed) {
      data.put("status", manifest.outcome().status().id());
      data.put("reason", manifest.outcome().reason());
    }
    data.put("bytesAcquired", manifest.outcome().bytesAcquired());
    data.set("digests", ManifestJson.digestsTree(manifest.digests()));
    data.set("image", ManifestJson.imageTree(manifest));
    data.putObject("pieces").put("algorithm", manifest.pieces().algorithm().id())
        .put("size", manifest.pieces().size()).put("count", manifest.pieces().digests().size());
    data.putObject("badSectors").put("sectorCount", manifest.badSectors().sectorCount())
        .put("rangeCount", manifest.badSectors().ranges().size());
    data.put("durationMs", manifest.timing().duration().toMillis());
    ObjectNode manifestNode = data.putObject("manifest");
    manifestNode.put("file", EvidenceDirectory.MANIFEST);
    manifestNode.put("sha256", manifestSha256);
    recorder.append(directory, completed ? "acquisition-completed" : "acquisition-interrupted", data);
  }
}
