package dev.custos.acquire;

import dev.custos.digest.Block;
import dev.custos.digest.BlockConsumer;
import dev.custos.digest.BlockPipeline;
import dev.custos.digest.DigestConsumer;
import dev.custos.digest.PieceDigest;
import dev.custos.digest.PieceDigestConsumer;
import dev.custos.digest.PipelineFailure;
import dev.custos.digest.ProgressListener;
import dev.custos.digest.ProgressMeter;
import dev.custos.error.CustodyBrokenException;
import dev.custos.error.CustosException;
import dev.custos.error.EvidenceWriteException;
import dev.custos.error.SourceAccessException;
import dev.custos.error.SourceChangedException;
import dev.custos.evidence.AcquisitionRun;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.HostInfo;
import dev.custos.evidence.Invocation;
import dev.custos.evidence.Manifest;
import dev.custos.evidence.ToolInfo;
import dev.custos.image.ImageReader;
import dev.custos.io.SourceFileKey;
import dev.custos.rescue.RescuePhases;
import dev.custos.source.BadSectorMap;
import dev.custos.source.BlockSource;
import dev.custos.source.WriteBlock;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pass of reading: from byte 0 to the end of the source, through the block pipeline, into the
 * image, then the manifest and the closing custody event. A new acquisition reads every byte from
 * the source; a resumed one reads the checked prefix from its own image (so that the whole-image
 * digests cover it) and the rest from the source, writing only the rest. The prefix is checked
 * against its recorded SHA-256 pieces, or, when the pieces are CRCs (which prove nothing), against
 * the source read again, byte for byte ({@link SourceComparison}). The source is read through a
 * {@link RescueRun}: a block that fails is left for the rescue phases after the first pass, and
 * the digests take the rest from the image once they are over.
 *
 * <p>Threading: the calling thread is the pipeline's reader. One instance per pass.
 */
final class ReadRun {
  /** Blocks in flight: with 1 MiB blocks, 16 MiB whatever the size of the source. */
  static final int POOL_BLOCKS = 16;

  /**
   * How the loop over the blocks ended, when no failure cut it short.
   *
   * @param offset the byte after the last block handed on
   * @param stopReason why a stop was asked for, when one was
   * @param prefixDiffers where the prefix differs from the source, when it does
   */
  private record LoopEnd(long offset, Optional<String> stopReason, Optional<PassOutcome.PieceMismatch> prefixDiffers) {}

  /**
   * What the pass came to once its files are closed.
   *
   * @param loop how the loop ended; empty when a failure cut it short
   * @param failure what failed, reading, writing or after (a changed source, a file not closed)
   */
  private record PassEnd(Optional<LoopEnd> loop, Optional<CustosException> failure, Manifest.SourceStates states) {}

  private final AcquisitionRequest request;
  private final BlockSource source;
  private final WriteBlock writeBlock;
  private final EvidenceDirectory directory;
  private final AcquisitionEvents events;
  private final EvidenceClock clock;
  private final HostInfo host;
  private final ToolInfo tool;
  private final SourceWatch watch;
  private final EndRecording recording;
  /** The source's (device, inode): no file this pass reopens for writing may be it. */
  private final SourceFileKey notSource;
  /** The evidence directory whose image the source is, once compared with what it records. */
  private Optional<Manifest.Provenance> provenance;
  private final DriveIdentityRun identity;
  /** The command line that started the acquisition (a resumption's own is in its {@link Manifest.Resumption}). */
  private final Optional<Invocation> invocation;

  ReadRun(AcquisitionRequest request, BlockSource source, WriteBlock writeBlock, EvidenceDirectory directory,
      AcquisitionEvents events, EvidenceClock clock, HostInfo host, ToolInfo tool, SourceWatch watch,
      Acquisition.Checkpoint checkpoint, SourceFileKey notSource, Optional<Manifest.Provenance> provenance,
      Optional<Invocation> invocation, DriveIdentityRun identity) {
    this.provenance = provenance;
    this.invocation = java.util.Objects.requireNonNull(invocation, "invocation");
    this.identity = identity;
    this.request = request;
    this.source = source;
    this.writeBlock = writeBlock;
    this.directory = directory;
    this.events = events;
    this.clock = clock;
    this.host = host;
    this.tool = tool;
    this.watch = watch;
    this.recording = new EndRecording(directory, events, checkpoint);
    this.notSource = notSource;
  }

