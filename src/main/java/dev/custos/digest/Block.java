package dev.custos.digest;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One block of the source on its way through the {@link BlockPipeline}: the bytes at
 * {@link #offset()} of the source, valid in {@code data()[0, length())}.
 *
 * <p>Consumers must only read a block, and only until they return from
 * {@link BlockConsumer#accept}: after that the pipeline may hand the same bytes to the reader
 * again. They must not keep the array.
 */
public final class Block {
  private final byte[] data;
  private final BlockPipeline owner;
  private final AtomicInteger pendingConsumers = new AtomicInteger();
  private long offset;
  private int length;

  Block(byte[] data, BlockPipeline owner) {
    this.data = data;
    this.owner = owner;
  }

  /** The buffer; bytes {@code [0, length())} are this block's. */
  public byte[] data() {
    return data;
  }

  /** Position of the first byte in the source. */
  public long offset() {
    return offset;
  }

  /** How many bytes are valid. */
  public int length() {
    return length;
  }

  /** Capacity of the buffer: the largest block the reader may fill. */
  public int capacity() {
    return data.length;
  }

  /**
   * Sets where this block lies in the source, before it is published. Called by the reader thread
   * only.
   *
   * @throws IllegalArgumentException if the range is negative or exceeds the buffer
   */
  public void fill(long offset, int length) {
    if (offset < 0 || length < 0 || length > data.length) {
      throw new IllegalArgumentException(
          "block of " + length + " bytes at offset " + offset + " does not fit a buffer of "
              + data.length);
    }
    this.offset = offset;
    this.length = length;
  }

  void expectConsumers(int count) {
    pendingConsumers.set(count);
  }

  /** Called once by every consumer thread when it is done; the last one returns the buffer. */
  void release() {
    if (pendingConsumers.decrementAndGet() == 0) {
      owner.recycle(this);
    }
  }
}
