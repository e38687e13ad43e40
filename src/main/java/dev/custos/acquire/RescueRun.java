package dev.custos.acquire;

import dev.custos.digest.Block;
import dev.custos.digest.BlockConsumer;
import dev.custos.digest.BlockPipeline;
import dev.custos.digest.PipelineFailure;
import dev.custos.error.SourceAccessException;
import dev.custos.evidence.EvidenceClock;
import dev.custos.image.ImageReader;
import dev.custos.image.ImageSink;
import dev.custos.rescue.Area;
import dev.custos.rescue.AreaState;
import dev.custos.rescue.CopyPass;
import dev.custos.rescue.PhaseRecord;
import dev.custos.rescue.RescueMap;
import dev.custos.rescue.RescuePhases;
import dev.custos.source.BadSectorMap;
import dev.custos.source.BlockSource;
import dev.custos.source.LostDriveCheck;
import dev.custos.source.SectorRange;
import java.io.IOException;
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
  private Optional<RescuePhases.Outcome> phases = Optional.empty();
  private boolean caughtUp;

  /**
   * @param source what to read
   * @param request the rescue's options and the block size
   * @param from where this pass starts reading the source: the bytes before it are a resumed
   *     acquisition's checked prefix, read from its image
   */
  RescueRun(BlockSource source, AcquisitionRequest request, long from) {
    this.source = source;
    this.request = request;
    this.map = new RescueMap(source.size());
    map.mark(0, from, AreaState.FINISHED, Optional.empty());
    this.lost = new LostDriveCheck(source, request.retries());
    this.copyPass = new CopyPass(source, map, lost, request.blockSize());
  }

  /**
   * The copy pass's read of the block at {@code offset}: see {@link CopyPass#read}. A block not
   * read whole closes the digests' gate.
   *
   * @throws SourceAccessException if the source is gone, lost or ended early
   */
  void copy(long offset, byte[] data, int length) throws SourceAccessException {
    if (!copyPass.read(offset, data, length)) {
      gate.closeAt(offset);
    }
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
  Optional<RescuePhases.Stop> finish(ImageSink sink, List<BlockConsumer> digests, BadSectorMap badSectors, EvidenceClock clock,
      BooleanSupplier stopRequested, RescuePhases.Listener listener)
      throws SourceAccessException, IOException, PipelineFailure, InterruptedException {
    OptionalLong from = gate.closedAt();
    if (from.isEmpty()) {
      return Optional.empty();
    }
    RescuePhases.Outcome outcome = new RescuePhases(source, map, lost, request.rescue(), request.blockSize(), sink::patch, clock,
        System::nanoTime, stopRequested, listener).run();
    phases = Optional.of(outcome);
    if (outcome.stop().filter(stop -> stop == RescuePhases.Stop.INTERRUPTED).isPresent()) {
      return outcome.stop();
    }
    recordUnread(badSectors);
    listener.onPhase("digests", map);
    catchUp(from.getAsLong(), sink, digests);
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

  /** The phases after the copy pass, as they ran; empty when no block failed. */
  List<PhaseRecord> phases() {
    return phases.map(RescuePhases.Outcome::phases).orElse(List.of());
  }

  /** Sectors that failed a read and then read fine in a retry pass. */
  long recoveredReads() {
    return phases.map(RescuePhases.Outcome::recoveredReads).orElse(0L);
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

  /** Hands the image from {@code from} to its end to {@code digests}, in order. */
  private void catchUp(long from, ImageSink sink, List<BlockConsumer> digests) throws IOException, PipelineFailure, InterruptedException {
    try (ImageReader image = ImageReader.open(sink.writtenParts());
        BlockPipeline pipeline = new BlockPipeline(digests, request.blockSize(), ReadRun.POOL_BLOCKS)) {
      for (long offset = from; offset < source.size();) {
        Block block = pipeline.nextFreeBlock();
        int length = (int) Math.min(block.capacity(), source.size() - offset);
        image.read(offset, block.data(), length);
        block.fill(offset, length);
        pipeline.publish(block);
        offset += length;
      }
      pipeline.finish();
    }
  }
}