  /**
   * Reads, writes and records, from {@code start}.
   *
   * @return {@link PassOutcome.Recorded}, the manifest written; or {@link PassOutcome.PieceMismatch} when a checked piece
   *     of the image re-hashed to another digest or differs from the source: nothing was recorded,
   *     and the caller begins again before that piece
   * @throws SourceAccessException if the source was lost, gone or ended early; the manifest
   *     records the failure and the bytes acquired are kept (as for the other failures)
   */
  PassOutcome read(PassStart start, ProgressListener listener, StopSignal stop) throws EvidenceWriteException, SourceAccessException,
      SourceChangedException, CustodyBrokenException, InterruptedException {
    BadSectorMap badSectors = new BadSectorMap();
    start.badSectors().forEach(badSectors::addRange);
    events.alreadyRecorded(badSectors);
    ProgressRecord progressRecord = openProgressRecord(start, badSectors);
    RescueRun rescue = new RescueRun(source, request, start, clock, progressRecord);
    PassImage image = PassImage.open(request, start, directory, source, notSource, host, tool);
    List<DigestConsumer> digests = request.algorithms().stream().map(DigestConsumer::new).toList();
    PieceDigestConsumer pieces = new PieceDigestConsumer(request.pieceAlgorithm(), request.pieceSize(), progressRecord);
    RateSampler sampler = new RateSampler(sample -> progressRecord.rateSample(start.runStarted(), sample));
    ProgressMeter progress = new ProgressMeter(listener, source.size(), badSectors::sectorCount, System::nanoTime, sampler::offer);
    List<BlockConsumer> behindGate = new ArrayList<>(digests);
    behindGate.add(pieces);
    image.behindGate().ifPresent(behindGate::add);
    List<BlockConsumer> consumers = new ArrayList<>(behindGate.stream().map(rescue::gated).toList());
    consumers.add(image.writer(start.offset(), rescue::gatedFrom, rescue::pending));
    consumers.add(progress);

    PassEnd end = readAll(start, rescue, new BlockPipeline(consumers, request.blockSize(), POOL_BLOCKS), image, progressRecord,
        badSectors, stop, behindGate, digests, listener);
    Optional<CustosException> failure = end.failure();
    Optional<PassOutcome.PieceMismatch> mismatch = end.loop().flatMap(LoopEnd::prefixDiffers).or(() -> rehashMismatch(progressRecord, start));
    if (mismatch.isPresent() && !(failure.orElse(null) instanceof CustodyBrokenException)) {
      return mismatch.get();
    }
    // A resumption stopped while re-hashing its prefix still holds the checked prefix.
    long bytesAcquired = image.acquiredUpTo(Math.max(start.offset(),
        rescue.finalUpTo(failure.isPresent() ? image.bytesWritten() : end.loop().orElseThrow().offset())));
    if (failure.isEmpty()) {
      events.readErrors(badSectors, System.nanoTime(), true);
    }
    sampler.end(progress.end(bytesAcquired), bytesAcquired);
    // After the last read however the run ended, before the manifest: a drive that changed is on record.
    List<dev.custos.source.driveidentity.Transcript> driveIdentity = identity.afterRead();
    Manifest manifest = manifest(start, failure, end.loop().flatMap(LoopEnd::stopReason), bytesAcquired, image, digests, pieces,
        badSectors, rescue, sampler, end.states(), driveIdentity);
    recording.record(manifest, failure.orElse(null));
    EndRecording.rethrow(failure.orElse(null), bytesAcquired);
    return new PassOutcome.Recorded(manifest);
  }

