package dev.custos.acquire;

import dev.custos.digest.Block;
import dev.custos.digest.BlockConsumer;
import dev.custos.digest.BlockPipeline;
import dev.custos.digest.DigestConsumer;
import dev.custos.digest.PieceDigestConsumer;
import dev.custos.digest.PipelineFailure;
import dev.custos.digest.ProgressListener;
import dev.custos.digest.ProgressMeter;
import dev.custos.error.CustodyBrokenException;
import dev.custos.error.CustosException;
import dev.custos.error.EvidenceWriteException;
import dev.custos.error.SourceAccessException;
import dev.custos.error.SourceChangedException;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.HostInfo;
import dev.custos.evidence.ManifestPlacement;
import dev.custos.evidence.Manifest;
import dev.custos.evidence.ToolInfo;
import dev.custos.image.ImageReader;
import dev.custos.image.ImageSink;
import dev.custos.source.BadSectorMap;
import dev.custos.source.ReadOnlySource;
import dev.custos.source.SectorRange;
import dev.custos.source.SourceBlockReader;
import dev.custos.source.WriteBlock;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass of reading: from byte 0 to the end of the source, through the block pipeline, into the
 * image, then the manifest and the closing custody event. A new acquisition reads every byte from
 * the source; a resumed one reads the checked prefix from its own image (so that the whole-image
 * digests cover it) and the rest from the source, writing only the rest. The prefix is checked
 * against its recorded SHA-256 pieces, or, when the pieces are CRCs (which prove nothing), against
 * the source read again, byte for byte ({@link SourceComparison}).
 *
 * <p>Threading: the calling thread is the pipeline's reader. One instance per pass.
 */
final class ReadRun {
  /** Blocks in flight: with 1 MiB blocks, 16 MiB whatever the size of the source. */
  static final int POOL_BLOCKS = 16;

  /**
   * Where a pass begins.
   *
   * @param offset the first byte read from the source (a piece boundary); before it, the image
   * @param prefix the image's bytes {@code [0, offset)}, or {@code null} when {@code offset} is 0
   * @param checkedPieces the recorded digests of the pieces before {@code offset}, compared as
   *     they are re-hashed
   * @param badSectors unreadable sectors recorded before {@code offset}
   * @param started when the acquisition first began reading
   * @param resumptions the resumptions so far, this one included
   * @param comparedWithSource whether the prefix is compared with the source, byte for byte: its
   *     piece digests are CRCs, or no record the signed custody log vouches for holds them (only
   *     the unsigned progress record does, which an adversary can rewrite with the image)
   */
  record Start(long offset, ImageReader prefix, List<String> checkedPieces, List<SectorRange> badSectors, Instant started,
      List<Manifest.Resumption> resumptions, boolean comparedWithSource) {
    Start {
      checkedPieces = List.copyOf(checkedPieces);
      badSectors = List.copyOf(badSectors);
      resumptions = List.copyOf(resumptions);
    }

    static Start fresh(Instant now) {
      return new Start(0, null, List.of(), List.of(), now, List.of(), false);
    }

    boolean resuming() {
      return !resumptions.isEmpty();
    }
  }

  /**
   * A recorded piece of the image is not what it should be: it re-hashed to another digest, or
   * (CRC pieces) differs from the source. The pass must begin again before it; the message says why.
   */
  static final class PieceMismatch extends Exception {
    private static final long serialVersionUID = 1L;
    final long piece;

    PieceMismatch(long piece, String why) {
      super(why);
      this.piece = piece;
    }
  }

  private final AcquisitionRequest request;
  private final ReadOnlySource source;
  private final WriteBlock writeBlock;
  private final EvidenceDirectory directory;
  private final AcquisitionEvents events;
  private final EvidenceClock clock;
  private final HostInfo host;
  private final ToolInfo tool;
  private final SourceWatch watch;
  private final Acquisition.Checkpoint checkpoint;

  ReadRun(AcquisitionRequest request, ReadOnlySource source, WriteBlock writeBlock, EvidenceDirectory directory,
      AcquisitionEvents events, EvidenceClock clock, HostInfo host, ToolInfo tool, SourceWatch watch,
      Acquisition.Checkpoint checkpoint) {
    this.request = request;
    this.source = source;
    this.writeBlock = writeBlock;
    this.directory = directory;
    this.events = events;
    this.clock = clock;
    this.host = host;
    this.tool = tool;
    this.watch = watch;
    this.checkpoint = checkpoint;
  }

