package dev.custos.acquire;

import dev.custos.digest.Block;
import dev.custos.digest.BlockConsumer;
import dev.custos.digest.BlockPipeline;
import dev.custos.digest.PipelineFailure;
import dev.custos.digest.ProgressListener;
import dev.custos.error.EvidenceWriteException;
import dev.custos.error.SourceAccessException;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.Manifest;
import dev.custos.image.ImageReader;
import dev.custos.image.ImageSink;
import dev.custos.rescue.Area;
import dev.custos.rescue.AreaState;
import dev.custos.rescue.CopyPass;
import dev.custos.rescue.ImageLedger;
import dev.custos.rescue.PhaseRecord;
import dev.custos.rescue.RecoveredBytes;
import dev.custos.rescue.RescueMap;
import dev.custos.rescue.RescuePhases;
import dev.custos.source.BadSectorMap;
import dev.custos.source.BlockSource;
import dev.custos.source.LostDriveCheck;
import dev.custos.source.SectorRange;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * One pass's rescue of a failing source, good data first: the copy pass the block pipeline reads
 * through ({@link #copy}), which reads each block once and skips ahead after a failure; then, if a
 * block failed, the rescue phases ({@link RescuePhases}: the skipped areas, trimming, scraping,
 * retries), which put what they read into the image at its place; then the digests' catch-up: the
 * digests and pieces stopped at the first block not read whole ({@link DigestGate}) and take the
 * rest of the image, as it ends, in one more sequential read. A healthy source never fails a read
 * and costs nothing of this: the gate stays open and the digests see every block as it is read.
 *
 * <p>Threading: confined to the reader thread, except the gate (see {@link DigestGate}).
 */
final class RescueRun {
  private final BlockSource source;
  private final AcquisitionRequest request;
  private final RescueMap map;
  private final LostDriveCheck lost;
  private final CopyPass copyPass;
  private final DigestGate gate = new DigestGate();
  private final EvidenceClock clock;
  private final Instant copyStarted;
  private Optional<RescuePhases.Outcome> phases = Optional.empty();
  private final List<PhaseRecord> around = new ArrayList<>();
  private boolean caughtUp;
  /** What the copy pass and the phases wrote into the image once a block failed; empty before. */
  private Optional<ImageLedger> ledger = Optional.empty();

  /** How often the rescue's state goes into the progress record at most, while it reads. */
  private static final long RECORD_INTERVAL_NANOS = 2_000_000_000L;

  private final ProgressRecord progressRecord;
  private long lastRecordedNanos;

  /**
   * @param source what to read
   * @param request the rescue's options and the block size
   * @param start where this pass starts reading the source (the bytes before it are a resumed
   *     acquisition's checked prefix, read from its image), and where an earlier pass's rescue stood
   * @param clock the phases' times
   * @param progressRecord where the rescue's state is recorded, for a resumption to go on from
   */
  RescueRun(BlockSource source, AcquisitionRequest request, PassStart start, EvidenceClock clock, ProgressRecord progressRecord) {
    this.source = source;
    this.request = request;
    this.clock = clock;
    this.progressRecord = progressRecord;
    this.copyStarted = clock.now();
    this.map = new RescueMap(source.size());
    map.mark(0, start.offset(), AreaState.FINISHED, Optional.empty());
    carryOver(start.rescue(), start.offset());
    this.lost = new LostDriveCheck(source, request.retries());
    this.copyPass = new CopyPass(source, map, lost, request.blockSize());
  }

  /**
   * The copy pass's read of the block at {@code offset}: see {@link CopyPass#read}. A block not
   * read whole closes the digests' gate.
   *
   * @throws SourceAccessException if the source is gone, lost or ended early
   */
  void copy(long offset, byte[] data, int length) throws SourceAccessException, IOException {
    int failedBefore = copyPass.failedReads().size();
    if (!copyPass.read(offset, data, length)) {
      gate.closeAt(offset);
      if (copyPass.failedReads().size() > failedBefore) {
        recordState(false);
      }
    }
    if (gate.closedAt().isPresent()) {
      if (ledger.isEmpty()) {
        ledger = Optional.of(new ImageLedger(offset, source.errorUnit()));
      }
      ledger.get().copied(offset, data, length);
    }
  }

  /**
   * Takes over where an earlier pass's rescue stood ({@code areas}, from the progress record, which
   * is not signed): its failed areas are not read again by the copy pass, which would cost a
   * dying drive's timeout for each; they are trimmed, or read sector by sector, in this pass.
   * So every sector this pass records as unreadable failed in a read of its own: one the record
   * calls bad is scraped again, never taken on the record's word.
   */
  private void carryOver(List<Area> areas, long from) {
    for (Area area : areas) {
      if (area.state() == AreaState.NON_TRIED || area.end() <= from) {
        continue;
      }
      long start = Math.max(from, area.position());
      AreaState state = area.state() == AreaState.BAD_SECTOR ? AreaState.NON_SCRAPED : area.state();
      // Without the record's error: an error the manifest names is one a read of this pass gave.
      map.mark(start, area.end() - start, state, Optional.empty());
    }
  }

  /** Writes the rescue's state into the progress record: now when {@code force}, else at most every few seconds. */
  private void recordState(boolean force) throws IOException {
    long now = System.nanoTime();
    if (force || lastRecordedNanos == 0 || now - lastRecordedNanos >= RECORD_INTERVAL_NANOS) {
      lastRecordedNanos = now;
      progressRecord.rescue(map.unfinished());
    }
  }

  /**
   * Whether a block was not read whole, so the rescue phases are still to write into the image.
   * Any thread: the gate is set before the block is published.
   */
  boolean pending() {
    return gate.closedAt().isPresent();
  }

  /** The byte from which the gated consumers take nothing of the pipeline: {@link Long#MAX_VALUE} while the gate is open. Any thread. */
  long gatedFrom() {
    return gate.closedAt().orElse(Long.MAX_VALUE);
  }

  /** {@code consumer}, behind the digests' gate. */
  BlockConsumer gated(BlockConsumer consumer) {
    return gate.gated(consumer);
  }

  /**
   * After the copy pass has read to the end: the rescue phases, then the catch-up of {@code
   * digests} (the consumers behind the gate) over the image. Nothing when no block failed.
   *
   * @return how the phases ended early, if they did (then the digests have not caught up)
   * @throws SourceAccessException if the source is gone, lost or ended early
   * @throws IOException if the image cannot be written or read back
   * @throws PipelineFailure if a digest fails
   */
  Optional<RescuePhases.Stop> finish(ImageSink sink, List<BlockConsumer> digests, BadSectorMap badSectors,
      BooleanSupplier stopRequested, ProgressListener progress)
      throws SourceAccessException, IOException, PipelineFailure, InterruptedException, EvidenceWriteException {
    OptionalLong from = gate.closedAt();
    if (from.isEmpty()) {
      return Optional.empty();
    }
    around.add(copyPhase());
    RescuePhases.Listener listener = (phase, now) -> {
      recordState(false);
      progress.onRescue(new ProgressListener.RescueProgress(phase, now.bytesIn(AreaState.NON_TRIED),
          now.bytesIn(AreaState.NON_TRIMMED) + now.bytesIn(AreaState.NON_SCRAPED), now.bytesIn(AreaState.BAD_SECTOR) / source.sectorSize()));
    };
    ImageLedger written = ledger.orElseThrow();
    RecoveredBytes image = (position, data, offset, length) -> {
      written.patched(position, data, offset, length);
      sink.patch(position, data, offset, length);
    };
    RescuePhases.Outcome outcome = new RescuePhases(source, map, lost, request.rescue(), request.blockSize(), image, clock::now,
        System::nanoTime, stopRequested, listener).run();
    phases = Optional.of(outcome);
    recordState(true);
    if (outcome.stop().filter(stop -> stop == RescuePhases.Stop.INTERRUPTED).isPresent()) {
      return outcome.stop();
    }
    recordUnread(badSectors);
    listener.onPhase("digests", map);
    Instant catchUpStarted = clock.now();
    catchUp(from.getAsLong(), sink, digests, written.check());
    around.add(new PhaseRecord("digest-catch-up", catchUpStarted, clock.now(), source.size() - from.getAsLong(), 0));
    caughtUp = true;
    return outcome.stop();
  }

  /**
   * The byte up to which the image holds the source as read and the digests have seen it: the
   * whole source once the digests caught up, else where the gate closed (after it, the image may
   * hold zeros for areas not yet read), or {@code readTo} if it never closed.
   */
  long finalUpTo(long readTo) {
    return caughtUp ? readTo : Math.min(readTo, gate.closedAt().orElse(Long.MAX_VALUE));
  }

  /**
   * The rescue for the manifest: empty when every block read whole (and none was left failed by an
   * earlier pass). Each phase as it ran: the copy pass,
   * the rescue phases, and the digests' catch-up over the image when it ran; every area not read.
   */
  Optional<Manifest.Rescue> record() {
    if (gate.closedAt().isEmpty()) { // every block read whole: no rescue
      return Optional.empty();
    }
    if (around.isEmpty()) { // stopped in the copy pass
      around.add(copyPhase());
    }
    List<PhaseRecord> all = new ArrayList<>(around.subList(0, 1));
    phases.ifPresent(outcome -> all.addAll(outcome.phases()));
    all.addAll(around.subList(1, around.size()));
    boolean timeLimitReached = phases.flatMap(RescuePhases.Outcome::stop).filter(RescuePhases.Stop.TIME_LIMIT::equals).isPresent();
    return Optional.of(new Manifest.Rescue(request.rescue(), all, map.unfinished(), timeLimitReached));
  }

  /**
   * Read errors the source recovered from: block reads of the copy passes that failed although
   * every sector of the block read fine later (in trimming or scraping), and sectors that failed
   * and then read in a retry pass. A sign of a marginal drive, worth the examiner's note.
   */
  long recoveredReads() {
    List<Area> failedCopies = new ArrayList<>(copyPass.failedReads());
    phases.ifPresent(outcome -> failedCopies.addAll(outcome.failedCopies()));
    List<Area> recoveredBlocks = failedCopies.stream()
        .filter(failed -> map.within(failed.position(), failed.end()).stream().allMatch(area -> area.state() == AreaState.FINISHED))
        .toList();
    // A sector read on a retry inside a block counted as recovered is that block's recovery, not another.
    long recoveredSectors = phases.map(RescuePhases.Outcome::recovered).orElse(List.of()).stream()
        .filter(sector -> recoveredBlocks.stream().noneMatch(block -> sector >= block.position() && sector < block.end()))
        .count();
    return recoveredBlocks.size() + recoveredSectors;
  }

  private PhaseRecord copyPhase() {
    return new PhaseRecord("copy", copyStarted, clock.now(), copyPass.bytesRead(), copyPass.failedReads().size());
  }

  /** Records every sector not read (bad, or not reached in the time limit) in {@code badSectors}, ascending. */
  private void recordUnread(BadSectorMap badSectors) {
    int sectorSize = source.sectorSize();
    for (Area area : map.unfinished()) {
      long first = area.position() / sectorSize;
      long end = (area.end() + sectorSize - 1) / sectorSize;
      badSectors.addRange(new SectorRange(first, end - first));
    }
  }

  /**
   * Hands the image from {@code from} to its end to {@code digests}, in order, each block checked
   * against what was written there ({@code check}).
   *
   * @throws EvidenceWriteException if the image is not what the acquisition read and wrote: it
   *     changed while the rescue ran, and its digests would not be of what was read from the source
   */
  private void catchUp(long from, ImageSink sink, List<BlockConsumer> digests, ImageLedger.Check check)
      throws IOException, PipelineFailure, InterruptedException, EvidenceWriteException {
    try (ImageReader image = ImageReader.open(sink.writtenParts());
        BlockPipeline pipeline = new BlockPipeline(digests, request.blockSize(), ReadRun.POOL_BLOCKS)) {
      for (long offset = from; offset < source.size();) {
        Block block = pipeline.nextFreeBlock();
        int length = (int) Math.min(block.capacity(), source.size() - offset);
        image.read(offset, block.data(), length);
        check.feed(offset, block.data(), length);
        block.fill(offset, length);
        pipeline.publish(block);
        offset += length;
      }
      Optional<String> changed = check.finish();
      if (changed.isPresent()) {
        throw new EvidenceWriteException("the image changed while the rescue ran: " + changed.get()
            + ", so its digests would not be of what was read from the source; the acquisition is not completed");
      }
      pipeline.finish();
    }
  }
}