  /**
   * Runs the block loop and closes what it wrote, catching what fails on the way: whatever
   * happened, the pipeline is closed, the source's state taken and the files closed.
   */
  private PassEnd readAll(PassStart start, RescueRun rescue, BlockPipeline pipeline, PassImage image,
      ProgressRecord progressRecord, BadSectorMap badSectors, StopSignal stop, List<BlockConsumer> behindGate,
      List<DigestConsumer> digests, ProgressListener listener) throws InterruptedException {
    Optional<LoopEnd> loop = Optional.empty();
    CustosException failure = null;
    Manifest.SourceStates states;
    try {
      LoopEnd ended = readBlocks(start, rescue, pipeline, progressRecord, badSectors, stop);
      loop = Optional.of(ended);
      if (progressRecord.mismatch().isEmpty() && ended.prefixDiffers().isEmpty()) {
        if (ended.offset() < source.size()) {
          progressRecord.streamEndsAt(ended.offset()); // stopped: the piece in hand is not whole
        }
        pipeline.finish();
        if (ended.stopReason().isEmpty() && ended.offset() == source.size()) {
          Optional<RescuePhases.Stop> rescueStop = rescue.finish(image.sink(), behindGate, badSectors, stop::isStopped, listener);
          if (rescueStop.filter(RescuePhases.Stop.INTERRUPTED::equals).isPresent()) {
            loop = Optional.of(new LoopEnd(ended.offset(), Optional.of(stop.reason()), Optional.empty()));
          }
        }
      }
    } catch (PipelineFailure e) {
      failure = image.failure(e, source.size(), directory);
    } catch (SourceAccessException | EvidenceWriteException | CustodyBrokenException e) {
      failure = e;
    } catch (IOException e) {
      failure = image.failure(e, source.size(), directory); // the rescue's writes, an E01's end
    } finally {
      pipeline.close();
      // After the last read, before anything is sealed: a source that changed while read is no
      // acquisition of it, however the read went.
      states = watch.end();
      if (!states.changes().isEmpty() && failure == null) {
        failure = new SourceChangedException(SourceWatch.CHANGED + ": " + String.join("; ", states.changes()));
      }
      boolean readToTheEnd = loop.filter(ended -> ended.stopReason().isEmpty() && ended.offset() == source.size()).isPresent();
      if (failure == null && readToTheEnd && provenance.isPresent()) {
        SourceProvenance.Compared compared = SourceProvenance.compare(provenance.get(), digests);
        provenance = Optional.of(compared.provenance());
        failure = compared.mismatch().map(SourceChangedException::new).orElse(null);
      }
      if (failure == null && readToTheEnd) {
        failure = finishImage(image, badSectors, digests); // an E01 set gets its digests only from a source that did not change
      }
      failure = closeAll(image, progressRecord, failure, failure == null && readToTheEnd);
    }
    return new PassEnd(loop, Optional.ofNullable(failure), states);
  }

  /**
   * Hands the blocks to the pipeline, from byte 0: the checked prefix from the image, the rest
   * from the source; until the end, a stop, or a checked piece that is not as recorded.
   */
  private LoopEnd readBlocks(PassStart start, RescueRun rescue, BlockPipeline pipeline, ProgressRecord progressRecord,
      BadSectorMap badSectors, StopSignal stop)
      throws PipelineFailure, InterruptedException, SourceAccessException, EvidenceWriteException, CustodyBrokenException, IOException {
    Optional<SourceComparison> comparison = SourceComparison.forPrefix(start, source, request);
    long offset = 0;
    while (offset < source.size() && progressRecord.mismatch().isEmpty()) {
      if (stop.isStopped()) {
        return new LoopEnd(offset, Optional.of(stop.reason()), Optional.empty());
      }
      Block block = pipeline.nextFreeBlock();
      int length = (int) Math.min(block.capacity(), source.size() - offset);
      if (offset < start.offset()) {
        length = (int) Math.min(length, start.offset() - offset);
        readPrefix(start.prefix().orElseThrow(), offset, block.data(), length);
        Optional<PassOutcome.PieceMismatch> differs = comparison.isEmpty() ? Optional.empty()
            : comparison.get().compare(offset, block.data(), length);
        if (differs.isPresent()) {
          return new LoopEnd(offset, Optional.empty(), differs); // the block is not handed on: the pass is abandoned
        }
      } else {
        rescue.copy(offset, block.data(), length);
      }
      block.fill(offset, length);
      pipeline.publish(block);
      offset += length;
      events.readErrors(badSectors, System.nanoTime(), false);
    }
    return new LoopEnd(offset, Optional.empty(), Optional.empty());
  }

  /** The first checked piece that re-hashed to another digest than its recorded one, if any. */
  private Optional<PassOutcome.PieceMismatch> rehashMismatch(ProgressRecord progressRecord, PassStart start) {
    return progressRecord.mismatch().map(mismatch -> new PassOutcome.PieceMismatch(mismatch.piece(), "piece " + mismatch.piece()
        + " of the image re-hashed to " + request.pieceAlgorithm().id() + " " + mismatch.digest().hex() + ", recorded "
        + start.checkedPieces().get((int) mismatch.piece()).hex()
        + ": it no longer matched its recorded digest and is read again from the source"));
  }

