package dev.custos.acquire;

import dev.custos.digest.Block;
import dev.custos.digest.BlockConsumer;
import java.io.IOException;
import java.util.OptionalLong;

/**
 * Keeps the digests to the bytes that are final. A rescue's copy pass writes zeros for what it
 * could not read yet and reads on; the phases after it put the late sectors in place. The digests
 * and pieces must see the image as it ends, in order, so they stop at the first block that was not
 * read whole ({@link #closeAt}) and take the rest from the image once the rescue is over.
 *
 * <p>Threading: {@link #closeAt} on the reader thread before it publishes the block; the gated
 * consumers on their pipeline threads, which see the value through the pipeline's hand-over.
 */
final class DigestGate {
  private volatile long closedAt = Long.MAX_VALUE;

  /** From the block at {@code offset} on, the gated consumers take nothing more of this pipeline. */
  void closeAt(long offset) {
    if (offset < closedAt) {
      closedAt = offset;
    }
  }

  /** Where the gate closed, if it did: the byte the digests must take from the image. */
  OptionalLong closedAt() {
    long at = closedAt;
    return at == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(at);
  }

  /** {@code inner}, taking only blocks before the gate, and finishing only if it never closed. */
  BlockConsumer gated(BlockConsumer inner) {
    return new BlockConsumer() {
      @Override
      public String name() {
        return inner.name();
      }

      @Override
      public void accept(Block block) throws IOException {
        if (block.offset() < closedAt) {
          inner.accept(block);
        }
      }

      @Override
      public void finish() throws IOException {
        if (closedAt == Long.MAX_VALUE) {
          inner.finish();
        }
      }
    };
  }
}
