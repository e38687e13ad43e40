package dev.custos.acquire;

import dev.custos.error.CustodyBrokenException;
import dev.custos.error.CustosException;
import dev.custos.error.EvidenceWriteException;
import dev.custos.error.SourceAccessException;
import dev.custos.error.SourceChangedException;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.Manifest;
import dev.custos.evidence.ManifestPlacement;
import java.io.IOException;

/**
 * The end of a pass, recorded: the manifest staged, its event appended, the manifest linked into
 * place, in the order that leaves no manifest without its event ({@link ManifestPlacement}); then
 * the pass's failure, if any, thrown with what was kept.
 *
 * <p>Threading: the reading thread.
 */
final class EndRecording {
  private final EvidenceDirectory directory;
  private final AcquisitionEvents events;
  private final Acquisition.Checkpoint checkpoint;

  EndRecording(EvidenceDirectory directory, AcquisitionEvents events, Acquisition.Checkpoint checkpoint) {
    this.directory = directory;
    this.events = events;
    this.checkpoint = checkpoint;
  }

  /**
   * Writes the manifest and records the end. A failure to do so joins {@code failure} (null when
   * the pass itself did not fail) or becomes the failure.
   */
  void record(Manifest manifest, CustosException failure) throws EvidenceWriteException, CustodyBrokenException {
    ManifestPlacement.Staged staged;
    try {
      staged = directory.stageManifest(manifest);
    } catch (EvidenceWriteException e) {
      recordEndWithoutManifest(manifest, e);
      if (failure != null) {
        e.addSuppressed(failure);
        throw new EvidenceWriteException(failure.getMessage() + "; and the manifest could not be written: " + e.getMessage()
            + " (acquire resume " + directory.root() + " goes on from the progress record)", e);
      }
      throw e;
    }
    checkpoint.reached("manifest-staged");
    if (failure instanceof CustodyBrokenException) {
      // No event can record it in a broken log: put in place as it is, beside the break verify names.
      place(failure);
      return;
    }
    try {
      events.ended(manifest, staged.sha256());
    } catch (EvidenceWriteException | CustodyBrokenException e) {
      // Unrecorded, the staged manifest is no evidence: it stays under its temporary name, where verify
      // names the acquisition as stopped before recording its end, and acquire resume goes on.
      EvidenceWriteException unrecorded = new EvidenceWriteException("the custody log could not record the end of the acquisition: "
          + e.getMessage() + "; its manifest, unrecorded, is left as " + ManifestPlacement.STAGED + " and not put in place (acquire resume "
          + directory.root() + " goes on from the progress record)", e);
      if (failure == null) {
        throw unrecorded;
      }
      failure.addSuppressed(unrecorded);
      return;
    }
    checkpoint.reached("manifest-recorded");
    place(failure);
    checkpoint.reached("manifest-placed");
  }

  /** Links the staged manifest into place; a failure joins {@code failure} or is thrown. */
  private void place(CustosException failure) throws EvidenceWriteException {
    try {
      ManifestPlacement.link(directory.root());
      checkpoint.reached("manifest-linked");
      ManifestPlacement.removeStaged(directory.root());
    } catch (IOException e) {
      EvidenceWriteException unplaced = new EvidenceWriteException(EvidenceDirectory.MANIFEST + " is recorded, but cannot be put in"
          + " place: " + e.getMessage() + "; its bytes, as recorded, are in " + ManifestPlacement.STAGED + ", which acquire resume or"
          + " report render puts in place", e);
      if (failure == null) {
        throw unplaced;
      }
      failure.addSuppressed(unplaced);
    }
  }

  /** The custody log still records how far it got when the manifest could not be written: its own room may remain. */
  private void recordEndWithoutManifest(Manifest manifest, EvidenceWriteException manifestFailure) {
    try {
      events.ended(manifest, null);
    } catch (EvidenceWriteException | CustodyBrokenException e) {
      manifestFailure.addSuppressed(e);
    }
  }

  /** Throws the pass's {@code failure}, if any, saying that the bytes acquired are kept. */
  static void rethrow(CustosException failure, long bytesAcquired)
      throws EvidenceWriteException, SourceAccessException, SourceChangedException, CustodyBrokenException {
    if (failure instanceof CustodyBrokenException e) {
      throw e;
    }
    String kept = " (the " + bytesAcquired + " bytes acquired are kept; " + EvidenceDirectory.MANIFEST + " records the failure)";
    if (failure instanceof SourceChangedException e) {
      throw new SourceChangedException(e.getMessage() + kept, e);
    }
    if (failure instanceof SourceAccessException e) {
      throw new SourceAccessException(e.getMessage() + kept, e);
    }
    if (failure != null) {
      throw new EvidenceWriteException(failure.getMessage() + kept, failure);
    }
  }
}
