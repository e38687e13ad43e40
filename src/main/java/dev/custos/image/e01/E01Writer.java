package dev.custos.image.e01;

import dev.custos.image.ImageFile;
import dev.custos.source.SectorRange;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes media bytes, in order, as an EnCase 6 E01 image: segment files {@code base.E01}, {@code
 * base.E02}, … each created new (never an existing file opened), fsync'ed and sealed read-only.
 *
 * <p>Threading: {@link #write}, {@link #finish} and {@link #close} are called by one thread (the
 * caller's); chunks are compressed on {@link E01Settings#compressionThreads()} background threads
 * and written in order by the caller's thread. Not reusable.
 */
public final class E01Writer implements Closeable {
  private E01Writer() {}

  /**
   * Prepares an E01 in {@code directory}; creates {@code baseName.E01} at once.
   *
   * @throws java.nio.file.FileAlreadyExistsException if the first segment exists
   * @throws IOException if it cannot be created
   */
  public static E01Writer create(Path directory, E01Settings settings, E01Media media, E01CaseFields fields) throws IOException {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Appends {@code data[offset, offset + length)} to the media; the bytes are copied, the caller may
   * reuse its array on return. Blocks while the compressors are behind.
   *
   * @throws IOException if writing failed, here or on a background thread (a full disk)
   * @throws IllegalStateException if more than the media's bytes would be written, or after finish/close
   */
  public void write(byte[] data, int offset, int length) throws IOException {
    throw new UnsupportedOperationException("not yet");
  }

  /** Media bytes accepted so far. */
  public long bytesWritten() {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Completes the image once exactly the media's bytes were written: the last chunk, the tables,
   * error2 (when {@code unreadable} is not empty), digest (when {@code sha1} is present), hash and
   * done; every file fsync'ed and sealed.
   *
   * @param unreadable sector runs that could not be read (zero-filled in the media)
   * @param md5 the media's MD5, 16 bytes
   * @param sha1 the media's SHA-1, 20 bytes, if computed
   * @throws IllegalStateException if fewer or more bytes than the media's were written
   * @throws IllegalArgumentException if a digest has the wrong length
   * @throws IOException if writing fails
   */
  public E01Summary finish(List<SectorRange> unreadable, byte[] md5, Optional<byte[]> sha1) throws IOException {
    throw new UnsupportedOperationException("not yet");
  }

  /** The segment files written so far (name, size), in order; valid after an abort too. */
  public List<ImageFile> files() {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Stops the compressors and, if {@link #finish} was not called, fsyncs and seals what was
   * written: an incomplete E01 without a done section. Never deletes anything. Idempotent.
   *
   * @throws IOException if flushing or sealing fails
   */
  @Override
  public void close() throws IOException {
    throw new UnsupportedOperationException("not yet");
  }
}