  /**
   * Reads, writes and records, from {@code start}.
   *
   * @return the manifest written
   * @throws PieceMismatch if a checked piece of the image re-hashed to another digest: nothing was
   *     recorded, and the caller begins again before that piece
   */
  Manifest read(Start start, ProgressListener listener, StopSignal stop) throws EvidenceWriteException, SourceAccessException,
      SourceChangedException, CustodyBrokenException, InterruptedException, PieceMismatch {
    BadSectorMap badSectors = new BadSectorMap();
    start.badSectors().forEach(badSectors::addRange);
    events.alreadyRecorded(badSectors);
    SourceBlockReader reader = new SourceBlockReader(source, request.retries(), badSectors);
    ProgressRecord progressRecord = openProgressRecord(start, badSectors);
    ImageSink sink = start.resuming()
        ? ImageSink.resuming(directory.root(), request.layout(), start.offset())
        : new ImageSink(directory.root(), request.layout());
    List<DigestConsumer> digests = request.algorithms().stream().map(DigestConsumer::new).toList();
    PieceDigestConsumer pieces = new PieceDigestConsumer(request.pieceAlgorithm(), request.pieceSize(), progressRecord);
    RateSampler sampler = new RateSampler();
    ProgressMeter progress = new ProgressMeter(listener, source.size(), badSectors::sectorCount, System::nanoTime, sampler::offer);
    List<BlockConsumer> consumers = new ArrayList<>(digests);
    consumers.add(pieces);
    consumers.add(new ImageWriterConsumer(sink, start.offset()));
    consumers.add(progress);

    CustosException failure = null;
    String stopReason = null;
    Manifest.SourceStates states = null;
    long offset = 0;
    // A CRC piece that re-hashes to its record proves nothing (CRC is linear: a change can be given
    // any CRC), nor does a digest only the unsigned progress record holds (rewritten with the image):
    // the prefix is then kept only where it equals what the source gives now, byte for byte.
    SourceComparison sourceComparison = !start.comparedWithSource() || start.offset() == 0 ? null
        : new SourceComparison(source, request.blockSize(), request.pieceSize(), start.badSectors(),
            request.pieceAlgorithm().proves()
                ? "its " + request.pieceAlgorithm().id() + " digest is recorded only in the unsigned " + ProgressRecord.FILE
                    + " (the interruption recorded no manifest)"
                : request.pieceAlgorithm().id() + " pieces prove nothing");
    PieceMismatch differsFromSource = null;
    BlockPipeline pipeline = new BlockPipeline(consumers, request.blockSize(), POOL_BLOCKS);
    try {
      while (offset < source.size() && progressRecord.firstMismatch() < 0) {
        if (stop.isStopped()) {
          stopReason = stop.reason();
          break;
        }
        Block block = pipeline.nextFreeBlock();
        int length = (int) Math.min(block.capacity(), source.size() - offset);
        if (offset < start.offset()) {
          length = (int) Math.min(length, start.offset() - offset);
          readPrefix(start.prefix(), offset, block.data(), length);
          differsFromSource = sourceComparison == null ? null : sourceComparison.compare(offset, block.data(), length);
          if (differsFromSource != null) {
            break; // the block is not handed on: the pass is abandoned
          }
        } else {
          reader.read(offset, block.data(), length);
        }
        block.fill(offset, length);
        pipeline.publish(block);
        offset += length;
        events.readErrors(badSectors, System.nanoTime(), false);
      }
      if (progressRecord.firstMismatch() < 0 && differsFromSource == null) {
        if (offset < source.size()) {
          progressRecord.streamEndsAt(offset); // stopped: the piece in hand is not whole
        }
        pipeline.finish();
      }
    } catch (PipelineFailure e) {
      failure = TargetFailures.describe(e, sink, source.size(), directory);
    } catch (SourceAccessException | EvidenceWriteException | CustodyBrokenException e) {
      failure = e;
    } finally {
      pipeline.close();
      // After the last read, before anything is sealed: a source that changed while read is no
      // acquisition of it, however the read went.
      states = watch.end();
      if (!states.changes().isEmpty() && failure == null) {
        failure = new SourceChangedException(SourceWatch.CHANGED + ": " + String.join("; ", states.changes()));
      }
      failure = closeAll(sink, progressRecord, failure, failure == null && stopReason == null && offset == source.size());
    }
    if (differsFromSource != null && !(failure instanceof CustodyBrokenException)) {
      throw differsFromSource;
    }
    long mismatch = progressRecord.firstMismatch();
    if (mismatch >= 0 && !(failure instanceof CustodyBrokenException)) {
      throw new PieceMismatch(mismatch, "piece " + mismatch + " of the image re-hashed to " + request.pieceAlgorithm().id() + " "
          + progressRecord.mismatchDigest() + ", recorded " + start.checkedPieces().get((int) mismatch)
          + ": it no longer matched its recorded digest and is read again from the source");
    }
    // A resumption stopped while re-hashing its prefix still holds the checked prefix.
    long bytesAcquired = Math.max(start.offset(), failure == null ? offset : sink.totalBytes());
    if (failure == null) {
      events.readErrors(badSectors, System.nanoTime(), true);
    }
    sampler.end(progress.end(bytesAcquired), bytesAcquired);
    Manifest manifest = manifest(start, failure, stopReason, bytesAcquired, sink, digests, pieces, badSectors, reader, sampler,
        states);
    record(manifest, failure);
    rethrow(failure, bytesAcquired);
    return manifest;
  }