  private ProgressRecord openProgressRecord(PassStart start, BadSectorMap badSectors) throws EvidenceWriteException {
    try {
      return start.resuming()
          ? ProgressRecord.resume(directory.root(), request.pieceAlgorithm(), request.pieceSize(), source.size(),
              source.sectorSize(), badSectors, start.checkedPieces(), notSource)
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

  /** Completes the image with its digests (an E01 set's end); the failure, if it could not be. */
  private CustosException finishImage(PassImage image, BadSectorMap badSectors, List<DigestConsumer> digests) {
    try {
      image.finish(badSectors.ranges(), digests);
      return null;
    } catch (IOException e) {
      return image.failure(e, source.size(), directory);
    }
  }

  /** Closes the image and the progress record (sealing it when {@code completed}); returns the first failure. */
  private CustosException closeAll(PassImage image, ProgressRecord progressRecord, CustosException failure, boolean completed) {
    try {
      image.close();
    } catch (IOException e) {
      if (failure == null) {
        failure = image.failure(e, source.size(), directory);
      }
    }
    try {
      progressRecord.close(completed && failure == null && progressRecord.mismatch().isEmpty());
    } catch (IOException e) {
      if (failure == null) {
        failure = new EvidenceWriteException("cannot close " + ProgressRecord.FILE + ": " + e.getMessage(), e);
      }
    }
    return failure;
  }

  /** From the first start to now; a resumed acquisition's with every run, this one ending now. */
  private Manifest.Timing timing(PassStart start, RateSampler sampler) {
    Instant ended = clock.now();
    if (start.earlierRuns().isEmpty()) {
      return new Manifest.Timing(start.started(), ended);
    }
    List<AcquisitionRun> runs = new ArrayList<>(start.earlierRuns());
    runs.add(new AcquisitionRun(start.runStarted(), ended, true, sampler.samples()));
    return new Manifest.Timing(start.started(), ended, runs);
  }

  private Manifest manifest(PassStart start, Optional<CustosException> failure, Optional<String> stopReason, long bytesAcquired,
      PassImage image, List<DigestConsumer> digests, PieceDigestConsumer pieces, BadSectorMap badSectors, RescueRun rescue,
      RateSampler sampler, Manifest.SourceStates states, List<dev.custos.source.driveidentity.Transcript> driveIdentity) {
    Manifest.Status status = failure.isPresent() ? Manifest.Status.FAILED
        : stopReason.isPresent() ? Manifest.Status.INTERRUPTED : Manifest.Status.COMPLETED;
    boolean completed = status == Manifest.Status.COMPLETED;
    List<PieceDigest> pieceDigests = pieces.completedPieces();
    if (pieceDigests.size() < start.checkedPieces().size()) {
      pieceDigests = start.checkedPieces(); // stopped while re-hashing the prefix: its pieces stay as recorded
    }
    if (!completed) {
      // Only whole pieces describe bytes that are in the image as read.
      pieceDigests = pieceDigests.subList(0, (int) Math.min(pieceDigests.size(), bytesAcquired / request.pieceSize()));
    }
    Optional<Manifest.Partitions> partitions = completed
        ? Optional.of(SourceStructure.read(directory.root(), image.files(), request.layout().isE01(), source.sectorSize()))
        : Optional.empty();
    return new Manifest(
        Manifest.FORMAT_VERSION, tool, request.caseInfo(), host, source.identity(), writeBlock,
        new Manifest.Parameters(request.layout(), request.algorithms(), request.blockSize(), request.retries(), source.errorUnit()),
        image.files(),
        completed ? digests.stream().map(DigestConsumer::result).toList() : List.of(),
        new Manifest.Pieces(request.pieceAlgorithm(), request.pieceSize(), pieceDigests),
        new Manifest.BadSectors(badSectors.ranges(), rescue.recoveredReads()),
        timing(start, sampler),
        sampler.samples(),
        new Manifest.Outcome(status, bytesAcquired, failure.map(CustosException::getMessage).or(() -> stopReason).orElse(null)),
        start.resumptions(), states, rescue.record(), image.content(), provenance, partitions, invocation, driveIdentity);
  }
}
