package dev.custos.verify;

import dev.custos.digest.Block;
import dev.custos.digest.BlockConsumer;
import dev.custos.digest.BlockPipeline;
import dev.custos.digest.Digest;
import dev.custos.digest.DigestConsumer;
import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.digest.PieceDigest;
import dev.custos.digest.PieceDigestConsumer;
import dev.custos.digest.PipelineFailure;
import dev.custos.digest.ProgressListener;
import dev.custos.digest.ProgressMeter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One sequential read of an image or a source through the same block pipeline acquisition uses:
 * every whole digest and the piece digests at once, one thread per algorithm, while the caller's
 * thread reads. Memory is {@link #BLOCK_SIZE} × {@link #POOL_BLOCKS} whatever the size.
 */
final class Rehash {
  /** Bytes per read. */
  static final int BLOCK_SIZE = 1 << 20;
  /** Blocks in flight. */
  static final int POOL_BLOCKS = 16;

  /** What is read: fills {@code destination[0, length)} with the bytes at {@code position}. */
  @FunctionalInterface
  interface ByteSource {
    void read(long position, byte[] destination, int length) throws IOException;
  }

  /**
   * How to cut the stream into pieces, or none.
   *
   * @param algorithm the piece digest
   * @param size bytes per piece
   */
  record PieceSpec(PieceAlgorithm algorithm, long size) {}

  /**
   * The digests of the bytes read.
   *
   * @param digests one per algorithm asked for, in that order
   * @param pieces one per piece, the last possibly short; empty without a piece spec
   * @param elapsedMillis how long the read took
   */
  record Result(List<Digest> digests, List<PieceDigest> pieces, long elapsedMillis) {
    Result {
      digests = List.copyOf(digests);
      pieces = List.copyOf(pieces);
    }
  }

  private Rehash() {}

  /**
   * Reads {@code size} bytes of {@code source} from byte 0 and digests them.
   *
   * @param pieces how to cut pieces, or null for whole digests only
   * @param badSectors unreadable sectors so far, for progress (a source re-read); {@code () -> 0} otherwise
   * @throws IOException if the source cannot be read
   * @throws InterruptedException if the calling thread is interrupted
   */
  static Result run(ByteSource source, long size, List<HashAlgorithm> algorithms, PieceSpec pieces,
      ProgressListener listener, LongSupplier badSectors) throws IOException, InterruptedException {
    List<DigestConsumer> digests = algorithms.stream().map(DigestConsumer::new).toList();
    PieceDigestConsumer pieceDigests = pieces == null ? null : new PieceDigestConsumer(pieces.algorithm(), pieces.size());
    ProgressMeter progress = new ProgressMeter(listener, size, badSectors, System::nanoTime, ProgressMeter.Observer.NONE);
    List<BlockConsumer> consumers = new ArrayList<>(digests);
    if (pieceDigests != null) {
      consumers.add(pieceDigests);
    }
    consumers.add(progress);
    try (BlockPipeline pipeline = new BlockPipeline(consumers, BLOCK_SIZE, POOL_BLOCKS)) {
      long offset = 0;
      while (offset < size) {
        Block block = pipeline.nextFreeBlock();
        int length = (int) Math.min(block.capacity(), size - offset);
        source.read(offset, block.data(), length);
        block.fill(offset, length);
        pipeline.publish(block);
        offset += length;
      }
      pipeline.finish();
    } catch (PipelineFailure e) {
      // Digest consumers only compute; a failure here is a defect, not a property of the evidence.
      throw new IllegalStateException("re-hashing failed in " + e.consumer() + ": " + e.getMessage(), e);
    }
    long elapsedMillis = progress.end(size);
    return new Result(digests.stream().map(DigestConsumer::result).toList(),
        pieceDigests == null ? List.of() : pieceDigests.result(), elapsedMillis);
  }
}