  private ProgressRecord openProgressRecord(Start start, BadSectorMap badSectors) throws EvidenceWriteException {
    try {
      return start.resuming()
          ? ProgressRecord.resume(directory.root(), request.pieceAlgorithm(), request.pieceSize(), source.size(),
              source.sectorSize(), badSectors, start.checkedPieces())
          : ProgressRecord.start(directory.root(), request.pieceAlgorithm(), request.pieceSize(), source.size(),
              source.sectorSize(), badSectors);
    } catch (IOException e) {
      throw new EvidenceWriteException("cannot write " + directory.root().resolve(ProgressRecord.FILE) + ": " + e.getMessage(), e);
    }
  }

  private void readPrefix(ImageReader prefix, long offset, byte[] data, int length) throws EvidenceWriteException {
    try {
      prefix.read(offset, data, length);
    } catch (IOException e) {
      throw new EvidenceWriteException("cannot re-read the image in " + directory.root() + " at byte " + offset + ": "
          + e.getMessage(), e);
    }
  }

  /** Closes the image and the progress record (sealing it when {@code completed}); returns the first failure. */
  private CustosException closeAll(ImageSink sink, ProgressRecord progressRecord, CustosException failure, boolean completed) {
    try {
      sink.close();
    } catch (IOException e) {
      if (failure == null) {
        failure = TargetFailures.describe(e, sink, source.size(), directory);
      }
    }
    try {
      progressRecord.close(completed && failure == null && progressRecord.firstMismatch() < 0);
    } catch (IOException e) {
      if (failure == null) {
        failure = new EvidenceWriteException("cannot close " + ProgressRecord.FILE + ": " + e.getMessage(), e);
      }
    }
    return failure;
  }

  private Manifest manifest(Start start, CustosException failure, String stopReason, long bytesAcquired, ImageSink sink,
      List<DigestConsumer> digests, PieceDigestConsumer pieces, BadSectorMap badSectors, SourceBlockReader reader,
      RateSampler sampler, Manifest.SourceStates states) {
    Manifest.Status status = failure != null ? Manifest.Status.FAILED
        : stopReason != null ? Manifest.Status.INTERRUPTED : Manifest.Status.COMPLETED;
    boolean completed = status == Manifest.Status.COMPLETED;
    List<String> pieceDigests = pieces.completedPieces();
    if (pieceDigests.size() < start.checkedPieces().size()) {
      pieceDigests = start.checkedPieces(); // stopped while re-hashing the prefix: its pieces stay as recorded
    }
    if (!completed) {
      // Only whole pieces describe bytes that are in the image as read.
      pieceDigests = pieceDigests.subList(0, (int) Math.min(pieceDigests.size(), bytesAcquired / request.pieceSize()));
    }
    return new Manifest(
        Manifest.FORMAT_VERSION, tool, request.caseInfo(), host, source.identity(), writeBlock,
        new Manifest.Parameters(request.layout(), request.algorithms(), request.blockSize(), request.retries(), source.errorUnit()),
        sink.files(),
        completed ? digests.stream().map(DigestConsumer::result).toList() : List.of(),
        new Manifest.Pieces(request.pieceAlgorithm(), request.pieceSize(), pieceDigests),
        new Manifest.BadSectors(badSectors.ranges(), reader.recoveredReadErrors()),
        new Manifest.Timing(start.started(), clock.now()),
        sampler.samples(),
        new Manifest.Outcome(status, bytesAcquired, failure != null ? failure.getMessage() : stopReason),
        start.resumptions(), states);
  }

  /**
   * Writes the manifest and records the end, in the order that leaves no manifest without its
   * event ({@link ManifestPlacement}): staged, recorded, linked into place. A failure to do so joins
   * {@code failure} or becomes the failure.
   */
  private void record(Manifest manifest, CustosException failure) throws EvidenceWriteException, CustodyBrokenException {
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

  private static void rethrow(CustosException failure, long bytesAcquired)
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
