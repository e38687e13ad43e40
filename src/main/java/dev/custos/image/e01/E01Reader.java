package dev.custos.image.e01;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an E01 segment set: what it says about itself ({@link #info()}) and its media bytes, each
 * chunk checked against its Adler-32 ({@link #read}).
 *
 * <p>Threading: one caller thread; chunks are read and checked ahead on {@link #readAhead}
 * background threads. Files are only ever opened read-only.
 */
public final class E01Reader implements Closeable {
  private E01Reader() {}

  /**
   * Opens the set whose first segment is {@code firstSegment} ({@code .E01}, any case); later
   * segments are found by name. Walks every section of every segment.
   *
   * @throws E01FormatException if a file is not an E01 this reader can read, or a segment is missing
   * @throws IOException if a file cannot be read
   */
  public static E01Reader open(Path firstSegment) throws IOException {
    throw new UnsupportedOperationException("not yet");
  }

  /** What the set says about itself. */
  public E01Info info() {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Reads media bytes in order into {@code into[offset, offset + length)}. A damaged chunk is
   * delivered as zeros and recorded in {@link #damage()}.
   *
   * @return bytes read, or -1 at the end of the media
   * @throws IOException if a segment file cannot be read
   */
  public int read(byte[] into, int offset, int length) throws IOException {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Sets how many threads read and check chunks ahead; called before the first read. Default 1.
   *
   * @throws IllegalArgumentException if {@code threads} is below 1
   * @throws IllegalStateException after the first read
   */
  public void readAhead(int threads) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The damaged chunks found so far, in chunk order. */
  public List<E01ChunkDamage> damage() {
    throw new UnsupportedOperationException("not yet");
  }

  /** Stops the read-ahead threads and closes the files. Idempotent. */
  @Override
  public void close() throws IOException {
    throw new UnsupportedOperationException("not yet");
  }
}
