package dev.custos.image;

import dev.custos.io.EvidenceFile;
import dev.custos.io.SourceFileKey;
import dev.custos.io.StagingBuffer;
import dev.custos.io.WriteOnce;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the bytes of an image in order into the files of an {@link ImageLayout}, creating each
 * file new (an existing file is never opened for writing), or, for a resumed acquisition, going on
 * from a byte of the image whose every earlier byte has been checked ({@link #resuming}).
 *
 * <p>Threading: confined to one thread (the pipeline's writer thread). Not reusable.
 */
public final class ImageSink implements Closeable {
  private final Path directory;
  private final ImageLayout layout;
  private final List<ImageFile> finished = new ArrayList<>();
  private final StagingBuffer staging = new StagingBuffer();
  /** Sealed files reopened by {@link #patch}, by index; sealed again on {@link #close()}. */
  private final Map<Integer, FileChannel> patching = new TreeMap<>();
  private FileChannel current;
  private String currentName;
  private long currentSize;
  private long totalBytes;
  private boolean closed;
  /** Whether files from an earlier, interrupted run may be reopened; see {@link #resuming}. */
  private final boolean resuming;
  /** Whole segments before the resume point: the earlier run may have been killed before sealing the last. */
  private final int checkedSegments;
  /** Whether the file begins with a hole up to the first byte written ({@link #startAt}). */
  private boolean startsWithHole;
  /** The source, which no reopened file may be; {@code null} when not told ({@link #resuming(Path, ImageLayout, long)}). */
  private final SourceFileKey notSource;

  /**
   * Prepares to write into {@code directory}; the first file is created on the first write.
   */
  public ImageSink(Path directory, ImageLayout layout) {
    this(directory, layout, (SourceFileKey) null);
  }

  /**
   * As {@link #ImageSink(Path, ImageLayout)}; every file is created new (O_EXCL), so none can be
   * the source, but a file {@link #patch} reopens once it is sealed is proven first not to be
   * {@code notSource} (null: not checked).
   */
  public ImageSink(Path directory, ImageLayout layout, SourceFileKey notSource) {
    this.directory = directory;
    this.layout = layout;
    this.resuming = false;
    this.checkedSegments = 0;
    this.notSource = notSource;
  }

  private ImageSink(Path directory, ImageLayout layout, long offset, SourceFileKey notSource) {
    this.directory = directory;
    this.notSource = notSource;
    this.layout = layout;
    this.resuming = true;
    this.totalBytes = offset;
    this.checkedSegments = layout.isSplit() ? (int) (offset / layout.segmentSize()) : 0;
    if (layout.isSplit()) {
      for (int i = 0; i < checkedSegments; i++) {
        finished.add(new ImageFile(layout.fileName(i), layout.segmentSize()));
      }
    }
    this.currentSize = layout.isSplit() ? offset % layout.segmentSize() : offset;
  }

  /**
   * Prepares to go on writing an interrupted acquisition's image at byte {@code offset}, every
   * byte before which the caller has checked against its recorded piece digests. The files before
   * it are taken as complete. The file holding {@code offset} is made writable again, cut to the
   * checked bytes and continued; any later file of the earlier run (bytes never checked) is
   * written again from its start. A symbolic link in place of an image file is not followed.
   */
  public static ImageSink resuming(Path directory, ImageLayout layout, long offset) {
    return resuming(directory, layout, offset, null);
  }

  /**
   * As {@link #resuming(Path, ImageLayout, long)}, every file reopened (made writable, cut, written,
   * sealed) proven first not to be {@code notSource}: a refused one throws {@link
   * dev.custos.io.SourceWriteRefusedException} from the write or the close, nothing written to it.
   */
  public static ImageSink resuming(Path directory, ImageLayout layout, long offset, SourceFileKey notSource) {
    if (offset < 0) {
      throw new IllegalArgumentException("resume offset must not be negative, got " + offset);
    }
    return new ImageSink(directory, layout, offset, notSource);
  }

  /**
   * Makes the first byte written lie at byte {@code position} of the image, the file holding
   * nothing before it (a hole, which takes no room on file systems with sparse files): an E01
   * acquisition's raw rescue file holds only what follows the first block a failing source did not
   * give whole. Only before anything is written, for a single-file layout.
   *
   * @throws IllegalStateException if bytes were written already, or the layout is split
   */
  public void startAt(long position) {
    if (position < 0) {
      throw new IllegalArgumentException("start position must not be negative, got " + position);
    }
    if (totalBytes != 0 || current != null || resuming || layout.isSplit()) {
      throw new IllegalStateException("only a new single-file image may start past its byte 0");
    }
    totalBytes = position;
    currentSize = position;
    startsWithHole = true;
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
        currentSize = 0;
      }
    }
  }

  /**
   * Writes {@code data[offset, offset + length)} at byte {@code position} of the image, over bytes
   * written before: a rescue puts the sectors it read late in place of the zeros the copy pass
   * wrote for them. Called once the writes in order are over (on the thread that then owns the
   * sink). A file already sealed is made writable again until {@link #close()} seals it anew; it
   * is this acquisition's own, not yet recorded anywhere.
   *
   * @throws IOException if the image cannot be written
   * @throws IllegalArgumentException if the range is not within the bytes written
   */
  public void patch(long position, byte[] data, int offset, int length) throws IOException {
    if (closed) {
      throw new IllegalStateException("the image is closed and sealed: nothing more is written into it");
    }
    if (position < 0 || length < 0 || position > totalBytes - length) {
      throw new IllegalArgumentException("bytes " + position + "+" + length + " are not within the " + totalBytes + " bytes written");
    }
    int done = 0;
    while (done < length) {
      long at = position + done;
      int index = layout.isSplit() ? (int) (at / layout.segmentSize()) : 0;
      long within = layout.isSplit() ? at % layout.segmentSize() : at;
      int take = (int) (layout.isSplit() ? Math.min(length - done, layout.segmentSize() - within) : length - done);
      ByteBuffer buffer = staging.of(take).put(data, offset + done, take).flip();
      FileChannel channel = channelFor(index);
      while (buffer.hasRemaining()) {
        within += channel.write(buffer, within);
      }
      done += take;
    }
  }

  /** The files of the image as written so far, the last one perhaps still open, to read back. */
  public List<ImageReader.Part> writtenParts() {
    List<ImageReader.Part> parts = new ArrayList<>();
    for (ImageFile file : finished) {
      parts.add(new ImageReader.Part(file.name(), directory.resolve(file.name()), file.sizeBytes()));
    }
    if (current != null) {
      parts.add(new ImageReader.Part(currentName, directory.resolve(currentName), currentSize));
    }
    return parts;
  }

  /** The channel to patch file {@code index} through: the open one, or a sealed one reopened. */
  private FileChannel channelFor(int index) throws IOException {
    if (current != null && index == finished.size()) {
      return current;
    }
    FileChannel reopened = patching.get(index);
    if (reopened == null) {
      Path file = directory.resolve(layout.fileName(index));
      EvidenceFile.requireSingleName(file);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      reopened = EvidenceFile.openToWrite(file, notSource, StandardOpenOption.WRITE);
      patching.put(index, reopened);
    }
    return reopened;
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
    if (resuming && current == null && currentSize > 0) {
      openNext(); // a checked file nothing was written to: cut to its checked bytes and sealed as well
    }
    closeCurrent();
    for (Map.Entry<Integer, FileChannel> reopened : patching.entrySet()) {
      try (FileChannel channel = reopened.getValue()) {
        channel.force(true);
      }
      WriteOnce.seal(directory.resolve(layout.fileName(reopened.getKey())));
    }
    for (int i = 0; i < checkedSegments; i++) {
      Path segment = directory.resolve(layout.fileName(i));
      requireNotSource(segment);
      WriteOnce.seal(segment);
    }
  }

  private void openNext() throws IOException {
    currentName = layout.fileName(finished.size());
    Path file = directory.resolve(currentName);
    if (resuming && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      // Only this run's own unchecked bytes are cut: the caller checked everything before currentSize.
      // A second name (a hard link, perhaps outside the directory) would be written and chmod'ed too.
      EvidenceFile.requireSingleName(file);
      requireNotSource(file);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      current = EvidenceFile.openToWrite(file, notSource, StandardOpenOption.WRITE);
      current.truncate(currentSize);
      current.position(currentSize);
      return;
    }
    current = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    if (startsWithHole) {
      current.position(currentSize);
      return;
    }
    if (currentSize != 0) {
      throw new IOException(file + " is missing, though its first " + currentSize + " bytes were checked");
    }
  }

  private void requireNotSource(Path file) throws IOException {
    if (notSource != null) {
      notSource.requireNot(file);
    }
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
