package dev.custos.acquire;

import dev.custos.digest.Block;
import dev.custos.digest.BlockConsumer;
import dev.custos.digest.BlockPipeline;
import dev.custos.digest.Digest;
import dev.custos.digest.DigestConsumer;
import dev.custos.digest.PieceDigestConsumer;
import dev.custos.digest.PipelineFailure;
import dev.custos.digest.ProgressListener;
import dev.custos.digest.ProgressMeter;
import dev.custos.custody.CustodyRecorder;
import dev.custos.error.CustodyBrokenException;
import dev.custos.error.CustosException;
import dev.custos.error.EvidenceWriteException;
import dev.custos.error.SourceAccessException;
import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.HostInfo;
import dev.custos.evidence.Manifest;
import dev.custos.evidence.ToolInfo;
import dev.custos.image.ImageSink;
import dev.custos.source.BadSectorMap;
import dev.custos.source.ReadOnlySource;
import dev.custos.source.SourceBlockReader;
import dev.custos.source.SourceIdentity;
import dev.custos.source.SourceInspector;
import dev.custos.source.WriteBlock;
import dev.custos.source.WriteBlockGuard;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The acquisition use case: checks everything that can be checked before writing, then reads the
 * source once, in order, through the block pipeline, and writes the image and the manifest.
 *
 * <p>Each run is independent; an instance may run several acquisitions, one at a time or at once.
 */
public final class Acquisition {
  /** Blocks in flight: with 1 MiB blocks, 16 MiB whatever the size of the source. */
  static final int POOL_BLOCKS = 16;
  /** Room for the manifest and its piece digests beyond the image itself. */
  private static final long MANIFEST_ALLOWANCE = 16L << 20;

  private final SourceInspector inspector;
  private final WriteBlockGuard writeBlockGuard;
  private final EvidenceClock clock;
  private final HostInfo host;
  private final ToolInfo tool;
  private final CustodyRecorder recorder;

  /**
   * @param inspector identifies the source
   * @param writeBlockGuard applies the write-block rules
   * @param clock time source of the evidence
   * @param host the workstation, as recorded
   * @param tool this tool, as recorded
   * @param recorder records the acquisition's custody events, signed or not
   */
  public Acquisition(SourceInspector inspector, WriteBlockGuard writeBlockGuard, EvidenceClock clock, HostInfo host, ToolInfo tool,
      CustodyRecorder recorder) {
    this.inspector = inspector;
    this.writeBlockGuard = writeBlockGuard;
    this.clock = clock;
    this.host = host;
    this.tool = tool;
    this.recorder = recorder;
  }

  /**
   * Acquires the source into a new evidence directory.
   *
   * @return the manifest written: completed, or interrupted when {@code stop} was signalled
   * @throws UsageException for a refusal before anything was written (the message says why)
   * @throws EvidenceWriteException if the image or manifest could not be written; what was written
   *     is kept and, where the disk allowed, a manifest records the failure
   * @throws SourceAccessException if the source vanished or shrank; as above
   * @throws CustodyBrokenException if the custody log was found edited when an event was to be
   *     appended
   * @throws InterruptedException if the calling thread was interrupted
   */
  public Manifest run(AcquisitionRequest request, ProgressListener listener, StopSignal stop)
      throws UsageException, EvidenceWriteException, SourceAccessException, CustodyBrokenException, InterruptedException {
    EvidenceDirectory directory = EvidenceDirectory.forNewAcquisition(request.outputDirectory());
    SourceIdentity source = inspector.inspect(request.source());
    OutputChecks.check(request, source, directory, MANIFEST_ALLOWANCE);
    WriteBlock writeBlock = writeBlockGuard.secure(source, request.setReadOnly(), request.hardwareBlocker());
    directory.create();
    directory.reserveRoom(MANIFEST_ALLOWANCE);
    try (ReadOnlySource reader = openSource(source)) {
      AcquisitionEvents events = new AcquisitionEvents(recorder, directory, source.logicalSectorSize(), System.nanoTime());
      events.started(request, source, writeBlock, reader.errorUnit());
      return acquire(request, reader, writeBlock, directory, listener, stop, events);
    } catch (IOException e) {
      throw new SourceAccessException("cannot close source " + source.path() + ": " + e.getMessage(), e);
    } finally {
      directory.releaseRoom();
    }
  }

  private static ReadOnlySource openSource(SourceIdentity source) throws SourceAccessException {
    try {
      return ReadOnlySource.open(source);
    } catch (IOException e) {
      throw new SourceAccessException("cannot open source " + source.path() + " for reading: " + e.getMessage(), e);
    }
  }

