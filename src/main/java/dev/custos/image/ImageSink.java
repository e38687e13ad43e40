package dev.custos.image;

import dev.custos.digest.StagingBuffer;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the bytes of an image in order into the files of an {@link ImageLayout}, creating each
 * file new (an existing file is never opened for writing).
 *
 * <p>Threading: confined to one thread (the pipeline's writer thread). Not reusable.
 */
public final class ImageSink implements Closeable {
  private final Path directory;
  private final ImageLayout layout;
  private final List<ImageFile> finished = new ArrayList<>();
  private final StagingBuffer staging = new StagingBuffer();
  private FileChannel current;
  private String currentName;
  private long currentSize;
  private long totalBytes;
  private boolean closed;

  /**
   * Prepares to write into {@code directory}; the first file is created on the first write.
   */
  public ImageSink(Path directory, ImageLayout layout) {
    this.directory = directory;
    this.layout = layout;
  }

  /**
   * Appends {@code data[offset, offset + length)} to the image.
   *
   * @throws java.nio.file.FileAlreadyExistsException if an image file of that name already exists
   * @throws IOException if the write fails (a full disk among others); the bytes that reached the
   *     file before are counted in {@link #totalBytes()}
   */
  public void write(byte[] data, int offset, int length) throws IOException {
    int position = offset;
    int end = offset + length;
    while (position < end) {
      if (current == null) {
        openNext();
      }
      int take = end - position;
      if (layout.isSplit()) {
        take = (int) Math.min(take, layout.segmentSize() - currentSize);
      }
      ByteBuffer buffer = staging.of(take).put(data, position, take).flip();
      while (buffer.hasRemaining()) {
        // Counted as written, so that a write failing part way (a full disk takes what fits, then
        // refuses) leaves the recorded size equal to the file's.
        int written = current.write(buffer);
        currentSize = Math.addExact(currentSize, written);
        totalBytes = Math.addExact(totalBytes, written);
      }
      position += take;
      if (layout.isSplit() && currentSize == layout.segmentSize()) {
        closeCurrent();
      }
    }
  }

  /** Bytes written so far. */
  public long totalBytes() {
    return totalBytes;
  }

  /** The files closed and sealed so far, in order. */
  public List<ImageFile> files() {
    return List.copyOf(finished);
  }

  /**
   * Flushes the file being written, seals every file (fsync, 0444). An image of zero bytes has no
   * files. Idempotent.
   *
   * @throws IOException if flushing or sealing fails
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    closeCurrent();
  }

  private void openNext() throws IOException {
    currentName = layout.fileName(finished.size());
    current = FileChannel.open(
        directory.resolve(currentName), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    currentSize = 0;
  }

  private void closeCurrent() throws IOException {
    if (current == null) {
      return;
    }
    try (FileChannel channel = current) {
      channel.force(true);
    } finally {
      current = null;
    }
    WriteOnce.seal(directory.resolve(currentName));
    finished.add(new ImageFile(currentName, currentSize));
  }
}
