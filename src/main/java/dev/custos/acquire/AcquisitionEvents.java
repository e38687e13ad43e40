package dev.custos.acquire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.custody.CustodyRecorder;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.error.CustodyBrokenException;
import dev.custos.error.EvidenceWriteException;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.Manifest;
import dev.custos.evidence.AcquisitionEvent;
import dev.custos.evidence.AcquisitionEventJson;
import dev.custos.source.BadSectorMap;
import dev.custos.source.SectorRange;
import dev.custos.source.SourceIdentity;
import dev.custos.source.SourceState;
import dev.custos.source.WriteBlock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

  /** Records the start; returns the event's time, which every manifest of the acquisition gives as its start. */
  Instant started(AcquisitionRequest request, SourceIdentity source, WriteBlock writeBlock, int errorGranularity, SourceState state,
      Optional<Manifest.Provenance> provenance, Optional<dev.custos.evidence.Invocation> invocation,
      List<dev.custos.source.driveidentity.Transcript> driveBefore) throws EvidenceWriteException, CustodyBrokenException {
    ObjectNode data = AcquisitionEventJson.started(request.caseInfo(), source, state, writeBlock,
        new Manifest.Parameters(request.layout(), request.algorithms(), request.blockSize(), request.retries(), errorGranularity),
        request.pieceAlgorithm(), request.pieceSize());
    // A conversion names the evidence directory whose image it reads, and what that directory records.
    provenance.ifPresent(known -> data.set("provenance", dev.custos.evidence.ManifestJson.provenanceTree(known)));
    invocation.ifPresent(typed -> data.set("invocation", dev.custos.evidence.InvocationJson.tree(typed)));
    AcquisitionEventJson.putDriveIdentity(data, driveBefore);
    return recorder.append(directory, AcquisitionEvent.STARTED, data).time();
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
   *
   * @return the resumption at the event's time, as every manifest after it lists it
   */
  Manifest.Resumption resumed(Manifest.Resumption resumption, PieceAlgorithm pieces, boolean comparedWithSource, Optional<String> note,
      Optional<InterruptedManifests.SetAside> previousManifest, SourceIdentity source, WriteBlock writeBlock, SourceState state,
      List<dev.custos.source.driveidentity.Transcript> driveBefore) throws EvidenceWriteException, CustodyBrokenException {
    ObjectNode data = AcquisitionEventJson.resumed(resumption, pieces, comparedWithSource, note.orElse(null),
        previousManifest.map(InterruptedManifests.SetAside::file).orElse(null),
        previousManifest.map(InterruptedManifests.SetAside::sha256).orElse(null), source, writeBlock, state);
    AcquisitionEventJson.putDriveIdentity(data, driveBefore);
    Instant time = recorder.append(directory, AcquisitionEvent.RESUMED, data).time();
    return new Manifest.Resumption(time, resumption.fromByte(), resumption.piecesChecked(), resumption.rereadPiece(),
        resumption.interruptionRecorded(), resumption.invocation());
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
    recorder.append(directory, AcquisitionEvent.READ_ERRORS, AcquisitionEventJson.readErrors(fresh, sectorSize, badSectors.sectorCount()));
    reportedSectors = badSectors.sectorCount();
    reportedEndLba = fresh.get(fresh.size() - 1).endLba();
    lastBatchNanos = nowNanos;
  }

  /**
   * Records how the acquisition ended, with the SHA-256 of the manifest staged for it ({@link
   * dev.custos.evidence.ManifestPlacement}), or null when it could not be written.
   */
  void ended(Manifest manifest, String manifestSha256) throws EvidenceWriteException, CustodyBrokenException {
    boolean completed = manifest.outcome().status() == Manifest.Status.COMPLETED;
    recorder.append(directory, completed ? AcquisitionEvent.COMPLETED : AcquisitionEvent.INTERRUPTED,
        AcquisitionEventJson.ended(manifest, manifestSha256));
  }
}
