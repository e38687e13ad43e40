package dev.custos.rescue;

import dev.custos.error.SourceAccessException;
import dev.custos.source.BlockSource;
import dev.custos.source.LostDriveCheck;
import dev.custos.source.ReadOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The first copy pass of a rescue, block by block from the start, as the block pipeline reads: good
 * data first. Each block is read once; a block that fails is recorded {@link AreaState#NON_TRIMMED}
 * (the phases after this pass close in on it) and the pass skips ahead, leaving the next blocks
 * {@link AreaState#NON_TRIED} and growing the skip while reads keep failing, so that a dead zone
 * costs a few failed reads here and not one per sector. Bytes not read are zero in the block.
 *
 * <p>A block of a resumed rescue may hold areas the earlier run found failing: they are not read
 * again here (each failed read of a dying drive costs its timeout and wears it); their state stays.
 *
 * <p>Threading: confined to the reader thread.
 */
public final class CopyPass {
  private final BlockSource source;
  private final RescueMap map;
  private final LostDriveCheck lost;
  private final Skip skip;
  private long skipUntil;
  private final List<Area> failedReads = new ArrayList<>();
  private long bytesRead;

  /**
   * @param source what to read
   * @param map where each block's state is recorded
   * @param lost tells a lost drive from a bad area
   * @param blockSize the size of the blocks read, the first skip after a failed read
   */
  public CopyPass(BlockSource source, RescueMap map, LostDriveCheck lost, int blockSize) {
    this.source = source;
    this.map = map;
    this.lost = lost;
    this.skip = new Skip(blockSize, source.size());
  }

  /**
   * Reads bytes {@code [offset, offset + length)} into {@code destination[0, length)}, once.
   *
   * @return whether every byte of the block was read
   * @throws SourceAccessException if the source is gone, lost or ended early
   */
  public boolean read(long offset, byte[] destination, int length) throws SourceAccessException {
    boolean whole = true;
    for (Area area : map.within(offset, offset + length)) {
      int at = (int) (area.position() - offset);
      int size = (int) area.size();
      if (area.state() != AreaState.NON_TRIED || area.position() < skipUntil || !whole) {
        Arrays.fill(destination, at, at + size, (byte) 0); // failed before, skipped, or after a failure in this block
        whole = false;
        continue;
      }
      ReadOutcome outcome = source.read(area.position(), destination, at, size);
      if (outcome instanceof ReadOutcome.Failed failed) {
        lost.afterFailure(failed, area.position());
        Arrays.fill(destination, at, at + size, (byte) 0);
        Area failedArea = new Area(area.position(), size, AreaState.NON_TRIMMED, Optional.of(failed.error()));
        map.mark(failedArea);
        failedReads.add(failedArea);
        skipUntil = Math.addExact(area.end(), skip.next());
        whole = false;
        continue;
      }
      lost.requireFull(area.position(), outcome.bytes(), size);
      lost.readFine(area.position(), size);
      map.mark(area.position(), size, AreaState.FINISHED, Optional.empty());
      bytesRead += size;
    }
    if (whole) {
      skip.reset();
    }
    return whole;
  }

  /** Bytes this pass read. */
  public long bytesRead() {
    return bytesRead;
  }

  /** Reads that failed in this pass, as they failed, in order. */
  public List<Area> failedReads() {
    return List.copyOf(failedReads);
  }

  /**
   * How far a copy pass skips after a failed read: a block at first, doubling with each failed
   * read in a row, up to 1% of the source (at least a block, at most 1 GiB), as ddrescue grows its
   * skip. A read that succeeds starts it at a block again.
   */
  static final class Skip {
    private final long first;
    private final long most;
    private long next;

    Skip(int blockSize, long sourceSize) {
      this.first = blockSize;
      this.most = Math.max(blockSize, Math.min(1L << 30, sourceSize / 100 / blockSize * blockSize));
      this.next = first;
    }

    long next() {
      long now = next;
      next = Math.min(most, next * 2);
      return now;
    }

    void reset() {
      next = first;
    }
  }
}