  private Manifest acquire(AcquisitionRequest request, ReadOnlySource source, WriteBlock writeBlock,
      EvidenceDirectory directory, ProgressListener listener, StopSignal stop, AcquisitionEvents events)
      throws EvidenceWriteException, SourceAccessException, CustodyBrokenException, InterruptedException {
    BadSectorMap badSectors = new BadSectorMap();
    SourceBlockReader reader = new SourceBlockReader(source, request.retries(), badSectors);
    ImageSink sink = new ImageSink(directory.root(), request.layout());
    List<DigestConsumer> digests = request.algorithms().stream().map(DigestConsumer::new).toList();
    PieceDigestConsumer pieces = new PieceDigestConsumer(request.pieceAlgorithm(), request.pieceSize());
    RateSampler sampler = new RateSampler();
    ProgressMeter progress = new ProgressMeter(listener, source.size(), badSectors::sectorCount, System::nanoTime, sampler::offer);
    List<BlockConsumer> consumers = new ArrayList<>(digests);
    consumers.add(pieces);
    consumers.add(new ImageWriterConsumer(sink));
    consumers.add(progress);

    Instant started = clock.now();
    CustosException failure = null;
    String stopReason = null;
    long offset = 0;
    BlockPipeline pipeline = new BlockPipeline(consumers, request.blockSize(), POOL_BLOCKS);
    try {
      while (offset < source.size()) {
        if (stop.isStopped()) {
          stopReason = stop.reason();
          break;
        }
        Block block = pipeline.nextFreeBlock();
        int length = (int) Math.min(block.capacity(), source.size() - offset);
        reader.read(offset, block.data(), length);
        block.fill(offset, length);
        pipeline.publish(block);
        offset += length;
        events.readErrors(badSectors, System.nanoTime(), false);
      }
      pipeline.finish();
    } catch (PipelineFailure e) {
      failure = TargetFailures.describe(e, sink, source.size(), directory);
    } catch (SourceAccessException | EvidenceWriteException | CustodyBrokenException e) {
      failure = e;
    } finally {
      pipeline.close();
      try {
        sink.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = TargetFailures.describe(e, sink, source.size(), directory);
        }
      }
    }
    long bytesAcquired = failure == null ? offset : sink.totalBytes();
    if (failure == null) {
      events.readErrors(badSectors, System.nanoTime(), true);
    }
    sampler.end(progress.end(bytesAcquired), bytesAcquired);
    List<Manifest.RateSample> samples = sampler.samples();
    Instant ended = clock.now();

    Manifest.Status status = failure != null ? Manifest.Status.FAILED
        : stopReason != null ? Manifest.Status.INTERRUPTED : Manifest.Status.COMPLETED;
    boolean completed = status == Manifest.Status.COMPLETED;
    List<String> pieceDigests = pieces.completedPieces();
    if (!completed) {
      // Only whole pieces describe bytes that are in the image as read.
      pieceDigests = pieceDigests.subList(0, (int) Math.min(pieceDigests.size(), bytesAcquired / request.pieceSize()));
    }
    Manifest manifest = new Manifest(
        Manifest.FORMAT_VERSION, tool, request.caseInfo(), host, source.identity(), writeBlock,
        new Manifest.Parameters(request.layout(), request.algorithms(), request.blockSize(), request.retries(), source.errorUnit()),
        sink.files(),
        completed ? digests.stream().map(DigestConsumer::result).toList() : List.of(),
        new Manifest.Pieces(request.pieceAlgorithm(), request.pieceSize(), pieceDigests),
        new Manifest.BadSectors(badSectors.ranges(), reader.recoveredReadErrors()),
        new Manifest.Timing(started, ended),
        samples,
        new Manifest.Outcome(status, bytesAcquired,
            failure != null ? failure.getMessage() : stopReason));
    try {
      directory.writeManifest(manifest);
    } catch (EvidenceWriteException e) {
      if (failure != null) {
        e.addSuppressed(failure);
        throw new EvidenceWriteException(failure.getMessage() + "; and the manifest could not be written: " + e.getMessage(), e);
      }
      throw e;
    }
    if (!(failure instanceof CustodyBrokenException)) {
      try {
        events.ended(manifest, true);
      } catch (EvidenceWriteException | CustodyBrokenException e) {
        if (failure == null) {
          throw new EvidenceWriteException(EvidenceDirectory.MANIFEST + " is written, but the custody log could not record the end: "
              + e.getMessage(), e);
        }
        failure.addSuppressed(e);
      }
    }
    rethrow(failure, bytesAcquired);
    return manifest;
  }

  private static void rethrow(CustosException failure, long bytesAcquired)
      throws EvidenceWriteException, SourceAccessException, CustodyBrokenException {
    if (failure instanceof CustodyBrokenException e) {
      throw e;
    }
    String kept = " (the " + bytesAcquired + " bytes acquired are kept; " + EvidenceDirectory.MANIFEST + " records the failure)";
    if (failure instanceof SourceAccessException e) {
      throw new SourceAccessException(e.getMessage() + kept, e);
    }
    if (failure != null) {
      throw new EvidenceWriteException(failure.getMessage() + kept, failure);
    }
  }
}
