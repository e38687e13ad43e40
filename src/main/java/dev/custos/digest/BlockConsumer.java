package dev.custos.digest;

import java.io.IOException;

/**
 * Something that takes every block of the source, in order: a digest, the image writer, progress.
 *
 * <p>Threading: the {@link BlockPipeline} calls {@link #accept} and {@link #finish} on one thread
 * of its own per consumer, so an implementation needs no locking of its own state; its results
 * may be read by other threads after {@link BlockPipeline#finish()} has returned.
 */
public interface BlockConsumer {

  /** A short name for thread names and error messages: {@code md5}, {@code image writer}. */
  String name();

  /**
   * Takes the next block; blocks arrive in order, without gaps. Must only read {@code
   * block.data()[0, block.length())} and must not keep the array after returning.
   *
   * @throws IOException if the consumer cannot go on; the pipeline then stops the acquisition
   */
  void accept(Block block) throws IOException;

  /**
   * Called once after the last block, only if every block was accepted without failure.
   *
   * @throws IOException if the consumer cannot complete its result
   */
  void finish() throws IOException;
}
